/**
 * Reads the workbook into SheetSnapshots with Office.js, in as few syncs as the host allows.
 *
 * Normal case, one batch for every sheet: the used range (position, size, `cellCount`, hidden flags and
 * values), the formula cells and the numeric constants (through `getSpecialCellsOrNullObject`, ExcelApi
 * 1.9, so that constant text is not sent twice and `General` is not sent for every empty cell) and the
 * merged areas (ExcelApi 1.13). That is:
 * - ONE sync when the caller passes `sheetNames` (the names it already knows, e.g. from an earlier read
 *   in the same session): the sheet list is loaded in the same batch to check the names; a sheet added
 *   since costs one more sync, a sheet renamed or deleted since makes the read start again without the
 *   names;
 * - TWO syncs otherwise: Office.js offers no way to reach a sheet's cells without its name, so the
 *   names are learnt first.
 * Fallbacks, each costing syncs only when needed:
 * - when the batch is rejected (Excel on the web refuses responses over 5 MB; a used range over
 *   5,000,000 cells cannot be read at once), one sync loads the used ranges' sizes and the contents are
 *   read in row slices sized to the response budget, adapting to the bytes per cell observed;
 * - without ExcelApi 1.9 the formulas and number formats come as whole grids (more bytes);
 * - rows or columns only partly hidden: one more sync finds them (visible special cells, or per-row
 *   probes up to `hiddenProbeLimit` without ExcelApi 1.9);
 * - without ExcelApi 1.13 merged areas are not read, and `onNotice` is told so.
 */

import { cellAddress } from "../engine/core/address";
import type { Scalar, SheetSnapshot } from "../engine/core/snapshot";
import { SheetTooLargeError, excelErrorCode } from "./errors";
import { type AdapterNotice, notice } from "./notices";
import { jsonBytes } from "./payload";
import { parseAreaList } from "./refs";
import { type Supports, officeSupports } from "./supports";

/** Excel returns null (or fails) for reads of more than 5,000,000 cells in one range. */
export const MAX_READ_CELLS = 5_000_000;

/** Rows/columns probed one by one for their hidden flag when a sheet has some hidden (bounded cost). */
export const DEFAULT_HIDDEN_PROBE_LIMIT = 2_000;

/** Excel on the web rejects responses over 5 MB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/** Slices aim at this share of the response budget, leaving room for misestimates. */
const RESPONSE_FILL = 0.8;

/** First guesses of response bytes per cell, before any slice has been measured. */
const GUESS_BYTES_PER_CELL = { slim: 16, full: 40 };

export interface SkippedSheet {
  name: string;
  cells: number;
  reason: "too-large";
}

export interface ReadOptions {
  /** Sheets not to read; asked once per sheet, in tab order (hinted names first with `sheetNames`). */
  skipSheets?: (name: string) => boolean;
  /**
   * Called for a sheet left out because its used range exceeds `maxCells`. Without it, such a sheet
   * makes the read fail with `SheetTooLargeError` (nothing is skipped silently).
   */
  onSkip?: (info: SkippedSheet) => void;
  /** Default 5,000,000 (Excel's limit for one read). */
  maxCells?: number;
  hiddenProbeLimit?: number;
  supports?: Supports;
  /**
   * The workbook's sheet names as the caller last saw them (any order). With them the read takes one
   * sync; without, two. Wrong or stale names cost a sync or two more, never a wrong result.
   */
  sheetNames?: string[];
  /** Response budget per sync, used to size row slices in the fallback (default 5 MB). */
  maxResponseBytes?: number;
  /** Told what could not be read on this host (e.g. merged areas below ExcelApi 1.13). */
  onNotice?: (notice: AdapterNotice) => void;
}

interface Resolved {
  supports: Supports;
  maxCells: number;
  probeLimit: number;
  maxResponse: number;
  skip: (name: string) => boolean;
  onSkip?: (info: SkippedSheet) => void;
  onNotice?: (notice: AdapterNotice) => void;
}

/** A sheet to read: its name (as Excel spells it) and a proxy. */
interface Target {
  name: string;
  ws: Excel.Worksheet;
}

/** Cell content of one sheet's used range, filled slice by slice. */
class Grid {
  readonly values: Scalar[][];
  formulas: (string | null)[][] | null = null;
  formats: (string | null)[][] | null = null;

  constructor(
    readonly top: number,
    readonly left: number,
    readonly rows: number,
    readonly cols: number,
  ) {
    this.values = Array.from({ length: rows }, () => new Array<Scalar>(cols).fill(null));
  }

  private blank(): (string | null)[][] {
    return Array.from({ length: this.rows }, () => new Array<string | null>(this.cols).fill(null));
  }

  /** Absolute sheet position → grid position, or null outside the used range. */
  private at(row: number, col: number): [number, number] | null {
    const r = row - this.top;
    const c = col - this.left;
    return r >= 0 && r < this.rows && c >= 0 && c < this.cols ? [r, c] : null;
  }

  setFormula(row: number, col: number, f: string): void {
    const p = this.at(row, col);
    if (p) (this.formulas ??= this.blank())[p[0]][p[1]] = f;
  }

  setFormat(row: number, col: number, nf: unknown): void {
    if (typeof nf !== "string" || nf === "General" || nf === "") return;
    const p = this.at(row, col);
    if (p) (this.formats ??= this.blank())[p[0]][p[1]] = nf;
  }
}

interface UsedInfo {
  target: Target;
  used: Excel.Range;
  grid: Grid;
  rowHidden: boolean | null;
  colHidden: boolean | null;
  merges: string[];
  /** Set only for partly hidden rows/columns (see completeHidden). */
  hiddenRows?: number[];
  hiddenCols?: number[];
}

/** What a sheet read ended as. */
type Outcome = { kind: "empty" } | { kind: "skipped" } | { kind: "read"; info: UsedInfo };

const USED_PROPS = "rowIndex,columnIndex,rowCount,columnCount,cellCount,rowHidden,columnHidden";
const AREA_PROPS = (props: string[]) => props.map((p) => `areas/items/${p}`).join(",");

const lc = (s: string) => s.toLowerCase();

/** `skipSheets` asked once per sheet name (callers may record the names they are shown). */
function once(skip: ((name: string) => boolean) | undefined): (name: string) => boolean {
  if (!skip) return () => false;
  const memo = new Map<string, boolean>();
  return (name) => {
    let r = memo.get(lc(name));
    if (r === undefined) {
      r = skip(name);
      memo.set(lc(name), r);
    }
    return r;
  };
}

export async function readWorkbook(
  context: Excel.RequestContext,
  opts: ReadOptions = {},
): Promise<SheetSnapshot[]> {
  const o: Resolved = {
    supports: opts.supports ?? officeSupports,
    maxCells: opts.maxCells ?? MAX_READ_CELLS,
    probeLimit: opts.hiddenProbeLimit ?? DEFAULT_HIDDEN_PROBE_LIMIT,
    maxResponse: opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    skip: once(opts.skipSheets),
    onSkip: opts.onSkip,
    onNotice: opts.onNotice,
  };
  if (!o.supports("1.13")) o.onNotice?.(notice("EXCEL_API_CELLE_UNITE"));
  const list = context.workbook.worksheets;

  if (opts.sheetNames && opts.sheetNames.length > 0) {
    // One batch: the list (to check the names) and the contents of every named sheet.
    list.load("items/name,items/visibility");
    const seen = new Set<string>();
    const hinted = opts.sheetNames.filter((n) => {
      if (o.skip(n) || seen.has(lc(n))) return false;
      seen.add(lc(n));
      return true;
    });
    const targets = hinted.map((name) => ({ name, ws: context.workbook.worksheets.getItem(name) }));
    const pending = targets.map((t) => queueWholeSheet(t, o));
    const outcomes = new Map<string, Outcome>();
    let read = false;
    try {
      await context.sync();
      read = true;
    } catch (e) {
      // A name that no longer exists: start again from the list.
      if (excelErrorCode(e) === "ItemNotFound") return readFromList(context, o);
      // Anything else (a response too large): the cautious path, the list loaded with the sizes.
      list.load("items/name,items/visibility");
      const again = hinted.map((name) => ({ name, ws: context.workbook.worksheets.getItem(name) }));
      for (const [k, v] of await readInSlices(context, again, o)) outcomes.set(k, v);
    }
    if (read) targets.forEach((t, i) => outcomes.set(lc(t.name), pending[i]()));
    const present = list.items.filter((ws) => !o.skip(ws.name));
    const added = present.filter((ws) => !outcomes.has(lc(ws.name)));
    if (added.length > 0) {
      const more = await readTargets(
        context,
        added.map((ws) => ({ name: ws.name, ws })),
        o,
      );
      for (const [k, v] of more) outcomes.set(k, v);
    }
    await completeHidden(context, [...outcomes.values()], o);
    return assemble(present, outcomes);
  }
  return readFromList(context, o);
}

/** Two syncs or more: the sheet list, then the contents (in one batch, falling back to slices). */
async function readFromList(context: Excel.RequestContext, o: Resolved): Promise<SheetSnapshot[]> {
  const list = context.workbook.worksheets;
  list.load("items/name,items/visibility");
  await context.sync();
  const present = list.items.filter((ws) => !o.skip(ws.name));
  const outcomes = await readTargets(
    context,
    present.map((ws) => ({ name: ws.name, ws })),
    o,
  );
  await completeHidden(context, [...outcomes.values()], o);
  return assemble(present, outcomes);
}

function assemble(present: Excel.Worksheet[], outcomes: Map<string, Outcome>): SheetSnapshot[] {
  const out: SheetSnapshot[] = [];
  for (const ws of present) {
    const r = outcomes.get(lc(ws.name));
    if (!r || r.kind === "skipped") continue;
    const snap: SheetSnapshot =
      r.kind === "empty"
        ? { name: ws.name, top: 0, left: 0, values: [], merges: [], hiddenRows: [], hiddenCols: [] }
        : toSnapshot(ws.name, r.info);
    snap.hidden = ws.visibility !== "Visible";
    out.push(snap);
  }
  return out;
}

/** Reads `targets` in one batch, falling back to slices when the batch is rejected. */
async function readTargets(
  context: Excel.RequestContext,
  targets: Target[],
  o: Resolved,
): Promise<Map<string, Outcome>> {
  if (targets.length === 0) return new Map();
  const pending = targets.map((t) => queueWholeSheet(t, o));
  try {
    await context.sync();
  } catch {
    // Too large for one response, or refused for another reason: the slice path is the cautious one
    // (sizes first, then bounded reads), and rethrows what is not about size.
    return readInSlices(context, targets, o);
  }
  return new Map(targets.map((t, i) => [lc(t.name), pending[i]()]));
}

/** Checks the cell cap; returns false when the sheet is skipped (throws when there is no onSkip). */
function withinCap(name: string, cells: number, o: Resolved): boolean {
  if (cells <= o.maxCells) return true;
  if (!o.onSkip) throw new SheetTooLargeError(name, cells, o.maxCells);
  o.onSkip({ name, cells, reason: "too-large" });
  return false;
}

/**
 * Queues everything for one sheet in the current batch; the returned function reads the results after
 * the sync. Empty sheets give a null used range, which is fine to load from (the documented pattern).
 */
function queueWholeSheet(t: Target, o: Resolved): () => Outcome {
  const slim = o.supports("1.9");
  const used = t.ws.getUsedRangeOrNullObject(true).load(USED_PROPS);
  // The same range, as a proxy that is never a null object (A1 on an empty sheet), to chain from:
  // what Excel does with calls on a null object is not documented. Special cells are looked for in
  // the used range, not the whole sheet (slow on a whole sheet, office-js #4245).
  const base = t.ws.getUsedRange(true);
  const contents = queueContents(used, slim ? base : null);
  const merges = o.supports("1.13") ? base.getMergedAreasOrNullObject().load("address") : null;
  return () => {
    if (used.isNullObject) return { kind: "empty" };
    if (!withinCap(t.name, used.cellCount, o)) return { kind: "skipped" };
    const grid = new Grid(used.rowIndex, used.columnIndex, used.rowCount, used.columnCount);
    contents(grid, 0);
    return {
      kind: "read",
      info: {
        target: t,
        used,
        grid,
        rowHidden: used.rowHidden,
        colHidden: used.columnHidden,
        merges: merges && !merges.isNullObject ? parseAreaList(merges.address) : [],
      },
    };
  };
}

/**
 * Queues the loads of a range's contents. With `areasBase` (ExcelApi 1.9) only values come as a grid;
 * formulas (with their number formats) and the number formats of numeric constants come as areas of
 * special cells of `areasBase`. Without it, formulas and number formats come as whole grids.
 * The returned function copies the results into `grid` (the range's first row being `rowOffset` rows
 * below the grid's top) and returns the bytes received, for the slice-size estimate.
 */
function queueContents(
  range: Excel.Range,
  areasBase: Excel.Range | null,
): (grid: Grid, rowOffset: number) => number {
  if (!areasBase) {
    range.load("values,formulas,numberFormat");
    return (grid, off) => {
      const values = range.values;
      const formulas = range.formulas;
      const formats = range.numberFormat;
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const nf = formats[i]?.[j];
          const f = formulas[i]?.[j];
          grid.values[off + i][j] = v === "" || v === undefined ? null : (v as Scalar);
          // A formula's text never equals its own result; text stored as text (a Text-formatted cell
          // or a quote prefix) comes back through `formulas` unchanged, so it is not taken as one.
          if (typeof f === "string" && f.startsWith("=") && f !== v && nf !== "@")
            grid.setFormula(grid.top + off + i, grid.left + j, f);
          grid.setFormat(grid.top + off + i, grid.left + j, nf);
        }),
      );
      return jsonBytes(values) + jsonBytes(formulas) + jsonBytes(formats);
    };
  }
  range.load("values");
  const fAreas = areasBase
    .getSpecialCellsOrNullObject("Formulas")
    .load(AREA_PROPS(["rowIndex", "columnIndex", "formulas", "numberFormat"]));
  const nAreas = areasBase
    .getSpecialCellsOrNullObject("Constants", "Numbers")
    .load(AREA_PROPS(["rowIndex", "columnIndex", "numberFormat"]));
  return (grid, off) => {
    const values = range.values;
    values.forEach((row, i) =>
      row.forEach((v, j) => (grid.values[off + i][j] = v === "" || v === undefined ? null : (v as Scalar))),
    );
    let bytes = jsonBytes(values);
    if (!fAreas.isNullObject) {
      for (const a of fAreas.areas.items) {
        a.formulas.forEach((row, i) =>
          row.forEach((f, j) => {
            if (typeof f === "string" && f.startsWith("="))
              grid.setFormula(a.rowIndex + i, a.columnIndex + j, f);
            grid.setFormat(a.rowIndex + i, a.columnIndex + j, a.numberFormat[i]?.[j]);
          }),
        );
        bytes += jsonBytes(a.formulas) + jsonBytes(a.numberFormat) + 40;
      }
    }
    if (!nAreas.isNullObject) {
      for (const a of nAreas.areas.items) {
        a.numberFormat.forEach((row, i) =>
          row.forEach((nf, j) => grid.setFormat(a.rowIndex + i, a.columnIndex + j, nf)),
        );
        bytes += jsonBytes(a.numberFormat) + 40;
      }
    }
    return bytes;
  };
}

interface Slice {
  info: UsedInfo;
  /** Row offset within the used range, and number of rows. */
  off: number;
  n: number;
}

/**
 * The cautious path: one sync for the used ranges' sizes (and merged areas), then row slices packed
 * under the response budget. The bytes per cell are re-estimated after every slice; a rejected batch
 * halves the budget and is packed again (a single row too large gives up).
 */
async function readInSlices(
  context: Excel.RequestContext,
  targets: Target[],
  o: Resolved,
): Promise<Map<string, Outcome>> {
  let slim = o.supports("1.9");
  // The samples take at most a twentieth of the response budget, at the whole-grid guess per cell.
  const sampleRows = Math.min(
    SAMPLE_ROWS,
    Math.floor((o.maxResponse * 0.05) / targets.length / GUESS_BYTES_PER_CELL.full / SAMPLE_COLS),
  );
  const queueDims = (withSample: boolean) =>
    targets.map((t) => {
      const used = t.ws.getUsedRangeOrNullObject(true).load(USED_PROPS);
      const merges = o.supports("1.13")
        ? t.ws.getUsedRange(true).getMergedAreasOrNullObject().load("address")
        : null;
      const sample = withSample
        ? queueSample(t.ws, sampleRows, slim, o.supports)
        : () => ({ bytes: 0, cells: 0 });
      return { t, used, merges, sample };
    });
  let dims = queueDims(sampleRows >= 1);
  try {
    await context.sync();
  } catch (e) {
    if (excelErrorCode(e) !== "ResponsePayloadSizeLimitExceeded" || sampleRows < 1) throw e;
    dims = queueDims(false); // the samples were too much after all: sizes alone
    await context.sync();
  }

  const outcomes = new Map<string, Outcome>();
  const work: Slice[] = [];
  let sampleBytes = 0;
  let sampleCells = 0;
  for (const { t, used, merges, sample } of dims) {
    if (used.isNullObject) {
      outcomes.set(lc(t.name), { kind: "empty" });
      continue;
    }
    if (!withinCap(t.name, used.cellCount, o)) {
      outcomes.set(lc(t.name), { kind: "skipped" });
      continue;
    }
    const info: UsedInfo = {
      target: t,
      used,
      grid: new Grid(used.rowIndex, used.columnIndex, used.rowCount, used.columnCount),
      rowHidden: used.rowHidden,
      colHidden: used.columnHidden,
      merges: merges && !merges.isNullObject ? parseAreaList(merges.address) : [],
    };
    outcomes.set(lc(t.name), { kind: "read", info });
    work.push({ info, off: 0, n: info.grid.rows });
    const m = sample(info.grid);
    sampleBytes += m.bytes;
    sampleCells += m.cells;
  }

  // Bytes per cell from the samples (a guess when they saw too little), then from each slice read.
  let bytesPerCell =
    sampleCells >= 100
      ? sampleBytes / sampleCells
      : slim
        ? GUESS_BYTES_PER_CELL.slim
        : GUESS_BYTES_PER_CELL.full;
  const budgetCells = () =>
    Math.max(1, Math.min(o.maxCells, Math.floor((o.maxResponse * RESPONSE_FILL) / bytesPerCell)));
  let budget = budgetCells();
  while (work.length > 0) {
    const batch: Slice[] = [];
    let cells = 0;
    while (work.length > 0) {
      const p = work[0];
      const width = p.info.grid.cols;
      const c = p.n * width;
      if (cells + c <= budget) {
        batch.push(work.shift()!);
        cells += c;
        continue;
      }
      const fit = Math.floor((budget - cells) / width);
      if (fit >= 1 || batch.length === 0) {
        const n = Math.max(1, fit);
        batch.push({ info: p.info, off: p.off, n });
        work[0] = { info: p.info, off: p.off + n, n: p.n - n };
        cells += n * width;
      }
      break;
    }
    const pending = batch.map((p) => {
      const g = p.info.grid;
      const range = rangeByIndexes(p.info.target.ws, g.top + p.off, g.left, p.n, g.cols, o.supports);
      return [p, queueContents(range, slim ? range : null)] as const;
    });
    try {
      await context.sync();
    } catch (e) {
      const code = excelErrorCode(e);
      if (code === "ResponsePayloadSizeLimitExceeded") {
        if (batch.length === 1 && batch[0].n === 1) throw e; // a single row is too large: give up
        bytesPerCell *= 2;
        budget = Math.max(1, Math.floor(cells / 2));
      } else if (slim) {
        slim = false; // special cells refused (e.g. too many areas): whole grids instead
        bytesPerCell = Math.max(bytesPerCell, GUESS_BYTES_PER_CELL.full);
        budget = budgetCells();
      } else {
        throw e;
      }
      work.unshift(...mergeBack(batch));
      continue;
    }
    let bytes = 0;
    for (const [p, apply] of pending) bytes += apply(p.info.grid, p.off);
    bytesPerCell = Math.max(bytes / Math.max(1, cells), 1);
    budget = budgetCells();
  }
  return outcomes;
}

/** Largest top-left window each sheet is sampled from, to estimate bytes per cell. */
const SAMPLE_ROWS = 200;
const SAMPLE_COLS = 30;

/**
 * Queues the read of a sheet's top-left window (a bounded range, so no null object is involved) with
 * the same loads as a slice; after the sync, given the used range, returns the bytes and cells of the
 * part of the window inside the used range, which is what a slice of those cells would cost.
 */
function queueSample(
  ws: Excel.Worksheet,
  rows: number,
  slim: boolean,
  supports: Supports,
): (used: { top: number; left: number; rows: number; cols: number }) => { bytes: number; cells: number } {
  const range = rangeByIndexes(ws, 0, 0, rows, SAMPLE_COLS, supports);
  range.load(slim ? "values" : "values,formulas,numberFormat");
  const areas = slim
    ? [
        range.getSpecialCellsOrNullObject("Formulas").load(AREA_PROPS(["formulas", "numberFormat"])),
        range.getSpecialCellsOrNullObject("Constants", "Numbers").load(AREA_PROPS(["numberFormat"])),
      ]
    : [];
  return (u) => {
    const r0 = Math.min(u.top, rows);
    const r1 = Math.min(u.top + u.rows, rows);
    const c0 = Math.min(u.left, SAMPLE_COLS);
    const c1 = Math.min(u.left + u.cols, SAMPLE_COLS);
    const cells = (r1 - r0) * (c1 - c0);
    if (cells <= 0) return { bytes: 0, cells: 0 };
    const clip = (g: unknown[][]) => g.slice(r0, r1).map((row) => row.slice(c0, c1));
    let bytes = jsonBytes(clip(range.values));
    if (!slim) bytes += jsonBytes(clip(range.formulas)) + jsonBytes(clip(range.numberFormat));
    for (const a of areas) {
      if (a.isNullObject) continue;
      for (const item of a.areas.items) bytes += jsonBytes(item.toJSON()) + 40;
    }
    return { bytes, cells };
  };
}

/** A rejected batch goes back to the front of the queue, its slices of one sheet joined again. */
function mergeBack(batch: Slice[]): Slice[] {
  const out: Slice[] = [];
  for (const p of batch) {
    const last = out[out.length - 1];
    if (last && last.info === p.info && last.off + last.n === p.off) last.n += p.n;
    else out.push({ ...p });
  }
  return out;
}

/** `getRangeByIndexes` needs ExcelApi 1.7; an A1 address works everywhere. */
function rangeByIndexes(
  ws: Excel.Worksheet,
  row: number,
  col: number,
  rows: number,
  cols: number,
  supports: Supports,
): Excel.Range {
  if (supports("1.7")) return ws.getRangeByIndexes(row, col, rows, cols);
  return ws.getRange(`${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}`);
}

const a1 = (row: number, col: number): string => cellAddress(row, col);

/**
 * Sheets whose used range has rows or columns only partly hidden (Excel's `null`): one more sync for
 * all of them. With ExcelApi 1.9 the visible cells' areas tell which rows and columns are hidden;
 * without, each row/column is probed, up to `hiddenProbeLimit` per sheet.
 */
async function completeHidden(
  context: Excel.RequestContext,
  outcomes: Outcome[],
  o: Resolved,
): Promise<void> {
  const infos = outcomes.flatMap((r) => (r.kind === "read" ? [r.info] : []));
  const mixed = infos.filter((i) => i.rowHidden === null || i.colHidden === null);
  if (mixed.length === 0) return;
  const slim = o.supports("1.9");
  const pending = mixed.map((info) => {
    const g = info.grid;
    if (slim) {
      const visible = info.used.getSpecialCellsOrNullObject("Visible").load("address");
      return () => {
        if (visible.isNullObject) return; // nothing visible: rowHidden/columnHidden said so already
        const areas = parseAreaList(visible.address).map(areaRect);
        const rowSeen = new Set<number>();
        const colSeen = new Set<number>();
        for (const a of areas) {
          for (let r = a.top; r <= a.bottom; r++) rowSeen.add(r);
          for (let c = a.left; c <= a.right; c++) colSeen.add(c);
        }
        if (info.rowHidden === null) info.hiddenRows = indexes(g.top, g.rows).filter((r) => !rowSeen.has(r));
        if (info.colHidden === null) info.hiddenCols = indexes(g.left, g.cols).filter((c) => !colSeen.has(c));
      };
    }
    const rowProbes =
      info.rowHidden === null && g.rows <= o.probeLimit
        ? indexes(0, g.rows).map((i) => info.used.getRow(i).load("rowHidden"))
        : null;
    const colProbes =
      info.colHidden === null && g.cols <= o.probeLimit
        ? indexes(0, g.cols).map((i) => info.used.getColumn(i).load("columnHidden"))
        : null;
    return () => {
      if (rowProbes) info.hiddenRows = rowProbes.flatMap((p, i) => (p.rowHidden ? [g.top + i] : []));
      if (colProbes) info.hiddenCols = colProbes.flatMap((p, i) => (p.columnHidden ? [g.left + i] : []));
    };
  });
  await context.sync();
  pending.forEach((apply) => apply());
}

function toSnapshot(name: string, info: UsedInfo): SheetSnapshot {
  const g = info.grid;
  const snap: SheetSnapshot = {
    name,
    top: g.top,
    left: g.left,
    values: g.values,
    ...(g.formulas ? { formulas: g.formulas } : {}),
    ...(g.formats ? { numberFormats: g.formats } : {}),
    merges: info.merges,
    hiddenRows: info.rowHidden === true ? indexes(g.top, g.rows) : (info.hiddenRows ?? []),
    hiddenCols: info.colHidden === true ? indexes(g.left, g.cols) : (info.hiddenCols ?? []),
  };
  return snap;
}

function indexes(from: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => from + i);
}

/** 0-based rectangle of a local A1 area (`B2:D4` or `B2`). */
function areaRect(a: string): { top: number; left: number; bottom: number; right: number } {
  const [p, q = p] = a.split(":").map((x) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(x);
    if (!m) throw new Error(`Unexpected area ${a}`);
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, col: col - 1 };
  });
  return {
    top: Math.min(p.row, q.row),
    bottom: Math.max(p.row, q.row),
    left: Math.min(p.col, q.col),
    right: Math.max(p.col, q.col),
  };
}
