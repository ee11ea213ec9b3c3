/**
 * The task pane's actions on Excel: PaneActions implemented with the pane's use cases (src/app), mapped to
 * the views the components show. The pane's components never call Office.js themselves.
 *
 * Every failure leaves here as a PaneError whose text says, in both languages, what happened and what
 * to do (describeExcelError); a raw message or stack never reaches the user.
 */
import {
  convertReading,
  generatedSheetNames,
  hasContent,
  readAll,
  removeGenerated,
  writePlan,
  type OfficeHost,
  type Reading,
} from "../app/pane-pipeline";
import { readMapping, writeMapping } from "../app/pane-settings";
import { columnLetters, cellAddress } from "../engine/core/address";
import { sortFindings, type Finding } from "../engine/core/findings";
import { findingRef } from "../engine/core/messages";
import type { ConversionResult } from "../engine/convert";
import { noticeFinding, selectCell, type AdapterNotice } from "../excel";
import {
  PaneError,
  type AnalysisView,
  type BuildView,
  type FindingView,
  type PaneActions,
  type ReviewItemView,
  type RunOptions,
  type SheetView,
} from "./actions";
import { NOTHING_RECOGNISED, toPaneError } from "./errors";

/** Lets the pane paint a progress message before a long synchronous step. */
const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function findingView(f: Finding): FindingView {
  const at = f.sheet !== undefined && f.row !== undefined && f.col !== undefined;
  return {
    severity: f.severity,
    code: f.code,
    message: f.message,
    ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
    ...(at ? { address: cellAddress(f.row!, f.col!), location: findingRef(f) } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
  };
}

/** The engine's findings and the adapter's notices (warnings), errors first, each notice once. */
function allFindings(engine: Finding[], notices: AdapterNotice[]): FindingView[] {
  const seen = new Set<string>();
  const fromHost = notices.filter((n) => !seen.has(n.code) && seen.add(n.code)).map(noticeFinding);
  return sortFindings([...fromHost, ...engine]).map(findingView);
}

function analysisView(r: ConversionResult, reading: Reading): AnalysisView {
  const generated = generatedSheetNames(reading);
  const unrecognised = new Set(
    r.findings
      .filter(
        (f) => (f.code === "FOGLIO_NON_RICONOSCIUTO" || f.code === "TABELLA_NON_RICONOSCIUTA") && f.sheet,
      )
      .map((f) => f.sheet),
  );
  const sheets: SheetView[] = [];
  const reports = new Map(r.sheets.map((s) => [s.sheet, s]));
  for (const snap of reading.snapshots) {
    const rep = reports.get(snap.name);
    if (!rep) continue;
    sheets.push({
      name: snap.name,
      status: unrecognised.has(snap.name) ? "unrecognised" : "recognised",
      summary: rep.summary,
      rowsSummary: rep.rowsSummary,
      objectives: rep.objectives,
      units: rep.units,
      indicators: rep.indicators,
      spendingFigures: rep.spendingFigures,
      ...(snap.hidden ? { hidden: true } : {}),
    });
  }
  for (const big of reading.skipped) {
    if (generated.includes(big.name)) continue;
    sheets.push({
      name: big.name,
      status: "tooLarge",
      cells: big.cells,
      objectives: 0,
      units: [],
      indicators: 0,
      spendingFigures: 0,
    });
  }
  const o = r.spending.outputs;
  return {
    sheets,
    objectives: r.objectives.length,
    indicators: r.indicators.length,
    units: r.units.map((u) => ({
      unit: u.unit,
      manager: u.manager,
      objectives: u.objectives,
      weightSum: u.weightSum,
      ok: u.ok,
      gates: u.gates,
    })),
    measures: r.measures.units.map((u) => ({ ...u, score: u.score ?? null })),
    findings: allFindings(r.findings, reading.notices),
    review: r.review.map((item): ReviewItemView => {
      if (item.kind === "unit") return { ...item };
      if (item.kind === "column")
        return { ...item, letter: columnLetters(item.col), options: item.options.map((o) => ({ ...o })) };
      return {
        kind: "weightColumn",
        sheet: item.sheet,
        row: item.row,
        options: item.options.map((c) => ({ col: c.col, letter: columnLetters(c.col), text: c.text })),
      };
    }),
    mapping: reading.mapping,
    spending: {
      found: r.spending.found,
      outcome: o.outcome,
      provisional: o.capState === "non verificabile",
      conditions: o.conditions,
      years: r.spending.years
        .filter((y) => y.year !== null)
        .map((y) => ({
          year: y.year!,
          margin: y.margin,
          outcome: y.outcome,
          provisional: y.capState === "non verificabile",
        })),
      ratio: o.ratio,
      threshold: o.threshold,
      band: o.band,
      maxSpending: o.maxSpending,
      margin: o.margin,
    },
    generated,
  };
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw toPaneError(e);
  }
}

export function createOfficeActions(host: OfficeHost): PaneActions {
  /** The workbook's sheet names at the last read: the next read takes one sync instead of two. */
  let knownNames: string[] = [];
  const remember = (reading: Reading) => {
    knownNames = [...reading.snapshots.map((x) => x.name), ...reading.skipped.map((x) => x.name)];
  };
  const sourceName = () => {
    try {
      return host.sourceName?.() ?? "";
    } catch {
      return "";
    }
  };

  const analyze = ({ language, onProgress }: RunOptions) =>
    guarded(async () => {
      onProgress?.({ phase: "read" });
      const reading = await host.run((context) => readAll(context, host, knownNames));
      remember(reading);
      onProgress?.({ phase: "analyze" });
      await nextTick();
      return analysisView(convertReading(reading, language, sourceName()), reading);
    });

  const build = ({ language, onProgress }: RunOptions) =>
    guarded(() =>
      host.run(async (context): Promise<BuildView> => {
        onProgress?.({ phase: "read" });
        const reading = await readAll(context, host, knownNames);
        remember(reading);
        onProgress?.({ phase: "analyze" });
        await nextTick();
        const result = convertReading(reading, language, sourceName());
        if (!hasContent(result)) throw new PaneError(NOTHING_RECOGNISED);
        onProgress?.({ phase: "write", done: 0, total: 1 });
        const { notices, written } = await writePlan(context, host, result, (done, total) =>
          onProgress?.({ phase: "write", done, total }),
        );
        knownNames = [...new Set([...knownNames, ...written])];
        const view = analysisView(result, { ...reading, notices: [...reading.notices, ...notices] });
        const generated = [...new Set([...view.generated, ...written])];
        return { ...view, generated, sheetsWritten: written, archived: result.archived };
      }),
    );

  return {
    analyze,
    build,
    selectCell: (sheet, address) => guarded(() => host.run((context) => selectCell(context, sheet, address))),
    removeGenerated: () =>
      guarded(async () => {
        const removed = await host.run((context) => removeGenerated(context));
        knownNames = knownNames.filter((n) => !removed.includes(n));
        return { removed };
      }),
    loadMapping: () => guarded(() => host.run((context) => readMapping(context))),
    saveMapping: (mapping) => guarded(() => host.run((context) => writeMapping(context, mapping))),
  };
}
