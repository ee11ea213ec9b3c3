/**
 * Recogniser for performance objectives (PIAO section 2.2), in both layouts users have:
 * - cards: context rows (Linea strategica, Centro di costo, Miss./Programma, Dirigente), a header row,
 *   one objective row, an `Anno | Azioni` block and a `Stato di avanzamento…` row;
 * - flat tables: one header row and one row per objective, columns in any order.
 * Both are the same walk: a header row opens a table of objective rows. A table continues across blank
 * rows, notes, repeated headers, totals and legends (each recognised for what it is); it ends at a new
 * header, a context row, an actions block, or a row after a blank that does not fit its columns. One
 * linear pass over the rows, anywhere on the sheet; every non-empty row gets a kind or is reported.
 */
import type { FoundCell, SourceRef } from "../core/model";
import { formulaAt, isErrorValue, numberFormatAt, type Scalar, type SheetSnapshot } from "../core/snapshot";
import {
  CARD_CONTEXT,
  isActionsHeader,
  isProgressRow,
  unitTitle,
  type MeasureField,
  type ObjectiveField,
} from "../core/synonyms";
import { normalizeLabel } from "../core/text";
import {
  legendEntry,
  legendTitle,
  noteRow,
  readHeader,
  sameColumns,
  totalRow,
  type Cell,
  type Header,
} from "./rows";

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
  /** Reading of ambiguous header cells, by 0-based column (`Dir.` → manager). */
  columns?: Record<number, ObjectiveField>;
}

/** What a non-empty row was read as; `other` is the rest of a card (context, actions, progress) or a title. */
export type RowKind = "objective" | "header" | "total" | "note" | "legend" | "other";

export interface TotalRow {
  /** The total's weight cell (or its label cell when the weight cell is empty). */
  at: SourceRef;
  stated: Scalar;
  nf: string | null;
  /** Rows of the objectives since the previous total of the table, and of all the table's objectives. */
  above: number[];
  table: number[];
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
  /** The kind of every non-empty row the pass recognised, by 0-based sheet row. */
  rows: Map<number, RowKind>;
  /** Non-empty rows inside a table (or the row after a blank that ended it) that were not read. */
  ignored: { row: number; col: number; text: string; afterTable: boolean }[];
  /** Near-miss header cells read as a known column, and those that could be several. */
  interpreted: { row: number; col: number; text: string; label: string }[];
  ambiguous: { row: number; col: number; text: string; fields: ObjectiveField[]; labels: string[] }[];
  totals: TotalRow[];
  /** The first row that looks like a table's header (≥ 3 texts, data below), for sheets nothing reads. */
  tableLike: { row: number; col: number; texts: string[] } | null;
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

/**
 * The row's cell in column `col`. A loop, not `find` with a callback: every row of a table asks for each of
 * its columns, before the engine's code is optimised.
 */
function cellAt(cells: Cell[], col: number | undefined): Cell | undefined {
  for (let k = 0; k < cells.length; k++) if (cells[k].c === col) return cells[k];
  return undefined;
}

/** After a blank row, a row continues the table when its cells stand in the table's columns. */
function fits(cells: Cell[], header: Header): boolean {
  const inside = cells.filter((c) => header.span.has(c.c)).length;
  return inside >= 2 && cells.length - inside <= 1;
}

function tableLike(sheet: SheetSnapshot): ObjectiveDetection["tableLike"] {
  for (let i = 0; i < sheet.values.length; i++) {
    const cells = rowCells(sheet, i);
    if (cells.filter((c) => typeof c.v === "string").length < 3) continue;
    const below = [i + 1, i + 2].map((k) => rowCells(sheet, k)).find((r) => r.length > 0);
    if (below && below.length >= 2)
      return { row: sheet.top + i, col: cells[0].c, texts: cells.map((c) => c.text.slice(0, 60)) };
  }
  return null;
}

const SEPARATOR = /^[-–—_=\s]*$/;

/** A header's columns as lists, made once per header: every row of its table reads them. */
const COLUMNS = new WeakMap<
  Header,
  { fields: [ObjectiveField, number][]; measures: [MeasureField, number][] }
>();
function columnsOf(header: Header) {
  let c = COLUMNS.get(header);
  if (!c) {
    c = {
      fields: Object.entries(header.cols) as [ObjectiveField, number][],
      measures: Object.entries(header.measureCols) as [MeasureField, number][],
    };
    COLUMNS.set(header, c);
  }
  return c;
}

export function detectObjectives(sheet: SheetSnapshot, mapping: SheetMapping = {}): ObjectiveDetection {
  const det: ObjectiveDetection = {
    objectives: [],
    headers: 0,
    hiddenColumns: [],
    headersWithoutWeight: [],
    titles: [],
    rows: new Map(),
    ignored: [],
    interpreted: [],
    ambiguous: [],
    totals: [],
    tableLike: tableLike(sheet),
  };
  const hiddenRows = new Set(sheet.hiddenRows);
  const hiddenCols = new Set(sheet.hiddenCols);
  let titleUnit: string | undefined;
  let context: RawObjective["context"] = {};
  let header: Header | null = null;
  let card: RawObjective[] = [];
  let actions: { yearCol: number; textCol: number; year: number | null } | null = null;
  /** A blank row was seen since the table's last row; legend and progress blocks end at a blank row. */
  let gap = false;
  let legend = false;
  let progress = false;
  let above: number[] = [];
  let table: number[] = [];

  for (let i = 0; i < sheet.values.length; i++) {
    const row = sheet.top + i;
    const cells = rowCells(sheet, i);
    if (cells.length === 0) {
      gap = header !== null;
      legend = false;
      progress = false;
      continue;
    }
    const mark = (kind: RowKind) => det.rows.set(row, kind);

    if (cells.length >= 2 && isActionsHeader(cells[0].text, cells[1].text)) {
      header = null;
      actions = { yearCol: cells[0].c, textCol: cells[1].c, year: null };
      mark("other");
      continue;
    }
    if (isProgressRow(cells[0].text)) {
      header = null;
      actions = null;
      progress = true;
      mark("other");
      continue;
    }
    if (actions) {
      const yearCell = cellAt(cells, actions.yearCol);
      const rest = cells.filter((c) => c.c > actions!.yearCol);
      const year = yearCell && /^(19|20)\d\d$/.test(yearCell.text) ? Number(yearCell.text) : null;
      if (year !== null) {
        actions.year = year;
        const text = rest.map((c) => c.text).join(" ");
        for (const o of card) o.actions[year] = SEPARATOR.test(text) ? "" : text;
        mark("other");
        continue;
      }
      if (!yearCell && rest.length > 0 && actions.year !== null && cells[0].c >= actions.textCol) {
        // A line of the previous year's actions that the PDF extraction moved to its own row.
        const text = rest.map((c) => c.text).join(" ");
        if (!SEPARATOR.test(text))
          for (const o of card) o.actions[actions.year] = `${o.actions[actions.year]}\n${text}`.trim();
        mark("other");
        continue;
      }
      if (cells.every((c) => SEPARATOR.test(c.text))) {
        mark("other");
        continue;
      }
      actions = null;
    }

    const h = readHeader(cells, mapping.columns);
    if (h) {
      if (mapping.weightColumn !== undefined) h.cols.weight = mapping.weightColumn;
      else if (h.cols.weight === undefined)
        det.headersWithoutWeight.push({ row, cells: cells.map((c) => ({ col: c.c, text: c.text })) });
      for (const col of Object.values(h.cols))
        if (hiddenCols.has(col)) det.hiddenColumns.push({ row, col, header: cellAt(cells, col)?.text ?? "" });
      for (const x of h.interpreted) det.interpreted.push({ row, ...x });
      for (const x of h.ambiguous) det.ambiguous.push({ row, ...x });
      if (!header || !sameColumns(header, h)) [above, table] = [[], []];
      header = h;
      det.headers++;
      card = [];
      gap = legend = progress = false;
      mark("header");
      continue;
    }

    // Context rows: the label may stand anywhere in the row, its value is the next filled cell to the right.
    const labelIdx = cells.findIndex(
      (c) => typeof c.v === "string" && CARD_CONTEXT.has(normalizeLabel(c.text)),
    );
    if (labelIdx >= 0 && labelIdx < cells.length - 1 && cells.length - labelIdx <= 3) {
      const key = CARD_CONTEXT.get(normalizeLabel(cells[labelIdx].text))!;
      const value = cells[labelIdx + 1].text;
      header = null;
      progress = false;
      if (key === "unit") {
        titleUnit = value.replace(/\s+/g, " ").trim();
        det.titles.push(titleUnit);
      } else if (key === "strategicLine" && context.strategicLine !== undefined && card.length > 0) {
        // A new card begins: its context replaces the previous card's.
        context = { strategicLine: value };
      } else {
        context = { ...context, [key]: value };
      }
      mark("other");
      continue;
    }
    if (progress) {
      // What is written under `Stato di avanzamento…` during monitoring belongs to the card.
      mark("other");
      continue;
    }

    if (cells.length === 1 && typeof cells[0].v === "string") {
      const t = unitTitle(cells[0].text);
      if (t) {
        titleUnit = t;
        det.titles.push(t);
        context = {};
        mark("other");
        continue;
      }
    }
    if (legendTitle(cells)) legend = true;
    if (legend || (header && legendEntry(cells))) {
      mark("legend");
      continue;
    }
    if (!header) continue;

    const weightFormula = header.cols.weight !== undefined ? formulaAt(sheet, row, header.cols.weight) : null;
    const total = totalRow(cells, header, weightFormula);
    if (total) {
      const w = cellAt(cells, header.cols.weight);
      det.totals.push({
        at: { sheet: sheet.name, row, col: w ? w.c : total.c },
        stated: w ? w.v : null,
        nf: w ? numberFormatAt(sheet, row, w.c) : null,
        above,
        table: [...table],
      });
      above = [];
      mark("total");
      continue;
    }
    if (noteRow(cells, header)) {
      mark("note");
      continue;
    }
    if (gap && !fits(cells, header)) {
      header = null;
      det.ignored.push({ row, col: cells[0].c, text: cells[0].text, afterTable: true });
      continue;
    }
    gap = false;

    const fields: RawObjective["fields"] = {};
    const columns = columnsOf(header);
    for (let k = 0; k < columns.fields.length; k++) {
      const f = columns.fields[k][0];
      const col = columns.fields[k][1];
      const cell = cellAt(cells, col);
      if (cell) fields[f] = { v: cell.v, col, nf: numberFormatAt(sheet, row, col) };
    }
    const name = fields.name?.v;
    const code = fields.code?.v;
    if ((name === undefined || isErrorValue(name)) && code === undefined) {
      det.ignored.push({ row, col: cells[0].c, text: cells[0].text, afterTable: false });
      continue;
    }
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
    for (let k = 0; k < columns.measures.length; k++) {
      const f = columns.measures[k][0];
      const col = columns.measures[k][1];
      const cell = cellAt(cells, col);
      if (cell) o.measure[f] = { v: cell.v, col, nf: numberFormatAt(sheet, row, col) };
    }
    for (const yc of header.yearCols) {
      const cell = cellAt(cells, yc.col);
      if (!cell) continue;
      (yc.kind === "actions" ? o.actions : o.targets)[yc.year] = cell.text;
    }
    det.objectives.push(o);
    card.push(o);
    above.push(row);
    table.push(row);
    mark("objective");
  }
  return det;
}

export function sourceOf(o: RawObjective, field: ObjectiveField): SourceRef {
  const f = o.fields[field];
  return { sheet: o.sheet, row: o.row, col: f ? f.col : (o.fields.code?.col ?? o.fields.name?.col ?? 0) };
}
