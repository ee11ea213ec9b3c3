/**
 * Writing prepared cell blocks through the byte-budgeted batcher: values and number formats in row
 * chunks, formulas column by column, and block styles. No PIAO knowledge here.
 */

import { cellAddress } from "../engine/core/address";
import { filledDown } from "../engine/core/formula-shift";
import type { CellStyle, ConditionalFormatPlan } from "../engine/core/plan";
import { type Queued, WriteBatcher } from "./batch";
import { type PreparedBlock, chunkArrays } from "./cells";
import { OP_OVERHEAD_BYTES, jsonBytes } from "./payload";

/** Bytes for a chunk's range proxies and property sets, on top of its arrays. */
export const CHUNK_OVERHEAD = 4 * OP_OVERHEAD_BYTES;

const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;

export function styleOps(style: CellStyle | undefined): number {
  if (!style) return 0;
  return Object.values(style).filter((v) => v !== undefined).length;
}

export function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.underline !== undefined) format.font.underline = style.underline ? "Single" : "None";
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.size) format.font.size = style.size;
  if (style.fill) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.align) format.horizontalAlignment = ALIGN[style.align];
  if (style.borderBottom) {
    const edge = format.borders.getItem("EdgeBottom");
    edge.style = "Continuous";
    edge.color = style.borderBottom;
  }
}

/** A plan's formula-based conditional format on a range (ExcelApi 1.6). */
export function addConditionalFormat(range: Excel.Range, cf: ConditionalFormatPlan): void {
  const f = range.conditionalFormats.add("Custom");
  f.custom.rule.formula = cf.formula;
  const fmt = f.custom.format;
  if (cf.style.fill) fmt.fill.color = cf.style.fill;
  if (cf.style.fontColor) fmt.font.color = cf.style.fontColor;
  if (cf.style.bold !== undefined) fmt.font.bold = cf.style.bold;
  if (cf.style.italic !== undefined) fmt.font.italic = cf.style.italic;
}

type RectOf = (row: number, col: number, rows: number, cols: number) => Excel.Range;

function rectOf(ws: () => Excel.Worksheet, byIndexes: boolean): RectOf {
  return (row, col, rows, cols) =>
    byIndexes
      ? ws().getRangeByIndexes(row, col, rows, cols)
      : ws().getRange(`${cellAddress(row, col)}:${cellAddress(row + rows - 1, col + cols - 1)}`);
}

/**
 * Calls `write(from, to)` for chunks of rows [0, n) sized to fill the current request up to the byte
 * budget (a row larger than an empty request goes alone). With `whole`, all rows go in one chunk.
 */
async function inChunks(
  batcher: WriteBatcher,
  n: number,
  rowBytes: (k: number) => number,
  whole: boolean,
  write: (from: number, to: number) => void,
): Promise<void> {
  let i = 0;
  while (i < n) {
    const room = batcher.room() - CHUNK_OVERHEAD;
    let j = i;
    let bytes = 0;
    if (whole) {
      for (; j < n; j++) bytes += rowBytes(j);
      if (bytes > room && batcher.hasPending()) {
        await batcher.flush();
        continue;
      }
    } else {
      while (j < n && bytes + rowBytes(j) <= room) bytes += rowBytes(j++);
      if (j === i) {
        if (batcher.hasPending()) {
          await batcher.flush();
          continue;
        }
        bytes = rowBytes(i);
        j = i + 1;
      }
    }
    const chunk = (from: number, to: number): Queued => {
      let b = CHUNK_OVERHEAD;
      for (let k = from; k < to; k++) b += rowBytes(k);
      const mid = Math.floor((from + to) / 2);
      return {
        bytes: b,
        run: () => write(from, to),
        ...(whole || to - from < 2 ? {} : { split: () => [chunk(from, mid), chunk(mid, to)] }),
      };
    };
    const q = chunk(i, j);
    await batcher.add(q.bytes, q.run, q.split);
    i = j;
  }
}

/** Writes a block's number formats and constants in row chunks, then its style. */
export async function writeValues(
  batcher: WriteBatcher,
  ws: () => Excel.Worksheet,
  b: PreparedBlock,
  style: CellStyle | undefined,
  byIndexes: boolean,
): Promise<void> {
  const rect = rectOf(ws, byIndexes);
  await inChunks(
    batcher,
    b.rows.length,
    (k) => b.rows[k].valueBytes,
    false,
    (i, j) => {
      const { values, formats, resets } = chunkArrays(b, i, j);
      if (!formats && !values) return;
      const range = rect(b.top + i, b.left, j - i, b.width);
      // Number formats first: a cell formatted as Text (@) stores what is then written into it as
      // text, so user text starting with =, +, -, @ is not turned into a formula. This relies on
      // Excel's behaviour for input into Text cells; to be confirmed in real Excel
      // (docs/excel-checklist.md).
      if (formats) range.numberFormat = formats;
      if (values) range.values = values;
      // Then the planned format back: a cell left as Text would store a number typed later as text
      // ("Format numbers as text": https://support.microsoft.com/office/format-numbers-as-text-583160db-35e7-4d5f-a2b6-d5e0cd7c2f8b).
      // Changing the format does not convert what the cell holds, so the text written stays text.
      if (resets) range.numberFormat = resets;
    },
  );
  if (style && styleOps(style) > 0) {
    await batcher.add((1 + styleOps(style)) * OP_OVERHEAD_BYTES, () =>
      applyStyle(rect(b.top, b.left, b.rows.length, b.width).format, style),
    );
  }
}

/** The column's formulas are one run of rows (a header above is not one) holding one formula filled down. */
function oneFormulaFilledDown(column: (string | null)[]): boolean {
  const first = column.findIndex((f) => f !== null);
  const run = column.slice(first);
  return first >= 0 && run.every((f) => f !== null) && filledDown(run as string[]);
}

/**
 * Writes a block's formulas column by column. Excel's table AutoCorrect ("fill formulas in tables to
 * create calculated columns") also acts on API writes: a formula written into part of a table column
 * can be copied over the column's other formulas (office-js #2093 "by design", #5909, #6745). It does
 * not when the whole column is written in one operation, so a column over a table's data is never split
 * across requests (it goes alone if it does not fit) — unless it holds one formula filled down, which
 * AutoCorrect would fill in unchanged (a 10,000-row column of measures is over Excel's 5 MB); other columns
 * are split by bytes.
 */
export async function writeFormulas(
  batcher: WriteBatcher,
  ws: () => Excel.Worksheet,
  b: PreparedBlock,
  tableCols: Set<number>,
  byIndexes: boolean,
): Promise<void> {
  if (!b.formulaSpan) return;
  const rect = rectOf(ws, byIndexes);
  for (let c = b.formulaSpan.from; c <= b.formulaSpan.to; c++) {
    const column = b.rows.map((r) => r.formulas?.[c - b.formulaSpan!.from] ?? null);
    if (column.every((f) => f === null)) continue;
    await inChunks(
      batcher,
      column.length,
      (k) => jsonBytes([column[k]]) + 1,
      tableCols.has(b.left + c) && !oneFormulaFilledDown(column),
      (i, j) => (rect(b.top + i, b.left + c, j - i, 1).formulas = column.slice(i, j).map((f) => [f])),
    );
  }
}
