/**
 * The engine's one entry point: sheet snapshots in, normalised content + findings + WorkbookPlan out.
 * Used identically by the CLI (exceljs) and the task pane (Office.js).
 */
import { readArchive, disappearedRows, readPreviousRun, type ArchivedRow } from "./carryover";
import { isGeneratedSheet, SHEETS } from "./contract";
import { detectObjectives, type SheetMapping } from "./detect-objectives";
import { detectSpending, spendingInputs, type SpendingFigure } from "./detect-spending";
import { compareSummary, detectSummaryTable } from "./detect-summary";
import { sortFindings, type Finding, type Lang } from "./findings";
import { finding } from "./messages";
import type { Objective, SheetReport } from "./model";
import { normalizeObjectives } from "./objectives";
import type { WorkbookPlan } from "./plan";
import { archiveSheet } from "./sheets/archive-sheet";
import { findingsSheet } from "./sheets/findings-sheet";
import { objectivesSheet } from "./sheets/objectives-sheet";
import { parametersSheet, scoringSections } from "./sheets/parameters-sheet";
import { DEFAULT_SCORING, type ScoringParameters } from "./scoring";
import { summarySheet } from "./sheets/summary-sheet";
import { weightsSheet } from "./sheets/weights-sheet";
import { spendingSections, spendingSheet } from "./sheets/spending-sheet";
import { computeSpending, outcomeText, type SpendingInputs, type SpendingOutputs } from "./spending";
import type { SheetSnapshot } from "./snapshot";
import { checkWeights, scaleFractionUnits, type UnitSummary } from "./weights";

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
  figures: number,
): SheetReport {
  const units = [...new Set(found.map((o) => o.unit))];
  const base = {
    sheet: sheet.name,
    objectives: found.length,
    units,
    indicators: 0,
    spendingFigures: figures,
  };
  const parts = { it: [] as string[], en: [] as string[] };
  if (found.length > 0) {
    parts.it.push(`${found.length} obiettivi in ${units.length} unità (${units.join(", ")})`);
    parts.en.push(`${found.length} objectives in ${units.length} unit(s) (${units.join(", ")})`);
  }
  if (figures > 0) {
    parts.it.push(`${figures} dati di spesa di personale`);
    parts.en.push(`${figures} staff-spending figure(s)`);
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
    for (const h of det.headersWithoutWeight)
      review.push({ kind: "weightColumn", sheet: sheet.name, row: h.row, options: h.cells });
    const norm = normalizeObjectives(det.objectives);
    objectives.push(...norm.objectives);
    findings.push(...norm.findings);
    const sheetFigures = detectSpending(sheet);
    figures.push(...sheetFigures);
    const report = sheetReport(sheet, norm.objectives, det.headers, sheetFigures.length);
    reports.push(report);
    if (report.objectives === 0 && report.spendingFigures === 0)
      findings.push(
        finding(
          "info",
          "FOGLIO_NON_RICONOSCIUTO",
          { it: `${sheet.name}: ${report.summary.it}`, en: `${sheet.name}: ${report.summary.en}` },
          { sheet: sheet.name, row: sheet.top, col: sheet.left },
        ),
      );
  }
  findings.push(...scaleFractionUnits(objectives));
  const checked = checkWeights(objectives);
  findings.push(...checked.findings);
  findings.push(...compareSummary(user.flatMap(detectSummaryTable), checked.units));

  const years = [...new Set(objectives.flatMap((o) => Object.keys(o.actions).map(Number)))].sort(
    (a, b) => a - b,
  );
  const previous = readPreviousRun(generated.get(SHEETS.objectives));
  const archive: ArchivedRow[] = [
    ...readArchive(generated.get(SHEETS.archive)),
    ...disappearedRows(previous, objectives),
  ];

  const prefill = spendingInputs(figures);
  findings.push(...prefill.findings);
  const spending = spendingSheet(prefill.inputs, prefill.sources);
  const spendingOutputs = computeSpending(prefill.inputs);

  const sorted = sortFindings(findings);
  const params = parametersSheet([
    ...scoringSections(opts.scoring ?? DEFAULT_SCORING),
    ...spendingSections(),
  ]);
  const plan: WorkbookPlan = {
    sheets: [
      summarySheet(lang, opts.sourceName ?? "", checked.units.length),
      objectivesSheet(objectives, years, previous.inputs).sheet,
      weightsSheet(checked.units),
      spending.sheet,
      findingsSheet(sorted, lang),
      params.sheet,
      ...(archive.length > 0 ? [archiveSheet(archive)] : []),
    ],
    names: [...params.names, ...spending.names],
  };
  return {
    objectives,
    units: checked.units,
    findings: sorted,
    sheets: reports,
    years,
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
