/**
 * A re-run on a workbook LibreOffice rewrote (issue 18, Re-runs: "plus one LibreOffice round trip"): the
 * converted example is edited with openpyxl (achievements typed, a note column added, a departure typed), then
 * LibreOffice headless opens it and saves it again as .xlsx, rewriting the whole package (its own names,
 * tables, styles and shared strings). Converting that file again finds the generated sheets by their markers,
 * keeps every typed value, doubles nothing and writes a valid workbook.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { convertFile } from "../src/app/convert-file";
import { OBJECTIVE_COLUMNS as C, SHEETS, TABLES } from "../src/engine/core/contract";
import { sofficeAvailable, recalculate } from "./helpers/recalc";
import { WrittenWorkbooks } from "./helpers/validate";
import { tmpDir } from "./helpers/workbooks";

const ready = sofficeAvailable() && spawnSync("/usr/bin/python3", ["-c", "import openpyxl"]).status === 0;
const maybe = ready ? test : test.skip;
if (!ready) console.warn("rerun-libreoffice: soffice or python3-openpyxl missing, the test is skipped");
const written = new WrittenWorkbooks();
const example = path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");

/** openpyxl: the objectives table (codes, two input columns, the note) and the departures, as JSON. */
const READ = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["${SHEETS.objectives}"]
header = [c.value for c in ws[1]]
col = lambda h: header.index(h) + 1 if h in header else None
rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value is not None]
sp = wb["${SHEETS.spending}"]
def departures():
    ref = sp.tables["${TABLES.departures}"].ref
    return [r for r in sp[ref][1:]]
`;

function python(script: string, ...args: string[]): string {
  return execFileSync("/usr/bin/python3", ["-c", READ + script, ...args], { encoding: "utf8" });
}

function state(file: string) {
  return JSON.parse(
    python(
      `get = lambda h: [ws.cell(r, col(h)).value if col(h) else None for r in rows]
print(json.dumps({"codes": get("${C.code}"), "sep": get("${C.achievementSep}"), "dec": get("${C.achievementDec}"),
  "note": get("Note"), "departures": [[c.value for c in r[:4]] for r in departures() if r[0].value is not None],
  "sheets": wb.sheetnames}))`,
      file,
    ),
  ) as {
    codes: string[];
    sep: unknown[];
    dec: unknown[];
    note: unknown[];
    departures: unknown[][];
    sheets: string[];
  };
}

maybe(
  "convert, edit with openpyxl, let LibreOffice rewrite the file, convert again: typed values kept, nothing doubled",
  async () => {
    const dir = tmpDir();
    const first = path.join(dir, "first.xlsx");
    const converted = await convertFile(example, written.file(first));
    const edited = path.join(dir, "edited.xlsx");
    python(
      `sep, dec = col("${C.achievementSep}"), col("${C.achievementDec}")
note = len(header) + 1
ws.cell(1, note).value = "Note"
for n, r in enumerate(rows):
    ws.cell(r, sep).value = (n % 4) / 4
    ws.cell(r, dec).value = (n % 5) / 5
    ws.cell(r, note).value = f"nota {n}"
for c, v in zip(departures()[0], [2024, "Istruttori", 2, 6]): c.value = v
wb.save(sys.argv[2])`,
      first,
      edited,
    );
    const [roundTripped] = recalculate([edited]);
    const input = path.join(dir, "libreoffice.xlsx");
    fs.copyFileSync(roundTripped, input);

    const second = path.join(dir, "second.xlsx");
    const result = await convertFile(input, written.file(second));
    const before = state(first);
    const after = state(second);
    const n = before.codes.length;
    expect(n).toBe(converted.objectives.length);
    // Nothing doubled: the previous PIAO Obiettivi was recognised as the add-in's, not read as a source.
    expect(result.objectives).toHaveLength(n);
    expect(after.codes).toEqual(before.codes);
    expect(after.sheets.filter((s) => s.startsWith("PIAO Obiettivi"))).toEqual([SHEETS.objectives]);
    expect(result.findings.map((f) => f.code)).not.toContain("NOME_FOGLIO_IN_USO");
    expect(after.sep).toEqual(before.codes.map((_, i) => (i % 4) / 4));
    expect(after.dec).toEqual(before.codes.map((_, i) => (i % 5) / 5));
    expect(after.note).toEqual(before.codes.map((_, i) => `nota ${i}`));
    expect(after.departures).toEqual([[2024, "Istruttori", 2, 6]]);
    expect(result.archived).toBe(0);
  },
  300000,
);

written.test(2);
