/**
 * Column widths from content, for every generated sheet: each column is as wide as the longest value it
 * shows (text by its longest line, numbers as their format writes them, links by their text), within
 * bounds; text longer than the widest column wraps. Header cells wrap, so they ask only for their longest
 * word and at most two lines. Single-cell blocks (titles, notes, section labels) run over empty cells and
 * do not widen their column. A width the sheet sets itself is kept when it is wider.
 */
import { cellAddress, parseCell, parseRange } from "./address";
import { isFormula, type CellBlock, type PlanValue, type SheetPlan } from "./plan";

/** Widths in characters. */
export const MIN_WIDTH = 6;
export const MAX_WIDTH = 60;
/** Space Excel and LibreOffice keep around a cell's text, and the header's filter button. */
const PADDING = 2;
const HEADER_PADDING = 4;

const grouped = (n: number) => Math.trunc(Math.abs(n)).toLocaleString("en-US").length + (n < 0 ? 1 : 0);

/** Characters a number takes in a format (approximate: digits, separators, decimals and symbols). */
function numberWidth(n: number, format: string | null | undefined): number {
  if (!format || format === "General") return String(Math.round(n * 1e6) / 1e6).length;
  const decimals = /\.(0+)/.exec(format)?.[1].length ?? 0;
  if (format.includes("%")) return grouped(n * 100) + (decimals ? decimals + 1 : 0) + 1;
  const digits = format.includes(",") ? grouped(n) : String(Math.trunc(Math.abs(n))).length;
  return digits + (decimals ? decimals + 1 : 0) + (format.includes("€") ? 2 : 0);
}

/** What a formula shows is unknown before it is calculated: its link text, or a typical width per format. */
function formulaWidth(f: string, format: string | null | undefined): number {
  const link = /^=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$/.exec(f);
  if (link) return link[1].replace(/""/g, '"').length;
  if (format?.includes("€")) return 16;
  if (format?.includes("%")) return 8;
  return 8;
}

export function valueWidth(v: PlanValue, format: string | null | undefined): number {
  if (v === null) return 0;
  if (isFormula(v)) return formulaWidth(v.f, format);
  if (typeof v === "number") return numberWidth(v, format);
  if (typeof v === "boolean") return 5;
  return Math.max(0, ...v.split("\n").map((line) => line.length));
}

/** A header asks for its longest word, and for a width that fits it in two lines. */
const headerWidth = (h: string) =>
  Math.max(...h.split(/\s+/).map((w) => w.length), Math.ceil(h.length / 2)) + HEADER_PADDING;

/** Set `sheet.columnWidths` from the content, and wrap the text of cells wider than MAX_WIDTH. */
export function fitColumns(sheet: SheetPlan): void {
  const headers = new Set(
    sheet.tables.flatMap((t) => {
      const r = parseRange(t.ref);
      return Array.from({ length: r.right - r.left + 1 }, (_, i) => `${r.top},${r.left + i}`);
    }),
  );
  const widths = new Map<number, number>();
  const widen = (col: number, w: number) => widths.set(col, Math.max(widths.get(col) ?? MIN_WIDTH, w));
  for (const block of sheet.blocks) fitBlock(sheet, block, headers, widen);
  for (const { col, width } of sheet.columnWidths) widen(col, width);
  sheet.columnWidths = [...widths].sort(([a], [b]) => a - b).map(([col, width]) => ({ col, width }));
}

function fitBlock(
  sheet: SheetPlan,
  block: CellBlock,
  headers: Set<string>,
  widen: (col: number, w: number) => void,
): void {
  if (block.rows.length === 1 && block.rows[0].length === 1) return;
  const at = parseCell(block.at);
  const wrapped = new Set<number>();
  block.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      const c = at.col + j;
      if (headers.has(`${at.row + i},${c}`) && typeof v === "string") return widen(c, headerWidth(v));
      const w = valueWidth(v, block.columnFormats?.[j]) + PADDING;
      widen(c, Math.min(w, MAX_WIDTH));
      if (w > MAX_WIDTH) wrapped.add(j);
    }),
  );
  // One range per wrapped column of the block (the Office path writes each range style as one operation).
  for (const j of wrapped)
    sheet.rangeStyles.push({
      range: `${cellAddress(at.row, at.col + j)}:${cellAddress(at.row + block.rows.length - 1, at.col + j)}`,
      style: { wrap: true },
    });
}
