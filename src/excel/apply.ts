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
 * Order of operations: park the old generated sheets, their tables and names (park.ts) → add the
 * sheets → per sheet: cell blocks (number formats, values, formulas), block and range styles, column
 * widths, row heights, hidden rows, merges, freeze panes, tables (from the already-written range), data validation, conditional
 * formats → defined names → charts → protection (last, so that nothing writes into a protected sheet) →
 * delete the parked sheets. A failure on the way puts the parked sheets back.
 */

import { cellAddress, columnLetters, parseCell, parseRange } from "../engine/core/address";
import type { CellStyle, ChartPlan, SheetPlan, ValidationPlan, WorkbookPlan } from "../engine/core/plan";
import type { FindingCode } from "../engine/core/findings";
import { WriteBatcher } from "./batch";
import { type PreparedBlock, charsToPoints, heightRuns, prepareBlock, rowRuns } from "./cells";
import { BuildInterruptedError, ExcelAdapterError } from "./errors";
import { type AdapterNotice, notice } from "./notices";
import { DEFAULT_MAX_REQUEST_BYTES, OP_OVERHEAD_BYTES } from "./payload";
import { linkTasks } from "./links";
import { splitSheetRef } from "./refs";
import { type Parked, freeName, park, parksAnything, putBack, queueRestore, unpark } from "./park";
import { type Supports, officeSupports } from "./supports";
import { assertValidPlan } from "./validate";
import {
  CHUNK_OVERHEAD,
  addConditionalFormat,
  applyStyle,
  styleOps,
  writeFormulas,
  writeValues,
} from "./write-cells";

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
  nameList.load("items/name,items/formula");
  const tableList = wb.tables;
  tableList.load("items/name");
  // The plan's sheets and the previous run's (found by their markers, whatever their names now).
  const removing = [...new Set([...plan.sheets.map((s) => s.name), ...(plan.replaces ?? [])])];
  const olds = removing.map((name) => wb.worksheets.getItemOrNullObject(name));
  const app = wb.application;
  app.load("calculationMode");
  const restore = queueRestore(context);
  await context.sync();
  syncs++;
  if (await restore()) {
    // A build interrupted beyond repair left its parked sheets: they are back; start again from there.
    const again = await applyPlan(context, plan, opts);
    return { ...again, syncs: again.syncs + syncs + 2 };
  }

  const replaced = new Set(removing.filter((_, i) => !olds[i].isNullObject).map(lc));
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

  // The old sheets are parked, not deleted, until the new ones are complete (park.ts).
  const taken = new Set([...sheetList.items.map((s) => lc(s.name))]);
  const takenIds = new Set([...tableList.items, ...nameList.items].map((x) => lc(x.name)));
  for (const n of [...planTables, ...planNames]) takenIds.add(n);
  const parked: Parked = {
    sheets: removing
      .filter((_, i) => !olds[i].isNullObject)
      .map((name) => ({ name, parked: freeName("~piao-old-", taken) })),
    added: plan.sheets.filter((s) => !replaced.has(lc(s.name))).map((s) => s.name),
    tables: clashing.map((t) => ({ name: t.name, parked: freeName("piao_old_", takenIds) })),
    names: plan.names.map((n) => ({
      name: n.name,
      formula: nameList.items.find((x) => lc(x.name) === lc(n.name))?.formula,
    })),
  };
  const parking = parksAnything(parked);
  if (parking)
    op(() => park(context, parked), 1 + parked.sheets.length + parked.tables.length + parked.names.length);
  const veryHidden = new Set(
    sheetList.items.filter((s) => s.visibility === "VeryHidden").map((s) => lc(s.name)),
  );
  for (const s of plan.sheets) {
    op(() => {
      const ws = wb.worksheets.add(s.name);
      if (s.tabColor && has.tabColor) ws.tabColor = s.tabColor;
      proxies.set(lc(s.name), ws);
    }, 2);
  }

  for (const s of plan.sheets) sheetTasks(s, tasks, op, sheetOf, has);

  for (const n of plan.names)
    op(() => {
      // A table column's name is a formula (the table exists by now: tables come with their sheets).
      const item = wb.names.add(n.name, n.tableColumn ? `=${n.ref}` : rangeOf(n.ref));
      if (n.hidden) item.visible = false;
    }, 2);

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
          const axis = chart.axes.valueAxis;
          if (ch.valueAxis.min !== undefined) axis.minimum = ch.valueAxis.min;
          if (supports("1.8")) axis.numberFormat = ch.valueAxis.numberFormat;
        },
        9 + 4 * ch.series.length,
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

  const active = plan.activeSheet;
  if (active)
    op(() => {
      sheetOf(active).activate();
      sheetOf(active).getRange("A1").select();
    }, 2);
  // Last: the previous sheets, parked under temporary names, are deleted only once the new ones are written.
  if (parking) op(() => unpark(context, parked, veryHidden), 1 + 2 * parked.sheets.length);

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
  try {
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
  } catch (e) {
    try {
      await putBack(context, parked);
    } catch {
      throw new BuildInterruptedError(e, parked.sheets.map((p) => `«${p.parked}» (${p.name})`).join(", "));
    }
    throw e;
  }
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
  for (const { rows, height } of heightRuns(s.rowHeights))
    op(() => (ws().getRange(rows).format.rowHeight = height), 2);
  for (const rows of rowRuns(s.hiddenRows ?? [])) op(() => (ws().getRange(rows).rowHidden = true), 2);
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
  for (const cf of has.conditionalFormats ? [...s.conditionalFormats].reverse() : [])
    op(() => addConditionalFormat(ws().getRange(cf.range), cf), 3 + styleOps(cf.style));
}
