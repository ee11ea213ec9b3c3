/**
 * Writes a WorkbookPlan into the open workbook with Office.js.
 *
 * Requirement sets: ExcelApi 1.4 is required (defined names, which the formulas use); everything newer
 * is feature-detected and, when missing, left out with a notice in the result instead of failing:
 * conditional formats and calculation suspension (1.6), tab colours, frozen panes and charts (1.7),
 * data validation (1.8), screen-updating suspension (1.9). Cell writes use `getRangeByIndexes` (1.7)
 * or, below it, A1 addresses.
 *
 * Request shape:
 * 1. one sync to learn which sheets, tables and defined names exist (plus one more, only when an existing
 *    table has a name the plan needs, to learn which sheet it is on);
 * 2. every write is queued; a sync happens only when the next operation would push the estimated request
 *    over `maxRequestBytes` (default 4 MB, under Excel on the web's 5 MB limit), so the number of syncs
 *    grows with the bytes written, never with the number of rows or operations.
 *
 * Order of operations: delete the old generated sheets and names → add the sheets → per sheet: cell
 * blocks (number formats, values, formulas), block and range styles, column widths, merges, freeze
 * panes, tables (from the already-written range), data validation, conditional formats → defined
 * names → charts → protection (last, so that nothing writes into a protected sheet).
 */

import { cellAddress, columnLetters, parseCell, parseRange } from "../engine/core/address";
import {
  type CellStyle,
  type ChartPlan,
  type LinkPlan,
  type SheetPlan,
  type ValidationPlan,
  type WorkbookPlan,
  isFormula,
} from "../engine/core/plan";
import type { FindingCode } from "../engine/core/findings";
import { type Queued, WriteBatcher } from "./batch";
import { type PreparedBlock, charsToPoints, chunkArrays, prepareBlock } from "./cells";
import { ExcelAdapterError } from "./errors";
import { type AdapterNotice, notice } from "./notices";
import { DEFAULT_MAX_REQUEST_BYTES, OP_OVERHEAD_BYTES, jsonBytes } from "./payload";
import { splitSheetRef } from "./refs";
import { deleteSheet } from "./sheets";
import { type Supports, officeSupports } from "./supports";
import { assertValidPlan } from "./validate";

export interface ApplyOptions {
  /** Called after each sync with estimated bytes written so far and in total. */
  onProgress?(done: number, total: number): void;
  /** Budget per request (default 4 MB). */
  maxRequestBytes?: number;
  /** Requirement-set check (default: Office.context.requirements). */
  supports?: Supports;
}

/** The oldest requirement set the writer works with (NamedItemCollection.add). */
export const MIN_EXCEL_API = "1.4";

export interface ApplyResult {
  syncs: number;
  /** What was left out because the host lacks a requirement set (empty on current Excel). */
  notices: AdapterNotice[];
}

/** Which optional features the host has. */
interface Features {
  conditionalFormats: boolean;
  tabColor: boolean;
  freeze: boolean;
  charts: boolean;
  validation: boolean;
  byIndexes: boolean;
  /** `Range.hyperlink` (1.7) and, for many cells in one call, `Range.setCellProperties` (1.9). */
  links: boolean;
  cellProperties: boolean;
}

type Task =
  | { kind: "op"; bytes: number; run: () => void }
  | {
      kind: "block";
      phase: "values" | "formulas";
      sheet: string;
      block: PreparedBlock;
      style?: CellStyle;
      /** Sheet columns (0-based) where the block's rows cover a table's data: never split across requests. */
      tableCols: Set<number>;
    };

/** Bytes for a chunk's range proxies and property sets, on top of its arrays. */
const CHUNK_OVERHEAD = 4 * OP_OVERHEAD_BYTES;

const CHART_TYPES: Record<ChartPlan["type"], "Line" | "BarClustered" | "ColumnClustered"> = {
  line: "Line",
  bar: "BarClustered",
  column: "ColumnClustered",
};

const lc = (s: string) => s.toLowerCase();

/** "Rows" for a one-row series (a row of years), "Columns" otherwise: the source is one series. */
function seriesByOf(ref: string): "Rows" | "Columns" {
  const r = parseRange(splitSheetRef(ref).address.replace(/\$/g, ""));
  return r.top === r.bottom && r.right > r.left ? "Rows" : "Columns";
}

function styleOps(style: CellStyle | undefined): number {
  if (!style) return 0;
  return Object.values(style).filter((v) => v !== undefined).length;
}

function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.size) format.font.size = style.size;
  if (style.fill) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function applyValidation(range: Excel.Range, v: ValidationPlan): void {
  const dv = range.dataValidation;
  // The rule first, then prompt and error alert (setting them first failed in Excel, office-js #2594).
  if (v.type === "list") {
    dv.rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
  } else {
    const crit: Excel.BasicDataValidation =
      v.max === undefined
        ? { formula1: v.min, operator: "GreaterThanOrEqualTo" }
        : { formula1: v.min, formula2: v.max, operator: "Between" };
    dv.rule = v.type === "whole" ? { wholeNumber: crit } : { decimal: crit };
  }
  dv.ignoreBlanks = v.allowBlank;
  // Excel's limits: prompt message 255 characters, error message 225.
  if (v.prompt) dv.prompt = { showPrompt: true, title: "", message: truncate(v.prompt, 255) };
  if (v.error) dv.errorAlert = { showAlert: true, style: "Stop", title: "", message: truncate(v.error, 225) };
}

function uniqueSheetName(taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const n = `~piao-tmp-${i}`;
    if (!taken.has(lc(n))) return n;
  }
}

export async function applyPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  opts: ApplyOptions = {},
): Promise<ApplyResult> {
  assertValidPlan(plan);
  const supports = opts.supports ?? officeSupports;
  if (!supports(MIN_EXCEL_API)) {
    throw new ExcelAdapterError(
      "ApiNotFound",
      `This version of Excel lacks ExcelApi ${MIN_EXCEL_API}, which the generated sheets need.`,
    );
  }
  const maxBytes = opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const wb = context.workbook;
  let syncs = 0;
  const has: Features = {
    conditionalFormats: supports("1.6"),
    tabColor: supports("1.7"),
    freeze: supports("1.7"),
    charts: supports("1.7"),
    validation: supports("1.8"),
    byIndexes: supports("1.7"),
    links: supports("1.7"),
    cellProperties: supports("1.9"),
  };
  const notices = planNotices(plan, has, supports);

  // --- 1. What exists -------------------------------------------------------------------------------
  const sheetList = wb.worksheets;
  sheetList.load("items/name,items/visibility");
  const nameList = wb.names;
  nameList.load("items/name");
  const tableList = wb.tables;
  tableList.load("items/name");
  const olds = plan.sheets.map((s) => wb.worksheets.getItemOrNullObject(s.name));
  const app = wb.application;
  app.load("calculationMode");
  await context.sync();
  syncs++;

  const replaced = new Set(plan.sheets.filter((_, i) => !olds[i].isNullObject).map((s) => lc(s.name)));
  const planNames = new Set(plan.names.map((n) => lc(n.name)));
  const planTables = new Set(plan.sheets.flatMap((s) => s.tables.map((t) => lc(t.name))));
  const conflicts: string[] = [];
  const clashing = tableList.items.filter((t) => planTables.has(lc(t.name)) || planNames.has(lc(t.name)));
  if (clashing.length > 0) {
    const homes = clashing.map((t) => t.worksheet.load("name"));
    await context.sync();
    syncs++;
    clashing.forEach((t, i) => {
      // Tables on sheets we replace disappear with them; any other one is the user's.
      if (!replaced.has(lc(homes[i].name))) conflicts.push(`table '${t.name}' on sheet '${homes[i].name}'`);
    });
  }
  for (const n of nameList.items) {
    if (planTables.has(lc(n.name))) conflicts.push(`defined name '${n.name}'`);
  }
  if (conflicts.length > 0) {
    throw new ExcelAdapterError(
      "NameConflict",
      "Names needed by the generated sheets are already in use.",
      conflicts,
    );
  }

  // --- 2. Tasks ---------------------------------------------------------------------------------------
  const tasks: Task[] = [];
  const op = (run: () => void, ops = 1) => tasks.push({ kind: "op", bytes: ops * OP_OVERHEAD_BYTES, run });
  const proxies = new Map<string, Excel.Worksheet>();
  const sheetOf = (name: string): Excel.Worksheet => {
    let ws = proxies.get(lc(name));
    if (!ws) {
      ws = wb.worksheets.getItem(name);
      proxies.set(lc(name), ws);
    }
    return ws;
  };
  const rangeOf = (ref: string): Excel.Range => {
    const { sheet, address } = splitSheetRef(ref);
    if (sheet === null) throw new ExcelAdapterError("InvalidPlan", `Reference without a sheet: ${ref}`);
    return sheetOf(sheet).getRange(address);
  };

  // Structure. Excel refuses to delete the last visible sheet: if every visible sheet is being
  // replaced, a placeholder keeps the workbook valid until the new sheets exist.
  const visibleLeft = sheetList.items.filter(
    (s) => s.visibility === "Visible" && !replaced.has(lc(s.name)),
  ).length;
  const holder: { sheet?: Excel.Worksheet } = {};
  const needHolder = replaced.size > 0 && visibleLeft === 0;
  if (needHolder) {
    const name = uniqueSheetName(new Set(sheetList.items.map((s) => lc(s.name))));
    op(() => (holder.sheet = wb.worksheets.add(name)));
  }
  const veryHidden = new Set(
    sheetList.items.filter((s) => s.visibility === "VeryHidden").map((s) => lc(s.name)),
  );
  olds.forEach((o, i) => {
    if (o.isNullObject) return;
    const hidden = veryHidden.has(lc(plan.sheets[i].name));
    op(() => deleteSheet(o, hidden), hidden ? 2 : 1);
  });
  for (const n of nameList.items) if (planNames.has(lc(n.name))) op(() => n.delete());
  for (const s of plan.sheets) {
    op(() => {
      const ws = wb.worksheets.add(s.name);
      if (s.tabColor && has.tabColor) ws.tabColor = s.tabColor;
      proxies.set(lc(s.name), ws);
    }, 2);
  }
  if (needHolder) op(() => holder.sheet?.delete());

  for (const s of plan.sheets) sheetTasks(s, tasks, op, sheetOf, has);

  for (const n of plan.names) op(() => wb.names.add(n.name, rangeOf(n.ref)), 2);

  // Formulas last: a formula may refer to a table or a name of any sheet of the plan, and Excel refuses
  // a structured reference to a table that does not exist yet.
  for (const t of [...tasks]) {
    if (t.kind === "block" && t.block.formulaSpan) tasks.push({ ...t, phase: "formulas", style: undefined });
  }

  for (const s of has.charts ? plan.sheets : []) {
    for (const ch of s.charts) {
      op(
        () => {
          const [first, ...rest] = ch.series;
          // `charts.add` makes one series per row or per column of the source: with "Columns" a one-row
          // range gives one series per cell (series 0 would hold the first value only). The source is
          // one series, so it is split along its long side; every series' values are then set explicitly
          // (https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)).
          const chart = sheetOf(s.name).charts.add(
            CHART_TYPES[ch.type],
            rangeOf(first.values),
            seriesByOf(first.values),
          );
          chart.title.text = ch.title;
          const at = parseCell(ch.at);
          const end = cellAddress(
            at.row + Math.max(1, ch.heightRows) - 1,
            at.col + Math.max(1, ch.widthCols) - 1,
          );
          chart.setPosition(ch.at, end);
          const s0 = chart.series.getItemAt(0);
          s0.name = first.name;
          s0.setValues(rangeOf(first.values));
          s0.setXAxisValues(rangeOf(first.categories));
          for (const se of rest) {
            const x = chart.series.add(se.name);
            x.setValues(rangeOf(se.values));
            x.setXAxisValues(rangeOf(se.categories));
          }
        },
        7 + 4 * ch.series.length,
      );
    }
  }

  for (const s of plan.sheets) {
    const p = s.protection;
    if (!p) continue;
    op(
      () => {
        const ws = sheetOf(s.name);
        for (const u of p.unlocked) ws.getRange(u).format.protection.locked = false;
        // No password: users can lift it (Review › Unprotect Sheet).
        ws.protection.protect({ allowFormatColumns: true, allowAutoFilter: true, allowSort: true });
      },
      1 + 2 * p.unlocked.length,
    );
  }

  // --- 3. Run -----------------------------------------------------------------------------------------
  const total = tasks.reduce(
    (n, t) =>
      n +
      (t.kind === "op"
        ? t.bytes
        : (t.phase === "values" ? t.block.valueBytes : t.block.formulaBytes) + CHUNK_OVERHEAD),
    0,
  );
  const batcher = new WriteBatcher(context, maxBytes, supports, total, opts.onProgress);
  for (const t of tasks) {
    if (t.kind === "op") {
      await batcher.add(t.bytes, t.run);
    } else {
      const ws = () => sheetOf(t.sheet);
      if (t.phase === "values") await writeValues(batcher, ws, t.block, t.style, has.byIndexes);
      else await writeFormulas(batcher, ws, t.block, t.tableCols, has.byIndexes);
    }
  }
  await batcher.flush();
  if (batcher.syncs === 0) opts.onProgress?.(total, total);
  if (app.calculationMode === "Manual") {
    // In manual calculation new formulas show no (or stale) values until the user recalculates:
    // recalculate once now, outside the batches that suspend calculation, and say so
    // (https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-calculate-member(1)).
    app.calculate("Recalculate");
    await context.sync();
    syncs++;
    notices.push(notice("EXCEL_CALCOLO_MANUALE"));
  }
  return { syncs: syncs + batcher.syncs, notices };
}

/** The notices for what this host will not get of this plan. */
function planNotices(plan: WorkbookPlan, has: Features, supports: Supports): AdapterNotice[] {
  const count = (f: (s: SheetPlan) => number) => plan.sheets.reduce((n, s) => n + f(s), 0);
  const out: AdapterNotice[] = [];
  const add = (code: FindingCode, n: number) => {
    if (n > 0) out.push(notice(code, n));
  };
  add("EXCEL_API_CONVALIDA", has.validation ? 0 : count((s) => s.validations.length));
  add(
    "EXCEL_API_FORMATI_CONDIZIONALI",
    has.conditionalFormats ? 0 : count((s) => s.conditionalFormats.length),
  );
  add("EXCEL_API_COLORE_SCHEDA", has.tabColor ? 0 : count((s) => (s.tabColor ? 1 : 0)));
  add(
    "EXCEL_API_BLOCCA_RIQUADRI",
    has.freeze ? 0 : count((s) => (s.frozen && (s.frozen.rows > 0 || s.frozen.cols > 0) ? 1 : 0)),
  );
  add("EXCEL_API_GRAFICI", has.charts ? 0 : count((s) => s.charts.length));
  add("EXCEL_API_COLLEGAMENTI", has.links ? 0 : count((s) => s.links.length));
  add("EXCEL_API_CALCOLO", supports("1.6") ? 0 : 1);
  add("EXCEL_API_AGGIORNAMENTO_SCHERMO", supports("1.9") ? 0 : 1);
  return out;
}

function sheetTasks(
  s: SheetPlan,
  tasks: Task[],
  op: (run: () => void, ops?: number) => void,
  sheetOf: (name: string) => Excel.Worksheet,
  has: Features,
): void {
  const ws = () => sheetOf(s.name);
  const tables = s.tables.map((t) => parseRange(t.ref));
  for (const b of s.blocks) {
    const block = prepareBlock(b);
    if (block.width === 0 || block.rows.length === 0) continue;
    const bottom = block.top + block.rows.length - 1;
    const tableCols = new Set<number>();
    for (const t of tables) {
      if (block.top > t.top + 1 || bottom < t.bottom) continue;
      for (let c = Math.max(t.left, block.left); c <= Math.min(t.right, block.left + block.width - 1); c++)
        tableCols.add(c);
    }
    tasks.push({ kind: "block", phase: "values", sheet: s.name, block, style: b.style, tableCols });
  }
  if (has.links) linkTasks(s, op, ws, has.cellProperties);
  for (const rs of s.rangeStyles ?? []) {
    op(() => applyStyle(ws().getRange(rs.range).format, rs.style), 1 + styleOps(rs.style));
  }
  for (const cw of s.columnWidths) {
    const L = columnLetters(cw.col);
    op(() => (ws().getRange(`${L}:${L}`).format.columnWidth = charsToPoints(cw.width)), 2);
  }
  for (const m of s.merges) op(() => ws().getRange(m).merge(false), 2);
  const fr = s.frozen;
  if (fr && (fr.rows > 0 || fr.cols > 0) && has.freeze) {
    op(() => {
      const panes = ws().freezePanes;
      if (fr.rows > 0 && fr.cols > 0)
        panes.freezeAt(ws().getRange(`A1:${cellAddress(fr.rows - 1, fr.cols - 1)}`));
      else if (fr.rows > 0) panes.freezeRows(fr.rows);
      else panes.freezeColumns(fr.cols);
    }, 2);
  }
  for (const t of s.tables) {
    op(() => {
      const sheet = ws();
      // From the already-written range: far faster than growing a table row by row.
      const table = sheet.tables.add(sheet.getRange(t.ref), true);
      table.name = t.name;
      if (t.style) table.style = t.style;
    }, 4);
  }
  if (has.validation) for (const v of s.validations) op(() => applyValidation(ws().getRange(v.range), v), 5);
  // Excel adds each conditional format at the top priority: adding them last to first leaves the first
  // of the plan on top, which is what the exceljs adapter writes (priority 1 = first rule).
  for (const cf of has.conditionalFormats ? [...s.conditionalFormats].reverse() : []) {
    op(
      () => {
        const f = ws().getRange(cf.range).conditionalFormats.add("Custom");
        f.custom.rule.formula = cf.formula;
        const fmt = f.custom.format;
        if (cf.style.fill) fmt.fill.color = cf.style.fill;
        if (cf.style.fontColor) fmt.font.color = cf.style.fontColor;
        if (cf.style.bold !== undefined) fmt.font.bold = cf.style.bold;
        if (cf.style.italic !== undefined) fmt.font.italic = cf.style.italic;
      },
      3 + styleOps(cf.style),
    );
  }
}

/** Most cells one `setCellProperties` call links (a bounded request item). */
const LINKS_PER_CALL = 1000;

/** The text each linked cell shows: what the sheet's blocks write into it. */
function linkTexts(s: SheetPlan): Map<string, string> {
  const wanted = new Map(s.links.map((l) => [l.cell, parseCell(l.cell)]));
  const out = new Map<string, string>();
  for (const b of s.blocks) {
    const at = parseCell(b.at);
    for (const [cell, p] of wanted) {
      const v = b.rows[p.row - at.row]?.[p.col - at.col];
      if (v !== undefined && v !== null && !isFormula(v)) out.set(cell, String(v));
    }
  }
  return out;
}

/**
 * Native internal hyperlinks: `documentReference` is the target, `textToDisplay` the text the block
 * wrote (so the cell keeps it). With ExcelApi 1.9 one `setCellProperties` call links a run of cells of
 * one column (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-setcellproperties-member(1));
 * on 1.7–1.8 each cell gets `range.hyperlink` (https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink).
 */
function linkTasks(
  s: SheetPlan,
  op: (run: () => void, ops?: number) => void,
  ws: () => Excel.Worksheet,
  cellProperties: boolean,
): void {
  const texts = linkTexts(s);
  const link = (l: LinkPlan): Excel.RangeHyperlink => ({
    documentReference: l.target,
    textToDisplay: texts.get(l.cell) ?? l.target,
  });
  if (!cellProperties) {
    for (const l of s.links) op(() => (ws().getRange(l.cell).hyperlink = link(l)), 2);
    return;
  }
  const sorted = s.links
    .map((l) => ({ l, p: parseCell(l.cell) }))
    .sort((a, b) => a.p.col - b.p.col || a.p.row - b.p.row);
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (
      j < sorted.length &&
      j - i < LINKS_PER_CALL &&
      sorted[j].p.col === sorted[i].p.col &&
      sorted[j].p.row === sorted[j - 1].p.row + 1
    )
      j++;
    const run = sorted.slice(i, j);
    const props = run.map(({ l }) => [{ hyperlink: link(l) }]);
    const first = run[0].p;
    const address = `${cellAddress(first.row, first.col)}:${cellAddress(first.row + run.length - 1, first.col)}`;
    // `op` counts in operation allowances: the array's bytes, rounded up, plus the proxy and the call.
    op(
      () => ws().getRange(address).setCellProperties(props),
      Math.ceil(jsonBytes(props) / OP_OVERHEAD_BYTES) + 2,
    );
    i = j;
  }
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
async function writeValues(
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

/**
 * Writes a block's formulas column by column. Excel's table AutoCorrect ("fill formulas in tables to
 * create calculated columns") also acts on API writes: a formula written into part of a table column
 * can be copied over the column's other formulas (office-js #2093 "by design", #5909, #6745). It does
 * not when the whole column is written in one operation, so a column over a table's data is never split
 * across requests (it goes alone if it does not fit); other columns are split by bytes.
 */
async function writeFormulas(
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
      tableCols.has(b.left + c),
      (i, j) => (rect(b.top + i, b.left + c, j - i, 1).formulas = column.slice(i, j).map((f) => [f])),
    );
  }
}
