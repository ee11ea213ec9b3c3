/**
 * The engine's one entry point: sheet snapshots in, normalised content + findings + WorkbookPlan out.
 * Used identically by the CLI (exceljs) and the task pane (Office JavaScript API).
 */
import type { ArchivedRow } from "./core/carryover";
import { disappearedIndicators, indicatorKey, readPreviousIndicators } from "./indicators/carryover";
import { disappearedRows, readPreviousRun } from "./objectives/carryover";
import { readArchive } from "./workbook/archive-sheet";
import { isGeneratedSheet, SHEETS } from "./core/contract";
import { detectObjectives, type SheetMapping } from "./objectives/detect";
import { detectSpending, spendingInputs, type SpendingFigure } from "./spending/detect";
import { compareSummary, detectSummaryTable } from "./objectives/summary-table";
import { sortFindings, type Finding, type Lang } from "./core/findings";
import { finding } from "./core/messages";
import type { SheetReport } from "./core/model";
import type { Objective } from "./objectives/model";
import { normalizeObjectives } from "./objectives/normalise";
import type { Indicator } from "./indicators/model";
import { indicatorsPart } from "./indicators/part";
import type { WorkbookPlan } from "./core/plan";
import { archiveSheet } from "./workbook/archive-sheet";
import { findingsSheet } from "./workbook/findings-sheet";
import { objectivesSheet } from "./objectives/objectives-sheet";
import { scoringSections } from "./objectives/parameters";
import { parametersSheet } from "./workbook/parameters-sheet";
import { DEFAULT_SCORING, type ScoringParameters } from "./objectives/scoring";
import { summarySheet } from "./workbook/summary-sheet";
import { weightsSheet } from "./objectives/weights-sheet";
import { spendingSections, spendingSheet } from "./spending/spending-sheet";
import { computeSpending, outcomeText, type SpendingInputs, type SpendingOutputs } from "./spending/compute";
import type { SheetSnapshot } from "./core/snapshot";
import { checkWeights, scaleFractionUnits, type UnitSummary } from "./objectives/weights";

export interface ConvertOptions {
  lang?: Lang;
  /** Name of the source shown in the summary sheet (file name or workbook title). */
  sourceName?: string;
  scoring?: ScoringParameters;
  /** The user's review choices, by sheet name. */
  mapping?: Record<string, SheetMapping>;
}

/** Something detection could not determine with confidence: the task pane asks the user. */
export type ReviewItem =
  | { kind: "unit"; sheet: string; current: string; objectives: number }
  | { kind: "weightColumn"; sheet: string; row: number; options: { col: number; text: string }[] };

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

function sheetReport(
  sheet: SheetSnapshot,
  found: Objective[],
  headers: number,
  { figures, indicators, summaryRows }: { figures: number; indicators: number; summaryRows: number },
): SheetReport {
  const units = [...new Set(found.map((o) => o.unit))];
  const base = {
    sheet: sheet.name,
    objectives: found.length,
    units,
    indicators,
    spendingFigures: figures,
  };
  const parts = { it: [] as string[], en: [] as string[] };
  if (found.length > 0) {
    parts.it.push(`${found.length} obiettivi in ${units.length} unità (${units.join(", ")})`);
    parts.en.push(`${found.length} objectives in ${units.length} unit(s) (${units.join(", ")})`);
  }
  if (indicators > 0) {
    parts.it.push(`${indicators} indicatori`);
    parts.en.push(`${indicators} indicator(s)`);
  }
  if (figures > 0) {
    parts.it.push(`${figures} dati di spesa di personale`);
    parts.en.push(`${figures} staff-spending figure(s)`);
  }
  if (summaryRows > 0) {
    // The PIAO's own summary table: compared with the cards, not a source of objectives.
    parts.it.push(`tabella riassuntiva degli obiettivi (${summaryRows} righe), confrontata con le schede`);
    parts.en.push(`objectives summary table (${summaryRows} rows), compared with the cards`);
  }
  if (parts.it.length > 0)
    return { ...base, summary: { it: parts.it.join("; ") + ".", en: parts.en.join("; ") + "." } };
  const why =
    sheet.values.length === 0
      ? { it: "il foglio è vuoto", en: "the sheet is empty" }
      : headers > 0
        ? {
            it: "intestazione trovata ma nessuna riga di obiettivo sotto",
            en: "a header was found but no objective row below it",
          }
        : {
            it: "nessuna riga di intestazione con Obiettivo e Peso o Tipo",
            en: "no header row with Objective and Weight or Type",
          };
  return {
    ...base,
    summary: {
      it: `Nessun contenuto PIAO riconosciuto: ${why.it}.`,
      en: `No PIAO content recognised: ${why.en}.`,
    },
  };
}

export function convert(snapshots: SheetSnapshot[], opts: ConvertOptions = {}): ConversionResult {
  const lang = opts.lang ?? "it";
  const user = snapshots.filter((s) => !isGeneratedSheet(s.name));
  const generated = new Map(snapshots.filter((s) => isGeneratedSheet(s.name)).map((s) => [s.name, s]));

  const findings: Finding[] = [];
  const objectives: Objective[] = [];
  const reports: SheetReport[] = [];
  const figures: SpendingFigure[] = [];
  const review: ReviewItem[] = [];
  const found = new Map<string, { objectives: Objective[]; headers: number; figures: number }>();
  for (const sheet of user) {
    const mapping = opts.mapping?.[sheet.name] ?? {};
    const det = detectObjectives(sheet, mapping);
    const fromSheetName = det.objectives.filter(
      (o) => o.unitSource === "sheet" || o.unitSource === "mapping",
    );
    if (fromSheetName.length > 0)
      review.push({
        kind: "unit",
        sheet: sheet.name,
        current: fromSheetName[0].unit,
        objectives: fromSheetName.length,
      });
    for (const h of det.hiddenColumns)
      findings.push(
        finding(
          "info",
          "COLONNA_NASCOSTA",
          {
            it: `Colonna "${h.header}" nascosta: letta comunque.`,
            en: `Column "${h.header}" is hidden: read anyway.`,
          },
          { sheet: sheet.name, row: h.row, col: h.col },
        ),
      );
    for (const h of det.headersWithoutWeight)
      review.push({ kind: "weightColumn", sheet: sheet.name, row: h.row, options: h.cells });
    const norm = normalizeObjectives(det.objectives);
    objectives.push(...norm.objectives);
    findings.push(...norm.findings);
    const sheetFigures = detectSpending(sheet);
    figures.push(...sheetFigures);
    found.set(sheet.name, {
      objectives: norm.objectives,
      headers: det.headers,
      figures: sheetFigures.length,
    });
  }
  findings.push(...scaleFractionUnits(objectives));
  const checked = checkWeights(objectives);
  findings.push(...checked.findings);
  const summaryRows = user.map((s) => detectSummaryTable(s));
  findings.push(...compareSummary(summaryRows.flat(), checked.units));

  const years = [...new Set(objectives.flatMap((o) => Object.keys(o.actions).map(Number)))].sort(
    (a, b) => a - b,
  );
  const previousIndicators = readPreviousIndicators(generated.get(SHEETS.indicators));
  const indicators = indicatorsPart(user, years, { previous: previousIndicators });
  findings.push(...indicators.findings);
  for (const sheet of user) {
    const f = found.get(sheet.name)!;
    const summaryCount = summaryRows[user.indexOf(sheet)].length;
    const report = sheetReport(sheet, f.objectives, f.headers, {
      figures: f.figures,
      indicators: indicators.perSheet.get(sheet.name) ?? 0,
      summaryRows: summaryCount,
    });
    reports.push(report);
    if (report.objectives + report.spendingFigures + report.indicators + summaryCount === 0)
      findings.push(
        finding(
          "info",
          "FOGLIO_NON_RICONOSCIUTO",
          { it: `${sheet.name}: ${report.summary.it}`, en: `${sheet.name}: ${report.summary.en}` },
          { sheet: sheet.name, row: sheet.top, col: sheet.left },
        ),
      );
  }

  const previous = readPreviousRun(generated.get(SHEETS.objectives));
  const archive: ArchivedRow[] = [
    ...readArchive(generated.get(SHEETS.archive)),
    ...disappearedRows(previous, objectives),
    ...disappearedIndicators(
      previousIndicators,
      new Set(indicators.indicators.map((i) => indicatorKey(i.objectiveCode, i.name))),
    ),
  ];

  const prefill = spendingInputs(figures);
  findings.push(...prefill.findings);
  const spending = spendingSheet(prefill.inputs, prefill.sources);
  const spendingOutputs = computeSpending(prefill.inputs);

  const sorted = sortFindings(findings);
  const params = parametersSheet([
    ...scoringSections(opts.scoring ?? DEFAULT_SCORING),
    indicators.parameterSection,
    ...spendingSections(),
  ]);
  const plan: WorkbookPlan = {
    sheets: [
      summarySheet(lang, opts.sourceName ?? "", checked.units.length, indicators.charts),
      objectivesSheet(objectives, years, previous.inputs).sheet,
      weightsSheet(checked.units),
      indicators.sheet,
      spending.sheet,
      findingsSheet(sorted, lang),
      params.sheet,
      ...(archive.length > 0 ? [archiveSheet(archive)] : []),
    ],
    names: [...params.names, ...spending.names, ...indicators.names],
  };
  return {
    objectives,
    units: checked.units,
    findings: sorted,
    sheets: reports,
    years,
    indicators: indicators.indicators,
    spending: {
      inputs: prefill.inputs,
      outputs: spendingOutputs,
      outcome: outcomeText(spendingOutputs, prefill.inputs.body),
      found: prefill.found,
    },
    archived: archive.length,
    review,
    plan,
  };
}
