import { useId, useMemo, useState } from "react";
import { Button, Field, Select, mergeClasses } from "@fluentui/react-components";
import type { FindingView, Language, Severity } from "../actions";
import { countFindings } from "../format";
import type { Strings } from "../i18n";
import { usePaneStyles } from "../styles";
import { SeverityIcon } from "./SeverityIcon";

const PAGE = 100;
const SEVERITIES: Severity[] = ["error", "warning", "info"];
const NO_UNIT = "\u0000none";
const ALL = "\u0000all";
/** Errors and warnings: what the list opens on when there are any. */
const SERIOUS = "\u0000serious";

/** Step 4: every finding with its severity, message and a button that selects its source cell. */
export function Problems({
  findings,
  s,
  language,
  disabled,
  onGoTo,
  onRecheck,
}: {
  findings: FindingView[];
  s: Strings;
  language: Language;
  disabled: boolean;
  onGoTo: (finding: FindingView) => void;
  onRecheck: () => void;
}) {
  const styles = usePaneStyles();
  const counts = countFindings(findings);
  const serious = counts.error + counts.warning;
  // The user's choice; until there is one (or when it no longer applies) errors and warnings when any.
  const [chosen, setSeverity] = useState<string | null>(null);
  const severity =
    chosen === null || (chosen === SERIOUS && serious === 0) ? (serious > 0 ? SERIOUS : ALL) : chosen;
  const [unit, setUnit] = useState<string>(ALL);
  const [limit, setLimit] = useState(PAGE);
  // A new result (analysis, build, re-check) opens the list afresh: errors and warnings first again.
  const [current, setCurrent] = useState(findings);
  if (current !== findings) {
    setCurrent(findings);
    setSeverity(null);
    setLimit(PAGE);
  }
  const hintId = useId();
  const units = useMemo(() => [...new Set(findings.flatMap((f) => (f.unit ? [f.unit] : [])))], [findings]);
  const anyWithoutUnit = findings.some((f) => !f.unit);
  const shown = findings.filter(
    (f) =>
      (severity === ALL || f.severity === severity || (severity === SERIOUS && f.severity !== "info")) &&
      (unit === ALL || (unit === NO_UNIT ? !f.unit : f.unit === unit)),
  );

  return (
    <>
      {findings.length > 0 && (
        <div className={styles.filters}>
          <Field label={s.severityFilter} size="small">
            <Select
              size="small"
              className={styles.select}
              select={{ className: styles.selectControl }}
              value={severity}
              onChange={(_, d) => {
                setSeverity(d.value);
                setLimit(PAGE);
              }}
            >
              {serious > 0 && (
                <option value={SERIOUS}>
                  {s.seriousSeverities} ({serious})
                </option>
              )}
              <option value={ALL}>
                {s.allSeverities} ({findings.length})
              </option>
              {SEVERITIES.map((sev) => (
                <option key={sev} value={sev}>
                  {s.severityPlural[sev]} ({counts[sev]})
                </option>
              ))}
            </Select>
          </Field>
          <Field label={s.unitFilter} size="small">
            <Select
              size="small"
              className={styles.select}
              select={{ className: styles.selectControl }}
              value={unit}
              onChange={(_, d) => {
                setUnit(d.value);
                setLimit(PAGE);
              }}
            >
              <option value={ALL}>{s.allUnits}</option>
              {units.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
              {anyWithoutUnit && <option value={NO_UNIT}>{s.noUnit}</option>}
            </Select>
          </Field>
        </div>
      )}
      <p className={styles.text} role="status" data-testid="problems-count">
        {findings.length === 0
          ? s.noProblems
          : shown.length === 0
            ? s.noProblemsFiltered
            : s.problemsCount(shown.length, findings.length)}
      </p>
      {shown.length > 0 && (
        <ul className={styles.list} aria-label={s.problemsHeading}>
          {shown.slice(0, limit).map((f, i) => (
            <li
              key={`${f.code}-${f.location ?? ""}-${i}`}
              className={mergeClasses(
                styles.item,
                f.severity === "error"
                  ? styles.itemError
                  : f.severity === "warning"
                    ? styles.itemWarning
                    : undefined,
              )}
              data-severity={f.severity}
            >
              <span className={styles.itemTitle}>
                <SeverityIcon severity={f.severity} />
                <span className={styles.itemText}>{f.message[language]}</span>
              </span>
              <span className={styles.meta}>
                <span className={styles[f.severity]}>{s.severity[f.severity]}</span>
                {f.location ? ` · ${f.location}` : ""}
                {f.unit ? ` · ${f.unit}` : ""}
                {" · "}
                <code className={styles.code}>{f.code}</code>
              </span>
              {f.sheet && f.address && f.location && (
                <span>
                  <Button
                    size="small"
                    appearance="secondary"
                    disabledFocusable={disabled}
                    aria-label={s.goToCellLabel(f.location)}
                    onClick={() => onGoTo(f)}
                  >
                    {s.goToCell}
                  </Button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {severity === SERIOUS && counts.info > 0 && (
        <Button size="small" appearance="subtle" onClick={() => setSeverity(ALL)}>
          {s.showNotes(counts.info)}
        </Button>
      )}
      {shown.length > limit && (
        <Button appearance="subtle" onClick={() => setLimit((n) => n + PAGE)}>
          {s.showMore(Math.min(PAGE, shown.length - limit))}
        </Button>
      )}
      <Button
        className={styles.button}
        disabledFocusable={disabled}
        aria-describedby={hintId}
        onClick={onRecheck}
      >
        {s.recheck}
      </Button>
      <p id={hintId} className={styles.note}>
        {s.recheckHint}
      </p>
    </>
  );
}
