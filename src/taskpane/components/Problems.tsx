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
  const [severity, setSeverity] = useState<string>(ALL);
  const [unit, setUnit] = useState<string>(ALL);
  const [limit, setLimit] = useState(PAGE);
  const hintId = useId();
  const counts = countFindings(findings);
  const units = useMemo(() => [...new Set(findings.flatMap((f) => (f.unit ? [f.unit] : [])))], [findings]);
  const anyWithoutUnit = findings.some((f) => !f.unit);
  const shown = findings.filter(
    (f) =>
      (severity === ALL || f.severity === severity) &&
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
                <span className={styles[f.severity]}>{s.severity[f.severity]}</span>
                {f.location && <span className={styles.muted}>· {f.location}</span>}
              </span>
              <span>{f.message[language]}</span>
              <span className={styles.muted}>
                {f.code}
                {f.unit ? ` · ${f.unit}` : ""}
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
