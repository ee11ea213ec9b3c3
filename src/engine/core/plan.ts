/**
 * WorkbookPlan: a plain, JSON-serialisable description of everything the add-in writes.
 * The engine produces it; the two adapters (src/excel in Excel, src/xlsx on the .xlsx package) apply it
 * without any PIAO knowledge. Addresses are A1 strings relative to the sheet they belong to.
 *
 * Links to source cells are native internal hyperlinks (`SheetPlan.links`, see `linkTo`), not
 * `HYPERLINK("#…")` formulas: Microsoft documents HYPERLINK in Excel for the web as working for web
 * addresses only (https://support.microsoft.com/office/hyperlink-function-333c7ce6-c5ae-4164-9c47-7de9b76f577f).
 */

import { cellAddress } from "./address";

/** A formula in English function names with comma separators, starting with `=`. */
export interface FormulaValue {
  readonly f: string;
  /** On the rows of a column filled from one template (core/layout `perRow`): see FilledRow. */
  readonly fill?: FilledRow;
}

/**
 * A row of a column whose formulas come from one template: `f` is the template's pieces joined by this
 * row's number. The rows of the column share the same `template` array.
 */
export interface FilledRow {
  readonly template: readonly string[];
  readonly row: number;
}

/**
 * One cell to write. A plain string is ALWAYS text, even when it starts with `=`, `+`, `-` or `@`
 * (user text must never turn into a formula); only `{ f }` is a formula.
 */
export type PlanValue = string | number | boolean | null | FormulaValue;

export function isFormula(v: PlanValue): v is FormulaValue {
  return typeof v === "object" && v !== null && "f" in v;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Single underline (links). */
  underline?: boolean;
  /** `#RRGGBB` */
  fill?: string;
  fontColor?: string;
  wrap?: boolean;
  /** Font size in points. */
  size?: number;
  /** Horizontal alignment. */
  align?: "left" | "center" | "right";
  /** `#RRGGBB` of a thin bottom border. */
  borderBottom?: string;
}

/** A rectangular block of cells written at once (one 2D array per block keeps the add-in fast in Excel). */
export interface CellBlock {
  /** Top-left cell, e.g. `A1`. */
  at: string;
  rows: PlanValue[][];
  /** Number format per column of the block (null: leave General). */
  columnFormats?: (string | null)[];
  /** Style applied to the whole block. */
  style?: CellStyle;
}

export interface TablePlan {
  /** Workbook-unique table name, e.g. `PIAO_Obiettivi`. */
  name: string;
  /** The range the table covers, header row included (already written by a CellBlock). */
  ref: string;
  /** Built-in table style, e.g. `TableStyleMedium2`. */
  style: string;
}

export type ValidationPlan =
  | {
      range: string;
      type: "list";
      /** Allowed values (a comma list must stay under Excel's 255-character limit). */
      values: string[];
      allowBlank: boolean;
      prompt?: string;
      error?: string;
    }
  | {
      range: string;
      type: "decimal" | "whole";
      min: number;
      max?: number;
      allowBlank: boolean;
      prompt?: string;
      error?: string;
    };

/** A formula-based conditional format, the formula relative to the range's top-left cell. */
export interface ConditionalFormatPlan {
  range: string;
  formula: string;
  style: CellStyle;
}

export interface ChartSeriesPlan {
  /** Series name shown in the legend. */
  name: string;
  /** Absolute reference with sheet, e.g. `'PIAO Pesi'!$A$2:$A$5`. */
  categories: string;
  values: string;
}

/** The value axis: where it starts and how its labels read (`#,##0 "€"`, `0%`, `#,##0`). */
export interface ValueAxisPlan {
  /** Lowest value of the axis; absent: the program chooses (only for lines whose values go below zero). */
  min?: number;
  numberFormat: string;
}

export interface ChartPlan {
  type: "line" | "bar" | "column";
  title: string;
  /** Top-left cell of the chart. */
  at: string;
  /** Size in columns and rows. */
  widthCols: number;
  heightRows: number;
  series: ChartSeriesPlan[];
  valueAxis: ValueAxisPlan;
}

/**
 * A native hyperlink from a cell to a place in the same workbook. The cell's text is written by a
 * block like any other text (it stays text); the link only adds the jump. The task pane's adapter
 * writes it as `range.hyperlink = { documentReference: target, textToDisplay: <the cell's text> }` (ExcelApi 1.7),
 * an .xlsx as `<hyperlink ref="cell" location="target" display="<the cell's text>"/>` with no
 * relationship (ECMA-376 part 1, §18.3.1.47).
 */
export interface LinkPlan {
  /** The linked cell, A1 on this sheet, e.g. `P2`. */
  cell: string;
  /** Where the link goes: a sheet-qualified reference, e.g. `'Settore 1'!B12`. */
  target: string;
}

export interface ProtectionPlan {
  /** Ranges left editable when the sheet is protected (no password: users can lift it). */
  unlocked: string[];
}

export interface SheetPlan {
  name: string;
  tabColor?: string;
  blocks: CellBlock[];
  /** Styles applied to whole ranges after the blocks are written (e.g. input columns). */
  rangeStyles: { range: string; style: CellStyle }[];
  /** Column widths in characters, by 0-based column index. */
  columnWidths: { col: number; width: number }[];
  /** Row heights in points, by 0-based row, for rows whose wrapped text needs more than one line. */
  rowHeights: { row: number; height: number }[];
  /** 0-based rows written but kept out of sight (service cells that formulas and formats read). */
  hiddenRows?: number[];
  frozen?: { rows: number; cols: number };
  merges: string[];
  tables: TablePlan[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  charts: ChartPlan[];
  /** Internal hyperlinks on cells written by the blocks. */
  links: LinkPlan[];
  protection?: ProtectionPlan;
}

export interface DefinedNamePlan {
  /** Workbook-scope name, e.g. `PIAO_Soglia`. */
  name: string;
  /**
   * Absolute reference with sheet, e.g. `'PIAO Spesa personale'!$C$5`; with `tableColumn`, a structured
   * reference to a whole table column, e.g. `PIAO_Misure[[Punti 30/09]]`.
   */
  ref: string;
  tableColumn?: boolean;
  /** Hidden from the Name Manager (the sheet markers). */
  hidden?: boolean;
}

export interface WorkbookPlan {
  /** Generated sheets, in order. Existing sheets with these names are replaced. */
  sheets: SheetPlan[];
  names: DefinedNamePlan[];
  /** The sheet the workbook opens on, with A1 selected (absent: leave the workbook's own choice). */
  activeSheet?: string;
  /** Sheets of the previous run to remove (found by their marker, whatever their name now). */
  replaces?: string[];
}

/** Lower-case names of the existing sheets a plan replaces: its own names and the previous run's sheets. */
export function replacedSheets(plan: WorkbookPlan): Set<string> {
  return new Set([...plan.sheets.map((s) => s.name), ...(plan.replaces ?? [])].map((n) => n.toLowerCase()));
}

export function emptySheet(name: string): SheetPlan {
  return {
    name,
    blocks: [],
    rangeStyles: [],
    columnWidths: [],
    rowHeights: [],
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    links: [],
  };
}

/**
 * Links the cell at 0-based (row, col) of `sheet` to `target` (a sheet-qualified reference) and
 * returns the text the cell shows: the target itself.
 */
export function linkTo(sheet: SheetPlan, row: number, col: number, target: string): string {
  sheet.links.push({ cell: cellAddress(row, col), target });
  return target;
}
