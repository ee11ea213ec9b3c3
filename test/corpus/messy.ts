/**
 * Generator of messy objective tables, as clerks keep them: a title, a header row (with typos or
 * abbreviations), offices separated by blank rows, notes, subtotals and totals (stated or as SUM
 * formulas), repeated header rows, a legend below the table. Each corpus case in `corpus.test.ts` is one
 * call, so the layouts are varied by options while the objectives stay known.
 */
import { columnLetters } from "../../src/engine/core/address";
import type { TestCell, TestSheet } from "../helpers/workbooks";

export interface MessyObjective {
  code: string;
  name: string;
  type: string;
  weight: number;
}

export interface Office {
  name: string;
  objectives: MessyObjective[];
}

/** The columns a messy table may have, each with the header text the clerk wrote. */
export type Column = "code" | "name" | "type" | "weight" | "indicator" | "unit" | "manager" | "target";

export interface MessyOptions {
  /** Header text per column, in column order. */
  columns: [Column, string][];
  offices: Office[];
  /** Where the office comes from: a unit column (`unit` must be a column) or a title row before each office. */
  unitBy: "column" | "title";
  /** Title rows above the table (merged across the table when `mergeTitle`). */
  title?: string[];
  mergeTitle?: boolean;
  /** Blank rows between offices, and between the header and the first row. */
  blankBetween?: number;
  blankAfterHeader?: number;
  /** A note row (one long text in the first column) after these offices (0-based). */
  noteAfter?: number[];
  /** A subtotal row after every office (`TOTALE SETTORE`), with the weight as a SUM formula or stated. */
  subtotals?: "formula" | "stated";
  /** A total row at the bottom stating this weight (e.g. the grand total, or a wrong one). */
  total?: { label: string; weight: number | "formula" };
  /** The header row written again before these offices (0-based), as at a page break. */
  repeatHeaderBefore?: number[];
  /** A legend block below the table. */
  legend?: string[][];
  /** Notes below everything (single cells). */
  footer?: string[];
}

/** One office's objectives: `count` of them, weights summing to `sum`, codes `<prefix>.1…`. */
export function office(name: string, prefix: string, weights: number[], types = "IIOU"): Office {
  return {
    name,
    objectives: weights.map((w, i) => ({
      code: `${prefix}.${i + 1}`,
      name: `${name}: obiettivo ${i + 1}`,
      type: { I: "I", O: "O", U: "UO" }[types[i % types.length]] ?? "I",
      weight: w,
    })),
  };
}

/** Builds the sheet's rows; `at` is the top-left cell the rows will be written at (default A1). */
export function messyTable(o: MessyOptions, at = { row: 0, col: 0 }): TestCell[][] {
  const rows: TestCell[][] = [];
  const cols = o.columns.map(([c]) => c);
  const header = o.columns.map(([, text]) => text);
  const weightCol = cols.indexOf("weight");
  const blank = (n = 1) => {
    for (let i = 0; i < n; i++) rows.push([]);
  };
  for (const t of o.title ?? []) rows.push([t]);
  rows.push(header);
  blank(o.blankAfterHeader ?? 0);
  o.offices.forEach((off, k) => {
    if (k > 0) blank(o.blankBetween ?? 0);
    if (o.repeatHeaderBefore?.includes(k)) rows.push([...header]);
    if (o.unitBy === "title") rows.push([off.name]);
    const first = rows.length;
    for (const obj of off.objectives) {
      rows.push(
        cols.map((c) =>
          c === "unit"
            ? off.name
            : c === "indicator"
              ? `Indicatore ${obj.code}`
              : c === "manager"
                ? "Dott. Rossi"
                : c === "target"
                  ? "100%"
                  : obj[c],
        ),
      );
    }
    if (o.subtotals) {
      const letter = columnLetters(at.col + weightCol);
      const sum = off.objectives.reduce((a, x) => a + x.weight, 0);
      const cell: TestCell =
        o.subtotals === "formula"
          ? { formula: `SUM(${letter}${at.row + first + 1}:${letter}${at.row + rows.length})`, result: sum }
          : sum;
      rows.push(cols.map((c, j) => (j === 0 ? "TOTALE SETTORE" : c === "weight" ? cell : null)));
    }
    if (o.noteAfter?.includes(k))
      rows.push([`N.B. Gli obiettivi di ${off.name} sono in corso di revisione.`]);
  });
  if (o.total) {
    const all = o.offices.flatMap((f) => f.objectives).reduce((a, x) => a + x.weight, 0);
    const letter = columnLetters(at.col + weightCol);
    const w: TestCell =
      o.total.weight === "formula"
        ? { formula: `SUBTOTAL(9,${letter}${at.row + 2}:${letter}${at.row + rows.length})`, result: all }
        : o.total.weight;
    rows.push(cols.map((c, j) => (j === 0 ? o.total!.label : c === "weight" ? w : null)));
  }
  if (o.legend) {
    blank();
    rows.push(...o.legend);
  }
  if (o.footer) {
    blank();
    for (const f of o.footer) rows.push([f]);
  }
  return rows;
}

export function messySheet(name: string, o: MessyOptions): TestSheet {
  const rows = messyTable(o);
  const width = o.columns.length;
  return {
    name,
    rows,
    merges: o.mergeTitle
      ? (o.title ?? []).map((_, i) => `A${i + 1}:${columnLetters(width - 1)}${i + 1}`)
      : [],
  };
}

export const LEGEND_IT: string[][] = [
  ["Legenda"],
  ["I", "obiettivo individuale"],
  ["O", "obiettivo organizzativo (di ente)"],
  ["UO", "obiettivo di unità organizzativa"],
];
