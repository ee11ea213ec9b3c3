/**
 * Adapter contract: every plan the suite uses, applied through the exceljs adapter (src/xlsx, written to
 * a buffer and read back with exceljs) and through the Office.js adapter (src/excel, against the
 * stateful Excel fake, then `exportState()`), gives the same workbook: sheets and their order, cell
 * values, formulas, number formats, styles, locked/unlocked cells, merges, frozen panes, column widths,
 * tab colours, hidden rows and columns, data validation, conditional formats (in priority order),
 * protection, tables and defined names. Both start from the same user sheets (the snapshots the engine
 * converted), so user sheets are compared too: neither adapter may touch them.
 *
 * Known, documented differences are normalised, and only these:
 * N1. Text that Excel would parse (starting with `=`, `+`, `-`, `@`, `'`, `#`, or looking like a
 *     number, date or boolean) gets the Text number format `@` on the Office.js path, set before the
 *     value so that Excel stores it as typed (src/excel/cells.ts needsTextFormat). exceljs writes a typed
 *     string cell and needs no format. Such a cell counts as equal when the exceljs side has no format.
 * N2. An empty string written through Office.js `values` clears the cell; exceljs stores an empty string
 *     cell. "" counts as an empty cell.
 * N3. The non-anchor cells of a merged area: exceljs reads them back with the anchor's value, Excel keeps
 *     them empty. Only the anchor is compared (the merges themselves are compared).
 * N4. Formatting defaults: exceljs reads back the default font (Calibri 11, theme colour) on cells it
 *     styled; size 11 and theme colours count as "not set", as in the fake.
 * N5. Charts are not compared: exceljs can neither write nor read them (src/xlsx adds them to the saved
 *     file; see test/xlsx-charts.test.ts), the Office.js path creates them through the API.
 * N6. Validation messages: Office.js limits a prompt to 255 and an error message to 225 characters and
 *     the adapter truncates longer ones; exceljs writes them whole. Compared after the same truncation.
 * The test also checks that every plan string starting with `=`, `+`, `-` or `@` is text, not a
 * formula, on both sides.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { cellAddress, columnLetters } from "../src/engine/core/address";
import { isGeneratedSheet, SHEETS } from "../src/engine/core/contract";
import { convert } from "../src/engine/convert";
import { isFormula, type WorkbookPlan } from "../src/engine/core/plan";
import { parametersSheet } from "../src/engine/workbook/parameters-sheet";
import { spendingSections } from "../src/engine/spending/sections";
import { spendingSheet } from "../src/engine/spending/spending-sheet";
import type { SheetSnapshot } from "../src/engine/core/snapshot";
import { EMPTY_INPUTS, type SpendingInputs } from "../src/engine/spending/compute";
import { inputs, REFERENCE_SPENDING } from "./helpers/spending";
import { applyPlan, needsTextFormat } from "../src/excel";
import { charsToPoints } from "../src/excel/cells";
import { convertFile } from "../src/app/convert-file";
import { applyPlan as applyPlanXlsx, scalarOf, snapshotWorkbook } from "./helpers/xlsx";
import { type ExportedWorkbook, type FakeSheetSeed, createFakeExcel } from "./fakes/fake-excel";
import { smallPlan, userSheets } from "./fakes/sample-plans";
import { card, tmpDir, writeWorkbook } from "./helpers/workbooks";
import { WrittenWorkbooks } from "./helpers/validate";
import { Package } from "../src/xlsx/package";
import { readWorkbookNames } from "../src/xlsx/read-names";

const EXAMPLE = path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");
const written = new WrittenWorkbooks();

type V = string | number | boolean | null;

interface CellModel {
  v: V;
  f?: string;
  nf?: string;
  bold?: true;
  italic?: true;
  underline?: true;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: true;
  align?: string;
  borderBottom?: string;
  unlocked?: true;
}

interface SheetModel {
  name: string;
  visible: boolean;
  tabColor?: string;
  cells: Map<string, CellModel>;
  merges: string[];
  frozen?: string;
  /** Points, by column letters. */
  widths: Record<string, number>;
  heights: Record<string, number>;
  hiddenRows: number[];
  hiddenCols: number[];
  /** Canonical JSON of the validation of each cell that has one. */
  validations: Map<string, string>;
  /** Canonical JSON of each conditional format, highest priority first. */
  conditionalFormats: string[];
  protection: string;
}

interface WorkbookModel {
  sheets: SheetModel[];
  tables: string[];
  names: string[];
}

// --------------------------------------------------------------------------------------------------------
// Canonical forms shared by both sides

const hex = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : undefined);

function validationJson(v: {
  type: string;
  values?: string[];
  min?: number;
  max?: number;
  allowBlank: boolean;
  prompt?: string;
  error?: string;
}): string {
  const cut = (s: string | undefined, n: number) => (s && s.length > n ? `${s.slice(0, n - 1)}…` : s); // N6
  return JSON.stringify({
    type: v.type,
    values: v.values,
    min: v.min,
    max: v.max,
    allowBlank: v.allowBlank,
    prompt: cut(v.prompt || undefined, 255),
    error: cut(v.error || undefined, 225),
  });
}

/** `F2:F2` and `$F$2` → `F2`: one spelling per range. */
function canonicalRange(range: string): string {
  const [a, b = a] = range.replace(/\$/g, "").split(":");
  return a === b ? a : `${a}:${b}`;
}

function cfJson(
  range: string,
  formula: string,
  s: { fill?: string; color?: string; bold?: boolean; italic?: boolean },
) {
  return JSON.stringify({
    range: canonicalRange(range),
    formula: formula.startsWith("=") ? formula : `=${formula}`,
    fill: s.fill,
    color: s.color,
    bold: s.bold || undefined,
    italic: s.italic || undefined,
  });
}

function expand(range: string): string[] {
  const [a, b = a] = range.replace(/\$/g, "").split(":");
  const p = /^([A-Z]+)(\d+)$/.exec(a)!;
  const q = /^([A-Z]+)(\d+)$/.exec(b)!;
  const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const out: string[] = [];
  for (let r = Number(p[2]) - 1; r <= Number(q[2]) - 1; r++)
    for (let c = col(p[1]); c <= col(q[1]); c++) out.push(cellAddress(r, c));
  return out;
}

function isEmpty(c: CellModel): boolean {
  return Object.keys(c).length === 1 && c.v === null;
}

// --------------------------------------------------------------------------------------------------------
// exceljs side

/** A fake seed (name and values, the rest optional) as a full snapshot. */
function asSnapshot(s: FakeSheetSeed | SheetSnapshot): SheetSnapshot {
  return { top: 0, left: 0, merges: [], hiddenRows: [], hiddenCols: [], ...s } as SheetSnapshot;
}

/** A workbook holding the user's sheets as the engine saw them (values, formulas, formats, merges…). */
function workbookFromSnapshots(snaps: SheetSnapshot[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of snaps.map(asSnapshot)) {
    const ws = wb.addWorksheet(s.name, { state: s.hidden ? "hidden" : "visible" });
    const height = Math.max(s.values.length, s.formulas?.length ?? 0);
    for (let i = 0; i < height; i++) {
      const width = Math.max(s.values[i]?.length ?? 0, s.formulas?.[i]?.length ?? 0);
      for (let j = 0; j < width; j++) {
        const v = s.values[i]?.[j] ?? null;
        const f = s.formulas?.[i]?.[j] ?? null;
        const nf = s.numberFormats?.[i]?.[j] ?? null;
        if (v === null && f === null && nf === null) continue;
        const cell = ws.getCell(s.top + i + 1, s.left + j + 1);
        cell.value = f ? ({ formula: f.slice(1), result: v ?? undefined } as ExcelJS.CellFormulaValue) : v;
        if (nf) cell.numFmt = nf;
      }
    }
    for (const m of s.merges) ws.mergeCells(m);
    for (const r of s.hiddenRows) ws.getRow(r + 1).hidden = true;
    for (const c of s.hiddenCols) ws.getColumn(c + 1).hidden = true;
  }
  return wb;
}

interface ExcelJsDv {
  type: string;
  formulae?: unknown[];
  operator?: string;
  allowBlank?: boolean;
  prompt?: string;
  error?: string;
}

function exceljsValidation(dv: ExcelJsDv): string {
  const nums = (dv.formulae ?? []).map(Number);
  if (dv.type === "list") {
    const src = String(dv.formulae?.[0] ?? "").replace(/^"|"$/g, "");
    return validationJson({
      type: "list",
      values: src.split(","),
      allowBlank: !!dv.allowBlank,
      prompt: dv.prompt,
      error: dv.error,
    });
  }
  return validationJson({
    type: dv.type,
    min: nums[0],
    max: dv.operator === "between" ? nums[1] : undefined,
    allowBlank: !!dv.allowBlank,
    prompt: dv.prompt,
    error: dv.error,
  });
}

function exceljsModel(wb: ExcelJS.Workbook): WorkbookModel {
  const sheets: SheetModel[] = [];
  const tables: string[] = [];
  for (const ws of wb.worksheets) {
    const cells = new Map<string, CellModel>();
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return; // N3
        const m: CellModel = { v: scalarOf(cell.value) };
        if (m.v === "") m.v = null; // N2
        if (cell.type === ExcelJS.ValueType.Formula) m.f = `=${cell.formula}`;
        if (cell.numFmt && cell.numFmt !== "General") m.nf = cell.numFmt;
        const font = cell.font ?? {};
        if (font.bold) m.bold = true;
        if (font.italic) m.italic = true;
        if (font.underline) m.underline = true;
        if (font.size && font.size !== 11) m.size = font.size; // N4
        if (font.color?.argb) m.color = hex(font.color.argb);
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill?.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb)
          m.fill = hex(fill.fgColor.argb);
        if (cell.alignment?.wrapText) m.wrap = true;
        if (cell.alignment?.horizontal) m.align = cell.alignment.horizontal;
        if (cell.border?.bottom?.color?.argb) m.borderBottom = hex(cell.border.bottom.color.argb);
        if (cell.protection?.locked === false) m.unlocked = true;
        if (!isEmpty(m)) cells.set(cell.address, m);
      }),
    );
    const validations = new Map<string, string>();
    const dvModel = (ws as unknown as { dataValidations: { model: Record<string, ExcelJsDv> } })
      .dataValidations.model;
    for (const [key, dv] of Object.entries(dvModel)) {
      const addrs = key.startsWith("range:") ? expand(key.slice(6)) : key.includes(":") ? expand(key) : [key];
      for (const a of addrs) validations.set(a, exceljsValidation(dv));
    }
    const cfRules: { priority: number; json: string }[] = [];
    for (const cf of (
      ws as unknown as {
        conditionalFormattings: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[];
      }
    ).conditionalFormattings) {
      for (const rule of cf.rules as (ExcelJS.ConditionalFormattingRule & {
        formulae: string[];
        priority: number;
      })[]) {
        const st = rule.style ?? {};
        const f = st.fill as ExcelJS.FillPattern | undefined;
        cfRules.push({
          priority: rule.priority,
          json: cfJson(cf.ref, rule.formulae[0], {
            fill: hex(f?.bgColor?.argb),
            color: hex(st.font?.color?.argb),
            bold: st.font?.bold,
            italic: st.font?.italic,
          }),
        });
      }
    }
    const widths: Record<string, number> = {};
    (ws.columns ?? []).forEach((col, i) => {
      if (col.width !== undefined) widths[columnLetters(i)] = charsToPoints(col.width);
    });
    const hiddenRows: number[] = [];
    const heights: Record<string, number> = {};
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.hidden) hiddenRows.push(n - 1);
      if (row.height) heights[n] = row.height;
    });
    const hiddenCols: number[] = [];
    (ws.columns ?? []).forEach((col, i) => {
      if (col.hidden) hiddenCols.push(i);
    });
    const view = ws.views?.[0];
    const prot = (ws as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;
    sheets.push({
      name: ws.name,
      visible: ws.state === "visible",
      tabColor: hex(ws.properties.tabColor?.argb),
      cells,
      merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
      frozen: view?.state === "frozen" ? `${view.ySplit ?? 0}x${view.xSplit ?? 0}` : undefined,
      widths,
      heights,
      hiddenRows,
      hiddenCols,
      validations,
      conditionalFormats: cfRules.sort((a, b) => a.priority - b.priority).map((r) => r.json),
      protection: prot?.sheet
        ? JSON.stringify({
            formatColumns: !!prot.formatColumns,
            autoFilter: !!prot.autoFilter,
            sort: !!prot.sort,
          })
        : "none",
    });
    const wsTables = (
      ws as unknown as {
        tables: Record<string, { table?: Record<string, unknown>; model?: Record<string, unknown> }>;
      }
    ).tables;
    for (const t of Object.values(wsTables)) {
      const m = (t.table ?? t.model)!;
      tables.push(`${m.name} ${ws.name}!${m.tableRef ?? m.ref} ${(m.style as { theme?: string })?.theme}`);
    }
  }
  const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model.map(
    (n) => `${n.name}=${n.ranges.join(",")}`,
  );
  return { sheets, tables: tables.sort(), names: names.sort() };
}

async function viaExcelJs(seeds: SheetSnapshot[], plan: WorkbookPlan): Promise<WorkbookModel> {
  const wb = workbookFromSnapshots(seeds);
  const buffer = written.bytes(await applyPlanXlsx(wb, plan));
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  // exceljs keeps only the names that are ranges: the file's names as written, from our reader.
  const names = readWorkbookNames(new Package("plan.xlsx", Buffer.from(buffer))).names;
  return { ...exceljsModel(back), names: names.map((n) => `${n.name}=${n.formula}`).sort() };
}

// --------------------------------------------------------------------------------------------------------
// Office.js side

function fakeModel(state: ExportedWorkbook): WorkbookModel {
  const sheets = state.sheets.map((s): SheetModel => {
    const anchorsOnly = new Set(
      s.merges.flatMap((m) => expand(m).slice(1)), // N3: non-anchor cells of merged areas
    );
    const cells = new Map<string, CellModel>();
    for (const [addr, c] of Object.entries(s.cells)) {
      if (anchorsOnly.has(addr)) continue;
      const m: CellModel = { v: c.value };
      if (c.formula !== undefined) m.f = c.formula;
      if (c.numberFormat !== undefined) m.nf = c.numberFormat;
      const st = c.style ?? {};
      if (st.bold) m.bold = true;
      if (st.italic) m.italic = true;
      if (st.underline) m.underline = true;
      if (st.size && st.size !== 11) m.size = st.size; // N4
      if (st.fontColor) m.color = st.fontColor.toUpperCase();
      if (st.fill) m.fill = st.fill.toUpperCase();
      if (st.wrap) m.wrap = true;
      if (st.align) m.align = st.align;
      if (st.borderBottom) m.borderBottom = st.borderBottom;
      if (c.locked === false) m.unlocked = true;
      if (!isEmpty(m)) cells.set(addr, m);
    }
    const validations = new Map<string, string>();
    for (const v of s.validations) {
      const [kind, crit] = Object.entries(v.rule)[0] as [string, Record<string, string>];
      const num = (x: string | undefined) => (x === undefined ? undefined : Number(x.replace(/^=/, "")));
      const json =
        kind === "list"
          ? validationJson({
              type: "list",
              values: crit.source.split(","),
              allowBlank: v.ignoreBlanks,
              prompt: v.prompt?.message as string | undefined,
              error: v.errorAlert?.message as string | undefined,
            })
          : validationJson({
              type: kind === "wholeNumber" ? "whole" : kind,
              min: num(crit.formula1),
              max: num(crit.formula2),
              allowBlank: v.ignoreBlanks,
              prompt: v.prompt?.message as string | undefined,
              error: v.errorAlert?.message as string | undefined,
            });
      for (const a of expand(v.range)) validations.set(a, json);
    }
    const o = s.protection.options ?? {};
    return {
      name: s.name,
      visible: s.visibility === "Visible",
      tabColor: s.tabColor?.toUpperCase(),
      cells,
      merges: [...s.merges].sort(),
      frozen: s.frozen ? `${s.frozen.rows}x${s.frozen.cols}` : undefined,
      widths: { ...s.columnWidths },
      heights: { ...s.rowHeights },
      hiddenRows: s.hiddenRows,
      hiddenCols: s.hiddenCols,
      validations,
      conditionalFormats: [...s.conditionalFormats]
        .sort((a, b) => a.priority - b.priority)
        .map((cf) =>
          cfJson(cf.range, cf.formula ?? "", {
            fill: cf.format.fill,
            color: cf.format.fontColor,
            bold: cf.format.bold,
            italic: cf.format.italic,
          }),
        ),
      protection: s.protection.protected
        ? JSON.stringify({
            formatColumns: !!o.allowFormatColumns,
            autoFilter: !!o.allowAutoFilter,
            sort: !!o.allowSort,
          })
        : "none",
    };
  });
  return {
    sheets,
    tables: state.tables.map((t) => `${t.name} ${t.sheet}!${t.ref} ${t.style}`).sort(),
    names: state.names.map((n) => `${n.name}=${n.formula.replace(/^=/, "")}`).sort(),
  };
}

async function viaOfficeJs(seeds: SheetSnapshot[], plan: WorkbookPlan): Promise<ExportedWorkbook> {
  const fake = createFakeExcel(seeds);
  await applyPlan(fake.context, plan, { supports: fake.supports });
  return fake.exportState();
}

// --------------------------------------------------------------------------------------------------------
// Comparison

/** Every difference, as readable lines (empty when the workbooks agree). */
function differences(xl: WorkbookModel, of: WorkbookModel): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const note = (what: string, a: unknown, b: unknown) => {
    if (!same(a, b)) out.push(`${what}: exceljs ${JSON.stringify(a)} ≠ Office.js ${JSON.stringify(b)}`);
  };
  note(
    "sheets",
    xl.sheets.map((s) => s.name),
    of.sheets.map((s) => s.name),
  );
  note("tables", xl.tables, of.tables);
  note("names", xl.names, of.names);
  for (const a of xl.sheets) {
    const b = of.sheets.find((s) => s.name === a.name);
    if (!b) continue;
    const at = (k: string) => `'${a.name}' ${k}`;
    note(at("visible"), a.visible, b.visible);
    note(at("tab colour"), a.tabColor, b.tabColor);
    note(at("merges"), a.merges, b.merges);
    note(at("frozen"), a.frozen, b.frozen);
    note(at("column widths"), a.widths, b.widths);
    note(at("row heights"), a.heights, b.heights);
    note(at("hidden rows"), a.hiddenRows, b.hiddenRows);
    note(at("hidden columns"), a.hiddenCols, b.hiddenCols);
    note(at("conditional formats"), a.conditionalFormats, b.conditionalFormats);
    note(at("protection"), a.protection, b.protection);
    for (const k of new Set([...a.validations.keys(), ...b.validations.keys()]))
      note(at(`validation ${k}`), a.validations.get(k), b.validations.get(k));
    for (const k of new Set([...a.cells.keys(), ...b.cells.keys()])) {
      const x = a.cells.get(k) ?? { v: null };
      const y = { ...(b.cells.get(k) ?? { v: null }) };
      // N1: Text format put on text that Excel would otherwise parse.
      if (y.nf === "@" && x.nf === undefined && typeof y.v === "string" && needsTextFormat(y.v)) delete y.nf;
      note(at(k), x, y);
    }
  }
  return out;
}

/** Addresses (sheet!cell) of every plan string starting with =, +, - or @. */
function formulaLikeText(plan: WorkbookPlan): { sheet: string; address: string; text: string }[] {
  const out: { sheet: string; address: string; text: string }[] = [];
  for (const s of plan.sheets)
    for (const b of s.blocks) {
      const m = /^([A-Z]+)(\d+)$/.exec(b.at)!;
      const col0 = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      b.rows.forEach((row, i) =>
        row.forEach((v, j) => {
          if (typeof v === "string" && /^[=+\-@]/.test(v) && !isFormula(v))
            out.push({ sheet: s.name, address: cellAddress(Number(m[2]) - 1 + i, col0 + j), text: v });
        }),
      );
    }
  return out;
}

// --------------------------------------------------------------------------------------------------------
// The plans

interface Case {
  label: string;
  seeds: SheetSnapshot[];
  plan: WorkbookPlan;
}

function spendingPlan(i: SpendingInputs): WorkbookPlan {
  const spending = spendingSheet(i, {});
  const params = parametersSheet(spendingSections());
  return { sheets: [spending.sheet, params.sheet], names: [...spending.names, ...params.names] };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Conversion of a re-run (as test/rerun.test.ts): achievements carried over, one objective archived. */
async function rerunCase(): Promise<Case> {
  const dir = tmpDir("piao-contract-");
  const src = await writeWorkbook([
    {
      name: "Settore 1",
      rows: [
        ["Settore: Settore 1 Finanze"],
        ...card({ code: "A.1.1", name: "=Rendiconto", type: "I", weight: 60 }),
        ...card({ code: "A.1.2", name: "@Bilancio", type: "O", weight: 30 }),
        ...card({ code: "A.1.3", name: "-Cassa", type: "UO", weight: 10 }),
        ...card({ code: "A.1.4", name: "+Entrate", type: "I", weight: 0 }),
      ],
    },
  ]);
  const first = path.join(dir, "first.xlsx");
  await convertFile(src, written.file(first));
  const wb = await open(first);
  const ws = wb.getWorksheet(SHEETS.objectives)!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const col = (h: string) => header.indexOf(h) + 1;
  ws.getCell(2, col("Raggiungimento 30/09")).value = 0.4;
  ws.getCell(2, col("Raggiungimento 31/12")).value = 0.9;
  ws.getCell(4, col("Raggiungimento 31/12")).value = 1;
  const source = wb.getWorksheet("Settore 1")!;
  source.eachRow((row, n) =>
    row.eachCell((cell) => {
      if (cell.value === "A.1.3") for (let c = 1; c <= 5; c++) source.getCell(n, c).value = null;
    }),
  );
  const seeds = await snapshotWorkbook(wb);
  const r = convert(seeds, { sourceName: "rerun.xlsx" });
  expect(r.archived).toBe(1);
  return { label: "re-run with carry-over and archive", seeds, plan: r.plan };
}

let cases: Case[] = [];

beforeAll(async () => {
  const example = await snapshotWorkbook(await open(EXAMPLE));
  cases = [
    {
      label: "the bundled example",
      seeds: example,
      plan: convert(example, { sourceName: path.basename(EXAMPLE) }).plan,
    },
    await rerunCase(),
    ...(
      [
        ["spending: reference PIAO", REFERENCE_SPENDING],
        ["spending: empty inputs", EMPTY_INPUTS],
        [
          "spending: comune with caps and c. 557",
          inputs({
            body: "Comune",
            population: 20000,
            year: 2022,
            revenue: [1e6, 1.1e6, 1.2e6],
            fcde: 1234.56,
            spending: 290000,
            baseSpending: 250000,
            spending2011_2013: [300000, 310000, 320000],
            spending557: 305000,
          }),
        ],
      ] as [string, SpendingInputs][]
    ).map(([label, i]) => ({ label, seeds: userSheets(1).map(asSnapshot), plan: spendingPlan(i) })),
    {
      label: "the hand-written plan of excel-adapter.test.ts",
      seeds: userSheets(1).map(asSnapshot),
      plan: smallPlan(),
    },
  ];
}, 60000);

const LABELS = [
  "the bundled example",
  "re-run with carry-over and archive",
  "spending: reference PIAO",
  "spending: empty inputs",
  "spending: comune with caps and c. 557",
  "the hand-written plan of excel-adapter.test.ts",
];

test.each(LABELS)("%s: both adapters write the same workbook", async (label) => {
  const c = cases.find((x) => x.label === label)!;
  const xl = await viaExcelJs(c.seeds, c.plan);
  const state = await viaOfficeJs(c.seeds, c.plan);
  const of = fakeModel(state);
  expect(differences(xl, of)).toEqual([]);

  // Not vacuous: the plan's sheets, cells, tables, names and validations are really there.
  for (const s of c.plan.sheets) expect(of.sheets.some((x) => x.name === s.name)).toBe(true);
  const planTables = c.plan.sheets.flatMap((s) => s.tables);
  expect(of.tables).toHaveLength(planTables.length);
  expect(xl.names).toHaveLength(c.plan.names.length);
  const validations = c.plan.sheets.reduce((n, s) => n + s.validations.length, 0);
  if (validations > 0) expect(xl.sheets.some((s) => s.validations.size > 0)).toBe(true);
  // User sheets are exactly what they were.
  for (const seed of c.seeds.filter((s) => !c.plan.sheets.some((p) => p.name === s.name)))
    expect(of.sheets.find((s) => s.name === seed.name)).toBeDefined();

  // Text that starts like a formula stays text on both sides.
  for (const t of formulaLikeText(c.plan)) {
    const x = xl.sheets.find((s) => s.name === t.sheet)!.cells.get(t.address);
    const y = of.sheets.find((s) => s.name === t.sheet)!.cells.get(t.address);
    expect([t.address, x?.v, x?.f]).toEqual([t.address, t.text, undefined]);
    expect([t.address, y?.v, y?.f]).toEqual([t.address, t.text, undefined]);
  }
});

test("the suite's plans include user text starting with =, +, - and @", () => {
  const texts = cases.flatMap((c) => formulaLikeText(c.plan).map((t) => t.text[0]));
  expect(new Set(texts)).toEqual(new Set(["=", "+", "-", "@"]));
  expect(
    cases.some((c) => c.plan.sheets.some((s) => isGeneratedSheet(s.name) && s.name === SHEETS.archive)),
  ).toBe(true);
});

test("the comparison is not blind: it reports a changed value, formula, format, validation and name", async () => {
  const c = cases.find((x) => x.label === "the hand-written plan of excel-adapter.test.ts")!;
  const xl = await viaExcelJs(c.seeds, c.plan);
  const state = await viaOfficeJs(c.seeds, c.plan);
  const dati = state.sheets.find((s) => s.name === "PIAO Dati")!;
  dati.cells.A2.value = "OB9";
  dati.cells.C3.numberFormat = "0.0%";
  dati.validations[0].ignoreBlanks = false;
  dati.cells.B2.numberFormat = undefined; // "=1+1" without the Text format would be a formula in Excel
  dati.cells.B2.formula = "=1+1";
  state.names[0].formula = "='PIAO Parametri'!$B$3";
  expect(differences(xl, fakeModel(state)).map((d) => d.split(":")[0])).toEqual([
    "names",
    "'PIAO Dati' validation A2",
    "'PIAO Dati' validation A3",
    "'PIAO Dati' validation A4",
    "'PIAO Dati' A2",
    "'PIAO Dati' B2",
    "'PIAO Dati' C3",
  ]);
});

written.test(LABELS.length);
