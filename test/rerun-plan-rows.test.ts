/**
 * Re-runs keep the hires and departures the user typed into `PIAO_PianoAssunzioni` and `PIAO_Cessazioni`
 * (issue 18, Re-runs): the converted workbook is edited with openpyxl, as a user's tool would, and converted
 * again through the CLI. A departure the source gives again keeps the user's cells in place; rows the user
 * added stay rows (formulas formulas, text text); a typed value the source contradicts is warned about and its
 * row archived.
 */
import { execFileSync, spawnSync } from "child_process";
import * as path from "path";
import { convertFile } from "../src/app/convert-file";
import { HIRING_COLUMNS as HC, SHEETS, TABLES } from "../src/engine/core/contract";
import { carryPlanRows } from "../src/engine/spending/carryover";
import { WrittenWorkbooks } from "./helpers/validate";
import { card, tmpDir, writeWorkbook } from "./helpers/workbooks";
import { snapshotsOfFile } from "./helpers/xlsx";

const hasPython = spawnSync("/usr/bin/python3", ["-c", "import openpyxl"]).status === 0;
const maybe = hasPython ? test : test.skip;
if (!hasPython) console.warn("rerun-plan-rows: python3-openpyxl missing, the tests are skipped");
const written = new WrittenWorkbooks();

const HEAD = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["${SHEETS.spending}"]
def rows(table):
    """The cells of a table's data rows, by its ref: (sheet row, [cell, ...])."""
    ref = ws.tables[table].ref
    return [(r[0].row, r) for r in ws[ref][1:]]
`;

function python(script: string, ...args: string[]): string {
  return execFileSync("/usr/bin/python3", ["-c", HEAD + script, ...args], { encoding: "utf8" });
}

/** The input cells of a plan table's rows holding something, as openpyxl reads them (formulas as `=…`). */
function planRows(file: string, table: string, inputs: number): unknown[][] {
  return JSON.parse(
    python(
      `out = [[c.value for c in r[:${inputs}]] for _, r in rows("${table}")]
print(json.dumps([r for r in out if any(v is not None for v in r)]))`,
      file,
    ),
  ) as unknown[][];
}

/** `Costo annuo` of each row of `PIAO_PianoAssunzioni` holding something, as openpyxl reads it. */
function planCosts(file: string): unknown[] {
  return JSON.parse(
    python(
      `print(json.dumps([r[6].value for _, r in rows("${TABLES.hiringPlan}") if r[0].value is not None]))`,
      file,
    ),
  ) as unknown[];
}

/** `Crescita entrate` of each row of `PIAO_Triennio`, as openpyxl reads it. */
function growthCells(file: string): unknown[] {
  return JSON.parse(
    python(`print(json.dumps([r[1].value for _, r in rows("${TABLES.triennium}")]))`, file),
  ) as unknown[];
}

maybe(
  "hires, departures and revenue growth typed in the plan tables survive a re-run; a contradicted value is warned and archived",
  async () => {
    const dir = tmpDir();
    const input = await writeWorkbook([
      {
        name: "Settore 1",
        rows: [
          ["Settore: Settore 1 Finanze"],
          ...card({ code: "A.1", name: "Rendiconto", type: "I", weight: 100, actions: { 2024: "Avvio" } }),
        ],
      },
      { name: "Personale", rows: [["Cessazioni previste: 3 nel 2024, 2 nel 2025"]] },
    ]);
    const first = path.join(dir, "first.xlsx");
    await convertFile(input, written.file(first));
    expect(planRows(first, TABLES.departures, 4)).toEqual([
      [2024, null, 3, null],
      [2025, null, 2, null],
    ]);

    const edited = path.join(dir, "edited.xlsx");
    python(
      `d = rows("${TABLES.departures}")
d[0][1][1].value = "Istruttori"
d[0][1][3].value = 6
d[1][1][2].value = 5
for c, v in zip(d[2][1], [2026, "Funzionari", 1, 12]): c.value = v
h = rows("${TABLES.hiringPlan}")
for c, v in zip(h[0][1], [2024, "Funzionari", "Contabile", 1, 6, "concorso"]): c.value = v
for c, v in zip(h[1][1], [2025, "Istruttori", "da definire", 2, "=3*2", "mobilità"]): c.value = v
h[0][1][6].value = 31000
t = rows("${TABLES.triennium}")
t[1][1][1].value = 0.05
t[2][1][1].value = "=1/100"
wb.save(sys.argv[2])`,
      first,
      edited,
    );
    const second = path.join(dir, "second.xlsx");
    const result = await convertFile(edited, written.file(second));
    expect(planRows(second, TABLES.departures, 4)).toEqual([
      [2024, "Istruttori", 3, 6],
      [2025, null, 2, null],
      [2026, "Funzionari", 1, 12],
    ]);
    expect(planRows(second, TABLES.hiringPlan, 6)).toEqual([
      [2024, "Funzionari", "Contabile", 1, 6, "concorso"],
      [2025, "Istruttori", "da definire", 2, "=3*2", "mobilità"],
    ]);
    // The revenue growth typed for the plan's second and third year stays, the formula a formula; the
    // reference projection reads the number (the formula has no value until a spreadsheet calculates it).
    expect(growthCells(second)).toEqual([null, 0.05, "=1/100"]);
    expect(result.spending.inputs.growth).toEqual([0.05, 0]);
    // The reference computation counts the rows too (the formula's months are not read: 12 by default).
    expect(result.spending.inputs.hires.map((h) => [h.year, h.count])).toEqual([
      [2024, 1],
      [2025, 2],
    ]);

    const warned = result.findings.filter((f) => f.code === "MODIFICA_SOSTITUITA_DA_ORIGINE");
    expect(warned.map((f) => [f.severity, f.sheet, f.col])).toEqual([["warning", SHEETS.spending, 2]]);
    expect(warned[0].message.it).toMatch(
      /^PIAO_Cessazioni, riga 2025: Numero era 5, il foglio di origine indica 2/,
    );
    expect(warned[0].message.en).toMatch(
      /Numero was 5, the source sheet says 2: the source sheet's value wins/,
    );
    // A cost typed over the formula of `Costo annuo`: the formula is back, the value archived and named.
    const overwritten = result.findings.filter((f) => f.code === "FORMULA_SOVRASCRITTA");
    expect(overwritten.map((f) => [f.severity, f.sheet, f.col])).toEqual([["warning", SHEETS.spending, 6]]);
    expect(overwritten[0].message.it).toMatch(
      /^PIAO_PianoAssunzioni, riga 2024 .*Costo annuo era scritto 31/,
    );
    expect(planCosts(second)).toEqual([expect.stringMatching(/^=/), expect.stringMatching(/^=/)]);
    expect(result.archived).toBe(2);
    const archive = snapshotsOfFile(second, (n) => n !== SHEETS.archive)[0];
    expect(archive.values).toEqual([
      ["Tabella", ...Object.values(HC).slice(0, 7), "Mesi"],
      [TABLES.hiringPlan, 2024, "Funzionari", "Contabile", 1, 6, "concorso", 31000],
      [TABLES.departures, 2025, null, null, 5], // a row ends at its last value
    ]);

    // Converting again without new edits: the same rows, nothing doubled, the archived row kept once.
    const third = path.join(dir, "third.xlsx");
    const again = await convertFile(second, written.file(third));
    expect(planRows(third, TABLES.departures, 4)).toEqual(planRows(second, TABLES.departures, 4));
    expect(planRows(third, TABLES.hiringPlan, 6)).toEqual(planRows(second, TABLES.hiringPlan, 6));
    expect(again.archived).toBe(2);
    expect(again.findings.filter((f) => f.code === "FORMULA_SOVRASCRITTA")).toEqual([]);
    expect(growthCells(third)).toEqual([null, 0.05, "=1/100"]);
  },
);

written.test(3);

test("a typed hire whose number is not a number is kept, and said to be left out of the totals", () => {
  // The previous PIAO Spesa personale, as a snapshot: the hiring table's header and one row the user added.
  const header = Object.values(HC);
  const typed = [2025, "Istruttori", "Tecnico", "n.d.", 12, "concorso"];
  const previous = {
    name: SHEETS.spending,
    top: 9,
    left: 0,
    values: [header, [...typed, "", "", ""]],
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
  };
  const carried = carryPlanRows(previous, { hires: [], departures: [] });
  expect(carried.rows.hires).toEqual([typed]);
  expect(carried.hires).toEqual([]);
  const said = carried.findings.filter((f) => f.code === "RIGA_PIANO_NON_CONTATA");
  expect(said.map((f) => [f.severity, f.sheet, f.row, f.col])).toEqual([["warning", SHEETS.spending, 10, 3]]);
  expect(said[0].message.it).toContain("n.d.");
});
