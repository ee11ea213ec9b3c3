/**
 * Re-runs after the user renamed what the add-in wrote (issue 18, Re-runs): a header of `PIAO_Obiettivi`
 * (`Raggiungimento 31/12`, `Raggiungimento 30/09`) or the sheet `PIAO Obiettivi` itself. The converted example
 * is edited with openpyxl, as a user's tool would, and converted again through the CLI's use case: the typed
 * percentages are found by the table and the column's position, never by the caption, or the run says so.
 */
import { execFileSync, spawnSync } from "child_process";
import * as path from "path";
import { checkFile, convertFile } from "../src/app/convert-file";
import { OBJECTIVE_COLUMNS as C, SHEETS } from "../src/engine/core/contract";
import type { Scalar, SheetSnapshot } from "../src/engine/core/snapshot";
import { WrittenWorkbooks } from "./helpers/validate";
import { card, tmpDir, writeWorkbook } from "./helpers/workbooks";
import { snapshotsOfFile } from "./helpers/xlsx";

const hasPython = spawnSync("/usr/bin/python3", ["-c", "import openpyxl"]).status === 0;
const maybe = hasPython ? test : test.skip;
if (!hasPython) console.warn("rerun-renamed: python3-openpyxl missing, the tests are skipped");
const written = new WrittenWorkbooks();
const example = path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");

/**
 * openpyxl on `PIAO Obiettivi` of argv[1] (header row 1): `ws`, `col(header)` (1-based), `rows` (the data
 * rows); the script's edits are saved to argv[2].
 */
function edit(input: string, output: string, script: string): string {
  const head = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["PIAO Obiettivi"]
header = [c.value for c in ws[1]]
col = lambda h: header.index(h) + 1
rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value is not None]
`;
  return execFileSync("/usr/bin/python3", ["-c", head + script + "\nwb.save(sys.argv[2])\n", input, output], {
    encoding: "utf8",
  });
}

/** The objectives table of a converted workbook (header row 1): a column's values by header. */
function objectivesTable(file: string, sheet: string = SHEETS.objectives) {
  const s = snapshotsOfFile(file, (n) => n !== sheet)[0] as SheetSnapshot;
  const header = (s.values[0] ?? []).map((v) => String(v ?? ""));
  const rows = s.values.slice(1).filter((r) => r[0] !== null && r[0] !== undefined);
  const values = (h: string): Scalar[] => rows.map((r) => r[header.indexOf(h)] ?? null);
  return { header, values };
}

let converted: string;
beforeAll(async () => {
  converted = path.join(tmpDir(), "converted.xlsx");
  await convertFile(example, written.file(converted));
}, 120000);

maybe(
  "renamed Raggiungimento headers: every typed percentage is found by its column's position, with a warning",
  async () => {
    const dir = tmpDir();
    const edited = path.join(dir, "edited.xlsx");
    const count = edit(
      converted,
      edited,
      `
sep, dec = col("${C.achievementSep}"), col("${C.achievementDec}")
for n, r in enumerate(rows):
    ws.cell(r, sep).value = (n % 7) / 10
    ws.cell(r, dec).value = (n % 11) / 10
ws.cell(1, sep).value = "Stato a settembre"
ws.cell(1, dec).value = "Raggiungimento finale"
print(2 * len(rows))`,
    );
    expect(Number(count)).toBeGreaterThanOrEqual(190);
    const before = objectivesTable(converted);
    const second = path.join(dir, "second.xlsx");
    const result = await convertFile(edited, written.file(second));
    const after = objectivesTable(second);
    expect(after.header).toContain(C.achievementDec);
    expect(after.header).not.toContain("Raggiungimento finale");
    expect(after.values(C.code)).toEqual(before.values(C.code));
    const n = before.values(C.code).length;
    expect(after.values(C.achievementSep)).toEqual(Array.from({ length: n }, (_, i) => (i % 7) / 10));
    expect(after.values(C.achievementDec)).toEqual(Array.from({ length: n }, (_, i) => (i % 11) / 10));
    const warned = result.findings.filter((f) => f.code === "INTESTAZIONE_GENERATA_RINOMINATA");
    expect(warned.map((f) => [f.severity, f.sheet, f.row, f.message.it])).toEqual([
      [
        "warning",
        SHEETS.objectives,
        0,
        expect.stringContaining("«Stato a settembre» è al posto di «Raggiungimento 30/09»"),
      ],
      [
        "warning",
        SHEETS.objectives,
        0,
        expect.stringContaining("«Raggiungimento finale» è al posto di «Raggiungimento 31/12»"),
      ],
    ]);
    expect(result.archived).toBe(0);
  },
  120000,
);

maybe(
  "a renamed header next to a column the user inserted: the values stay, in a user column, and the run says so",
  async () => {
    const dir = tmpDir();
    const input = await writeWorkbook([
      {
        name: "Settore 1",
        rows: [
          ["Settore: Settore 1 Finanze"],
          // No empty action cells: openpyxl would write them as inline strings without text.
          ...card({ code: "A.1", name: "Rendiconto", type: "I", weight: 60, actions: { 2023: "Avvio" } }),
          ...card({ code: "A.2", name: "Bilancio", type: "I", weight: 40, actions: { 2023: "Avvio" } }),
        ],
      },
    ]);
    const first = path.join(dir, "first.xlsx");
    await convertFile(input, written.file(first));
    const edited = path.join(dir, "edited.xlsx");
    edit(
      first,
      edited,
      `
dec = col("${C.achievementDec}")
ws.insert_cols(dec)
ws.cell(1, dec).value = "Note"
ws.cell(rows[0], dec).value = "in giunta"
ws.cell(rows[0], dec + 1).value = 0.8
ws.cell(rows[1], dec + 1).value = 0.3
ws.cell(1, dec + 1).value = "Esito finale"`,
    );
    const second = path.join(dir, "second.xlsx");
    const result = await convertFile(edited, written.file(second));
    const after = objectivesTable(second);
    expect(after.values("Esito finale")).toEqual([0.8, 0.3]);
    expect(after.values("Note")).toEqual(["in giunta", null]);
    const missing = result.findings.filter((f) => f.code === "INTESTAZIONE_GENERATA_MANCANTE");
    expect(missing.map((f) => [f.severity, f.sheet, f.row, f.col])).toEqual([
      ["warning", SHEETS.objectives, 0, 0],
    ]);
    expect(missing[0].message.it).toMatch(
      /«Raggiungimento 31\/12» non è stata trovata.*«Note», «Esito finale»/,
    );
    expect(missing[0].message.en).toMatch(/"Raggiungimento 31\/12" was not found/);
  },
);

maybe(
  "PIAO Obiettivi renamed by the user: found by its marker or table, read once, its typed values kept",
  async () => {
    const dir = tmpDir();
    const edited = path.join(dir, "edited.xlsx");
    edit(
      converted,
      edited,
      `
dec = col("${C.achievementDec}")
for n, r in enumerate(rows): ws.cell(r, dec).value = (n % 5) / 4
ws.title = "Monitoraggio obiettivi"`,
    );
    const before = objectivesTable(converted);
    // `piao check` reads the renamed sheet as the converted table, not as a source beside the originals.
    const checked = await checkFile(edited);
    expect([checked.checked, checked.objectives.length]).toEqual(["converted", before.values(C.code).length]);
    const second = path.join(dir, "second.xlsx");
    const result = await convertFile(edited, written.file(second));
    expect(result.objectives.map((o) => o.code)).toEqual(before.values(C.code));
    expect(result.findings.map((f) => f.code)).toContain("FOGLIO_GENERATO_RINOMINATO");
    expect(result.findings.map((f) => f.code)).not.toContain("PESO_SOMMA");
    expect(result.plan.sheets.map((s) => s.name)).toContain(SHEETS.objectives);
    const after = objectivesTable(second);
    expect(after.values(C.achievementDec)).toEqual(before.values(C.code).map((_, n) => (n % 5) / 4));
    // The renamed sheet was the previous run's: replaced, not kept beside the new one.
    expect(snapshotsOfFile(second).map((s) => s.name)).not.toContain("Monitoraggio obiettivi");
  },
  120000,
);

written.test(4);
