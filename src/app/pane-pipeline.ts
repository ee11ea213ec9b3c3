/**
 * The task pane's use cases on the open workbook, with the Office.js adapter (src/excel) and the engine:
 * read everything in one batch, convert with the same `convert` as the CLI, write the plan, remove the
 * generated sheets. The pane's components never call these with Office.js objects of their own.
 */
import type { Lang } from "../engine/core/i18n";
import type { SheetSnapshot, WorkbookNames } from "../engine/core/snapshot";
import { convert, type ConversionResult } from "../engine/convert";
import { generatedParts, generatedSheets } from "../engine/workbook/ownership";
import {
  applyPlan,
  queueRestore,
  readWorkbook,
  removeSheets,
  type AdapterNotice,
  type SkippedSheet,
  type Supports,
} from "../excel";
import { queueWorkbookNames, readWorkbookNames } from "../excel/read-names";
import { queueMapping, readMapping, type Mapping } from "./pane-settings";

/** What the actions need from the host: Excel.run, the requirement-set check and the file name. */
export interface OfficeHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  supports: Supports;
  /** Name of the workbook shown in the summary sheet (e.g. the file name); "" when unknown. */
  sourceName?: () => string;
}

export interface Reading {
  snapshots: SheetSnapshot[];
  /** Defined names and tables: which sheets are the add-in's, which names the user owns. */
  names: WorkbookNames;
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
export async function readAll(
  context: Excel.RequestContext,
  host: OfficeHost,
  sheetNames: string[],
): Promise<Reading> {
  // The setting travels with the read's first request; if that request had to be retried, its own sync.
  const queued = queueMapping(context);
  // A build interrupted beyond repair parked the previous generated sheets: put them back and read
  // again, so that what the user typed into them is carried over.
  const restore = queueRestore(context);
  const queuedNames = queueWorkbookNames(context);
  const skipped: SkippedSheet[] = [];
  const notices: AdapterNotice[] = [];
  const snapshots = await readWorkbook(context, {
    supports: host.supports,
    sheetNames,
    onSkip: (info) => skipped.push(info),
    onNotice: (n) => notices.push(n),
  });
  if (await restore()) return readAll(context, host, sheetNames);
  let mapping: Mapping;
  try {
    mapping = queued();
  } catch {
    mapping = await readMapping(context);
  }
  let names: WorkbookNames;
  try {
    names = queuedNames();
  } catch {
    names = await readWorkbookNames(context);
  }
  return { snapshots, names, mapping, skipped, notices };
}

/** Whether there is anything to build from: objectives, indicator series or spending figures. */
export function hasContent(r: ConversionResult): boolean {
  return r.objectives.length > 0 || r.indicators.length > 0 || r.spending.found > 0;
}

export function convertReading(reading: Reading, lang: Lang, sourceName: string): ConversionResult {
  return convert(reading.snapshots, { lang, sourceName, mapping: reading.mapping, workbook: reading.names });
}

export async function writePlan(
  context: Excel.RequestContext,
  host: OfficeHost,
  result: ConversionResult,
  onProgress: (done: number, total: number) => void,
): Promise<{ notices: AdapterNotice[]; written: string[] }> {
  const applied = await applyPlan(context, result.plan, { supports: host.supports, onProgress });
  return { notices: applied.notices, written: result.plan.sheets.map((x) => x.name) };
}

/** The add-in's sheets among those read (by their markers, as `convert` finds them), read or skipped. */
export function generatedSheetNames(reading: Reading): string[] {
  const all = [...reading.snapshots.map((x) => x.name), ...reading.skipped.map((x) => x.name)];
  return [...generatedSheets(all, reading.names).keys()];
}

/**
 * Removes every generated sheet (found by its marker, as `convert` finds them: a user's sheet called like one
 * stays) and the defined names that are theirs; returns the sheets removed.
 */
export async function removeGenerated(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const names = queueWorkbookNames(context);
  await context.sync();
  const parts = generatedParts(
    sheets.items.map((s) => s.name),
    names(),
  );
  if (parts.sheets.length === 0 && parts.names.length === 0) return [];
  const { removed } = await removeSheets(context, parts.sheets, { definedNames: parts.names });
  return removed;
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
