/**
 * Shared formulas in the generated sheets: which runs are shared, and that every formula of the plan reads
 * back unchanged (by our reader and by exceljs, an independent one) from the written package.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { parseCell } from "../src/engine/core/address";
import { filledDown, shiftFormula } from "../src/engine/core/formula-shift";
import { convert } from "../src/engine/convert";
import { perRow } from "../src/engine/core/layout";
import { isFormula } from "../src/engine/core/plan";
import { formulaAt } from "../src/engine/core/snapshot";
import { loadPackage } from "../src/xlsx/file";
import { Package } from "../src/xlsx/package";
import { readSnapshots } from "../src/xlsx/read";
import { shareable, sharedRuns, type SharedRole } from "../src/xlsx/shared-formulas";
import { writePlan } from "../src/xlsx/write";
import { WrittenWorkbooks } from "./helpers/validate";

const written = new WrittenWorkbooks();

const column = (col: number, formulas: [number, string][]) => ({
  col,
  cells: formulas.map(([row, f]) => ({ row, value: { f }, key: `${col}:${row}` })),
});

/** The rows 1..n of a column filled from `build` (core/layout perRow), counting the texts built. */
function filledColumn(col: number, n: number, build: (row: string) => string) {
  const fill = perRow(build);
  let built = 0;
  const cells = Array.from({ length: n }, (_, k) => {
    const v = fill(k + 2);
    const counted = {
      fill: v.fill,
      get f() {
        built++;
        return v.f;
      },
    };
    return { row: k + 1, value: counted, key: `${col}:${k + 1}` };
  });
  return { column: { col, cells }, built: () => built };
}

test("rows filled from one template are shared without building their texts, unless the template misleads", () => {
  const good = filledColumn(0, 1000, (r) => `=IF(B${r}="","",B${r}*$C$1)`);
  // `A1` + row number: "A12", "A13"… look like rows 12, 13 moved down, until "A110" (row 10), which is not.
  const misleading = filledColumn(1, 20, (r) => `=A1${r}*2`);
  const roles = new Map<string, SharedRole>();
  sharedRuns([good.column, misleading.column], roles);
  expect(roles.get("0:1")).toEqual({ si: 0, ref: "A2:A1001" });
  expect(roles.get("0:1000")).toEqual({ si: 0 });
  // The anchor and the template's check (two rows) are built; the 999 rows below are not.
  expect(good.built()).toBeLessThan(5);
  // Rows 2–9 are "A12*2" … "A19*2", a shared run; row 10, "A110*2", is not "A20*2": a new run starts there,
  // found by comparing the texts ("A111*2" is "A110*2" moved down).
  expect(roles.get("1:1")).toEqual({ si: 1, ref: "B2:B9" });
  expect(roles.get("1:9")).toEqual({ si: 2, ref: "B10:B21" });
  // Compared as texts: each row built once, row 10 twice (compared, then cut into pieces as an anchor).
  expect(misleading.built()).toBe(20 + 1);
});

test("a run of the same formula moved down is shared; structured, sheet and array references are not", () => {
  const roles = new Map<string, SharedRole>();
  sharedRuns(
    [
      column(2, [
        [1, "A2*2+$B$1"],
        [2, "A3*2+$B$1"],
        [3, "A4*2+$B$1"],
        [4, "A5*3+$B$1"], // another formula: a new run, of one cell
        [6, "A7*2"], // a gap: a new run
        [7, "A8*2"],
      ]),
      column(3, [
        [1, "SUM(T[[Peso]])+A2"],
        [2, "SUM(T[[Peso]])+A3"],
        [3, "'PIAO Parametri'!B2+A4"],
        [4, "'PIAO Parametri'!B2+A5"],
        [5, 'IF(A6="x y",1,0)'], // a space inside a string does not matter
        [6, 'IF(A7="x y",1,0)'],
      ]),
    ],
    roles,
  );
  expect(Object.fromEntries(roles)).toEqual({
    "2:1": { si: 0, ref: "C2:C4" },
    "2:2": { si: 0 },
    "2:3": { si: 0 },
    "2:6": { si: 1, ref: "C7:C8" },
    "2:7": { si: 1 },
    "3:5": { si: 2, ref: "D6:D7" },
    "3:6": { si: 2 },
  });
  expect(["A1 B1", "SUM(A1:A3)", "{1,2}", "Foglio!A1", "#REF!+1", "A1+PIAO_Soglia"].map(shareable)).toEqual([
    false,
    false,
    false,
    false,
    false,
    true,
  ]);
  expect(shiftFormula('IF($A2>B$3,"A1",LOG10(C4))', 2, 1)).toBe('IF($A4>C$3,"A1",LOG10(D6))');
  expect(filledDown(["=A2*2+T[[x]]", "=A3*2+T[[x]]", "=A4*2+T[[x]]"])).toBe(true);
  expect(filledDown(["=A2*2", "=A3*2", "=A3*2"])).toBe(false);
});

test("every formula of the converted example reads back as the plan wrote it, with long columns shared", async () => {
  const input = path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");
  const pkg = loadPackage(input);
  const { plan } = convert(readSnapshots(pkg), { lang: "it", sourceName: "example.xlsx" });
  const out = written.bytes(writePlan(pkg, plan));
  const back = new Map(readSnapshots(new Package("out.xlsx", out)).map((s) => [s.name, s]));
  const exceljs = new ExcelJS.Workbook();
  await exceljs.xlsx.load(out as unknown as ExcelJS.Buffer);
  let formulas = 0;
  for (const sp of plan.sheets) {
    const ours = back.get(sp.name)!;
    const theirs = exceljs.getWorksheet(sp.name)!;
    for (const block of sp.blocks) {
      const at = parseCell(block.at);
      block.rows.forEach((row, i) =>
        row.forEach((v, j) => {
          if (!isFormula(v)) return;
          formulas++;
          const expected = v.f.replace(/^=/, "");
          expect([sp.name, i, j, formulaAt(ours, at.row + i, at.col + j)]).toEqual([
            sp.name,
            i,
            j,
            `=${expected}`,
          ]);
          const cell = theirs.getCell(at.row + i + 1, at.col + j + 1);
          expect([sp.name, i, j, cell.formula]).toEqual([sp.name, i, j, expected]);
        }),
      );
    }
  }
  expect(formulas).toBeGreaterThan(500);
  // The measures' achievement columns (one long formula per row) are written once per column.
  const pkgOut = new Package("out.xlsx", out);
  const sheetXml = (name: string) =>
    pkgOut.read(pkgOut.workbook().sheets.find((s) => s.name === name)!.part!)!.toString("utf8");
  const misure = sheetXml("PIAO Misure");
  expect((misure.match(/t="shared" ref=/g) ?? []).length).toBeGreaterThan(0);
  expect((misure.match(/t="shared" si="\d+"\/>/g) ?? []).length).toBeGreaterThan(100);
  // The columns that read another table do so through its columns' names (COLUMN_NAMES), so each is one
  // shared text too: the objectives' two calculated achievements, the measures' objective row and weight.
  const texts = (xml: string) => [...xml.matchAll(/<f[^>]*>([^<]+)<\/f>/g)].map((m) => m[1]);
  const objectives = plan.sheets.find((s) => s.name === "PIAO Obiettivi")!.blocks[0].rows.length;
  expect(objectives).toBeGreaterThan(50);
  expect(texts(sheetXml("PIAO Obiettivi")).filter((t) => t.includes("PIAO_Misure_Punti"))).toHaveLength(2);
  expect(texts(misure).filter((t) => t.includes("PIAO_Obiettivi_Codice"))).toHaveLength(1);
  expect(texts(misure).filter((t) => t.includes("PIAO_Misure_PesoMisura"))).toHaveLength(1);
});

written.test(1);
