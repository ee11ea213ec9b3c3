/**
 * Behaviours of real Excel that the adapter must survive (issue 19), each modelled in the fake
 * (test/fakes) so that these tests fail when the adapter regresses. What only real Excel can confirm
 * is listed in docs/excel-checklist.md.
 */

import * as path from "path";
import { convert } from "../src/engine/convert";
import { columnLetters } from "../src/engine/core/address";
import { SHEETS, TABLES } from "../src/engine/core/contract";
import { type WorkbookPlan, isFormula } from "../src/engine/core/plan";
import {
  BuildInterruptedError,
  EXCEL_GENERIC_FINDING,
  applyPlan,
  describeExcelError,
  excelErrorFinding,
  readWorkbook,
  removeSheets,
  runInExcel,
} from "../src/excel";
import { snapshotsOfFile } from "./helpers/xlsx";
import { createFakeExcel } from "./fakes/fake-excel";
import { planSheet, smallPlan } from "./fakes/sample-plans";
import { readAll } from "../src/app/pane-pipeline";

const EXAMPLE = path.resolve(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");

function errorOf(p: Promise<unknown>): Promise<{ code?: string; message: string }> {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: { code?: string; message: string }) => e,
  );
}

let examplePlan: WorkbookPlan;
beforeAll(async () => {
  examplePlan = convert(snapshotsOfFile(EXAMPLE)).plan;
});

const allFormulas = (plan: WorkbookPlan) =>
  plan.sheets.flatMap((s) => [
    ...s.blocks.flatMap((b) => b.rows.flatMap((r) => r.filter(isFormula).map((v) => v.f))),
    ...s.conditionalFormats.map((cf) => cf.formula),
  ]);

describe("1. charts: one series per planned series, whatever the shape of its range", () => {
  const chartPlan = (): WorkbookPlan => ({
    sheets: [
      planSheet("Dati", {
        blocks: [
          { at: "A1", rows: [["", 2021, 2022, 2023, 2024]] },
          { at: "A2", rows: [["Spesa", 10, 12, 15, 14]] },
          { at: "A3", rows: [["Entrate", 20, 22, 21, 25]] },
          {
            at: "G1",
            rows: [
              ["Anno", "Valore"],
              [2021, 1],
              [2022, 2],
              [2023, 3],
            ],
          },
        ],
        charts: [
          {
            type: "line",
            title: "Per anno (serie su righe)",
            at: "A6",
            widthCols: 6,
            heightRows: 10,
            series: [
              { name: "Spesa", categories: "Dati!$B$1:$E$1", values: "Dati!$B$2:$E$2" },
              { name: "Entrate", categories: "Dati!$B$1:$E$1", values: "Dati!$B$3:$E$3" },
            ],
            valueAxis: { min: 0, numberFormat: "General" },
          },
          {
            type: "column",
            title: "In colonna",
            at: "H6",
            widthCols: 6,
            heightRows: 10,
            series: [{ name: "Valore", categories: "Dati!$G$2:$G$4", values: "Dati!$H$2:$H$4" }],
            valueAxis: { min: 0, numberFormat: "0%" },
          },
        ],
      }),
    ],
    names: [],
  });

  test("row- and column-shaped series come out exactly as planned, with no stray series", async () => {
    const fake = createFakeExcel();
    await applyPlan(fake.context, chartPlan(), { supports: fake.supports });
    const [byRows, byCols] = fake.exportState().sheets.find((s) => s.name === "Dati")!.charts;
    expect(byRows.series).toEqual([
      { name: "Spesa", values: "Dati!$B$2:$E$2", xValues: "Dati!$B$1:$E$1" },
      { name: "Entrate", values: "Dati!$B$3:$E$3", xValues: "Dati!$B$1:$E$1" },
    ]);
    expect(byCols.series).toEqual([{ name: "Valore", values: "Dati!$H$2:$H$4", xValues: "Dati!$G$2:$G$4" }]);
  });

  test("the fake reproduces Excel: 'Columns' on a one-row range makes one series per cell", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:D1").values = [[1, 2, 3, 4]];
      ws.charts.add("Line", ws.getRange("A1:D1"), "Columns");
    });
    expect(fake.exportState().sheets[0].charts[0].series).toHaveLength(4);
  });
});

describe("2. table AutoCorrect: per-row formulas survive, however the write is chunked", () => {
  // Different formulas in one table column (not one pattern filled down), many rows, a small budget.
  const rows = 400;
  const plan = (): WorkbookPlan => ({
    sheets: [
      planSheet("Dati", {
        blocks: [
          {
            at: "A1",
            rows: [
              ["Valore", "Calcolo", "Nota"],
              ...Array.from({ length: rows }, (_, i) => [
                i,
                { f: i % 2 === 0 ? `=A${i + 2}*2` : `=A${i + 2}+${"1".repeat(20)}` },
                `riga ${i}`,
              ]),
            ],
          },
        ],
        tables: [{ name: "T_Dati", ref: `A1:C${rows + 1}`, style: "TableStyleMedium2" }],
      }),
    ],
    names: [],
  });

  test("each formula stays the one planned for its row, even when the write takes several requests", async () => {
    const fake = createFakeExcel();
    const { syncs } = await applyPlan(fake.context, plan(), {
      supports: fake.supports,
      maxRequestBytes: 8_000,
    });
    expect(syncs).toBeGreaterThan(3);
    const cells = fake.exportState().sheets.find((s) => s.name === "Dati")!.cells;
    for (let i = 0; i < rows; i++)
      expect(cells[`B${i + 2}`].formula).toBe(i % 2 === 0 ? `=A${i + 2}*2` : `=A${i + 2}+${"1".repeat(20)}`);
  });

  test("a table column of one formula filled down, too large for one request, goes in pieces", async () => {
    // 3,000 rows of a 400-character formula: 1.2 MB for the column, the host taking 200 kB per request.
    const n = 3_000;
    const long = (r: number) => `=IF(A${r}>0,A${r}*2,0)+LEN("${"x".repeat(380)}")`;
    const fake = createFakeExcel(undefined, { limits: { requestBytes: 200_000 } });
    await applyPlan(
      fake.context,
      {
        sheets: [
          planSheet("Dati", {
            blocks: [
              {
                at: "A1",
                rows: [
                  ["Valore", "Calcolo"],
                  ...Array.from({ length: n }, (_, i) => [i, { f: long(i + 2) }]),
                ],
              },
            ],
            tables: [{ name: "T_Lunga", ref: `A1:B${n + 1}`, style: "TableStyleMedium2" }],
          }),
        ],
        names: [],
      },
      { supports: fake.supports, maxRequestBytes: 200_000 },
    );
    expect(fake.stats.log.filter((l) => l.error)).toEqual([]);
    const cells = fake.exportState().sheets.find((s) => s.name === "Dati")!.cells;
    for (let i = 0; i < n; i++) expect(cells[`B${i + 2}`].formula).toBe(long(i + 2));
  });

  test("the fake applies AutoCorrect to a partial write, not to a whole column", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B4").values = [
        ["X", "Y"],
        [1, null],
        [2, null],
        [3, null],
      ];
      ws.tables.add(ws.getRange("A1:B4"), true);
      ws.getRange("B2").formulas = [["=A2*10"]];
    });
    const c = fake.exportState().sheets[0].cells;
    expect([c.B3.formula, c.B4.formula]).toEqual(["=A3*10", "=A4*10"]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:B4").formulas = [["=A2"], ["=A3+1"], ["=A4+2"]];
    });
    const d = fake.exportState().sheets[0].cells;
    expect([d.B2.formula, d.B3.formula, d.B4.formula]).toEqual(["=A2", "=A3+1", "=A4+2"]);
  });
});

describe("3. structured references: double brackets for headers with special characters", () => {
  test("the fake rejects PIAO_Obiettivi[Raggiungimento 31/12] and accepts [[…]]", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B2").values = [
        ["Raggiungimento 31/12", "Peso"],
        [0.5, 10],
      ];
      ws.tables.add(ws.getRange("A1:B2"), true).name = "T";
    });
    const bad = fake.context.workbook.worksheets.getItem("Sheet1");
    bad.getRange("D1").formulas = [["=SUM(T[Raggiungimento 31/12])"]];
    expect((await errorOf(fake.context.sync())).code).toBe("InvalidArgument");
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("D1:D2").formulas = [["=SUM(T[[Raggiungimento 31/12]])"], ["=SUM(T[Peso])"]];
    });
    expect(fake.exportState().sheets[0].cells.D1.formula).toBe("=SUM(T[[Raggiungimento 31/12]])");
  });

  test("the example's plan has no single-bracket column specifier with special characters", () => {
    const single = allFormulas(examplePlan).flatMap((f) =>
      [...f.replace(/"(?:[^"]|"")*"/g, "").matchAll(/[A-Za-z_][\w.]*\[([^[\]]+)\]/g)].map((m) => m[1]),
    );
    expect(single.filter((h) => /[^\p{L}\p{N}_]/u.test(h))).toEqual([]);
    expect(allFormulas(examplePlan).some((f) => f.includes("[["))).toBe(true);
  });
});

describe('4. native internal hyperlinks instead of HYPERLINK("#…") formulas', () => {
  const linkPlan = (): WorkbookPlan => ({
    sheets: [
      planSheet("PIAO Dati", {
        blocks: [{ at: "A1", rows: [["Origine"], ["'Foglio 1'!B3"], ["'Foglio 1'!B4"], ["Foglio2!C9"]] }],
        links: [
          { cell: "A2", target: "'Foglio 1'!B3" },
          { cell: "A3", target: "'Foglio 1'!B4" },
          { cell: "A4", target: "Foglio2!C9" },
        ],
      }),
    ],
    names: [],
  });
  const seeds = [
    { name: "Foglio 1", values: [["x"]] },
    { name: "Foglio2", values: [["y"]] },
  ];

  test.each(["1.17", "1.8"])(
    "ExcelApi %s: each linked cell keeps its text and jumps to its target",
    async (api) => {
      const fake = createFakeExcel(seeds, { apiVersion: api });
      const r = await applyPlan(fake.context, linkPlan(), { supports: fake.supports });
      expect(r.notices.map((n) => n.code)).not.toContain("EXCEL_API_COLLEGAMENTI");
      const cells = fake.exportState().sheets.find((s) => s.name === "PIAO Dati")!.cells;
      expect(cells.A2).toMatchObject({
        value: "'Foglio 1'!B3",
        hyperlink: { documentReference: "'Foglio 1'!B3" },
      });
      expect(cells.A2.formula).toBeUndefined();
      expect(cells.A4).toMatchObject({ value: "Foglio2!C9", hyperlink: { documentReference: "Foglio2!C9" } });
    },
  );

  test("below ExcelApi 1.7 the links are left out with a notice; the text stays", async () => {
    const fake = createFakeExcel(seeds, { apiVersion: "1.6" });
    const r = await applyPlan(fake.context, linkPlan(), { supports: fake.supports });
    expect(r.notices.map((n) => n.code)).toContain("EXCEL_API_COLLEGAMENTI");
    const cells = fake.exportState().sheets.find((s) => s.name === "PIAO Dati")!.cells;
    expect(cells.A2.value).toBe("'Foglio 1'!B3");
    expect(cells.A2.hyperlink).toBeUndefined();
  });

  test('the example\'s plan has no HYPERLINK("#…") formula and links every source cell natively (the fake parses every formula)', async () => {
    expect(allFormulas(examplePlan).filter((f) => /HYPERLINK\(\s*"#/i.test(f))).toEqual([]);
    const objectives = examplePlan.sheets.find((s) => s.name === "PIAO Obiettivi")!;
    expect(objectives.links.length).toBeGreaterThan(50);
    const fake = createFakeExcel(
      [...new Set(examplePlan.sheets.flatMap((s) => s.links.map((l) => l.target.split("!")[0])))].map(
        (q) => ({
          name: q.replace(/^'|'$/g, "").replace(/''/g, "'"),
          values: [["x"]],
        }),
      ),
    );
    await applyPlan(fake.context, examplePlan, { supports: fake.supports });
    const cells = fake.exportState().sheets.find((s) => s.name === "PIAO Obiettivi")!.cells;
    for (const l of objectives.links) expect(cells[l.cell].hyperlink?.documentReference).toBe(l.target);
  });
});

describe("7. Text format only while writing: input cells take numbers typed later", () => {
  test("a text kept as text in an input column goes back to the column's format; a number typed then is a number", async () => {
    const fake = createFakeExcel();
    const plan: WorkbookPlan = {
      sheets: [
        planSheet("PIAO Dati", {
          blocks: [
            {
              at: "A1",
              rows: [
                ["Peso", "Nota"],
                ["-", "=Rendiconto"],
                [40, "ok"],
              ],
              columnFormats: ["0.##", null],
            },
          ],
        }),
      ],
      names: [],
    };
    await applyPlan(fake.context, plan, { supports: fake.supports });
    let cells = fake.exportState().sheets.find((s) => s.name === "PIAO Dati")!.cells;
    expect(cells.A2).toEqual({ value: "-", numberFormat: "0.##" });
    expect(cells.B2).toEqual({ value: "=Rendiconto" }); // still text, format General again
    // The user types 35 into the cell that held "-" (typing is what `values` models in the fake).
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("PIAO Dati").getRange("A2").values = [["35"]];
    });
    cells = fake.exportState().sheets.find((s) => s.name === "PIAO Dati")!.cells;
    expect(cells.A2.value).toBe(35);
  });
});

describe("5. interruptions: payload retries, cell edit mode and clear messages", () => {
  const bigPlan = (): WorkbookPlan => ({
    sheets: [
      planSheet("PIAO Dati", {
        blocks: [
          {
            at: "A1",
            rows: Array.from({ length: 2_000 }, (_, i) => [
              `riga ${i} ${"x".repeat(30)}`,
              i,
              { f: `=B${i + 1}*2` },
            ]),
          },
        ],
      }),
    ],
    names: [],
  });

  test("a request Excel rejects as too large is sent again in halves, and the workbook is complete", async () => {
    // The host accepts 40 kB per request; the adapter believes it may send 200 kB.
    const fake = createFakeExcel(undefined, { limits: { requestBytes: 40_000 } });
    await applyPlan(fake.context, bigPlan(), { supports: fake.supports, maxRequestBytes: 200_000 });
    const errors = fake.stats.log.filter((l) => l.error).map((l) => l.error);
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors)).toEqual(new Set(["RequestPayloadSizeLimitExceeded"]));
    const cells = fake.exportState().sheets.find((s) => s.name === "PIAO Dati")!.cells;
    expect(cells.A2000.value).toBe(`riga 1999 ${"x".repeat(30)}`);
    expect(cells.C2000.formula).toBe("=B2000*2");
  });

  test("one cell too large on its own still fails, with the 5 MB code", async () => {
    const fake = createFakeExcel(undefined, { limits: { requestBytes: 2_000 } });
    const plan: WorkbookPlan = {
      sheets: [planSheet("PIAO Dati", { blocks: [{ at: "A1", rows: [["x".repeat(5_000)]] }] })],
      names: [],
    };
    const e = await errorOf(applyPlan(fake.context, plan, { supports: fake.supports }));
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
  });

  test.each([
    "InactiveWorkbook",
    "MergedRangeConflict",
    "FormulaLengthExceedsLimit",
    "InvalidOperationInCellEditMode",
  ])("%s has its own message and finding code", (code) => {
    const d = describeExcelError({ code });
    expect(d.it).not.toMatch(/imprevisto/);
    expect(d.en).not.toMatch(/unexpected/);
    expect(excelErrorFinding({ code }).code).not.toBe(EXCEL_GENERIC_FINDING);
  });

  test("batches run with delayForCellEdit, so a cell being edited delays the build instead of failing it", async () => {
    const calls: unknown[] = [];
    const g = globalThis as { Excel?: unknown };
    g.Excel = {
      run: (options: unknown, batch: (c: unknown) => Promise<unknown>) => (calls.push(options), batch({})),
    };
    try {
      expect(await runInExcel(async () => 42)).toBe(42);
    } finally {
      delete g.Excel;
    }
    expect(calls).toEqual([{ delayForCellEdit: true }]);
  });
});

describe("9. manual calculation: the written sheets are recalculated, and the pane says so", () => {
  test.each([
    ["Manual", ["Recalculate"], ["EXCEL_CALCOLO_MANUALE"]],
    ["Automatic", [], []],
  ] as const)("%s", async (mode, calculations, codes) => {
    const fake = createFakeExcel();
    fake.workbookState.calculationMode = mode;
    const plan: WorkbookPlan = {
      sheets: [planSheet("PIAO Dati", { blocks: [{ at: "A1", rows: [[1, { f: "=A1*2" }]] }] })],
      names: [],
    };
    const r = await applyPlan(fake.context, plan, { supports: fake.supports });
    expect(fake.workbookState.calculations).toEqual(calculations);
    expect(r.notices.map((n) => n.code).filter((c) => c === "EXCEL_CALCOLO_MANUALE")).toEqual(codes);
  });
});

describe("10. very hidden generated sheets", () => {
  test("are replaced and removed although Excel refuses to delete a very hidden sheet", async () => {
    const fake = createFakeExcel([
      { name: "Foglio1", values: [["x"]] },
      { name: "PIAO Dati", values: [["vecchio"]] },
    ]);
    fake.workbookState.sheets[1].visibility = "VeryHidden";
    const e = await errorOf(fake.run(async (ctx) => ctx.workbook.worksheets.getItem("PIAO Dati").delete()));
    expect(e.code).toBe("InvalidOperation");
    const plan: WorkbookPlan = {
      sheets: [planSheet("PIAO Dati", { blocks: [{ at: "A1", rows: [["nuovo"]] }] })],
      names: [],
    };
    await applyPlan(fake.context, plan, { supports: fake.supports });
    expect(fake.exportState().sheets.find((s) => s.name === "PIAO Dati")!.cells.A1.value).toBe("nuovo");
    fake.workbookState.sheets[1].visibility = "VeryHidden";
    const { removed } = await removeSheets(fake.context, ["PIAO Dati"]);
    expect(removed).toEqual(["PIAO Dati"]);
    expect(fake.exportState().sheets.map((s) => s.name)).toEqual(["Foglio1"]);
  });
});

describe("6. merged areas: a heavily merged user sheet does not stop the analysis", () => {
  /** `n` merged titles, one per row (A1:C1, A2:C2, …), each with its text. */
  const titles = (n: number) => ({
    name: "Titoli",
    values: Array.from({ length: n }, (_, i) => [`Titolo ${i + 1}`, null, null]),
    merges: Array.from({ length: n }, (_, i) => `A${i + 1}:C${i + 1}`),
  });

  test("the fake fails above 512 merged areas and returns only areas whose top-left cell is in the range", async () => {
    const fake = createFakeExcel([titles(600)]);
    const e = await errorOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets
          .getItem("Titoli")
          .getRange("A1:C600")
          .getMergedAreasOrNullObject()
          .load("address");
      }),
    );
    expect(e.code).toBe("GeneralException");
    const inside = await fake.run(async (ctx) => {
      const m = ctx.workbook.worksheets
        .getItem("Titoli")
        .getRange("B1:C2")
        .getMergedAreasOrNullObject()
        .load("address");
      await ctx.sync();
      return m.isNullObject;
    });
    expect(inside).toBe(true); // A1:C1 and A2:C2 cross B1:C2 but start outside it
  });

  test("600 merged areas are all read, in row bands, and the other sheets are read as usual", async () => {
    const fake = createFakeExcel([
      {
        name: "Obiettivi",
        values: [
          ["Settore", null],
          ["OB1", 10],
        ],
        merges: ["A1:B1"],
      },
      titles(600),
    ]);
    const notices: string[] = [];
    const snaps = await readWorkbook(fake.context, {
      supports: fake.supports,
      onNotice: (n) => notices.push(n.code),
    });
    expect(snaps[0].merges).toEqual(["A1:B1"]);
    expect(new Set(snaps[1].merges)).toEqual(new Set(titles(600).merges));
    expect(snaps[1].merges).toHaveLength(600);
    expect(snaps[1].values[599][0]).toBe("Titolo 600");
    expect(notices).toEqual([]);
    expect(fake.stats.log.some((l) => l.error === "GeneralException")).toBe(true); // the limit was hit
  });

  test("more than 512 merged areas in one row: that sheet's merges are given up with a notice naming it", async () => {
    const wide = {
      name: "Larga",
      values: [Array.from({ length: 1_200 }, (_, j) => (j % 2 === 0 ? `t${j}` : null))],
      merges: Array.from({ length: 600 }, (_, i) => `${columnLetters(2 * i)}1:${columnLetters(2 * i + 1)}1`),
    };
    const fake = createFakeExcel([{ name: "Obiettivi", values: [["OB1", 10]], merges: [] }, wide]);
    const notices: { code: string; it: string }[] = [];
    const snaps = await readWorkbook(fake.context, {
      supports: fake.supports,
      onNotice: (n) => notices.push(n),
    });
    expect(snaps.map((s) => s.name)).toEqual(["Obiettivi", "Larga"]);
    expect(snaps[1].merges).toEqual([]);
    expect(snaps[1].values[0][0]).toBe("t0");
    expect(notices.map((n) => n.code)).toEqual(["EXCEL_CELLE_UNITE_TROPPE"]);
    expect(notices[0].it).toContain("Larga");
  });
});

describe("5. builds safe to interrupt: a failure half-way never loses the old sheets", () => {
  /** The next build: the same sheets with new content. */
  const rebuild = (): WorkbookPlan => {
    const p = smallPlan();
    p.sheets[0].blocks[1].rows[0][1] = "descrizione nuova";
    return p;
  };
  /** A workbook built once, where the user then typed 77 into an input cell of the generated sheet. */
  async function built() {
    const fake = createFakeExcel([{ name: "Foglio1", values: [["dati dell'utente"]] }]);
    await applyPlan(fake.context, smallPlan(), { supports: fake.supports });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("PIAO Dati").getRange("D3").values = [[77]];
    });
    return fake;
  }
  const cell = (fake: ReturnType<typeof createFakeExcel>, sheet: string, a1: string) =>
    fake.exportState().sheets.find((x) => x.name === sheet)?.cells[a1]?.value;

  test("a failure at any request of a rebuild — before, during or after its operations — leaves the workbook as it was, or completely rebuilt", async () => {
    const clean = await built();
    clean.resetStats();
    await applyPlan(clean.context, rebuild(), { supports: clean.supports });
    const rebuilt = clean.exportState();
    const requests = clean.stats.syncs;
    expect(requests).toBeGreaterThan(2);
    for (let at = 1; at <= requests; at++) {
      for (const afterOps of [0, 2, 20, 1_000_000]) {
        const fake = await built();
        const before = fake.exportState();
        fake.injectFailure({ atSync: at, code: "InactiveWorkbook", afterOps });
        const e = await errorOf(applyPlan(fake.context, rebuild(), { supports: fake.supports }));
        expect(e.code).toBe("InactiveWorkbook");
        const after = fake.exportState();
        if (at === requests && afterOps === 1_000_000) {
          expect(after).toEqual(rebuilt); // the last request ran whole: only its answer was lost
        } else {
          expect(after).toEqual(before);
          expect(cell(fake, "PIAO Dati", "D3")).toBe(77);
        }
      }
    }
  });

  test("when Excel refuses the put-back too, the old sheets stay parked with their data, and the next read puts them back", async () => {
    const fake = await built();
    // The third request (after the two that look) fails once the old sheets are parked, and Excel
    // refuses everything after it, the put-back included.
    fake.injectFailure({ atSync: 3, code: "InactiveWorkbook", afterOps: 20, persistent: true });
    const e = await errorOf(applyPlan(fake.context, rebuild(), { supports: fake.supports }));
    expect(e).toBeInstanceOf(BuildInterruptedError);
    expect(e.code).toBe("InactiveWorkbook");
    expect(excelErrorFinding(e).code).toBe("EXCEL_COSTRUZIONE_ANNULLATA");
    expect(excelErrorFinding(e).message.it).toContain("~piao-old-1");
    expect(cell(fake, "~piao-old-1", "D3")).toBe(77); // parked, not lost
    expect(fake.exportState().tables.map((t) => [t.name, t.sheet])).toContainEqual([
      "piao_old_1",
      "~piao-old-1",
    ]);

    fake.injectFailure(null); // the user comes back to the workbook
    const host = { run: fake.run, supports: fake.supports };
    const reading = await readAll(fake.context, host, []);
    const names = reading.snapshots.map((x) => x.name);
    expect(names).toEqual(["Foglio1", "PIAO Dati", "PIAO Parametri"]);
    expect(cell(fake, "PIAO Dati", "D3")).toBe(77);
    expect(fake.exportState().tables.map((t) => t.name)).toEqual(["PIAO_Obiettivi"]);
    expect(fake.exportState().names).toEqual([{ name: "PIAO_Soglia", formula: "='PIAO Parametri'!$B$2" }]);
    expect(fake.exportState().settings).toEqual({});
  });

  test("a build after an unrepaired interruption puts the parked sheets back first, then replaces them", async () => {
    const fake = await built();
    fake.injectFailure({ atSync: 3, code: "InactiveWorkbook", persistent: true });
    await errorOf(applyPlan(fake.context, rebuild(), { supports: fake.supports }));
    fake.injectFailure(null);
    await applyPlan(fake.context, rebuild(), { supports: fake.supports });
    const state = fake.exportState();
    expect(state.sheets.map((x) => x.name)).toEqual(["Foglio1", "PIAO Dati", "PIAO Parametri"]);
    expect(cell(fake, "PIAO Dati", "B2")).toBe("descrizione nuova");
    expect(state.settings).toEqual({});
  });
});

describe("8. protection: users can add rows, sort and filter where the plan lets them", () => {
  const seeded = () =>
    createFakeExcel([
      {
        name: "Tabella",
        values: [
          ["Codice", "Peso"],
          ["B", 2],
          ["A", 1],
        ],
      },
    ]);
  test("the fake refuses sorting and filtering over locked cells, and growing a table, on a protected sheet whatever the options", async () => {
    const fake = seeded();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Tabella");
      ws.tables.add(ws.getRange("A1:B3"), true).name = "T";
      ws.protection.protect({ allowSort: true, allowAutoFilter: true });
    });
    const ws = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Tabella");
    const sort = () =>
      fake.run(async (ctx) =>
        ws(ctx)
          .getRange("A1:B3")
          .sort.apply([{ key: 1 }], false, true),
      );
    const filter = () =>
      fake.run(async (ctx) =>
        ws(ctx).autoFilter.apply(ws(ctx).getRange("A1:B3"), 0, { filterOn: "Values", values: ["A"] }),
      );
    const grow = () => fake.run(async (ctx) => ctx.workbook.tables.getItem("T").resize("A1:B4"));
    for (const f of [sort, filter, grow]) expect((await errorOf(f())).code).toBe("AccessDenied");
    await fake.run(async (ctx) => ws(ctx).protection.unprotect());
    await sort();
    await filter();
    await grow();
    const cells = fake.exportState().sheets[0].cells;
    expect([cells.A2.value, cells.A3.value]).toEqual(["A", "B"]);
    expect(fake.exportState().tables[0].ref).toBe("A1:B4");
  });

  test("on the built example, users add rows, sort and filter the tables they extend; protected sheets hold no table", async () => {
    for (const s of examplePlan.sheets) if (s.protection) expect([s.name, s.tables]).toEqual([s.name, []]);
    const fake = createFakeExcel(snapshotsOfFile(EXAMPLE).map((x) => ({ name: x.name, values: [["x"]] })));
    await applyPlan(fake.context, examplePlan, { supports: fake.supports });
    const tableRef = (name: string) => fake.exportState().tables.find((t) => t.name === name)!.ref;
    for (const [sheet, table] of [
      [SHEETS.objectives, TABLES.objectives],
      [SHEETS.weights, TABLES.weights],
      [SHEETS.spending, TABLES.hiringPlan],
      [SHEETS.measures, TABLES.measures],
    ]) {
      const ref = tableRef(table);
      const grown = ref.replace(/\d+$/, (n) => String(Number(n) + 1));
      await fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.getRange(ref).sort.apply([{ key: 2 }], false, true);
        ws.autoFilter.apply(ws.getRange(ref), 0, { filterOn: "Values", values: ["x"] });
        ctx.workbook.tables.getItem(table).resize(grown);
      });
      expect(tableRef(table)).toBe(grown);
    }
  });
});
