/**
 * The wiring between the task pane and Excel: PaneActions implemented with the Office.js adapter
 * (src/excel) and the engine (src/engine). The same `convert` as the CLI; the pane's components never
 * call Office.js themselves.
 *
 * Every failure leaves here as a PaneError whose text says, in both languages, what happened and what
 * to do (describeExcelError); a raw message or stack never reaches the user.
 */

import { columnLetters, cellAddress } from "../engine/core/address";
import { GENERATED_SHEETS, isGeneratedSheet } from "../engine/core/contract";
import { convert, type ConversionResult } from "../engine/convert";
import type { SheetMapping } from "../engine/objectives/detect";
import { sortFindings, type Finding } from "../engine/core/findings";
import { findingRef } from "../engine/core/messages";
import type { SheetSnapshot } from "../engine/core/snapshot";
import {
  applyPlan,
  noticeFinding,
  readWorkbook,
  removeSheets,
  selectCell,
  type AdapterNotice,
  type SkippedSheet,
  type Supports,
} from "../excel";
import {
  PaneError,
  type AnalysisView,
  type BuildView,
  type FindingView,
  type Language,
  type Mapping,
  type PaneActions,
  type RunOptions,
  type SheetView,
} from "./actions";
import { NOTHING_RECOGNISED, toPaneError } from "./errors";

/** The workbook setting (document settings) that keeps the review choices between runs. */
export const MAPPING_SETTING = "piao.mapping";

/** What the actions need from the host: Excel.run, the requirement-set check and the file name. */
export interface OfficeHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  supports: Supports;
  /** Name of the workbook shown in the summary sheet (e.g. the file name); "" when unknown. */
  sourceName?: () => string;
}

/** Lets the pane paint a progress message before a long synchronous step. */
const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Keeps only well-formed choices: settings live in the user's file and may have been edited. */
export function sanitizeMapping(raw: unknown): Mapping {
  let value = raw;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const sheets = (value as { sheets?: unknown }).sheets ?? value;
  if (!sheets || typeof sheets !== "object" || Array.isArray(sheets)) return {};
  const out: Mapping = {};
  for (const [sheet, choice] of Object.entries(sheets as Record<string, unknown>)) {
    if (!choice || typeof choice !== "object") continue;
    const c = choice as { unit?: unknown; weightColumn?: unknown };
    const clean: Mapping[string] = {};
    if (typeof c.unit === "string" && c.unit.trim()) clean.unit = c.unit.trim();
    if (typeof c.weightColumn === "number" && Number.isInteger(c.weightColumn) && c.weightColumn >= 0)
      clean.weightColumn = c.weightColumn;
    if (clean.unit !== undefined || clean.weightColumn !== undefined) out[sheet] = clean;
  }
  return out;
}

/** Queues the load of the stored choices; the returned function reads them after the next sync. */
function queueMapping(context: Excel.RequestContext): () => Mapping {
  const item = context.workbook.settings.getItemOrNullObject(MAPPING_SETTING);
  item.load("value");
  return () => (item.isNullObject ? {} : sanitizeMapping(item.value));
}

async function readMapping(context: Excel.RequestContext): Promise<Mapping> {
  const mapping = queueMapping(context);
  await context.sync();
  return mapping();
}

async function writeMapping(context: Excel.RequestContext, mapping: Mapping): Promise<void> {
  const clean = sanitizeMapping(mapping);
  if (Object.keys(clean).length > 0) {
    // A JSON string: the most portable setting value across Excel hosts. `add` replaces an existing key.
    context.workbook.settings.add(MAPPING_SETTING, JSON.stringify({ version: 1, sheets: clean }));
    await context.sync();
    return;
  }
  const item = context.workbook.settings.getItemOrNullObject(MAPPING_SETTING);
  await context.sync();
  if (!item.isNullObject) {
    item.delete();
    await context.sync();
  }
}

/** Defined names the generated sheets create (they would be left pointing at #REF! otherwise). */
let generatedNames: string[] | undefined;
function definedNamesOfGeneratedSheets(): string[] {
  generatedNames ??= convert([]).plan.names.map((n) => n.name);
  return generatedNames;
}

interface Reading {
  snapshots: SheetSnapshot[];
  mapping: Mapping;
  /** Sheets left out because they are over Excel's read limit. */
  skipped: SkippedSheet[];
  /** What this host could not do (an older ExcelApi), as the adapter words it. */
  notices: AdapterNotice[];
}

/**
 * One read of the workbook: the stored choices and every sheet, the generated ones included (the
 * engine carries what the user typed into them over to the next build, and the pane lists them).
 * `sheetNames` are the names seen last time: with them the adapter reads in one sync instead of two.
 */
async function readAll(
  context: Excel.RequestContext,
  host: OfficeHost,
  sheetNames: string[],
): Promise<Reading> {
  // The setting travels with the read's first request; if that request had to be retried, its own sync.
  const queued = queueMapping(context);
  const skipped: SkippedSheet[] = [];
  const notices: AdapterNotice[] = [];
  const snapshots = await readWorkbook(context, {
    supports: host.supports,
    sheetNames,
    onSkip: (info) => skipped.push(info),
    onNotice: (n) => notices.push(n),
  });
  let mapping: Mapping;
  try {
    mapping = queued();
  } catch {
    mapping = await readMapping(context);
  }
  return { snapshots, mapping, skipped, notices };
}

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
  const unrecognised = new Set(
    r.findings.filter((f) => f.code === "FOGLIO_NON_RICONOSCIUTO" && f.sheet).map((f) => f.sheet),
  );
  const sheets: SheetView[] = [];
  const reports = new Map(r.sheets.map((s) => [s.sheet, s]));
  for (const snap of reading.snapshots) {
    const rep = reports.get(snap.name);
    if (!rep || isGeneratedSheet(snap.name)) continue;
    sheets.push({
      name: snap.name,
      status: unrecognised.has(snap.name) ? "unrecognised" : "recognised",
      summary: rep.summary,
      objectives: rep.objectives,
      units: rep.units,
      indicators: rep.indicators,
      spendingFigures: rep.spendingFigures,
      ...(snap.hidden ? { hidden: true } : {}),
    });
  }
  for (const big of reading.skipped) {
    if (isGeneratedSheet(big.name)) continue;
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
    findings: allFindings(r.findings, reading.notices),
    review: r.review.map((item) =>
      item.kind === "unit"
        ? { ...item }
        : {
            kind: "weightColumn" as const,
            sheet: item.sheet,
            row: item.row,
            options: item.options.map((c) => ({ col: c.col, letter: columnLetters(c.col), text: c.text })),
          },
    ),
    mapping: reading.mapping,
    spending: {
      found: r.spending.found,
      outcome: o.outcome,
      ratio: o.ratio,
      threshold: o.threshold,
      band: o.band,
      maxSpending: o.maxSpending,
      margin: o.margin,
    },
    generated: [...reading.snapshots.map((x) => x.name), ...reading.skipped.map((x) => x.name)].filter(
      isGeneratedSheet,
    ),
  };
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw toPaneError(e);
  }
}

/** Whether there is anything to build from: objectives, indicator series or spending figures. */
function hasContent(r: ConversionResult): boolean {
  return r.objectives.length > 0 || r.indicators.length > 0 || r.spending.found > 0;
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
  const conversion = (reading: Reading, language: Language) =>
    convert(reading.snapshots, {
      lang: language,
      sourceName: sourceName(),
      mapping: reading.mapping satisfies Record<string, SheetMapping>,
    });

  const analyze = ({ language, onProgress }: RunOptions) =>
    guarded(async () => {
      onProgress?.({ phase: "read" });
      const reading = await host.run((context) => readAll(context, host, knownNames));
      remember(reading);
      onProgress?.({ phase: "analyze" });
      await nextTick();
      return analysisView(conversion(reading, language), reading);
    });

  const build = ({ language, onProgress }: RunOptions) =>
    guarded(() =>
      host.run(async (context): Promise<BuildView> => {
        onProgress?.({ phase: "read" });
        const reading = await readAll(context, host, knownNames);
        remember(reading);
        onProgress?.({ phase: "analyze" });
        await nextTick();
        const result = conversion(reading, language);
        if (!hasContent(result)) throw new PaneError(NOTHING_RECOGNISED);
        onProgress?.({ phase: "write", done: 0, total: 1 });
        const applied = await applyPlan(context, result.plan, {
          supports: host.supports,
          onProgress: (done, total) => onProgress?.({ phase: "write", done, total }),
        });
        const written = result.plan.sheets.map((x) => x.name);
        knownNames = [...new Set([...knownNames, ...written])];
        const view = analysisView(result, { ...reading, notices: [...reading.notices, ...applied.notices] });
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
        const { removed } = await host.run((context) =>
          removeSheets(context, [...GENERATED_SHEETS], { definedNames: definedNamesOfGeneratedSheets() }),
        );
        knownNames = knownNames.filter((n) => !removed.includes(n));
        return { removed };
      }),
    loadMapping: () => guarded(() => host.run((context) => readMapping(context))),
    saveMapping: (mapping) => guarded(() => host.run((context) => writeMapping(context, mapping))),
  };
}

/** The workbook's file name from Office (without the path), or "" when Office does not say. */
export function officeSourceName(): string {
  const url = typeof Office !== "undefined" ? Office.context?.document?.url : undefined;
  if (!url) return "";
  const last = url.split(/[\\/]/).pop() ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
