/** The cautious read path: sizes first, then row slices packed under the response budget. */

import { excelErrorCode } from "./errors";
import { jsonBytes } from "./payload";
import { readMerges } from "./read-merges";
import { queueContents } from "./read-contents";
import {
  AREA_PROPS,
  Grid,
  type Outcome,
  type Target,
  USED_PROPS,
  type UsedInfo,
  rangeByIndexes,
} from "./read-grid";
import { type Resolved, lc, withinCap } from "./read-options";
import type { Supports } from "./supports";

/** Slices aim at this share of the response budget, leaving room for misestimates. */
const RESPONSE_FILL = 0.8;

/** First guesses of response bytes per cell, before any slice has been measured. */
const GUESS_BYTES_PER_CELL = { slim: 16, full: 40 };

interface Slice {
  info: UsedInfo;
  /** Row offset within the used range, and number of rows. */
  off: number;
  n: number;
}

/**
 * The cautious path: one sync for the used ranges' sizes, then row slices packed under the response
 * budget. The bytes per cell are re-estimated after every slice; a rejected batch halves the budget and
 * is packed again (a single row too large gives up). Merged areas are read last, on their own
 * (read-merges.ts), so that a sheet with too many of them cannot fail the rest of the read.
 */
export async function readInSlices(
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
      const sample = withSample
        ? queueSample(t.ws, sampleRows, slim, o.supports)
        : () => ({ bytes: 0, cells: 0 });
      return { t, used, sample };
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
  const infos: UsedInfo[] = [];
  let sampleBytes = 0;
  let sampleCells = 0;
  for (const { t, used, sample } of dims) {
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
      merges: [],
    };
    outcomes.set(lc(t.name), { kind: "read", info });
    infos.push(info);
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
  if (o.supports("1.13")) await readMerges(context, infos, o);
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
