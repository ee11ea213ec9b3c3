import { useState } from "react";
import { Button, Field, Input, Select } from "@fluentui/react-components";
import type { AnalysisView, Mapping, ReviewItemView } from "../actions";
import { columnLetters } from "../../engine/core/address";
import type { Strings } from "../i18n";
import { usePaneStyles } from "../styles";

type WeightItem = Extract<ReviewItemView, { kind: "weightColumn" }>;
type UnitItem = Extract<ReviewItemView, { kind: "unit" }>;
type ColumnItem = Extract<ReviewItemView, { kind: "column" }>;

/** Review items still waiting for the user's choice (those covered by a stored choice are not). */
export function openReviewItems(view: AnalysisView): number {
  const units = view.review.filter(
    (r) => r.kind === "unit" && view.mapping[r.sheet]?.unit === undefined,
  ).length;
  const weights = new Set(view.review.filter((r) => r.kind === "weightColumn").map((r) => r.sheet)).size;
  // An ambiguous header stays a review item until the user's choice resolves it.
  return units + weights + view.review.filter((r) => r.kind === "column").length;
}

export function hasReview(view: AnalysisView): boolean {
  return view.review.length > 0 || Object.keys(view.mapping).length > 0;
}

/**
 * Step 2: where detection was not sure (the unit of a sheet's objectives, the weight column of a header, an
 * ambiguous header such as `Dir.`),
 * the user chooses; choices go into the workbook's settings and the workbook is analysed again.
 * Remount (key) after each analysis so that the inputs start from the new state.
 */
export function Review({
  view,
  s,
  disabled,
  onSave,
  onForget,
}: {
  view: AnalysisView;
  s: Strings;
  disabled: boolean;
  onSave: (mapping: Mapping) => void;
  onForget: () => void;
}) {
  const styles = usePaneStyles();
  const unitItems = view.review.filter((r): r is UnitItem => r.kind === "unit");
  const weightGroups = groupBySheet(view.review.filter((r): r is WeightItem => r.kind === "weightColumn"));
  const [units, setUnits] = useState<Record<string, string>>(() =>
    Object.fromEntries(unitItems.map((u) => [u.sheet, view.mapping[u.sheet]?.unit ?? u.current])),
  );
  const [weights, setWeights] = useState<Record<string, string>>({});
  const columnItems = view.review.filter((r): r is ColumnItem => r.kind === "column");
  const [columns, setColumns] = useState<Record<string, string>>({});
  const open = openReviewItems(view);
  const stored = Object.entries(view.mapping);

  const save = () => {
    const next: Mapping = Object.fromEntries(stored.map(([k, v]) => [k, { ...v }]));
    for (const u of unitItems) {
      const value = (units[u.sheet] ?? "").trim();
      if (value) next[u.sheet] = { ...next[u.sheet], unit: value };
    }
    for (const [sheet, value] of Object.entries(weights)) {
      if (value !== "") next[sheet] = { ...next[sheet], weightColumn: Number(value) };
    }
    for (const c of columnItems) {
      const field = c.options.find((o) => o.field === columns[`${c.sheet}|${c.col}`])?.field;
      if (field) next[c.sheet] = { ...next[c.sheet], columns: { ...next[c.sheet]?.columns, [c.col]: field } };
    }
    onSave(next);
  };

  return (
    <>
      <p className={styles.text}>{open > 0 ? s.reviewIntro(open) : s.reviewAllConfirmed}</p>
      {unitItems.map((u) => (
        <Field
          key={`unit-${u.sheet}`}
          label={s.unitLabel(u.sheet)}
          hint={
            view.mapping[u.sheet]?.unit !== undefined
              ? s.unitConfirmedHint(u.objectives)
              : s.unitHint(u.objectives, u.current)
          }
        >
          <Input
            value={units[u.sheet] ?? ""}
            onChange={(_, d) => setUnits((prev) => ({ ...prev, [u.sheet]: d.value }))}
          />
        </Field>
      ))}
      {weightGroups.map((g) => (
        <WeightChoice
          key={`weight-${g.sheet}`}
          group={g}
          s={s}
          value={weights[g.sheet] ?? ""}
          onChange={(value) => setWeights((prev) => ({ ...prev, [g.sheet]: value }))}
        />
      ))}
      {columnItems.map((c) => (
        <Field
          key={`column-${c.sheet}-${c.col}`}
          label={s.columnLabel(c.sheet, c.letter, c.text)}
          hint={s.columnHint(c.row + 1)}
        >
          <Select
            className={styles.select}
            select={{ className: styles.selectControl }}
            value={columns[`${c.sheet}|${c.col}`] ?? ""}
            onChange={(_, d) => setColumns((prev) => ({ ...prev, [`${c.sheet}|${c.col}`]: d.value }))}
          >
            <option value="">{s.weightChoose}</option>
            {c.options.map((o) => (
              <option key={o.field} value={o.field}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      {(unitItems.length > 0 || weightGroups.length > 0 || columnItems.length > 0) && (
        <Button appearance="primary" className={styles.button} disabledFocusable={disabled} onClick={save}>
          {s.saveChoices}
        </Button>
      )}
      {stored.length > 0 && (
        <>
          <h3 className={styles.subheading}>{s.storedChoices}</h3>
          <ul className={styles.list}>
            {stored.map(([sheet, choice]) => (
              <li key={sheet} className={styles.item}>
                <span className={styles.itemTitle}>{sheet}</span>
                <span>
                  {[
                    choice.unit !== undefined ? s.storedUnit(choice.unit) : "",
                    choice.weightColumn !== undefined
                      ? s.storedWeight(columnLetters(choice.weightColumn))
                      : "",
                    ...Object.entries(choice.columns ?? {}).map(([col, field]) =>
                      s.storedColumn(columnLetters(Number(col)), s.fieldNames[field]),
                    ),
                  ]
                    .filter(Boolean)
                    .join(", ")}
                </span>
              </li>
            ))}
          </ul>
          <Button className={styles.button} disabledFocusable={disabled} onClick={onForget}>
            {s.forgetChoices}
          </Button>
        </>
      )}
    </>
  );
}

interface WeightGroup {
  sheet: string;
  rows: number[];
  options: WeightItem["options"];
}

function groupBySheet(items: WeightItem[]): WeightGroup[] {
  const groups = new Map<string, WeightGroup>();
  for (const item of items) {
    const g = groups.get(item.sheet);
    if (g) g.rows.push(item.row);
    else groups.set(item.sheet, { sheet: item.sheet, rows: [item.row], options: item.options });
  }
  return [...groups.values()];
}

function WeightChoice({
  group,
  s,
  value,
  onChange,
}: {
  group: WeightGroup;
  s: Strings;
  value: string;
  onChange: (value: string) => void;
}) {
  const styles = usePaneStyles();
  return (
    <Field label={s.weightLabel(group.sheet)} hint={s.weightHint(group.rows.map((r) => r + 1).join(", "))}>
      <Select
        className={styles.select}
        select={{ className: styles.selectControl }}
        value={value}
        onChange={(_, d) => onChange(d.value)}
      >
        <option value="">{s.weightChoose}</option>
        {group.options.map((o) => (
          <option key={o.col} value={String(o.col)}>
            {s.weightOption(o.letter, o.text)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
