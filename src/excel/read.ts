/**
 * Reads the workbook into SheetSnapshots with Office.js, in a constant number of syncs:
 * 1. the sheet list (names, visibility);
 * 2. every sheet's used range (position and size, and whether all/none/some rows and columns are hidden);
 * 3. every sheet's values, formulas and number formats, merged areas (ExcelApi 1.13) and, where rows or
 *    columns are partly hidden, the per-row/column hidden flags.
 * Only when Excel on the web rejects step 3's response as too large (5 MB) is the read split (halving the
 * cells per sync until it fits) and retried, so a very large workbook costs a few more syncs instead of
 * failing.
 */

import type { Scalar, SheetSnapshot } from "../engine/snapshot";
import { SheetTooLargeError, excelErrorCode } from "./errors";
import { parseAreaList } from "./refs";
import { type Supports, officeSupports } from "./supports";

/** Excel returns null (or fails) for reads of more than 5,000,000 cells in one range. */
export const MAX_READ_CELLS = 5_000_000;

/** Rows/columns probed one by one for their hidden flag when a sheet has some hidden (bounded cost). */
export const DEFAULT_HIDDEN_PROBE_LIMIT = 2_000;

export interface SkippedSheet {
  name: string;
  cells: number;
  reason: "too-large";
}

export interface ReadOptions {
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
}

interface SheetInfo {
  snap: SheetSnapshot;
  used: Excel.Range;
  ws: Excel.Worksheet;
  top: number;
  left: number;
  rows: number;
  cols: number;
  rowHidden: boolean | null;
  colHidden: boolean | null;
}

interface Piece {
  info: SheetInfo;
  /** Row offset within the used range, and number of rows. */
  off: number;
  n: number;
}

interface PieceResult {
  values: unknown[][];
  formulas: unknown[][];
  formats: unknown[][];
  merges?: Excel.RangeAreas;
  rowProbes?: Excel.Range[];
  colProbes?: Excel.Range[];
}

export async function readWorkbook(
  context: Excel.RequestContext,
  opts: ReadOptions = {},
): Promise<SheetSnapshot[]> {
  const supports = opts.supports ?? officeSupports;
  const maxCells = opts.maxCells ?? MAX_READ_CELLS;
  const probeLimit = opts.hiddenProbeLimit ?? DEFAULT_HIDDEN_PROBE_LIMIT;

  // 1. Sheet list.
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const wanted = sheets.items.filter((ws) => !opts.skipSheets?.(ws.name));

  // 2. Used ranges (values only: formatting alone, e.g. whole formatted rows, does not widen the read).
  const used = wanted.map((ws) =>
    ws
      .getUsedRangeOrNullObject(true)
      .load("rowIndex,columnIndex,rowCount,columnCount,rowHidden,columnHidden"),
  );
  await context.sync();

  const result: SheetSnapshot[] = [];
  const infos: SheetInfo[] = [];
  wanted.forEach((ws, i) => {
    const snap: SheetSnapshot = {
      name: ws.name,
      top: 0,
      left: 0,
      values: [],
      merges: [],
      // Filled below only where the used range reports partly hidden rows/columns (see probes).
      hiddenRows: [],
      hiddenCols: [],
      hidden: ws.visibility !== "Visible",
    };
    const u = used[i];
    if (u.isNullObject) {
      result.push(snap); // empty sheet
      return;
    }
    const cells = u.rowCount * u.columnCount;
    if (cells > maxCells) {
      if (!opts.onSkip) throw new SheetTooLargeError(ws.name, cells, maxCells);
      opts.onSkip({ name: ws.name, cells, reason: "too-large" });
      return;
    }
    snap.top = u.rowIndex;
    snap.left = u.columnIndex;
    result.push(snap);
    infos.push({
      snap,
      used: u,
      ws,
      top: u.rowIndex,
      left: u.columnIndex,
      rows: u.rowCount,
      cols: u.columnCount,
      rowHidden: u.rowHidden,
      colHidden: u.columnHidden,
    });
  });

  // 3. Contents, in as few syncs as the response limit allows (normally one). If Excel rejects the
  // response as too large, the cell budget per sync is halved and the remaining work (the failed batch
  // included) is packed again under it, splitting large sheets by rows.
  const results = new Map<Piece, PieceResult>();
  const work: Piece[] = infos.map((info) => ({ info, off: 0, n: info.rows }));
  let budget = Infinity;
  while (work.length > 0) {
    const batch: Piece[] = [];
    let cells = 0;
    while (work.length > 0) {
      const p = work[0];
      const c = p.n * p.info.cols;
      if (cells + c <= budget) {
        batch.push(work.shift()!);
        cells += c;
        continue;
      }
      if (batch.length === 0) {
        const fit = Math.max(1, Math.floor(budget / p.info.cols));
        batch.push({ info: p.info, off: p.off, n: fit });
        work[0] = { info: p.info, off: p.off + fit, n: p.n - fit };
        cells = fit * p.info.cols;
      }
      break;
    }
    const pending = batch.map((p) => [p, queuePiece(p, supports, probeLimit)] as const);
    try {
      await context.sync();
    } catch (e) {
      if (excelErrorCode(e) !== "ResponsePayloadSizeLimitExceeded") throw e;
      if (batch.length === 1 && batch[0].n === 1) throw e; // a single row is too large: give up
      budget = Math.max(1, Math.floor(cells / 2));
      work.unshift(...batch);
      continue;
    }
    for (const [p, r] of pending) results.set(p, r());
  }

  const byInfo = new Map<SheetInfo, [Piece, PieceResult][]>();
  for (const [p, r] of results) {
    const list = byInfo.get(p.info) ?? [];
    list.push([p, r]);
    byInfo.set(p.info, list);
  }
  for (const info of infos) {
    const parts = (byInfo.get(info) ?? []).sort((a, b) => a[0].off - b[0].off);
    fillSnapshot(info, parts);
  }
  return result;
}

/** Queues the loads for one piece; merged areas and hidden probes go with the sheet's first piece. */
function queuePiece(p: Piece, supports: Supports, probeLimit: number): () => PieceResult {
  const { info } = p;
  const range = info.ws.getRangeByIndexes(info.top + p.off, info.left, p.n, info.cols);
  range.load("values,formulas,numberFormat");
  let merges: Excel.RangeAreas | undefined;
  let rowProbes: Excel.Range[] | undefined;
  let colProbes: Excel.Range[] | undefined;
  if (p.off === 0) {
    if (supports("1.13")) merges = info.used.getMergedAreasOrNullObject().load("address");
    if (info.rowHidden === null && info.rows <= probeLimit) {
      rowProbes = Array.from({ length: info.rows }, (_, i) => info.used.getRow(i).load("rowHidden"));
    }
    if (info.colHidden === null && info.cols <= probeLimit) {
      colProbes = Array.from({ length: info.cols }, (_, i) => info.used.getColumn(i).load("columnHidden"));
    }
  }
  // Read the proxies only after the sync: return a thunk.
  return () => ({
    values: range.values,
    formulas: range.formulas,
    formats: range.numberFormat,
    merges,
    rowProbes,
    colProbes,
  });
}

function fillSnapshot(info: SheetInfo, parts: [Piece, PieceResult][]): void {
  const snap = info.snap;
  const values: Scalar[][] = [];
  const formulas: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormula = false;
  let anyFormat = false;
  for (const [, r] of parts) {
    r.values.forEach((row, i) => {
      const vRow: Scalar[] = [];
      const fRow: (string | null)[] = [];
      const nRow: (string | null)[] = [];
      row.forEach((v, j) => {
        const nf = r.formats[i]?.[j];
        const fmt = typeof nf === "string" && nf !== "General" ? nf : null;
        const f = r.formulas[i]?.[j];
        // A formula's text never equals its own result; text stored as text (a Text-formatted cell or
        // a quote prefix) comes back through `formulas` unchanged, so it is not taken as a formula.
        const isFormula = typeof f === "string" && f.startsWith("=") && f !== v && fmt !== "@";
        vRow.push(v === "" || v === undefined ? null : (v as Scalar));
        fRow.push(isFormula ? (f as string) : null);
        nRow.push(fmt);
        if (isFormula) anyFormula = true;
        if (fmt) anyFormat = true;
      });
      values.push(vRow);
      formulas.push(fRow);
      formats.push(nRow);
    });
    if (r.merges && !r.merges.isNullObject) snap.merges = parseAreaList(r.merges.address);
    if (info.rowHidden === true) snap.hiddenRows = range(info.top, info.rows);
    else if (r.rowProbes)
      snap.hiddenRows = r.rowProbes.flatMap((p, i) => (p.rowHidden ? [info.top + i] : []));
    if (info.colHidden === true) snap.hiddenCols = range(info.left, info.cols);
    else if (r.colProbes)
      snap.hiddenCols = r.colProbes.flatMap((p, i) => (p.columnHidden ? [info.left + i] : []));
  }
  snap.values = values;
  if (anyFormula) snap.formulas = formulas;
  if (anyFormat) snap.numberFormats = formats;
}

function range(from: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => from + i);
}
