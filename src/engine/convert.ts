/**
 * The engine's one entry point: sheet snapshots in, normalised content + findings + WorkbookPlan out.
 * Used identically by the CLI and the task pane. Each feature contributes a part (its findings, its sheet,
 * its parameter sections); this module composes them and lays out the workbook.
 */
import type { ArchivedRow } from "./core/carryover";
import { fitColumns } from "./core/columns";
import { styleLinks } from "./core/layout";
import { isGeneratedSheet, SHEETS } from "./core/contract";
import { sortFindings, type Finding } from "./core/findings";
import type { Lang } from "./core/i18n";
import { finding, MESSAGES } from "./core/messages";
import type { SheetReport } from "./core/model";
import type { WorkbookPlan } from "./core/plan";
import type { SheetSnapshot } from "./core/snapshot";
import { disappearedIndicators, indicatorKey, readPreviousIndicators } from "./indicators/carryover";
import type { Indicator } from "./indicators/model";
import { indicatorsPart } from "./indicators/part";
import { disappearedRows, readPreviousRun } from "./objectives/carryover";
import type { SheetMapping } from "./objectives/detect";
import type { Objective } from "./objectives/model";
import { objectivesSheet } from "./objectives/objectives-sheet";
import { scoringSections } from "./objectives/parameters";
import { objectivesPart, type ReviewItem } from "./objectives/part";
import { DEFAULT_SCORING, type ScoringParameters } from "./objectives/scoring";
import { compareSummary, detectSummaryTable } from "./objectives/summary-table";
import type { UnitSummary } from "./objectives/weights";
import { weightsSheet } from "./objectives/weights-sheet";
import { OUTCOME_TEXT, type SpendingInputs, type SpendingOutputs } from "./spending/compute";
import { spendingPart } from "./spending/part";
import { archiveSheet, readArchive } from "./workbook/archive-sheet";
import { findingsSheet } from "./workbook/findings-sheet";
import { parametersSheet } from "./workbook/parameters-sheet";
import { sheetReport } from "./workbook/sheet-report";
import { summarySheet } from "./workbook/summary-sheet";

export interface ConvertOptions {
  lang?: Lang;
  /** Name of the source shown in the summary sheet (file name or workbook title). */
  sourceName?: string;
  scoring?: ScoringParameters;
  /** The user's review choices, by sheet name. */
  mapping?: Record<string, SheetMapping>;
}

export interface ConversionResult {
  objectives: Objective[];
  units: UnitSummary[];
  findings: Finding[];
  sheets: SheetReport[];
  years: number[];
  indicators: Indicator[];
  /** Spending inputs found in the workbook (number of figures found) and the reference outputs. */
  spending: { inputs: SpendingInputs; outputs: SpendingOutputs; outcome: string; found: number };
  review: ReviewItem[];
  /** Rows of a previous run whose key disappeared, now in `PIAO Archivio`. */
  archived: number;
  plan: WorkbookPlan;
}

export function convert(snapshots: SheetSnapshot[], opts: ConvertOptions = {}): ConversionResult {
  const lang = opts.lang ?? "it";
  const user = snapshots.filter((s) => !isGeneratedSheet(s.name));
  const generated = new Map(snapshots.filter((s) => isGeneratedSheet(s.name)).map((s) => [s.name, s]));

  const objectives = objectivesPart(user, opts.mapping);
  const spending = spendingPart(user);
  const findings: Finding[] = [...objectives.findings];
  const summaryRows = user.map((s) => detectSummaryTable(s));
  findings.push(...compareSummary(summaryRows.flat(), objectives.units));

  const years = [...new Set(objectives.objectives.flatMap((o) => Object.keys(o.actions).map(Number)))].sort(
    (a, b) => a - b,
  );
  const previousIndicators = readPreviousIndicators(generated.get(SHEETS.indicators));
  const indicators = indicatorsPart(user, years, { previous: previousIndicators });
  findings.push(...indicators.findings);
  const reports = user.map((sheet, i) => {
    const f = objectives.perSheet.get(sheet.name)!;
    const report = sheetReport(sheet, {
      objectives: f.objectives.length,
      units: [...new Set(f.objectives.map((o) => o.unit))],
      headers: f.headers,
      figures: spending.perSheet.get(sheet.name) ?? 0,
      indicators: indicators.perSheet.get(sheet.name) ?? 0,
      summaryRows: summaryRows[i].length,
    });
    if (report.objectives + report.spendingFigures + report.indicators + summaryRows[i].length === 0)
      findings.push(
        finding(
          "info",
          "FOGLIO_NON_RICONOSCIUTO",
          {
            it: MESSAGES.sheetUnrecognised(sheet.name, report.summary.it).it,
            en: MESSAGES.sheetUnrecognised(sheet.name, report.summary.en).en,
          },
          { sheet: sheet.name, row: sheet.top, col: sheet.left },
        ),
      );
    return report;
  });

  const previous = readPreviousRun(generated.get(SHEETS.objectives));
  const archive: ArchivedRow[] = [
    ...readArchive(generated.get(SHEETS.archive)),
    ...disappearedRows(previous, objectives.objectives),
    ...disappearedIndicators(
      previousIndicators,
      new Set(indicators.indicators.map((i) => indicatorKey(i.objectiveCode, i.name))),
    ),
  ];
  findings.push(...spending.findings);

  const sorted = sortFindings(findings);
  const params = parametersSheet([
    ...scoringSections(opts.scoring ?? DEFAULT_SCORING),
    indicators.parameterSection,
    ...spending.parameterSections,
  ]);
  const plan: WorkbookPlan = {
    sheets: [
      summarySheet({
        lang,
        source: opts.sourceName ?? "",
        units: objectives.units.length,
        spending: {
          spending: spending.inputs.spending,
          maxSpending: spending.outputs.maxSpending,
          increaseLimit: spending.outputs.increaseLimit,
          ratio: spending.outputs.ratio,
          threshold: spending.outputs.threshold,
        },
        outcomeTexts: Object.values(OUTCOME_TEXT),
        indicators: indicators.indicators.length,
        indicatorCharts: indicators.charts,
      }),
      objectivesSheet(objectives.objectives, years, previous.inputs).sheet,
      weightsSheet(objectives.units),
      indicators.sheet,
      spending.sheet,
      findingsSheet(sorted, lang),
      params.sheet,
      ...(archive.length > 0 ? [archiveSheet(archive)] : []),
    ],
    names: [...params.names, ...spending.names, ...indicators.names],
    activeSheet: SHEETS.summary,
  };
  for (const sheet of plan.sheets) {
    styleLinks(sheet);
    fitColumns(sheet);
  }
  return {
    objectives: objectives.objectives,
    units: objectives.units,
    findings: sorted,
    sheets: reports,
    years,
    indicators: indicators.indicators,
    spending: {
      inputs: spending.inputs,
      outputs: spending.outputs,
      outcome: spending.outcome,
      found: spending.found,
    },
    archived: archive.length,
    review: objectives.review,
    plan,
  };
}
