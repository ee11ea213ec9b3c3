import { Button, mergeClasses } from "@fluentui/react-components";
import { CheckmarkCircle16Filled, ErrorCircle16Filled } from "@fluentui/react-icons";
import type { AnalysisView, SpendingView } from "../actions";
import { countFindings, formatMoney, formatNumber, formatPercent } from "../format";
import type { Strings } from "../i18n";
import { usePaneStyles } from "../styles";

export interface BuiltInfo {
  sheetsWritten: string[];
  archived: number;
}

/** Step 3's result: sheets written, units with their weight sums, findings by severity, spending outcome. */
export function BuildSummary({
  built,
  view,
  s,
  onShowProblems,
}: {
  built: BuiltInfo;
  view: AnalysisView;
  s: Strings;
  onShowProblems: () => void;
}) {
  const styles = usePaneStyles();
  const counts = countFindings(view.findings);
  return (
    <div className={styles.section} data-testid="build-summary">
      <p className={styles.text}>
        {s.sheetsWritten(built.sheetsWritten.length, built.sheetsWritten.join(", "))}
      </p>
      {built.archived > 0 && <p className={styles.text}>{s.archived(built.archived)}</p>}

      <h3 className={styles.subheading}>{s.unitsHeading}</h3>
      {view.units.length === 0 ? (
        <p className={styles.text}>{s.noUnits}</p>
      ) : (
        <ul className={styles.list} aria-label={s.unitsHeading}>
          {view.units.map((u) => {
            const Icon = u.ok ? CheckmarkCircle16Filled : ErrorCircle16Filled;
            return (
              <li key={u.unit} className={mergeClasses(styles.item, u.ok ? styles.itemOk : styles.itemError)}>
                <span className={styles.itemTitle}>
                  <Icon
                    aria-hidden="true"
                    className={mergeClasses(styles.icon, u.ok ? styles.ok : styles.error)}
                  />
                  <span className={styles.itemText}>{u.unit}</span>
                </span>
                <span>
                  {s.unitLine(u.objectives, formatNumber(u.weightSum, s))} —{" "}
                  <span className={u.ok ? styles.ok : styles.error}>{u.ok ? s.unitOk : s.unitWrong}</span>
                  {u.gates > 0 ? `; ${s.gatesLine(u.gates)}` : ""}
                </span>
              </li>
            );
          })}
        </ul>
      )}

      <div className={styles.row}>
        <p className={styles.text} data-testid="build-counts">
          {s.findingsTotals(counts)}
        </p>
        {view.findings.length > 0 && (
          <Button size="small" appearance="secondary" onClick={onShowProblems}>
            {s.showProblems}
          </Button>
        )}
      </div>

      {view.measures.length > 0 && (
        <>
          <h3 className={styles.subheading}>{s.measuresHeading}</h3>
          <ul className={styles.list} aria-label={s.measuresHeading} data-testid="measures-summary">
            {view.measures.map((m) => (
              <li key={m.unit} className={styles.item}>
                <span className={styles.itemTitle}>{m.unit}</span>
                <span>
                  {s.measuresLine({
                    ...m,
                    score: m.score !== null ? formatNumber(Math.round(m.score * 100) / 100, s) : undefined,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 className={styles.subheading}>{s.spendingHeading}</h3>
      <Spending spending={view.spending} s={s} />
    </div>
  );
}

function Spending({ spending, s }: { spending: SpendingView; s: Strings }) {
  const styles = usePaneStyles();
  if (spending.found === 0) return <p className={styles.text}>{s.spendingNotFound}</p>;
  const figures = s.spendingFigures({
    ratio: spending.ratio !== null ? formatPercent(spending.ratio, s) : undefined,
    threshold: spending.threshold !== null ? formatPercent(spending.threshold, s) : undefined,
    band: spending.band ?? undefined,
    max: spending.maxSpending !== null ? formatMoney(spending.maxSpending, s) : undefined,
    margin: spending.margin !== null ? formatMoney(spending.margin, s) : undefined,
  });
  return (
    <>
      {figures && <p className={styles.text}>{figures}</p>}
      <p className={styles.text} data-testid="spending-outcome">
        {spending.outcome ? s.spendingOutcome[spending.outcome] : s.spendingIncomplete}
        {spending.provisional ? ` ${s.spendingProvisional}` : ""}
      </p>
      <ul className={styles.text} data-testid="spending-years">
        {spending.years
          .filter((y) => y.outcome !== null)
          .map((y) => (
            <li key={y.year}>
              {s.spendingYear(
                y.year,
                s.spendingOutcome[y.outcome!] + (y.provisional ? ` ${s.spendingProvisional}` : ""),
                y.margin !== null ? formatMoney(y.margin, s) : undefined,
              )}
            </li>
          ))}
      </ul>
      <p className={styles.text} data-testid="spending-conditions">
        {s.spendingConditions[spending.conditions]}
      </p>
    </>
  );
}
