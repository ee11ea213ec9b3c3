/**
 * Turning a CellBlock into the 2-D arrays Office.js writes, and splitting them into row chunks by
 * request bytes. Pure functions: no Office.js calls.
 */

import { parseCell } from "../engine/core/address";
import { type CellBlock, type PlanValue, isFormula } from "../engine/core/plan";
import type { Scalar } from "../engine/core/snapshot";
import { pushTo } from "../engine/core/multimap";
import { jsonBytes } from "./payload";

/** Excel's Text number format: input into such a cell is stored as typed, never parsed. */
export const TEXT_FORMAT = "@";

/** Excel's default number format. */
const GENERAL_FORMAT = "General";

const STARTS_LIKE_INPUT_SYNTAX = /^[=+\-@'#]/;
const BOOLEAN_WORD = /^\s*(true|false|vero|falso)\s*$/i;
const NUMBER_DATE_TIME_CHARS = /^[\s\d.,:/\-+()%€$£eE]*$/;
const MONTH =
  "(gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic|jan|may|jun|jul|aug|sep|oct|dec)[a-z\u00C0-\u00FF]{0,6}";
const MONTH_DATE = new RegExp(`^(\\d{1,2}[\\s\\-/.]*)?${MONTH}\\.?([\\s\\-/.,]*\\d{1,4}){0,2}$`, "i");
const CLOCK_TIME = /^\s*\d{1,2}[:.]\d{2}([:.]\d{2})?\s*(am|pm|a|p)\s*$/i;

/**
 * True when Excel would not store `s` as the same text if it were written through `range.values`
 * into a General cell, so the cell must be formatted as Text (`@`) first:
 * - starts with `=`, `+`, `-`, `@` (taken as a formula: `-note` becomes `=-note`), `'` (consumed as the
 *   quote prefix) or `#` (error literals such as `#N/A`);
 * - looks like a number, percentage, currency, date, time or fraction (`00123`, `12%`, `1/2`,
 *   `5-gen-2024`, `10:30`), or is a boolean word (TRUE/FALSE, VERO/FALSO in Italian Excel).
 * The first rule is what the plan's contract requires; the second is a heuristic (Excel's parsing is
 * locale-dependent), erring on the side of Text, which is harmless for a text cell.
 */
export function needsTextFormat(s: string): boolean {
  if (s.length === 0) return false;
  if (STARTS_LIKE_INPUT_SYNTAX.test(s)) return true;
  if (BOOLEAN_WORD.test(s)) return true;
  if (!/\d/.test(s)) return false;
  const t = s.trim();
  return NUMBER_DATE_TIME_CHARS.test(t) || MONTH_DATE.test(t) || CLOCK_TIME.test(t);
}

export interface PreparedRow {
  /** Constants; null for formulas and empty cells (null leaves a cell unchanged). */
  values: Scalar[];
  /** Formula texts over the block's formula span, or null when the row has none. */
  formulas: (string | null)[] | null;
  /** Number formats over the whole width, or null when the row needs none. */
  formats: (string | null)[] | null;
  /**
   * Formats to put back once the values are written, where `@` was set only to keep a text as text
   * (the column's format, or General); null when the row has none.
   */
  resets: (string | null)[] | null;
  /** Request bytes this row adds to the values pass (values, and number formats when the block has any). */
  valueBytes: number;
  /** Request bytes this row adds to the formulas pass (0 when the block has no formulas). */
  formulaBytes: number;
}

export interface PreparedBlock {
  /** 0-based sheet position of the block's top-left cell. */
  top: number;
  left: number;
  width: number;
  rows: PreparedRow[];
  /** Columns (relative, inclusive) that hold formulas anywhere in the block. */
  formulaSpan: { from: number; to: number } | null;
  /** Request bytes of the values pass, of the formulas pass, and both. */
  valueBytes: number;
  formulaBytes: number;
  bytes: number;
}

function scalar(v: PlanValue): Scalar {
  if (v === null || v === undefined || isFormula(v)) return null;
  return v;
}

/**
 * Prepares a block: constants go through `values`, formulas through `formulas` (restricted to the
 * columns that hold formulas), number formats are the block's column formats plus `@` for text that
 * Excel would otherwise parse. A formula cell never gets `@` (its formula would be stored as text).
 */
export function prepareBlock(block: CellBlock): PreparedBlock {
  const at = parseCell(block.at);
  const width = block.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const colFormats = block.columnFormats ?? [];
  let from = Infinity;
  let to = -1;
  block.rows.forEach((row) =>
    row.forEach((v, c) => {
      if (isFormula(v)) {
        if (c < from) from = c;
        if (c > to) to = c;
      }
    }),
  );
  const span = to >= 0 ? { from, to } : null;
  const hasColumnFormats = colFormats.some((f) => f !== null && f !== undefined && f !== "");

  const rows: PreparedRow[] = [];
  let anyFormats = hasColumnFormats;
  for (const src of block.rows) {
    const values: Scalar[] = [];
    let formulas: (string | null)[] | null = null;
    let formats: (string | null)[] | null = null;
    let resets: (string | null)[] | null = null;
    for (let c = 0; c < width; c++) {
      const v: PlanValue = c < src.length ? src[c] : null;
      values.push(scalar(v));
      let fmt = colFormats[c] || null;
      if (isFormula(v)) {
        formulas ??= span ? new Array<string | null>(span.to - span.from + 1).fill(null) : null;
        if (formulas && span) formulas[c - span.from] = v.f;
        if (fmt === TEXT_FORMAT) fmt = null;
      } else if (typeof v === "string" && needsTextFormat(v) && fmt !== TEXT_FORMAT) {
        resets ??= new Array<string | null>(width).fill(null);
        resets[c] = fmt ?? GENERAL_FORMAT;
        fmt = TEXT_FORMAT;
      }
      if (fmt !== null) {
        formats ??= new Array<string | null>(width).fill(null);
        formats[c] = fmt;
      }
    }
    if (formats) anyFormats = true;
    rows.push({ values, formulas, formats, resets, valueBytes: 0, formulaBytes: 0 });
  }
  let valueBytes = 0;
  let formulaBytes = 0;
  const spanWidth = span ? span.to - span.from + 1 : 0;
  const anyResets = rows.some((r) => r.resets);
  const nullRowBytes = (n: number) => (n === 0 ? 0 : 2 + 5 * n); // [null,null,…],
  for (const r of rows) {
    r.valueBytes =
      jsonBytes(r.values) +
      1 +
      (anyFormats ? (r.formats ? jsonBytes(r.formats) + 1 : nullRowBytes(width)) : 0) +
      (anyResets ? (r.resets ? jsonBytes(r.resets) + 1 : nullRowBytes(width)) : 0);
    r.formulaBytes = span ? (r.formulas ? jsonBytes(r.formulas) + 1 : nullRowBytes(spanWidth)) : 0;
    valueBytes += r.valueBytes;
    formulaBytes += r.formulaBytes;
  }
  return {
    top: at.row,
    left: at.col,
    width,
    rows,
    formulaSpan: span,
    valueBytes,
    formulaBytes,
    bytes: valueBytes + formulaBytes,
  };
}

/** The values and number formats for rows [from, to) of a prepared block; null when the chunk needs none. */
export function chunkArrays(
  b: PreparedBlock,
  from: number,
  to: number,
): { values: Scalar[][] | null; formats: (string | null)[][] | null; resets: (string | null)[][] | null } {
  const part = b.rows.slice(from, to);
  const values = part.some((r) => r.values.some((v) => v !== null)) ? part.map((r) => r.values) : null;
  let formats: (string | null)[][] | null = null;
  if (part.some((r) => r.formats)) {
    formats = part.map((r) => r.formats ?? new Array<string | null>(b.width).fill(null));
  }
  const resets = part.some((r) => r.resets)
    ? part.map((r) => r.resets ?? new Array<string | null>(b.width).fill(null))
    : null;
  return { values, formats, resets };
}

/**
 * Excel column width in points for a width in characters of the default font (Calibri 11: 7-pixel
 * digits plus 5 pixels of padding; 0.75 points per pixel).
 */
export function charsToPoints(chars: number): number {
  if (chars <= 0) return 0;
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Runs of consecutive rows of one height, as whole-row addresses: one operation each, so 10,000 wrapped rows
 * of the same height are one operation, not 10,000.
 */
export function heightRuns(
  heights: readonly { row: number; height: number }[],
): { rows: string; height: number }[] {
  const byHeight = new Map<number, number[]>();
  for (const { row, height } of heights) pushTo(byHeight, height, row);
  return [...byHeight].flatMap(([height, rows]) => rowRuns(rows).map((r) => ({ rows: r, height })));
}

/** Whole-row addresses (`5:5`, `30:32`) of runs of consecutive 0-based rows: one operation per run. */
export function rowRuns(rows: readonly number[]): string[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(`${sorted[i] + 1}:${sorted[j] + 1}`);
    i = j + 1;
  }
  return runs;
}
