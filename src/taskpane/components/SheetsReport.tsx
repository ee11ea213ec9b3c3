import { MessageBar, MessageBarBody, MessageBarTitle, mergeClasses } from "@fluentui/react-components";
import { CheckmarkCircle16Filled, Info16Regular, Warning16Filled } from "@fluentui/react-icons";
import type { AnalysisView, Language, SheetView } from "../actions";
import { formatNumber } from "../format";
import type { Strings } from "../i18n";
import { usePaneStyles } from "../styles";

export function isBuildable(view: AnalysisView): boolean {
  return view.objectives > 0 || view.indicators > 0 || view.spending.found > 0;
}

/** Step 1's result: what detection made of each of the user's sheets, or why it found nothing. */
export function SheetsReport({ view, s, language }: { view: AnalysisView; s: Strings; language: Language }) {
  const styles = usePaneStyles();
  const withObjectives = view.sheets.filter((x) => x.objectives > 0).length;
  const withSpending = view.sheets.filter((x) => x.spendingFigures > 0).length;
  const withIndicators = view.sheets.filter((x) => x.indicators > 0).length;
  const indicators = view.sheets.reduce((n, x) => n + x.indicators, 0);
  const unrecognised = view.sheets.filter((x) => x.status !== "recognised").length;
  return (
    <>
      <p className={styles.text} data-testid="sheets-summary">
        {s.sheetsSummary({
          sheets: view.sheets.length,
          withObjectives,
          objectives: view.objectives,
          units: view.units.length,
          withIndicators,
          indicators,
          withSpending,
          unrecognised,
        })}
      </p>
      <ul className={styles.list} aria-label={s.analyzeHeading}>
        {view.sheets.map((sheet) => (
          <SheetItem key={sheet.name} sheet={sheet} s={s} language={language} />
        ))}
      </ul>
      {view.generated.length > 0 && (
        <p className={styles.note}>{s.generatedPresent(view.generated.join(", "))}</p>
      )}
      {!isBuildable(view) && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.nothingRecognisedTitle}</MessageBarTitle> {s.nothingRecognised}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function SheetItem({ sheet, s, language }: { sheet: SheetView; s: Strings; language: Language }) {
  const styles = usePaneStyles();
  const recognised = sheet.status === "recognised";
  const Icon = recognised
    ? CheckmarkCircle16Filled
    : sheet.status === "tooLarge"
      ? Warning16Filled
      : Info16Regular;
  return (
    <li
      className={mergeClasses(
        styles.item,
        recognised ? styles.itemOk : sheet.status === "tooLarge" ? styles.itemWarning : undefined,
      )}
    >
      <span className={styles.itemTitle}>
        <Icon
          aria-hidden="true"
          className={mergeClasses(
            styles.icon,
            recognised ? styles.ok : sheet.status === "tooLarge" ? styles.warning : styles.info,
          )}
        />
        <span className={styles.itemText}>
          {sheet.name}{" "}
          <span className={styles.muted}>
            · {s.sheetStatus[sheet.status]}
            {sheet.hidden ? ` · ${s.hiddenSheet}` : ""}
          </span>
        </span>
      </span>
      <span>
        {sheet.status === "tooLarge"
          ? s.sheetTooLarge(formatNumber(sheet.cells ?? 0, s, 0))
          : (sheet.summary?.[language] ?? "")}
      </span>
      {sheet.rowsSummary && <span className={styles.muted}>{sheet.rowsSummary[language]}.</span>}
    </li>
  );
}
