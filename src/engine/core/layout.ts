/** Small helpers the sheet builders share: styles, formats and table blocks. */
import { cellAddress, columnLetters, parseCell } from "./address";
import { COLUMN_NAMES } from "./contract";
import {
  type CellBlock,
  type CellStyle,
  type DefinedNamePlan,
  type FilledRow,
  type FormulaValue,
  type PlanValue,
  type SheetPlan,
} from "./plan";

export const STYLE = {
  title: { bold: true, size: 14, fontColor: "#1F3864" } as CellStyle,
  note: { italic: true, fontColor: "#595959" } as CellStyle,
  label: { bold: true } as CellStyle,
  /** Cells the user is expected to type into. */
  input: { fill: "#FFF2CC" } as CellStyle,
  /** Cells computed by formulas, on sheets left unprotected so that users can sort, filter and add rows. */
  computed: { fill: "#EDEDED", italic: true } as CellStyle,
  error: { fill: "#FFC7CE", fontColor: "#9C0006" } as CellStyle,
  /** Cells with a link: the colour and single underline readers give hyperlinks (Excel's Hyperlink style). */
  link: { fontColor: "#0563C1", underline: true } as CellStyle,
  ok: { fill: "#C6EFCE", fontColor: "#006100" } as CellStyle,
  warning: { fill: "#FFEB9C", fontColor: "#9C5700" } as CellStyle,
};

export const FORMAT = {
  percent: "0%",
  percent2: "0.00%",
  money: '#,##0.00 "€"',
  number2: "0.00",
  integer: "0",
  weight: "0.##",
};

export const TABLE_STYLE = "TableStyleMedium2";

/**
 * The header row of every table, written as cell formatting on top of the table style, so that readers
 * that do not draw Excel's table styles (LibreOffice) show it too: the colours of TableStyleMedium2, a
 * bottom border, wrapped text, aligned like the column's values.
 */
export const headerStyle = (align: "left" | "right"): CellStyle => ({
  bold: true,
  fill: "#4472C4",
  fontColor: "#FFFFFF",
  borderBottom: "#1F3864",
  wrap: true,
  align,
});

/** A column holds numbers when it has a number format, or when every value it has is a number. */
function numericColumn(rows: PlanValue[][], j: number, format: string | null | undefined): boolean {
  if (format && format !== "@") return true;
  let numbers = false;
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i][j];
    if (v === null || v === undefined || v === "") continue;
    if (typeof v !== "number") return false;
    numbers = true;
  }
  return numbers;
}

/** A table written as one block: header row then data rows, starting at `at`. Returns its A1 range. */
export function tableBlock(
  sheet: SheetPlan,
  name: string,
  at: { row: number; col: number },
  headers: readonly string[],
  rows: PlanValue[][],
  columnFormats?: (string | null)[],
): string {
  const block: CellBlock = {
    at: cellAddress(at.row, at.col),
    rows: [headers.map((h) => h), ...rows],
    ...(columnFormats ? { columnFormats } : {}),
  };
  sheet.blocks.push(block);
  const ref = `${cellAddress(at.row, at.col)}:${cellAddress(at.row + Math.max(rows.length, 1), at.col + headers.length - 1)}`;
  // A table needs at least one data row: an empty one is written when there is no data.
  if (rows.length === 0)
    sheet.blocks.push({ at: cellAddress(at.row + 1, at.col), rows: [headers.map(() => null)] });
  sheet.tables.push({ name, ref, style: TABLE_STYLE });
  headers.forEach((_, j) => {
    const align = numericColumn(rows, j, columnFormats?.[j]) ? "right" : "left";
    sheet.rangeStyles.push({ range: cellAddress(at.row, at.col + j), style: headerStyle(align) });
  });
  return ref;
}

/** A1 range of one column of a table's data rows, e.g. `D2:D96`. */
export function columnRange(col: number, firstRow: number, count: number): string {
  const c = columnLetters(col);
  return `${c}${firstRow + 1}:${c}${firstRow + Math.max(count, 1)}`;
}

/**
 * Structured reference to a whole table column, always in the double-bracket form
 * `PIAO_Obiettivi[[Raggiungimento 31/12]]`. Excel requires it for headers with special characters
 * (space, `/`, `.`, `(`, `)`, `%`, `-`, …) and accepts it for every header, so the form never depends on
 * the header's text ("Use brackets around column headers with special characters",
 * https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e;
 * grammar in [MS-OE376] 3.2.3.1.1). LibreOffice reads it too (formula-truth tests).
 */
export function tableColumn(table: string, column: string): string {
  // Inside brackets, Excel escapes ' [ ] # with a leading apostrophe.
  return `${table}[[${column.replace(/['[\]#]/g, "'$&")}]]`;
}

/**
 * How many numbers the column `values` holds on the rows whose column `keys` is the number `key` (both
 * column references, e.g. names of COLUMN_NAMES). A numeric criterion never matches text (nor the `""` of
 * a formula), in Excel and LibreOffice alike.
 */
export function numbersWhere(values: string, keys: string, key: string): string {
  return `COUNTIFS(${keys},${key},${values},">=0")+COUNTIFS(${keys},${key},${values},"<0")`;
}

/** The defined names of COLUMN_NAMES, each a structured reference to its table column. */
export function columnNamePlans(): DefinedNamePlan[] {
  return Object.values(COLUMN_NAMES).map((c) => ({
    name: c.name,
    ref: tableColumn(c.table, c.column),
    tableColumn: true,
  }));
}

/** Cells with a link look like links in every reader: one range style per run of linked cells in a column. */
export function styleLinks(sheet: SheetPlan): void {
  const cells = sheet.links.map((l) => parseCell(l.cell)).sort((a, b) => a.col - b.col || a.row - b.row);
  for (let i = 0; i < cells.length; ) {
    let j = i;
    while (j + 1 < cells.length && cells[j + 1].col === cells[i].col && cells[j + 1].row === cells[j].row + 1)
      j++;
    const range = `${cellAddress(cells[i].row, cells[i].col)}:${cellAddress(cells[j].row, cells[j].col)}`;
    sheet.rangeStyles.push({ range, style: STYLE.link });
    i = j + 1;
  }
}

/**
 * The formula of each row of a table column from one text built once, `row` standing for the row number.
 * A row's text is built when it is read: the file writer shares such a column's formula, written once,
 * knowing the rows by their common template (xlsx/shared-formulas.ts), so 10,000 long texts are never made.
 */
export function perRow(build: (row: string) => string): (row: number) => FormulaValue {
  const template = build(ROW_MARK).split(ROW_MARK);
  return (row) =>
    Object.defineProperty<Partial<FormulaValue>>(
      { fill: { template, row } },
      "f",
      FILLED_TEXT,
    ) as FormulaValue;
}

/**
 * The text of a filled row, as an enumerable property (JSON and comparisons see it like any other). One
 * getter for every row: an object literal with its own getter took 450 bytes per row, where this takes 80.
 */
const FILLED_TEXT: PropertyDescriptor = {
  enumerable: true,
  get(this: { fill: FilledRow }): string {
    // Joined, not replaced: `join` writes one flat string, `replaceAll` a tree of slices of the template.
    return this.fill.template.join(String(this.fill.row));
  },
};
/** Stands for the row number while a formula template is built: a character no formula holds. */
const ROW_MARK = "\u0001";
