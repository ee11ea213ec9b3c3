/**
 * What a row of an objectives table is when it is not an objective: its header row (with near-miss headers
 * read and reported), a total or subtotal, a note, a legend. Detection asks these before reading a row as an
 * objective, so none of them is ever taken for one and none of them ends the table.
 */
import type { Scalar } from "../core/snapshot";
import { headerCell, type MeasureField, type ObjectiveField } from "../core/synonyms";
import { normalizeLabel } from "../core/text";

export interface Cell {
  c: number;
  v: Scalar;
  text: string;
}

export interface Header {
  cols: Partial<Record<ObjectiveField, number>>;
  yearCols: { col: number; kind: "actions" | "target"; year: number }[];
  /** Measure columns: read with the objective, never needed to recognise the header. */
  measureCols: Partial<Record<MeasureField, number>>;
  /** Every column with a header cell, recognised or not: the table's columns. */
  span: Set<number>;
  /** Header cells read as a column they almost name (`Pseo` → Peso). */
  interpreted: { col: number; text: string; label: string }[];
  /** Header cells that almost name several columns (`Dir.`: Dirigente or Direzione): the user chooses. */
  ambiguous: { col: number; text: string; fields: ObjectiveField[]; labels: string[] }[];
}

/**
 * A header row names at least an objective and a weight or a type, plus one more known column. Near-miss
 * headers count (and are reported); `choices` are the user's readings of ambiguous header cells, by column.
 */
export function readHeader(cells: Cell[], choices?: Record<number, ObjectiveField>): Header | null {
  // Every row of a sheet is tried as a header: the lists are made only when a cell needs one, and the header
  // only when the row is one. No closure and no default object per row: garbage made per row of a 10,000-row
  // sheet is collected while the engine's tables live.
  const cols: Header["cols"] = {};
  let yearCols: Header["yearCols"] | undefined;
  let measureCols: Header["measureCols"] | undefined;
  let interpreted: Header["interpreted"] | undefined;
  let ambiguous: Header["ambiguous"] | undefined;
  let known = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell.v !== "string") continue;
    const chosen = choices?.[cell.c];
    if (chosen && take(cols, chosen, cell.c)) {
      known++;
      continue;
    }
    const read = headerCell(cell.text);
    const f = read.field;
    if (f && take(cols, f, cell.c)) {
      known++;
      continue;
    }
    if (read.year) {
      (yearCols ??= []).push({ col: cell.c, ...read.year });
      continue;
    }
    const m = read.measure;
    if (m) {
      if ((measureCols ??= {})[m] === undefined) measureCols[m] = cell.c;
      continue;
    }
    const near = read.near;
    if (near?.kind === "ambiguous") {
      (ambiguous ??= []).push({ col: cell.c, text: cell.text, fields: near.fields, labels: near.labels });
      known++;
    } else if (near && take(cols, near.field, cell.c)) {
      known++;
      (interpreted ??= []).push({ col: cell.c, text: cell.text, label: near.label });
    }
  }
  if (cols.name === undefined || (cols.weight === undefined && cols.type === undefined) || known < 3)
    return null;
  return {
    cols,
    yearCols: yearCols ?? [],
    measureCols: measureCols ?? {},
    span: new Set(cells.filter((c) => typeof c.v === "string").map((c) => c.c)),
    interpreted: interpreted ?? [],
    ambiguous: ambiguous ?? [],
  };
}

/** Column `col` for `field` unless the header has one already (the first cell naming a column wins). */
function take(cols: Header["cols"], field: ObjectiveField, col: number): boolean {
  if (cols[field] !== undefined) return false;
  cols[field] = col;
  return true;
}

/** Same columns as another header: a header row repeated (at a page break) continues the table. */
export function sameColumns(a: Header, b: Header): boolean {
  return JSON.stringify(a.cols) === JSON.stringify(b.cols);
}

const TOTAL = /^(sub ?totale?|subtotali|totale?|totali|tot|somma|somma pesi|somma dei pesi)( .{0,60})?$/;
const SUM_FORMULA = /^=?\s*(SUM|SOMMA|SUBTOTAL|SUBTOTALE)\s*\(/i;

/**
 * A total or subtotal row (`Totale`, `TOTALE SETTORE`, `Subtotale`, `Total`): a row without a type that
 * starts with a total label or whose weight cell is a SUM formula, and that does not have both a code and a
 * name (that is an objective). Returns the label cell (or the first one).
 */
export function totalRow(cells: Cell[], header: Header, weightFormula: string | null): Cell | null {
  if (cells.some((c) => c.c === header.cols.type)) return null;
  const first = cells[0];
  const label = typeof first.v === "string" && TOTAL.test(normalizeLabel(first.text)) ? first : null;
  const named = cells.filter((c) => c !== label && (c.c === header.cols.code || c.c === header.cols.name));
  if (named.length >= 2) return null;
  if (label) return label;
  return weightFormula && SUM_FORMULA.test(weightFormula) ? first : null;
}

const NOTE =
  /^(n\s*\.?\s*b\b|nb\b|nota\b|note\b|notes?\s*:|\(\*+\)|\*|fonte\b|source\b|attenzione\b|avvertenz)/i;

/** A note: one text cell alone on its row that reads as a remark (`N.B. …`, `Nota: …`, `(*) …`). */
export function noteRow(cells: Cell[], header: Header): boolean {
  if (cells.length !== 1 || typeof cells[0].v !== "string") return false;
  const t = cells[0].text;
  // Outside the objective's own columns a long remark is a note too.
  const inObjectiveColumns = cells[0].c === header.cols.name || cells[0].c === header.cols.code;
  return NOTE.test(t) || (!inObjectiveColumns && t.length >= 40 && /\s/.test(t));
}

/** `Legenda`, `Legend`, `Legenda tipologie`: the title of a legend block. */
export function legendTitle(cells: Cell[]): boolean {
  return typeof cells[0].v === "string" && LEGEND_TITLE.test(normalizeLabel(cells[0].text));
}
const LEGEND_TITLE = /^legend[ae]?\b/;

/** A legend line: `I = individuale`, `UO: unità organizzativa`, `O – organizzativa`. */
export function legendEntry(cells: Cell[]): boolean {
  return cells.length === 1 && LEGEND_ENTRY.test(cells[0].text);
}
const LEGEND_ENTRY = /^\s*[A-Za-z]{1,3}\s*(=|:|–|-)\s*\S/;
