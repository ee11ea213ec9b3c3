/**
 * Recogniser for performance objectives (PIAO section 2.2), in both layouts users have:
 * - cards: context rows (Linea strategica, Centro di costo, Miss./Programma, Dirigente), a header row,
 *   one objective row, an `Anno | Azioni` block and a `Stato di avanzamento…` row;
 * - flat tables: one header row and one row per objective, columns in any order.
 * Both are the same walk: a header row opens a run of objective rows that ends at a blank row, a context
 * row, an actions block or a title. One linear pass over the rows, anywhere on the sheet.
 */
import type { FoundCell, SourceRef } from "../core/model";
import { isErrorValue, numberFormatAt, type Scalar, type SheetSnapshot } from "../core/snapshot";
import {
  CARD_CONTEXT,
  isActionsHeader,
  isProgressRow,
  measureField,
  objectiveField,
  unitTitle,
  yearColumn,
  type MeasureField,
  type ObjectiveField,
} from "../core/synonyms";
import { normalizeLabel } from "../core/text";

/** An objective as found, before normalisation: raw cell values with their positions. */
export interface RawObjective {
  sheet: string;
  row: number;
  unit: string;
  unitSource: "column" | "mapping" | "title" | "sheet";
  fields: Partial<Record<ObjectiveField, { v: Scalar; col: number; nf: string | null }>>;
  context: Partial<Record<"strategicLine" | "costCenter" | "missionProgram" | "manager", string>>;
  actions: Record<number, string>;
  targets: Record<number, string>;
  /** Measure fields in the objective's row (target, values, baseline…), for `PIAO Misure`. */
  measure: Partial<Record<MeasureField, FoundCell>>;
  hidden: boolean;
}

/** The user's choices for one sheet, made in the task pane's review step and stored in the workbook. */
export interface SheetMapping {
  /** Unit of every objective of the sheet that has no unit column. */
  unit?: string;
  /** 0-based column of the weight, for header rows where it was not recognised (or was wrong). */
  weightColumn?: number;
}

export interface ObjectiveDetection {
  objectives: RawObjective[];
  /** Header rows found (for the sheet report). */
  headers: number;
  /** Header cells of recognised columns that are hidden: read anyway, and reported. */
  hiddenColumns: { row: number; col: number; header: string }[];
  /** Header rows with no recognised weight column: the review step asks the user which column it is. */
  headersWithoutWeight: { row: number; cells: { col: number; text: string }[] }[];
  /** Units seen as titles on the sheet, in order. */
  titles: string[];
}

interface Cell {
  c: number;
  v: Scalar;
  text: string;
}

function rowCells(sheet: SheetSnapshot, i: number): Cell[] {
  const row = sheet.values[i] ?? [];
  const out: Cell[] = [];
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (v === null || v === undefined) continue;
    const text = typeof v === "string" ? v.trim() : String(v);
    if (text === "") continue;
    out.push({ c: sheet.left + j, v, text });
  }
  return out;
}

interface Header {
  cols: Partial<Record<ObjectiveField, number>>;
  yearCols: { col: number; kind: "actions" | "target"; year: number }[];
  /** Measure columns: read with the objective, never needed to recognise the header. */
  measureCols: Partial<Record<MeasureField, number>>;
}

/** A header row names at least an objective and a weight or a type, plus one more known column. */
function readHeader(cells: Cell[]): Header | null {
  const cols: Partial<Record<ObjectiveField, number>> = {};
  const yearCols: Header["yearCols"] = [];
  const measureCols: Header["measureCols"] = {};
  let known = 0;
  for (const cell of cells) {
    if (typeof cell.v !== "string") continue;
    const f = objectiveField(cell.text);
    if (f && cols[f] === undefined) {
      cols[f] = cell.c;
      known++;
      continue;
    }
    const y = yearColumn(cell.text);
    if (y) yearCols.push({ col: cell.c, ...y });
    const m = y ? undefined : measureField(cell.text);
    if (m && measureCols[m] === undefined) measureCols[m] = cell.c;
  }
  if (cols.name === undefined || (cols.weight === undefined && cols.type === undefined) || known < 3)
    return null;
  return { cols, yearCols, measureCols };
}

const SEPARATOR = /^[-–—_=\s]*$/;

export function detectObjectives(sheet: SheetSnapshot, mapping: SheetMapping = {}): ObjectiveDetection {
  const headersWithoutWeight: ObjectiveDetection["headersWithoutWeight"] = [];
  const objectives: RawObjective[] = [];
  const titles: string[] = [];
  const hiddenRows = new Set(sheet.hiddenRows);
  const hiddenCols = new Set(sheet.hiddenCols);
  const hiddenColumns: ObjectiveDetection["hiddenColumns"] = [];
  let titleUnit: string | undefined;
  let context: RawObjective["context"] = {};
  let header: Header | null = null;
  let card: RawObjective[] = [];
  let actions: { yearCol: number; textCol: number; year: number | null } | null = null;
  let headers = 0;

  for (let i = 0; i < sheet.values.length; i++) {
    const row = sheet.top + i;
    const cells = rowCells(sheet, i);
    if (cells.length === 0) {
      header = null;
      continue;
    }

    if (cells.length >= 2 && isActionsHeader(cells[0].text, cells[1].text)) {
      header = null;
      actions = { yearCol: cells[0].c, textCol: cells[1].c, year: null };
      continue;
    }
    if (isProgressRow(cells[0].text)) {
      header = null;
      actions = null;
      continue;
    }
    if (actions) {
      const yearCell = cells.find((c) => c.c === actions!.yearCol);
      const rest = cells.filter((c) => c.c > actions!.yearCol);
      const year = yearCell && /^(19|20)\d\d$/.test(yearCell.text) ? Number(yearCell.text) : null;
      if (year !== null) {
        actions.year = year;
        const text = rest.map((c) => c.text).join(" ");
        for (const o of card) o.actions[year] = SEPARATOR.test(text) ? "" : text;
        continue;
      }
      if (!yearCell && rest.length > 0 && actions.year !== null && cells[0].c >= actions.textCol) {
        // A line of the previous year's actions that the PDF extraction moved to its own row.
        const text = rest.map((c) => c.text).join(" ");
        if (!SEPARATOR.test(text))
          for (const o of card) o.actions[actions.year] = `${o.actions[actions.year]}\n${text}`.trim();
        continue;
      }
      if (cells.every((c) => SEPARATOR.test(c.text))) continue;
      actions = null;
    }

    const h = readHeader(cells);
    if (h) {
      if (mapping.weightColumn !== undefined) h.cols.weight = mapping.weightColumn;
      else if (h.cols.weight === undefined)
        headersWithoutWeight.push({ row, cells: cells.map((c) => ({ col: c.c, text: c.text })) });
      for (const col of Object.values(h.cols))
        if (hiddenCols.has(col))
          hiddenColumns.push({ row, col, header: cells.find((c) => c.c === col)?.text ?? "" });
      header = h;
      headers++;
      card = [];
      continue;
    }

    // Context rows: the label may stand anywhere in the row, its value is the next filled cell to the right.
    const labelIdx = cells.findIndex((c) => typeof c.v === "string" && CARD_CONTEXT[normalizeLabel(c.text)]);
    if (labelIdx >= 0 && labelIdx < cells.length - 1 && cells.length - labelIdx <= 3) {
      const key = CARD_CONTEXT[normalizeLabel(cells[labelIdx].text)];
      const value = cells[labelIdx + 1].text;
      if (header) header = null;
      if (key === "unit") {
        titleUnit = value.replace(/\s+/g, " ").trim();
        titles.push(titleUnit);
      } else if (key === "strategicLine" && context.strategicLine !== undefined && card.length > 0) {
        // A new card begins: its context replaces the previous card's.
        context = { strategicLine: value };
      } else {
        context = { ...context, [key]: value };
      }
      continue;
    }

    if (!header && cells.length === 1 && typeof cells[0].v === "string") {
      const t = unitTitle(cells[0].text);
      if (t) {
        titleUnit = t;
        titles.push(t);
        context = {};
        continue;
      }
    }

    if (header) {
      const fields: RawObjective["fields"] = {};
      for (const [f, col] of Object.entries(header.cols) as [ObjectiveField, number][]) {
        const cell = cells.find((c) => c.c === col);
        if (cell) fields[f] = { v: cell.v, col, nf: numberFormatAt(sheet, row, col) };
      }
      const name = fields.name?.v;
      const code = fields.code?.v;
      if ((name === undefined || isErrorValue(name)) && code === undefined) continue;
      const unitCell = fields.unit?.v;
      const unitFromColumn = unitCell !== undefined && !isErrorValue(unitCell) ? String(unitCell).trim() : "";
      const o: RawObjective = {
        sheet: sheet.name,
        row,
        unit: unitFromColumn || mapping.unit || titleUnit || sheet.name,
        unitSource: unitFromColumn ? "column" : mapping.unit ? "mapping" : titleUnit ? "title" : "sheet",
        fields,
        context: { ...context },
        actions: {},
        targets: {},
        measure: {},
        hidden: hiddenRows.has(row),
      };
      for (const [f, col] of Object.entries(header.measureCols) as [MeasureField, number][]) {
        const cell = cells.find((c) => c.c === col);
        if (cell) o.measure[f] = { v: cell.v, col, nf: numberFormatAt(sheet, row, col) };
      }
      for (const yc of header.yearCols) {
        const cell = cells.find((c) => c.c === yc.col);
        if (!cell) continue;
        (yc.kind === "actions" ? o.actions : o.targets)[yc.year] = cell.text;
      }
      objectives.push(o);
      card.push(o);
    }
  }
  return { objectives, headers, titles, headersWithoutWeight, hiddenColumns };
}

export function sourceOf(o: RawObjective, field: ObjectiveField): SourceRef {
  const f = o.fields[field];
  return { sheet: o.sheet, row: o.row, col: f ? f.col : (o.fields.code?.col ?? o.fields.name?.col ?? 0) };
}
