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
 * - without ExcelApi 1.13 merged areas are not read, and `onNotice` is told so; on the cautious path
 *   they are read on their own, in row bands (read-merges.ts), so that a sheet with more than 512 of
 *   them does not fail the read.
 *
 * Modules: read-options.ts (options, cap), read-grid.ts (the grid and snapshot), read-contents.ts
 * (values, formulas, formats), read-slices.ts (the cautious path), read-merges.ts, read-hidden.ts.
 */

import type { SheetSnapshot } from "../engine/core/snapshot";
import { excelErrorCode } from "./errors";
import { notice } from "./notices";
import { queueContents } from "./read-contents";
import { Grid, type Outcome, type Target, USED_PROPS, toSnapshot } from "./read-grid";
import { completeHidden } from "./read-hidden";
import { type ReadOptions, type Resolved, lc, resolveOptions, withinCap } from "./read-options";
import { readInSlices } from "./read-slices";
import { parseAreaList } from "./refs";

export {
  DEFAULT_HIDDEN_PROBE_LIMIT,
  DEFAULT_MAX_RESPONSE_BYTES,
  MAX_READ_CELLS,
  type ReadOptions,
  type SkippedSheet,
} from "./read-options";

export async function readWorkbook(
  context: Excel.RequestContext,
  opts: ReadOptions = {},
): Promise<SheetSnapshot[]> {
  const o = resolveOptions(opts);
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
