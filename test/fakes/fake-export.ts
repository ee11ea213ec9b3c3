/**
 * Seeding the fake from snapshot-like data, and exporting its state as plain data (for assertions and
 * for comparing with the workbook the exceljs adapter writes).
 */

import { type Rect, colLetters, parseLocal, rectA1 } from "./fake-a1";
import {
  type CellScalar,
  type FakeCellStyle,
  type FakeHyperlink,
  type FakeSheet,
  type FakeWorkbookState,
  addSheet,
  cellKey,
  keyCol,
  keyRow,
} from "./fake-state";

/** The shape of a `SheetSnapshot` (src/engine/snapshot.ts), with everything but name and values optional. */
export interface FakeSheetSeed {
  name: string;
  top?: number;
  left?: number;
  values: CellScalar[][];
  formulas?: (string | null)[][];
  numberFormats?: (string | null)[][];
  merges?: string[];
  hiddenRows?: number[];
  hiddenCols?: number[];
  hidden?: boolean;
  /** Protect the seeded sheet (no password). */
  protected?: boolean;
}

/** Writes seed data straight into the state (no request, no input parsing: strings stay strings). */
export function seedSheet(state: FakeWorkbookState, seed: FakeSheetSeed): FakeSheet {
  const sheet = addSheet(state, seed.name);
  const top = seed.top ?? 0;
  const left = seed.left ?? 0;
  const height = Math.max(seed.values.length, seed.formulas?.length ?? 0, seed.numberFormats?.length ?? 0);
  for (let i = 0; i < height; i++) {
    const width = Math.max(
      seed.values[i]?.length ?? 0,
      seed.formulas?.[i]?.length ?? 0,
      seed.numberFormats?.[i]?.length ?? 0,
    );
    for (let j = 0; j < width; j++) {
      const v = seed.values[i]?.[j] ?? null;
      const f = seed.formulas?.[i]?.[j] ?? null;
      const nf = seed.numberFormats?.[i]?.[j] ?? null;
      const hasFormula = typeof f === "string" && f.startsWith("=");
      if (v === null && !hasFormula && (nf === null || nf === "General")) continue;
      sheet.cells.set(cellKey(top + i, left + j), {
        value: v === "" ? null : v,
        formula: hasFormula ? f : undefined,
        numberFormat: nf && nf !== "General" ? nf : undefined,
      });
    }
  }
  sheet.merges = (seed.merges ?? []).map((m) => parseLocal(m));
  sheet.hiddenRows = new Set(seed.hiddenRows ?? []);
  sheet.hiddenCols = new Set(seed.hiddenCols ?? []);
  if (seed.hidden) sheet.visibility = "Hidden";
  if (seed.protected) sheet.protection = { protected: true, options: {} };
  return sheet;
}

export interface ExportedCell {
  value: CellScalar;
  formula?: string;
  numberFormat?: string;
  /** Present (false) only for unlocked cells. */
  locked?: false;
  style?: FakeCellStyle;
  hyperlink?: FakeHyperlink;
}

export interface ExportedSheet {
  name: string;
  visibility: string;
  tabColor?: string;
  /** By A1 address. */
  cells: Record<string, ExportedCell>;
  merges: string[];
  frozen?: { rows: number; cols: number };
  /** Points, by column letters. */
  columnWidths: Record<string, number>;
  /** Row heights in points, by 1-based row number. */
  rowHeights: Record<string, number>;
  protection: { protected: boolean; options?: Record<string, unknown> };
  validations: {
    range: string;
    rule: Record<string, unknown>;
    ignoreBlanks: boolean;
    prompt?: Record<string, unknown>;
    errorAlert?: Record<string, unknown>;
  }[];
  conditionalFormats: {
    range: string;
    type: string;
    formula?: string;
    format: FakeCellStyle;
    priority: number;
  }[];
  charts: {
    name: string;
    type: string;
    title?: string;
    series: { name: string; values?: string; xValues?: string }[];
    position?: { start: string; end?: string };
    valueAxis: { minimum?: number; numberFormat?: string };
  }[];
  hiddenRows: number[];
  hiddenCols: number[];
}

export interface ExportedWorkbook {
  /** In tab order. */
  sheets: ExportedSheet[];
  tables: { name: string; sheet: string; ref: string; style: string; showHeaders: boolean }[];
  names: { name: string; formula: string }[];
  settings: Record<string, unknown>;
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
}

const a1 = (r: Rect) => rectA1(r);

export function exportSheet(sheet: FakeSheet): ExportedSheet {
  const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
  const cells: Record<string, ExportedCell> = {};
  for (const k of keys) {
    const c = sheet.cells.get(k)!;
    const out: ExportedCell = { value: c.value };
    if (c.formula !== undefined) out.formula = c.formula;
    if (c.numberFormat !== undefined) out.numberFormat = c.numberFormat;
    if (c.locked === false) out.locked = false;
    if (c.style && Object.values(c.style).some((v) => v !== undefined)) out.style = { ...c.style };
    if (c.hyperlink) out.hyperlink = { ...c.hyperlink };
    cells[`${colLetters(keyCol(k))}${keyRow(k) + 1}`] = out;
  }
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    cells,
    merges: sheet.merges.map(a1),
    frozen: sheet.frozen ? { ...sheet.frozen } : undefined,
    rowHeights: Object.fromEntries(
      [...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [r + 1, h]),
    ),
    columnWidths: Object.fromEntries(
      [...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [colLetters(c), w]),
    ),
    protection: sheet.protection.protected
      ? { protected: true, options: { ...(sheet.protection.options ?? {}) } }
      : { protected: false },
    validations: sheet.validations.map((v) => ({
      range: a1(v.rect),
      rule: JSON.parse(JSON.stringify(v.rule)),
      ignoreBlanks: v.ignoreBlanks,
      prompt: v.prompt ? { ...v.prompt } : undefined,
      errorAlert: v.errorAlert ? { ...v.errorAlert } : undefined,
    })),
    conditionalFormats: sheet.conditionalFormats.map((cf) => ({
      range: a1(cf.rect),
      type: cf.type,
      formula: cf.formula,
      format: { ...cf.format },
      priority: cf.priority,
    })),
    charts: sheet.charts.map((c) => ({
      name: c.name,
      type: c.type,
      title: c.title,
      series: c.series.map((s) => ({ ...s })),
      position: c.position ? { ...c.position } : undefined,
      valueAxis: { ...c.valueAxis },
    })),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
    hiddenCols: [...sheet.hiddenCols].sort((a, b) => a - b),
  };
}

export function exportWorkbook(state: FakeWorkbookState): ExportedWorkbook {
  return {
    sheets: state.sheets.map(exportSheet),
    tables: state.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      ref: a1(t.rect),
      style: t.style,
      showHeaders: t.showHeaders,
    })),
    names: state.names.map((n) => ({ name: n.name, formula: n.formula })),
    settings: Object.fromEntries(state.settings),
    activeSheet: state.activeSheet?.name ?? null,
    selection: state.selection
      ? { sheet: state.selection.sheet.name, address: a1(state.selection.rect) }
      : null,
  };
}
