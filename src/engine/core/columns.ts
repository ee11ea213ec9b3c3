/**
 * Column widths from content, for every generated sheet: each column is as wide as the longest value it
 * shows (text by its longest line, numbers as their format writes them, links by their text), within
 * bounds; text longer than the widest column wraps. Header cells wrap, so they ask only for their longest
 * word and at most two lines. Single-cell blocks (titles, notes, section labels) run over empty cells and
 * do not widen their column; nor does text merged over several columns, which wraps over their total width.
 * A width the sheet sets itself is kept when it is wider.
 */
import { cellAddress, cellKey, parseCell, parseRange } from "./address";
import { isFormula, type CellBlock, type PlanValue, type SheetPlan } from "./plan";

/** Widths in characters. */
export const MIN_WIDTH = 6;
export const MAX_WIDTH = 60;
/** Space Excel and LibreOffice keep around a cell's text, and the header's filter button. */
const PADDING = 2;
const HEADER_PADDING = 4;

/** Characters of a number's integer part written with thousands separators (`1,234,567`: 9), and its sign. */
function grouped(n: number): number {
  const whole = Math.trunc(Math.abs(n));
  // Counted, not formatted: toLocaleString goes through ICU on every cell. Past 1e21 String() writes an exponent.
  const digits = whole < 1e21 ? String(whole).length : whole.toLocaleString("en-US").replace(/,/g, "").length;
  return digits + Math.floor((digits - 1) / 3) + (n < 0 ? 1 : 0);
}

/** Characters a number takes in a format (approximate: digits, separators, decimals and symbols). */
function numberWidth(n: number, format: string | null | undefined): number {
  if (!format || format === "General") return String(Math.round(n * 1e6) / 1e6).length;
  const decimals = /\.(0+)/.exec(format)?.[1].length ?? 0;
  if (format.includes("%")) return grouped(n * 100) + (decimals ? decimals + 1 : 0) + 1;
  const digits = format.includes(",") ? grouped(n) : String(Math.trunc(Math.abs(n))).length;
  return digits + (decimals ? decimals + 1 : 0) + (format.includes("€") ? 2 : 0);
}

/** What a formula shows is unknown before it is calculated: a typical width for its format. */
function formulaWidth(format: string | null | undefined): number {
  return format?.includes("€") ? 16 : 8;
}

export function valueWidth(v: PlanValue, format: string | null | undefined): number {
  if (v === null) return 0;
  if (isFormula(v)) return formulaWidth(format);
  if (typeof v === "number") return numberWidth(v, format);
  if (typeof v === "boolean") return 5;
  if (!v.includes("\n")) return v.length;
  return Math.max(0, ...v.split("\n").map((line) => line.length));
}

/** A header asks for its longest word, and for a width that fits it in two lines. */
const headerWidth = (h: string) =>
  Math.max(...h.split(/\s+/).map((w) => w.length), Math.ceil(h.length / 2)) + HEADER_PADDING;

/** Set `sheet.columnWidths` from the content, and wrap the text of cells wider than MAX_WIDTH. */
export function fitColumns(sheet: SheetPlan): void {
  // The tables' header cells, and their rows (most rows of a block have none: one look per row).
  const headers = { cells: new Set<number>(), rows: new Set<number>() };
  for (const t of sheet.tables) {
    const r = parseRange(t.ref);
    headers.rows.add(r.top);
    for (let c = r.left; c <= r.right; c++) headers.cells.add(cellKey(r.top, c));
  }
  const widths = new Map<number, number>();
  const widen = (col: number, w: number) => widths.set(col, Math.max(widths.get(col) ?? MIN_WIDTH, w));
  const spans = mergedSpans(sheet);
  for (const block of sheet.blocks) fitBlock(sheet, block, headers, spans, widen);
  for (const { col, width } of sheet.columnWidths) widen(col, width);
  sheet.columnWidths = [...widths].sort(([a], [b]) => a - b).map(([col, width]) => ({ col, width }));
  fitRows(sheet, widths, spans);
}

/** Top-left cells (`key`) of areas merged over more than one column, with their last column. */
function mergedSpans(sheet: SheetPlan): Map<number, number> {
  const spans = new Map<number, number>();
  for (const m of sheet.merges) {
    const r = parseRange(m);
    if (r.right > r.left) spans.set(cellKey(r.top, r.left), r.right);
  }
  return spans;
}

/**
 * Height in points of a row whose cell, `width` characters wide, shows one of `texts` wrapped: the tallest
 * of them. For cells whose text a formula chooses (outcomes), known only once Excel has calculated.
 */
export function wrappedHeight(texts: readonly string[], width: number): number {
  const lines = Math.max(1, ...texts.map((t) => wrappedLines(t, width)));
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
}

/** Height of a line of 11-point text, in points. */
export const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

/** JavaScript's `\s`: what a text's words are split at. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Lines a text takes in a column `width` characters wide, wrapping at spaces like a spreadsheet. One pass
 * over the characters, no word list: every long text of a 10,000-row sheet goes through here.
 */
export function wrappedLines(text: string, width: number): number {
  // A column's width counts "0" digits; text of proportional letters fits about a fifth more.
  const room = Math.max(1, Math.floor(width * 1.2));
  let lines = 1;
  let used = 0;
  let word = 0;
  const place = () => {
    const need = used === 0 ? word : used + 1 + word;
    if (need <= room) used = need;
    else if (used === 0) {
      lines += Math.ceil(word / room) - 1;
      used = word % room;
    } else {
      lines += Math.ceil(word / room);
      used = word % room || room;
    }
    word = 0;
  };
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) {
      if (word > 0) place();
      lines++;
      used = 0;
    } else if (isSpace(c)) {
      if (word > 0) place();
    } else word++;
  }
  if (word > 0) place();
  return lines;
}

/**
 * Explicit heights for rows with wrapped text over more than one line: not every reader grows a row by
 * itself (LibreOffice keeps the default height of a row written without one), so wrapped text would be
 * cut or drawn over the next row.
 */
function fitRows(sheet: SheetPlan, widths: Map<number, number>, spans: Map<number, number>): void {
  // Only texts that may take two lines in the narrowest column (or hold a line break) count.
  const short = Math.floor(MIN_WIDTH * 1.2);
  const isLong = (v: PlanValue | undefined): v is string =>
    typeof v === "string" && (v.length > short || v.includes("\n"));
  const blocks = sheet.blocks.map((b) => {
    const at = parseCell(b.at);
    let width = 0;
    for (const row of b.rows) width = Math.max(width, row.length);
    return { at, rows: b.rows, right: at.col + width - 1 };
  });
  // By row (arrays: a 10,000-row table has a height for nearly every row, visited in order at the end).
  const lines: number[] = [];
  // Heights a sheet sets itself (e.g. for a formula whose text is known only in Excel) are kept.
  const heights: number[] = [];
  for (const { row, height } of sheet.rowHeights) heights[row] = height;
  for (const { range, style } of sheet.rangeStyles) {
    if (!style.wrap) continue;
    const r = parseRange(range);
    // The blocks over the range, last first: a cell's text is the last long text a block puts there.
    const over = blocks
      .filter(
        (b) =>
          b.at.row <= r.bottom &&
          b.at.row + b.rows.length > r.top &&
          b.at.col <= r.right &&
          b.right >= r.left,
      )
      .reverse();
    if (over.length === 0) continue;
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        let text: string | undefined;
        for (let k = 0; k < over.length && text === undefined; k++) {
          const v = over[k].rows[row - over[k].at.row]?.[col - over[k].at.col];
          if (isLong(v)) text = v;
        }
        if (text === undefined) continue;
        const n = wrappedLines(text, spanWidth(widths, col, spans.get(cellKey(row, col)) ?? col));
        lines[row] = Math.max(lines[row] ?? 1, n);
      }
  }
  lines.forEach((n, row) => {
    if (n > 1) heights[row] = Math.max(heights[row] ?? 0, Math.min(MAX_ROW_HEIGHT, n * LINE_HEIGHT));
  });
  sheet.rowHeights = [];
  heights.forEach((height, row) => sheet.rowHeights.push({ row, height }));
}

/** Width of columns `from`..`to` together (a merged area). */
function spanWidth(widths: Map<number, number>, from: number, to: number): number {
  let w = 0;
  for (let c = from; c <= to; c++) w += widths.get(c) ?? MIN_WIDTH;
  return w;
}

function fitBlock(
  sheet: SheetPlan,
  block: CellBlock,
  headers: { cells: Set<number>; rows: Set<number> },
  spans: Map<number, number>,
  widen: (col: number, w: number) => void,
): void {
  if (block.rows.length === 1 && block.rows[0].length === 1) return;
  const at = parseCell(block.at);
  const wrapped = new Set<number>();
  // The widest cell of each of the block's columns (-1: no cell), then one `widen` per column.
  const widest: number[] = [];
  block.rows.forEach((row, i) => {
    const header = headers.rows.has(at.row + i);
    row.forEach((v, j) => {
      const c = at.col + j;
      if (spans.size > 0 && spans.has(cellKey(at.row + i, c))) return;
      let w: number;
      if (typeof v === "string" && header && headers.cells.has(cellKey(at.row + i, c))) w = headerWidth(v);
      else {
        const need = valueWidth(v, block.columnFormats?.[j]) + PADDING;
        if (need > MAX_WIDTH) wrapped.add(j);
        w = Math.min(need, MAX_WIDTH);
      }
      widest[j] = Math.max(widest[j] ?? -1, w);
    });
  });
  widest.forEach((w, j) => widen(at.col + j, w));
  // One range per wrapped column of the block (the Office path writes each range style as one operation).
  for (const j of wrapped)
    sheet.rangeStyles.push({
      range: `${cellAddress(at.row, at.col + j)}:${cellAddress(at.row + block.rows.length - 1, at.col + j)}`,
      style: { wrap: true },
    });
}
