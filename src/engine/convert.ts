/**
 * The engine's one entry point: sheet snapshots in, normalised content + findings + WorkbookPlan out.
 * Used identically by the CLI and the task pane. Each feature contributes a part (its findings, its sheet,
 * its parameter sections); this module composes them and lays out the workbook.
 */
import type { ArchivedRow } from "./core/carryover";
import { fitColumns } from "./core/columns";
import { columnNamePlans, styleLinks } from "./core/layout";
import { SHEETS } from "./core/contract";
import { sortFindings, type Finding } from "./core/findings";
import type { Lang } from "./core/i18n";
import { finding, MESSAGES } from "./core/messages";
import type { SheetReport } from "./core/model";
import type { WorkbookPlan } from "./core/plan";
import type { SheetSnapshot, WorkbookNames } from "./core/snapshot";
import { disappearedIndicators, indicatorKey, readPreviousIndicators } from "./indicators/carryover";
import type { Indicator } from "./indicators/model";
import { indicatorsPart } from "./indicators/part";
import { measuresPart, measureUnitSummaries, type MeasureUnitSummary } from "./measures/part";
import { DEFAULT_DEADLINE_TOLERANCE } from "./measures/rules";
import { archivedRows, readPreviousRun, replacedBySource } from "./objectives/carryover";
import type { SheetMapping } from "./objectives/detect";
import type { Objective } from "./objectives/model";
import { objectiveKeys, objectivesSheet } from "./objectives/objectives-sheet";
import { scoringSections } from "./objectives/parameters";
import { ignoredRowFindings, objectivesPart, type ReviewItem } from "./objectives/part";
import { DEFAULT_SCORING, unitScore, type ScoringParameters } from "./objectives/scoring";
import { compareSummary, detectSummaryTable } from "./objectives/summary-table";
import type { UnitSummary } from "./objectives/weights";
import { weightsSheet } from "./objectives/weights-sheet";
import { possibleOutcomeTexts } from "./spending/compute";
import { spendingPart, type SpendingSummary } from "./spending/part";
import { archiveSheet, readArchive } from "./workbook/archive-sheet";
import { addMarkers, planCollisions } from "./workbook/collisions";
import { findingsSheet } from "./workbook/findings-sheet";
import { keepNamedInputs } from "./workbook/named-inputs";
import { ownership } from "./workbook/ownership";
import { parametersSheet } from "./workbook/parameters-sheet";
import { sheetReport, type SheetFound } from "./workbook/sheet-report";
import { closestLabel } from "./core/near-miss";
import { objectiveLabels } from "./core/synonyms";
import type { RowKind } from "./objectives/detect";
import { summarySheet } from "./workbook/summary-sheet";
import { append } from "./core/append";

export interface ConvertOptions {
  lang?: Lang;
  /** Name of the source shown in the summary sheet (file name or workbook title). */
  sourceName?: string;
  scoring?: ScoringParameters;
  /** Days of tolerance of the `scadenza` rule (default 0). */
  deadlineTolerance?: number;
  /** The user's review choices, by sheet name. */
  mapping?: Record<string, SheetMapping>;
  /** The workbook's defined names and tables: which sheets are the add-in's, which names are taken. */
  workbook?: WorkbookNames;
}

export interface ConversionResult {
  objectives: Objective[];
  units: UnitSummary[];
  findings: Finding[];
  sheets: SheetReport[];
  years: number[];
  indicators: Indicator[];
  /** Spending inputs found in the workbook (number of figures found) and the reference outputs. */
  spending: SpendingSummary;
  review: ReviewItem[];
  /** Measures of the objectives (`PIAO Misure`): how many rows, and per unit the monitoring state. */
  measures: { count: number; units: MeasureUnitSummary[] };
  /** Rows in `PIAO Archivio`: kept from earlier runs, of keys that disappeared, with values typed over formulas. */
  archived: number;
  plan: WorkbookPlan;
}

const ROW_KINDS: Record<RowKind, Exclude<keyof SheetReport["rows"], "ignored">> = {
  objective: "objectives",
  header: "headers",
  total: "totals",
  note: "notes",
  legend: "legends",
  other: "other",
};

/**
 * A sheet nothing was read from: a warning naming the closest known headers when it looks like a table (a
 * header-like row with data under it), otherwise a notice with the reason.
 */
function unrecognised(
  sheet: SheetSnapshot,
  report: SheetReport,
  table: { row: number; col: number; texts: string[] } | null,
): Finding {
  const at = { sheet: sheet.name, row: table?.row ?? sheet.top, col: table?.col ?? sheet.left };
  if (!table)
    return finding(
      "info",
      "FOGLIO_NON_RICONOSCIUTO",
      {
        it: MESSAGES.sheetUnrecognised(sheet.name, report.summary.it).it,
        en: MESSAGES.sheetUnrecognised(sheet.name, report.summary.en).en,
      },
      at,
    );
  const labels = objectiveLabels();
  const closest = table.texts.flatMap((t) => {
    const label = closestLabel(t, labels);
    return label ? [MESSAGES.closestHeader(t, label)] : [];
  });
  return finding(
    "warning",
    "TABELLA_NON_RICONOSCIUTA",
    {
      it: MESSAGES.tableUnrecognised(
        sheet.name,
        table.texts,
        closest.map((c) => c.it),
      ).it,
      en: MESSAGES.tableUnrecognised(
        sheet.name,
        table.texts,
        closest.map((c) => c.en),
      ).en,
    },
    at,
  );
}

export function convert(snapshots: SheetSnapshot[], opts: ConvertOptions = {}): ConversionResult {
  const lang = opts.lang ?? "it";
  const own = ownership(snapshots, opts.workbook);
  const { user, generated } = own;

  const objectives = objectivesPart(user, opts.mapping);
  const spending = spendingPart(user, generated.get(SHEETS.spending));
  const findings: Finding[] = [...own.findings, ...objectives.findings];
  const summaryRows = user.map((s) => detectSummaryTable(s));
  append(findings, compareSummary(summaryRows.flat(), objectives.units));

  // Plan years: those of the objectives' actions and targets (`Azioni AAAA`, `Target AAAA`).
  const years = [
    ...new Set(
      objectives.objectives.flatMap((o) =>
        [...Object.keys(o.actions), ...Object.keys(o.targets)].map(Number),
      ),
    ),
  ].sort((a, b) => a - b);
  const previousIndicators = readPreviousIndicators(generated.get(SHEETS.indicators));
  const indicators = indicatorsPart(user, years, { previous: previousIndicators });
  append(findings, indicators.findings);
  const reports = user.map((sheet, i) => {
    const f = objectives.perSheet.get(sheet.name)!;
    // Rows other parts read: not ignored, and not reported as ignored after an objectives table.
    const claimed = new Set([
      ...indicators.indicators.filter((x) => x.source.sheet === sheet.name).map((x) => x.source.row),
      ...(spending.rows.get(sheet.name) ?? []),
      ...summaryRows[i].flatMap((r) => [r.at.row - 1, r.at.row]),
    ]);
    append(findings, ignoredRowFindings(sheet.name, f.detection, claimed));
    const kinds: SheetFound["kinds"] = new Map([...claimed].map((r) => [r, "other"]));
    f.detection.rows.forEach((kind, row) => kinds.set(row, ROW_KINDS[kind]));
    const report = sheetReport(sheet, {
      objectives: f.objectives.length,
      units: [...new Set(f.objectives.map((o) => o.unit))],
      headers: f.detection.headers,
      figures: spending.perSheet.get(sheet.name) ?? 0,
      indicators: indicators.perSheet.get(sheet.name) ?? 0,
      summaryRows: summaryRows[i].length,
      kinds,
    });
    if (report.objectives + report.spendingFigures + report.indicators + summaryRows[i].length === 0)
      findings.push(unrecognised(sheet, report, f.detection.tableLike));
    return report;
  });
  if (objectives.objectives.length + indicators.indicators.length + spending.found === 0)
    findings.push(finding("warning", "NESSUN_CONTENUTO_PIAO", MESSAGES.noContent()));

  const previous = readPreviousRun(generated.get(SHEETS.objectives));
  const keys = objectiveKeys(objectives.objectives);
  append(findings, previous.findings, replacedBySource(previous, objectives.objectives, keys));
  const scoring = opts.scoring ?? DEFAULT_SCORING;
  const measureParameters = {
    deadlineTolerance: opts.deadlineTolerance ?? DEFAULT_DEADLINE_TOLERANCE,
    bandEdges: scoring.bandEdges,
  };
  const measures = measuresPart({
    objectives: objectives.objectives.map((o) => ({
      unit: o.unit,
      code: o.code,
      name: o.name,
      indicator: o.indicator,
      cells: o.measure,
      targets: o.targets,
      source: o.source,
    })),
    indicators: indicators.indicators
      .filter((i) => i.objectiveCode !== "")
      .map((i) => ({
        objectiveCode: i.objectiveCode,
        name: i.name,
        unitOfMeasure: i.unitOfMeasure,
        polarity: i.polarity,
        target: i.target,
        targetYear: i.targetYear,
        values: i.values,
        source: i.source,
      })),
    years,
    parameters: measureParameters,
    previous: generated.get(SHEETS.measures),
    previousObjectives: generated.get(SHEETS.objectives),
  });
  append(findings, measures.findings);
  const measureUnits = measureUnitSummaries(
    objectives.objectives.map((o, i) => ({
      unit: o.unit,
      weight: o.weight,
      typed: previous.inputs.get(keys[i])?.decValue ?? null,
    })),
    measures.objectives,
    (items) => unitScore(items, scoring),
  );
  const archive: ArchivedRow[] = [
    ...readArchive(generated.get(SHEETS.archive)),
    ...archivedRows(previous, keys),
    ...disappearedIndicators(
      previousIndicators,
      new Set(indicators.indicators.map((i) => indicatorKey(i.objectiveCode, i.name))),
    ),
    ...measures.archived,
    ...spending.archived,
  ];
  append(findings, spending.findings);

  const sorted = sortFindings(findings);
  const params = parametersSheet([
    ...scoringSections(scoring),
    ...measures.parameterSections,
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
          yearLimit: spending.outputs.yearLimit,
          ratio: spending.outputs.ratio,
          threshold: spending.outputs.threshold,
        },
        outcomeTexts: possibleOutcomeTexts(),
        indicators: indicators.indicators.length,
        indicatorCharts: indicators.charts,
      }),
      objectivesSheet(objectives.objectives, keys, years, previous.inputs, previous.extraHeaders).sheet,
      weightsSheet(objectives.units),
      measures.sheet,
      indicators.sheet,
      spending.sheet,
      findingsSheet(sorted, lang),
      params.sheet,
      ...(archive.length > 0 ? [archiveSheet(archive)] : []),
    ],
    names: [...columnNamePlans(), ...params.names, ...spending.names, ...indicators.names],
    activeSheet: SHEETS.summary,
    replaces: own.replaces,
  };
  // Inputs typed into named cells of the previous run (parameters, spending inputs) are kept.
  const kept = keepNamedInputs(plan, [...generated.values()], opts.workbook);
  addMarkers(plan);
  // Names the user owns: ours take free ones; the findings sheet reports it, and the kept inputs.
  const collisions = planCollisions(
    plan,
    user.map((s) => s.name),
    own.takenIdentifiers,
  );
  const late = [...kept, ...collisions.findings];
  const all = late.length > 0 ? sortFindings([...sorted, ...late]) : sorted;
  if (all !== sorted)
    plan.sheets[plan.sheets.findIndex((s) => s.name === SHEETS.findings)] = findingsSheet(all, lang);
  // Once every sheet is final (the findings sheet may just have been rebuilt): link styles and widths.
  for (const sheet of plan.sheets) {
    styleLinks(sheet);
    fitColumns(sheet);
  }
  collisions.apply(plan);
  return {
    objectives: objectives.objectives,
    units: objectives.units,
    findings: all,
    sheets: reports,
    years,
    indicators: indicators.indicators,
    spending: {
      inputs: spending.inputs,
      outputs: spending.outputs,
      outcome: spending.outcome,
      found: spending.found,
      years: spending.years,
    },
    measures: { count: measures.measures.length, units: measureUnits },
    archived: archive.length,
    review: objectives.review,
    plan,
  };
}
