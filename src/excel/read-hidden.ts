/** Rows and columns only partly hidden: which ones, in one more sync for all sheets. */

import { type Outcome, indexes } from "./read-grid";
import type { Resolved } from "./read-options";
import { parseAreaList } from "./refs";

/**
 * Sheets whose used range has rows or columns only partly hidden (Excel's `null`): one more sync for
 * all of them. With ExcelApi 1.9 the visible cells' areas tell which rows and columns are hidden;
 * without, each row/column is probed, up to `hiddenProbeLimit` per sheet.
 */
export async function completeHidden(
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
