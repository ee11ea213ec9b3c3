/**
 * The Office.js adapter (src/excel) against the stateful Excel fake (test/fakes), and the fake's own
 * enforcement of Excel's rules.
 */

import {
  ExcelAdapterError,
  SheetTooLargeError,
  applyPlan,
  describeExcelError,
  excelErrorFinding,
  needsTextFormat,
  noticeFinding,
  readWorkbook,
  removeSheets,
  selectCell,
} from "../src/excel";
import type { WorkbookPlan } from "../src/engine/core/plan";
import { type FakeSheetSeed, createFakeExcel } from "./fakes/fake-excel";
import { planSheet, smallPlan, userSheets } from "./fakes/sample-plans";

const MB = 1024 * 1024;

function errorOf(p: Promise<unknown>): Promise<{ code?: string; message: string }> {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: { code?: string; message: string }) => e,
  );
}

const sheet = planSheet;

// ------------------------------------------------------------------------------------------------------

describe("Excel fake enforces Excel's rules", () => {
  test("reading a property that was not loaded (or not yet synced) throws PropertyNotLoaded", async () => {
    const fake = createFakeExcel(userSheets(1));
    const ws = fake.context.workbook.worksheets.getItem("Settore 1");
    const r = ws.getRange("A1:C3");
    expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    r.load("values");
    expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" })); // loaded but not synced
    await fake.context.sync();
    expect(r.values[1]).toEqual(["Ridurre i tempi", 0.4, 0.8]); // a seeded formula keeps its seeded result
    expect(() => r.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    expect(() => ws.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });

  test("one request over 5 MB is rejected with RequestPayloadSizeLimitExceeded and changes nothing", async () => {
    const fake = createFakeExcel();
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      Array.from({ length: 10 }, (_, j) => `cella ${i}/${j} ${"x".repeat(20)}`),
    );
    const ws = fake.context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1:J20000").values = rows;
    const e = await errorOf(fake.context.sync());
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.stats.requests[0]).toBeGreaterThan(5 * MB);
    expect(fake.exportState().sheets[0].cells).toEqual({});
  });

  test("text starting with = becomes a formula unless the cell is formatted as Text", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:D1").values = [["=1+1", "-note", "00123", "TRUE"]];
      const b = ws.getRange("A2:B2");
      b.numberFormat = [["@", "@"]];
      b.values = [["=1+1", "-note"]];
    });
    const cells = fake.exportState().sheets[0].cells;
    expect(cells.A1).toEqual({ value: null, formula: "=1+1" });
    expect(cells.B1).toEqual({ value: null, formula: "=-note" });
    expect(cells.C1.value).toBe(123);
    expect(cells.D1.value).toBe(true);
    expect(cells.A2).toEqual({ value: "=1+1", numberFormat: "@" });
    expect(cells.B2).toEqual({ value: "-note", numberFormat: "@" });
  });

  test("null objects, protected sheets, unsupported APIs and bad dimensions fail like Excel", async () => {
    const fake = createFakeExcel(
      [
        { name: "Chiuso", values: [["a"]], protected: true },
        { name: "Aperto", values: [] },
      ],
      {
        apiVersion: "1.8",
      },
    );
    const ctx = fake.context;
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Manca");
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    missing.delete();
    expect((await errorOf(ctx.sync())).code).toBe("InvalidObjectPath");

    ctx.workbook.worksheets.getItem("Chiuso").getRange("A1").values = [["b"]];
    expect((await errorOf(ctx.sync())).code).toBe("AccessDenied");

    ctx.application.suspendScreenUpdatingUntilNextSync(); // ExcelApi 1.9 on a 1.8 host
    expect((await errorOf(ctx.sync())).code).toBe("ApiNotFound");

    ctx.workbook.worksheets.getItem("Aperto").getRange("A1:B1").values = [["solo uno"]];
    expect((await errorOf(ctx.sync())).code).toBe("InvalidArgument");

    ctx.workbook.worksheets.getItem("Aperto").getRange("A1").formulas = [["=[@Peso]*2"]];
    expect((await errorOf(ctx.sync())).code).toBe("InvalidArgument"); // structured reference outside a table
  });

  test("settings, getCell, getResizedRange and getUsedRange behave like Excel's", async () => {
    const fake = createFakeExcel(userSheets(1));
    const ctx = fake.context;
    ctx.workbook.settings.add("piao.version", { v: 1 });
    const ws = ctx.workbook.worksheets.getItem("Settore 1");
    const used = ws.getUsedRange().load("address");
    const cell = ws.getCell(2, 1).load("address,values");
    const grown = ws.getRange("A1").getResizedRange(1, 2).load("address");
    const setting = ctx.workbook.settings.getItem("piao.version").load("value");
    await ctx.sync();
    expect(used.address).toBe("'Settore 1'!A1:C3");
    expect(cell.address).toBe("'Settore 1'!B3");
    expect(cell.values).toEqual([[0.6]]);
    expect(grown.address).toBe("'Settore 1'!A1:C2");
    expect(setting.value).toEqual({ v: 1 });
    expect(fake.exportState().settings).toEqual({ "piao.version": { v: 1 } });
  });

  test("seeds from SheetSnapshots: a read, re-seeded into a new fake, reads back the same", async () => {
    const first = createFakeExcel([
      ...userSheets(2),
      {
        name: "Unite",
        values: [
          ["a", null],
          [1, 2],
        ],
        merges: ["A1:B1"],
        hiddenCols: [1],
      },
    ]);
    const snaps = await readWorkbook(first.context, { supports: first.supports });
    const second = createFakeExcel(snaps);
    expect(await readWorkbook(second.context, { supports: second.supports })).toEqual(snaps);
    expect(snaps[2]).toMatchObject({ merges: ["A1:B1"], hiddenCols: [1] });
  });
});

// ------------------------------------------------------------------------------------------------------

describe("readWorkbook", () => {
  test("reads values, formulas, number formats, merges, visibility and hidden rows", async () => {
    const fake = createFakeExcel([
      ...userSheets(1),
      {
        name: "Nascosto",
        top: 2,
        left: 1,
        values: [
          ["Titolo unito", null, null],
          ["x", "=1+1", 5],
          ["y", "z", 6],
        ],
        numberFormats: [
          [null, null, null],
          [null, "@", null],
          [null, null, null],
        ],
        merges: ["B3:D3"],
        hiddenRows: [4],
        hidden: true,
      },
    ]);
    const snaps = await readWorkbook(fake.context, { supports: fake.supports });
    expect(snaps.map((s) => s.name)).toEqual(["Settore 1", "Nascosto"]);
    const [a, b] = snaps;
    expect(a).toMatchObject({ top: 0, left: 0, hidden: false, merges: [], hiddenRows: [] });
    expect(a.values[1]).toEqual(["Ridurre i tempi", 0.4, 0.8]);
    expect(a.formulas?.[1]).toEqual([null, null, "=B2*2"]);
    expect(a.numberFormats?.[1]).toEqual([null, "0%", null]);
    expect(b).toMatchObject({
      top: 2,
      left: 1,
      hidden: true,
      merges: ["B3:D3"],
      hiddenRows: [4],
      hiddenCols: [],
    });
    expect(b.values[1]).toEqual(["x", "=1+1", 5]);
    // Text stored as text that looks like a formula is not reported as a formula.
    expect(b.formulas).toBeUndefined();
  });

  test("costs two syncs for 1 sheet and for 20; one when the sheet names are known", async () => {
    const one = createFakeExcel(userSheets(1));
    const twenty = createFakeExcel(userSheets(20));
    const s1 = await readWorkbook(one.context, { supports: one.supports });
    const s20 = await readWorkbook(twenty.context, { supports: twenty.supports });
    expect(s1).toHaveLength(1);
    expect(s20).toHaveLength(20);
    expect(one.stats.syncs).toBe(2);
    expect(twenty.stats.syncs).toBe(one.stats.syncs);

    twenty.resetStats();
    const names = s20.map((s) => s.name).reverse(); // any order: the result follows the tabs
    expect(await readWorkbook(twenty.context, { supports: twenty.supports, sheetNames: names })).toEqual(s20);
    expect(twenty.stats.syncs).toBe(1);
  });

  test("stale sheet names cost a sync or two more, never a wrong result", async () => {
    const fake = createFakeExcel(userSheets(3));
    const truth = await readWorkbook(fake.context, { supports: fake.supports });
    // A sheet added since: read in one more sync.
    fake.resetStats();
    const added = await readWorkbook(fake.context, {
      supports: fake.supports,
      sheetNames: ["Settore 1", "Settore 3"],
    });
    expect(added).toEqual(truth);
    expect(fake.stats.syncs).toBe(2);
    // A sheet deleted or renamed since: getItem fails, the read starts again from the list.
    fake.resetStats();
    const gone = await readWorkbook(fake.context, {
      supports: fake.supports,
      sheetNames: ["Settore 1", "Settore 2", "Settore 3", "Vecchio nome"],
    });
    expect(gone).toEqual(truth);
    expect(fake.stats.syncs).toBe(3);
    expect(fake.stats.log[0].error).toBe("ItemNotFound");
  });

  test("without ExcelApi 1.9 formulas and formats come as whole grids: same snapshots, more bytes", async () => {
    const seeds: FakeSheetSeed[] = [
      ...userSheets(2),
      {
        name: "Misto",
        top: 1,
        left: 2,
        values: [
          ["testo", 5, "=A1 come testo", true],
          [0.25, "00123", 7, null],
        ],
        formulas: [
          [null, "=2+3", null, null],
          [null, null, "=3+4", null],
        ],
        numberFormats: [
          [null, "0.00", "@", null],
          ["0%", "@", "#,##0", null],
        ],
      },
    ];
    const modern = createFakeExcel(seeds);
    const old = createFakeExcel(seeds, { apiVersion: "1.8" });
    const a = await readWorkbook(modern.context, { supports: modern.supports });
    const b = await readWorkbook(old.context, { supports: old.supports });
    const misto = a[2];
    expect(misto.formulas).toEqual([
      [null, "=2+3", null, null],
      [null, null, "=3+4", null],
    ]);
    // Number formats of numbers and formulas are read; a text cell's format is not (the engine only
    // interprets numbers), so the two reads differ only there.
    expect(misto.numberFormats).toEqual([
      [null, "0.00", null, null],
      ["0%", null, "#,##0", null],
    ]);
    expect(b[2].numberFormats).toEqual([
      [null, "0.00", "@", null],
      ["0%", "@", "#,##0", null],
    ]);
    expect({ ...b[2], numberFormats: undefined, merges: [] }).toEqual({
      ...misto,
      numberFormats: undefined,
      merges: [],
    });
    expect(a.slice(0, 2)).toEqual(b.slice(0, 2).map((s) => ({ ...s })));
    const bytes = (f: typeof modern) => f.stats.log.reduce((n, l) => n + l.responseBytes, 0);
    expect(bytes(modern)).toBeLessThan(bytes(old));
  });

  test("partly hidden rows and columns: one more sync (visible cells, or probes below ExcelApi 1.9)", async () => {
    const seeds: FakeSheetSeed[] = [
      {
        name: "Nascoste",
        values: Array.from({ length: 6 }, (_, i) => [i, i * 2, i * 3, i * 4]),
        hiddenRows: [1, 4],
        hiddenCols: [2],
      },
      { name: "Tutte", values: [[1], [2]], hiddenRows: [0, 1] },
      ...userSheets(1),
    ];
    for (const apiVersion of ["1.17", "1.8"]) {
      const fake = createFakeExcel(seeds, { apiVersion });
      const snaps = await readWorkbook(fake.context, { supports: fake.supports });
      expect(snaps[0]).toMatchObject({ hiddenRows: [1, 4], hiddenCols: [2] });
      expect(snaps[1]).toMatchObject({ hiddenRows: [0, 1], hiddenCols: [] });
      expect(snaps[2]).toMatchObject({ hiddenRows: [], hiddenCols: [] });
      expect(fake.stats.syncs).toBe(3);
    }
  });

  test("skipSheets leaves sheets out; empty sheets give empty snapshots; merges need ExcelApi 1.13", async () => {
    const fake = createFakeExcel(
      [
        ...userSheets(2),
        { name: "Vuoto", values: [] },
        { name: "Unite", values: [["a", null]], merges: ["A1:B1"] },
      ],
      { apiVersion: "1.8" },
    );
    const asked: string[] = [];
    const notices: string[] = [];
    const snaps = await readWorkbook(fake.context, {
      supports: fake.supports,
      skipSheets: (n) => {
        asked.push(n);
        return n === "Settore 2";
      },
      onNotice: (n) => notices.push(n.code),
    });
    expect(snaps.map((s) => s.name)).toEqual(["Settore 1", "Vuoto", "Unite"]);
    expect(asked).toEqual(["Settore 1", "Settore 2", "Vuoto", "Unite"]);
    expect(snaps[1]).toMatchObject({ values: [], merges: [], top: 0, left: 0 });
    expect(snaps[2].merges).toEqual([]); // not readable below ExcelApi 1.13 …
    expect(notices).toEqual(["EXCEL_API_CELLE_UNITE"]); // … and the caller is told
    expect(fake.stats.log.every((l) => !l.error)).toBe(true);
  });

  test("a sheet over the cell cap throws SheetTooLargeError, or is skipped with onSkip", async () => {
    const big: FakeSheetSeed = { name: "Grande", values: Array.from({ length: 50 }, (_, i) => [i, i, i, i]) };
    const fake = createFakeExcel([...userSheets(1), big]);
    const e = await errorOf(readWorkbook(fake.context, { supports: fake.supports, maxCells: 100 }));
    expect(e).toBeInstanceOf(SheetTooLargeError);
    expect(e.code).toBe("SheetTooLarge");
    const skipped: string[] = [];
    const snaps = await readWorkbook(fake.context, {
      supports: fake.supports,
      maxCells: 100,
      onSkip: (s) => skipped.push(`${s.name}:${s.cells}`),
    });
    expect(snaps.map((s) => s.name)).toEqual(["Settore 1"]);
    expect(skipped).toEqual(["Grande:200"]);
  });

  test("a response over the limit is split and retried, with the same result", async () => {
    const seeds = userSheets(6).map((s, k) => ({
      ...s,
      values: Array.from({ length: 300 }, (_, i) => [`riga ${i} del foglio ${k}`, i, i * 2]),
      formulas: undefined,
    }));
    const roomy = createFakeExcel(seeds);
    const tight = createFakeExcel(seeds, { limits: { responseBytes: 20_000 } });
    const a = await readWorkbook(roomy.context, { supports: roomy.supports });
    const b = await readWorkbook(tight.context, {
      supports: tight.supports,
      maxResponseBytes: 20_000,
    });
    expect(b).toEqual(a);
    // The one-batch read is rejected once; then sizes, then slices that fit (none rejected).
    expect(tight.stats.log.map((l) => l.error ?? "ok")).toEqual([
      "ok",
      "ResponsePayloadSizeLimitExceeded",
      "ok",
      ...Array(tight.stats.syncs - 3).fill("ok"),
    ]);
    expect(tight.stats.log.every((l) => l.responseBytes <= 20_000 || l.error)).toBe(true);
    expect(tight.stats.syncs).toBeGreaterThan(roomy.stats.syncs);
    // Without ExcelApi 1.9 (whole grids) the same, in more slices.
    const old = createFakeExcel(seeds, { limits: { responseBytes: 20_000 }, apiVersion: "1.8" });
    expect(await readWorkbook(old.context, { supports: old.supports, maxResponseBytes: 20_000 })).toEqual(
      a.map((s) => ({ ...s })),
    );
  });
});

// ------------------------------------------------------------------------------------------------------

describe("applyPlan", () => {
  test("a small plan produces the expected workbook", async () => {
    const fake = createFakeExcel(userSheets(1));
    const progress: [number, number][] = [];
    const { syncs } = await applyPlan(fake.context, smallPlan(), {
      supports: fake.supports,
      onProgress: (d, t) => progress.push([d, t]),
    });
    const state = fake.exportState();
    expect(state.sheets.map((s) => s.name)).toEqual(["Settore 1", "PIAO Dati", "PIAO Parametri"]);
    const dati = state.sheets[1];
    const c = dati.cells;

    // Text cells stay text, even when they look like formulas; the Text format they were written
    // with is lifted afterwards (issue 19, item 7).
    expect(c.B2).toEqual({ value: "=1+1" });
    expect(c.B3).toEqual({ value: "-note" });
    expect(c.B4).toEqual({ value: "@x" });
    // Formulas are formulas, with the column's number format.
    expect(c.E2).toMatchObject({ formula: "=C2*D2", numberFormat: "#,##0.00" });
    expect(c.E4.formula).toBe("=C4*D4");
    expect(c.C3).toMatchObject({ value: 0.5, numberFormat: "0%" });
    expect(c.A1).toMatchObject({
      value: "Codice",
      style: { bold: true, fill: "#DDEBF7", align: "right", borderBottom: "#1F3864" },
    });
    expect(c.D2).toMatchObject({ value: 10, locked: false, style: { fill: "#FFF2CC" } });
    expect(c.C2.locked).toBeUndefined();

    expect(dati.tabColor).toBe("#1F4E79");
    expect(dati.frozen).toEqual({ rows: 1, cols: 0 });
    expect(dati.merges).toEqual(["G1:H1"]);
    expect(dati.columnWidths).toEqual({ B: 213.75 });
    expect(state.tables).toEqual([
      {
        name: "PIAO_Obiettivi",
        sheet: "PIAO Dati",
        ref: "A1:E4",
        style: "TableStyleMedium2",
        showHeaders: true,
      },
    ]);
    expect(dati.validations).toEqual([
      {
        range: "A2:A4",
        rule: { list: { inCellDropDown: true, source: "OB1,OB2,OB3" } },
        ignoreBlanks: true,
        prompt: undefined,
        errorAlert: undefined,
      },
      {
        range: "C2:C4",
        rule: { decimal: { formula1: "=0", formula2: "=1", operator: "Between" } },
        ignoreBlanks: false,
        prompt: { showPrompt: true, title: "", message: "Peso tra 0 e 1" },
        errorAlert: { showAlert: true, style: "Stop", title: "", message: "Il peso deve essere tra 0 e 1" },
      },
    ]);
    expect(dati.conditionalFormats).toEqual([
      {
        range: "D2:D4",
        type: "Custom",
        formula: "=$D2>15",
        format: { fill: "#FFC7CE", fontColor: "#9C0006" },
        priority: 0,
      },
    ]);
    expect(dati.protection).toEqual({
      protected: true,
      options: { allowFormatColumns: true, allowAutoFilter: true, allowSort: true },
    });
    expect(state.names).toEqual([{ name: "PIAO_Soglia", formula: "='PIAO Parametri'!$B$2" }]);
    const params = state.sheets[2];
    expect(params.cells.B2.value).toBe(0.25);
    expect(params.charts).toEqual([
      {
        name: "Chart 1",
        type: "ColumnClustered",
        title: "Valori per obiettivo",
        series: [
          { name: "Valore", values: "'PIAO Dati'!$D$2:$D$4", xValues: "'PIAO Dati'!$A$2:$A$4" },
          { name: "Totale", values: "'PIAO Dati'!$E$2:$E$4", xValues: "'PIAO Dati'!$A$2:$A$4" },
        ],
        position: { start: "'PIAO Parametri'!D2", end: "'PIAO Parametri'!I13" },
        valueAxis: { minimum: 0, numberFormat: "0%" },
      },
    ]);
    // The workbook opens on the plan's active sheet, A1 selected.
    expect(state).toMatchObject({
      activeSheet: "PIAO Parametri",
      selection: { sheet: "PIAO Parametri", address: "A1" },
    });
    // The user's sheet is untouched.
    expect(state.sheets[0]).toEqual(createFakeExcel(userSheets(1)).exportState().sheets[0]);

    // Preflight + one write batch; every write batch suspended calculation and screen updating.
    expect(syncs).toBe(2);
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.log[1]).toMatchObject({ suspendedCalculation: true, suspendedScreenUpdating: true });
    expect(progress[progress.length - 1][0]).toBe(progress[progress.length - 1][1]);

    // Read back through the adapter: the text cells are still text.
    const back = await readWorkbook(fake.context, { supports: fake.supports });
    const d = back.find((s) => s.name === "PIAO Dati")!;
    expect(d.values.map((r) => r[1])).toEqual(["Descrizione", "=1+1", "-note", "@x"]);
    expect(d.formulas?.map((r) => r[1])).toEqual([null, null, null, null]);
    expect(d.formulas?.[1][4]).toBe("=C2*D2");
    expect(d.merges).toEqual(["G1:H1"]);
    // The hidden row and the underlined link text, as planned.
    expect(d.hiddenRows).toEqual([2]);
    expect(fake.exportState().sheets.find((s) => s.name === "PIAO Dati")!.cells.G4.style).toMatchObject({
      fontColor: "#0563C1",
      underline: true,
    });
  });

  test("20,000 rows of one height: set by runs of rows, within the byte bound of syncs", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Obiettivo ${i}`, i]);
    const heights = rows.map((_, row) => ({ row, height: row < 10_000 ? 30 : 45 }));
    const plan: WorkbookPlan = {
      sheets: [sheet("PIAO Alte", { blocks: [{ at: "A1", rows }], rowHeights: heights })],
      names: [],
    };
    const fake = createFakeExcel();
    const { syncs } = await applyPlan(fake.context, plan, { supports: fake.supports });
    const totalBytes = fake.stats.requests.reduce((a, b) => a + b, 0);
    // One operation per row was 20,000 operations: estimated at 10 MB, three syncs for 1 MB of data.
    expect(syncs).toBeLessThanOrEqual(Math.ceil(totalBytes / (4 * MB)) + 1);
    const got = fake.exportState().sheets.find((x) => x.name === "PIAO Alte")!.rowHeights;
    expect([got[1], got[10_000], got[10_001], got[20_000], Object.keys(got).length]).toEqual([
      30, 30, 45, 45, 20_000,
    ]);
  });

  test("20,000 rows x 10 columns of 30-character strings: several syncs, none over 5 MB", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      Array.from({ length: 10 }, (_, j) =>
        `Riga ${String(i).padStart(5, "0")} colonna ${j} testo lungo`.slice(0, 30),
      ),
    );
    const plan: WorkbookPlan = {
      sheets: [sheet("PIAO Grande", { blocks: [{ at: "A1", rows }] })],
      names: [],
    };
    const fake = createFakeExcel();
    const { syncs } = await applyPlan(fake.context, plan, { supports: fake.supports });

    const totalBytes = fake.stats.requests.reduce((a, b) => a + b, 0);
    const biggest = Math.max(...fake.stats.requests);
    // Observed numbers, for the record (see the report): printed only on failure.
    const summary = { syncs, requests: fake.stats.requests, totalBytes };
    expect(summary.syncs).toBe(fake.stats.syncs);
    expect(biggest).toBeLessThanOrEqual(5 * MB);
    expect(fake.stats.requests.every((b) => b <= 4 * MB + 64 * 1024)).toBe(true);
    expect(syncs).toBeGreaterThanOrEqual(3); // preflight + at least two write batches
    expect(syncs).toBeLessThanOrEqual(Math.ceil(totalBytes / (4 * MB)) + 2);
    expect(fake.stats.log.slice(1).every((l) => l.suspendedCalculation && l.suspendedScreenUpdating)).toBe(
      true,
    );

    const cells = fake.exportState().sheets[1].cells;
    expect(Object.keys(cells)).toHaveLength(200_000);
    expect(cells.A1.value).toBe(rows[0][0]);
    expect(cells.J20000.value).toBe(rows[19_999][9]);
  });

  test("the byte budget, not the row count, decides the number of syncs", async () => {
    const make = (len: number) =>
      ({
        sheets: [
          sheet("S", { blocks: [{ at: "A1", rows: Array.from({ length: 2000 }, () => ["x".repeat(len)]) }] }),
        ],
        names: [],
      }) as WorkbookPlan;
    const short = createFakeExcel();
    const long = createFakeExcel();
    const a = await applyPlan(short.context, make(10), {
      supports: short.supports,
      maxRequestBytes: 16 * 1024,
    });
    const b = await applyPlan(long.context, make(100), {
      supports: long.supports,
      maxRequestBytes: 16 * 1024,
    });
    expect(b.syncs).toBeGreaterThan(a.syncs * 4);
    expect(long.stats.requests.every((x) => x <= 16 * 1024 + 4096)).toBe(true);
  });

  test("an existing sheet with a plan sheet's name is replaced, with its table and names", async () => {
    const fake = createFakeExcel(userSheets(1));
    await applyPlan(fake.context, smallPlan(), { supports: fake.supports });
    // The user edits a generated sheet; then the add-in runs again with a changed plan.
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("PIAO Parametri").getRange("Z99").values = [["vecchio"]];
    });
    const plan = smallPlan();
    plan.sheets[1].blocks[0].rows[1][1] = 0.3;
    fake.resetStats();
    const { syncs } = await applyPlan(fake.context, plan, { supports: fake.supports });
    const state = fake.exportState();
    expect(state.sheets.map((s) => s.name)).toEqual(["Settore 1", "PIAO Dati", "PIAO Parametri"]);
    expect(state.sheets[2].cells.B2.value).toBe(0.3);
    expect(state.sheets[2].cells.Z99).toBeUndefined();
    expect(state.tables.map((t) => t.name)).toEqual(["PIAO_Obiettivi"]);
    expect(state.names).toEqual([{ name: "PIAO_Soglia", formula: "='PIAO Parametri'!$B$2" }]);
    expect(syncs).toBe(3); // preflight, table-home lookup (a plan table name exists), one write batch
  });

  test("a workbook made only of generated sheets can be regenerated (Excel keeps one visible sheet)", async () => {
    const fake = createFakeExcel([{ name: "PIAO Dati", values: [["vecchio"]] }]);
    await applyPlan(fake.context, smallPlan(), { supports: fake.supports });
    expect(fake.exportState().sheets.map((s) => s.name)).toEqual(["PIAO Dati", "PIAO Parametri"]);
  });

  test("a name used by the user's own table stops the run before anything is written", async () => {
    const fake = createFakeExcel(userSheets(1));
    await fake.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("Settore 1").tables.add("A1:C3", true);
      t.name = "PIAO_Obiettivi";
    });
    const before = fake.exportState();
    const e = await errorOf(applyPlan(fake.context, smallPlan(), { supports: fake.supports }));
    expect(e).toBeInstanceOf(ExcelAdapterError);
    expect(e.code).toBe("NameConflict");
    expect(e.message).toContain("Settore 1");
    expect(fake.exportState()).toEqual(before);
  });

  test("an invalid plan is rejected before any request", async () => {
    const fake = createFakeExcel();
    const plan = smallPlan();
    plan.sheets[0].name = "Dati: 2024";
    plan.sheets[0].validations.push({ range: "B2:B4", type: "list", values: ["a,b", "c"], allowBlank: true });
    const e = await errorOf(applyPlan(fake.context, plan, { supports: fake.supports }));
    expect(e.code).toBe("InvalidPlan");
    expect(e.message).toMatch(/Dati: 2024/);
    expect(e.message).toMatch(/comma/);
    expect(fake.stats.syncs).toBe(0);
  });

  test("works on an ExcelApi 1.8 host (no screen-updating suspension there, and a notice says so)", async () => {
    const fake = createFakeExcel(userSheets(1), { apiVersion: "1.8" });
    const { notices } = await applyPlan(fake.context, smallPlan(), { supports: fake.supports });
    expect(fake.stats.log[1]).toMatchObject({ suspendedCalculation: true, suspendedScreenUpdating: false });
    expect(fake.exportState().tables).toHaveLength(1);
    expect(notices.map((n) => n.code)).toEqual(["EXCEL_API_AGGIORNAMENTO_SCHERMO"]);
  });

  test("on current Excel nothing is left out: no notices", async () => {
    const fake = createFakeExcel(userSheets(1));
    expect((await applyPlan(fake.context, smallPlan(), { supports: fake.supports })).notices).toEqual([]);
  });

  test.each([
    [
      "1.7",
      ["EXCEL_API_CONVALIDA", "EXCEL_API_AGGIORNAMENTO_SCHERMO"],
      { validations: 0, conditionalFormats: 1, frozen: true, tabColor: true, charts: 1 },
    ],
    [
      "1.6",
      [
        "EXCEL_API_CONVALIDA",
        "EXCEL_API_COLORE_SCHEDA",
        "EXCEL_API_BLOCCA_RIQUADRI",
        "EXCEL_API_GRAFICI",
        "EXCEL_API_AGGIORNAMENTO_SCHERMO",
      ],
      { validations: 0, conditionalFormats: 1, frozen: false, tabColor: false, charts: 0 },
    ],
    [
      "1.4",
      [
        "EXCEL_API_CONVALIDA",
        "EXCEL_API_FORMATI_CONDIZIONALI",
        "EXCEL_API_COLORE_SCHEDA",
        "EXCEL_API_BLOCCA_RIQUADRI",
        "EXCEL_API_GRAFICI",
        "EXCEL_API_CALCOLO",
        "EXCEL_API_AGGIORNAMENTO_SCHERMO",
      ],
      { validations: 0, conditionalFormats: 0, frozen: false, tabColor: false, charts: 0 },
    ],
  ])(
    "on an ExcelApi %s host it degrades with notices instead of failing",
    async (apiVersion, codes, want) => {
      const fake = createFakeExcel(userSheets(1), { apiVersion });
      const { notices } = await applyPlan(fake.context, smallPlan(), { supports: fake.supports });
      expect(notices.map((n) => n.code)).toEqual(codes);
      for (const n of notices) {
        expect(n.it.length).toBeGreaterThan(20);
        expect(n.en).toMatch(/ExcelApi \d\.\d+/);
      }
      expect(notices.find((n) => n.code === "EXCEL_API_CONVALIDA")?.it).toMatch(/^2 regole/);
      const state = fake.exportState();
      const dati = state.sheets[1];
      expect(fake.stats.log.every((l) => !l.error)).toBe(true);
      expect({
        validations: dati.validations.length,
        conditionalFormats: dati.conditionalFormats.length,
        frozen: dati.frozen !== undefined,
        tabColor: dati.tabColor !== undefined,
        charts: state.sheets[2].charts.length,
      }).toEqual(want);
      // What matters is always there: text stays text, formulas, tables, names, protection.
      expect(dati.cells.B3).toEqual({ value: "-note" });
      expect(dati.cells.E4.formula).toBe("=C4*D4");
      expect(state.tables.map((t) => t.name)).toEqual(["PIAO_Obiettivi"]);
      expect(state.names).toHaveLength(1);
      expect(dati.protection.protected).toBe(true);
    },
  );

  test("below ExcelApi 1.4 it stops before any request, with a code the pane can explain", async () => {
    const fake = createFakeExcel(userSheets(1), { apiVersion: "1.3" });
    const e = await errorOf(applyPlan(fake.context, smallPlan(), { supports: fake.supports }));
    expect(e.code).toBe("ApiNotFound");
    expect(fake.stats.syncs).toBe(0);
    expect(excelErrorFinding(e).code).toBe("EXCEL_VERSIONE_NON_SUPPORTATA");
  });

  test("conditional formats keep the plan's order as priority (first = top, as exceljs writes it)", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        sheet("S", {
          blocks: [{ at: "A1", rows: [[1], [2]] }],
          conditionalFormats: [
            { range: "A1:A2", formula: "=$A1>1", style: { fill: "#FF0000" } },
            { range: "A1:A2", formula: "=$A1>0", style: { fill: "#00FF00" } },
            { range: "A2", formula: "=TRUE", style: { bold: true } },
          ],
        }),
      ],
      names: [],
    };
    const fake = createFakeExcel();
    await applyPlan(fake.context, plan, { supports: fake.supports });
    const cfs = [...fake.exportState().sheets[1].conditionalFormats].sort((a, b) => a.priority - b.priority);
    expect(cfs.map((c) => c.formula)).toEqual(["=$A1>1", "=$A1>0", "=TRUE"]);
  });
});

// ------------------------------------------------------------------------------------------------------

describe("removeSheets and selectCell", () => {
  test("removes the sheets that exist, and their names if asked", async () => {
    const fake = createFakeExcel(userSheets(1));
    await applyPlan(fake.context, smallPlan(), { supports: fake.supports });
    fake.resetStats();
    const r = await removeSheets(fake.context, ["PIAO Dati", "PIAO Parametri", "Manca"], {
      definedNames: ["PIAO_Soglia"],
    });
    expect(r).toEqual({ removed: ["PIAO Dati", "PIAO Parametri"], syncs: 2 });
    expect(fake.stats.syncs).toBe(2);
    const state = fake.exportState();
    expect(state.sheets.map((s) => s.name)).toEqual(["Settore 1"]);
    expect(state.tables).toEqual([]);
    expect(state.names).toEqual([]);
    expect(await removeSheets(fake.context, ["PIAO Dati"])).toEqual({ removed: [], syncs: 1 });
  });

  test("removing every visible sheet leaves a blank one", async () => {
    const fake = createFakeExcel([{ name: "PIAO Dati", values: [[1]] }]);
    await removeSheets(fake.context, ["PIAO Dati"]);
    const left = fake.exportState().sheets;
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({
      name: expect.stringMatching(/^Sheet\d+$/),
      visibility: "Visible",
      cells: {},
    });
  });

  test("selectCell activates the sheet and selects the cell in one sync", async () => {
    const fake = createFakeExcel(userSheets(3));
    await selectCell(fake.context, "Settore 2", "B3");
    expect(fake.exportState()).toMatchObject({
      activeSheet: "Settore 2",
      selection: { sheet: "Settore 2", address: "B3" },
    });
    expect(fake.stats.syncs).toBe(1);
  });
});

// ------------------------------------------------------------------------------------------------------

describe("describeExcelError", () => {
  test.each([
    ["AccessDenied", /protett/, /protected/],
    ["InvalidOperation", /protett/, /protected/],
    ["RequestPayloadSizeLimitExceeded", /5 MB/, /5 MB/],
    ["ItemAlreadyExists", /stesso nome/, /same name/],
    ["GeneralException", /errore interno/, /internal error/],
    ["InvalidOperationInCellEditMode", /Esc/, /Esc/],
  ])("%s", (code, it, en) => {
    const d = describeExcelError({
      name: "RichApi.Error",
      code,
      message: "localised text",
      debugInfo: { code },
    });
    expect(d.code).toBe(code);
    expect(d.it).toMatch(it);
    expect(d.en).toMatch(en);
  });

  test("unknown codes and non-Office errors get a generic message with the code", () => {
    expect(describeExcelError({ code: "Weird" })).toMatchObject({
      code: "Weird",
      en: expect.stringContaining("Weird"),
    });
    expect(describeExcelError(new Error("boom")).code).toBe("Unknown");
    expect(describeExcelError({ debugInfo: { code: "Conflict" } }).code).toBe("Conflict");
  });

  test("the fake's errors and the adapter's own errors map too", async () => {
    const fake = createFakeExcel();
    fake.context.workbook.worksheets.add("Sheet1");
    expect(describeExcelError(await errorOf(fake.context.sync())).code).toBe("ItemAlreadyExists");
    expect(describeExcelError(new SheetTooLargeError("X", 6_000_000, 5_000_000)).it).toMatch(/5\.000\.000/);
  });
});

describe("excelErrorFinding: Excel's errors as findings the task pane can list", () => {
  test("a protected sheet: EXCEL_FOGLIO_PROTETTO, with the sheet the caller was working on", async () => {
    const fake = createFakeExcel([{ name: "Chiuso", values: [["a"]], protected: true }]);
    fake.context.workbook.worksheets.getItem("Chiuso").getRange("A1").values = [["b"]];
    const e = await errorOf(fake.context.sync());
    expect(e.code).toBe("AccessDenied");
    const f = excelErrorFinding(e, { sheet: "Chiuso" });
    expect(f).toMatchObject({ severity: "error", code: "EXCEL_FOGLIO_PROTETTO", sheet: "Chiuso" });
    expect(f.message.it).toMatch(/^Foglio «Chiuso»: .*protett.*Rimuovi protezione/);
    expect(f.message.en).toMatch(/^Sheet 'Chiuso': .*protected.*Unprotect/);
  });

  test("too many cells: EXCEL_TROPPE_CELLE with the sheet from the error itself", async () => {
    const big: FakeSheetSeed = { name: "Grande", values: Array.from({ length: 50 }, (_, i) => [i, i]) };
    const fake = createFakeExcel([big]);
    const e = await errorOf(readWorkbook(fake.context, { supports: fake.supports, maxCells: 10 }));
    const f = excelErrorFinding(e);
    expect(f).toMatchObject({ severity: "error", code: "EXCEL_TROPPE_CELLE", sheet: "Grande" });
    expect(f.message.it).toMatch(/5\.000\.000/);
    expect(f.message.en).toMatch(/Exclude it or shrink/);
  });

  test("a request over the 5 MB limit: EXCEL_LIMITE_DATI", async () => {
    const fake = createFakeExcel();
    fake.context.workbook.worksheets.getItem("Sheet1").getRange("A1:A60000").values = Array.from(
      { length: 60_000 },
      () => ["x".repeat(100)],
    );
    const e = await errorOf(fake.context.sync());
    const f = excelErrorFinding(e);
    expect(f).toMatchObject({ severity: "error", code: "EXCEL_LIMITE_DATI" });
    expect(f.sheet).toBeUndefined();
    expect(f.message.en).toMatch(/5 MB/);
  });

  test("anything else: the generic EXCEL_ERRORE, with Excel's code in the text for support", () => {
    const f = excelErrorFinding({
      name: "RichApi.Error",
      code: "SomethingNew",
      message: "testo localizzato",
    });
    expect(f).toMatchObject({ severity: "error", code: "EXCEL_ERRORE" });
    expect(f.message.it).toMatch(/codice: SomethingNew/);
    expect(f.message.en).toMatch(/code: SomethingNew/);
    expect(excelErrorFinding(new Error("boom")).code).toBe("EXCEL_ERRORE");
    expect(excelErrorFinding({ code: "NameConflict" }).code).toBe("EXCEL_NOME_IN_USO");
  });

  test("notices become warnings", async () => {
    const fake = createFakeExcel(userSheets(1), { apiVersion: "1.7" });
    const { notices } = await applyPlan(fake.context, smallPlan(), { supports: fake.supports });
    expect(notices.map(noticeFinding)[0]).toMatchObject({
      severity: "warning",
      code: "EXCEL_API_CONVALIDA",
      message: { it: expect.stringMatching(/convalida/), en: expect.stringMatching(/validation/) },
    });
  });
});

describe("needsTextFormat", () => {
  test.each([
    ["=1+1", true],
    ["+39 0585", true],
    ["-note", true],
    ["@x", true],
    ["'quoted", true],
    ["#N/A", true],
    ["00123", true],
    ["12%", true],
    ["1/2", true],
    ["5-gen-2024", true],
    ["10:30", true],
    ["VERO", true],
    ["Obiettivo 1", false],
    ["Ridurre i tempi", false],
    ["", false],
  ])("%s → %s", (s, expected) => {
    expect(needsTextFormat(s)).toBe(expected);
  });
});
