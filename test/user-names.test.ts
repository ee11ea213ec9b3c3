/**
 * The user's sheets, tables and names (issue 18): a sheet called like a generated one but without the
 * add-in's marker is the user's (read as a source, kept, never replaced); Excel's names are compared without
 * regard to case, and every clash with a user's sheet, table or defined name gives ours a free name, in
 * every formula too, with a warning. Inputs are written by openpyxl, as a user's tool would.
 */
import { execFileSync, spawnSync } from "child_process";
import * as path from "path";
import { checkFile, convertFile } from "../src/app/convert-file";
import type { ConversionResult } from "../src/engine/convert";
import { loadPackage } from "../src/xlsx/file";
import { readWorkbookNames } from "../src/xlsx/read-names";
import { WrittenWorkbooks } from "./helpers/validate";
import { tmpDir } from "./helpers/workbooks";
import { snapshotsOfFile } from "./helpers/xlsx";

const hasPython = spawnSync("/usr/bin/python3", ["-c", "import openpyxl"]).status === 0;
const maybe = hasPython ? test : test.skip;
if (!hasPython) console.warn("user-names: python3-openpyxl missing, the tests are skipped");
const written = new WrittenWorkbooks();

const HEAD = `
import sys, openpyxl
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table
wb = openpyxl.Workbook()
def objectives(ws, rows):
    ws.append(["Unità", "Codice", "Obiettivo", "Tipo", "Peso", "Indicatore"])
    for r in rows: ws.append(r)
ROWS = [("Settore 1", "A.1", "Bilancio", "I", 60, "Entro aprile"),
        ("Settore 1", "A.2", "Cassa", "O", 40, "Giorni"),
        ("Settore 2", "B.1", "Ponti", "I", 70, "Ispezioni"),
        ("Settore 2", "B.2", "Strade", "UO", 30, "Km")]
`;

function python(script: string, ...args: string[]): string {
  return execFileSync("/usr/bin/python3", ["-c", HEAD + script, ...args], { encoding: "utf8" });
}

/** Convert, and read back what the output holds besides the result. */
async function run(input: string, output: string) {
  const result = await convertFile(input, written.file(output));
  const generated = new Set(result.plan.sheets.map((s) => s.name));
  return {
    result,
    generated,
    names: readWorkbookNames(loadPackage(output)),
    ours: snapshotsOfFile(output, (n) => !generated.has(n)),
    users: snapshotsOfFile(output, (n) => generated.has(n)),
  };
}

const codes = (r: ConversionResult) => r.findings.map((f) => f.code);
const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());

maybe(
  "a workbook whose only sheet is the user's `PIAO Obiettivi`: read as a source, kept, ours is (2)",
  async () => {
    const dir = tmpDir();
    const input = path.join(dir, "in.xlsx");
    python(`ws = wb.active\nws.title = "PIAO Obiettivi"\nobjectives(ws, ROWS)\nwb.save(sys.argv[1])`, input);
    const out = path.join(dir, "out.xlsx");
    const { result, generated, users } = await run(input, out);
    expect(result.objectives.map((o) => o.code)).toEqual(["A.1", "A.2", "B.1", "B.2"]);
    expect(generated.has("PIAO Obiettivi (2)")).toBe(true);
    expect(generated.has("PIAO Obiettivi")).toBe(false);
    expect(codes(result)).toContain("NOME_FOGLIO_IN_USO");
    expect(users).toEqual(snapshotsOfFile(input));

    // `piao check` goes by the markers too: the user's sheet is a source, ours is the converted table.
    const source = await checkFile(input);
    expect([source.checked, source.objectives.map((o) => o.code)]).toEqual([
      "source",
      ["A.1", "A.2", "B.1", "B.2"],
    ]);
    const converted = await checkFile(out);
    expect([converted.checked, converted.objectives.length]).toEqual(["converted", 4]);

    // A second run finds its own sheets by their markers: the user's sheet is still the only source.
    const again = path.join(dir, "again.xlsx");
    const second = await run(out, again);
    expect(second.result.objectives).toHaveLength(4);
    expect([...second.generated].sort()).toEqual([...generated].sort());
    expect(second.users).toEqual(users);
  },
);

maybe(
  "user sheets, tables and names that clash in any case: ours get free names, formulas follow",
  async () => {
    const dir = tmpDir();
    const input = path.join(dir, "in.xlsx");
    python(
      `ws = wb.active
ws.title = "Obiettivi"
objectives(ws, ROWS)
ws.add_table(Table(displayName="PIAO_Obiettivi", ref="A1:F5"))
p = wb.create_sheet("PIAO PESI")
p.append(["Mio", "Valore"])
p.append(["x", 1])
p.add_table(Table(displayName="piao_pesi", ref="A1:B2"))
h = wb.create_sheet("PIAO Parametri")
h["A1"] = "miei parametri"
h.sheet_state = "hidden"
wb.defined_names.append(DefinedName("piao_popolazione", attr_text="Obiettivi!$E$2"))
wb.defined_names.append(DefinedName("PIAO_Soglia", attr_text="Obiettivi!$E$3"))
wb.save(sys.argv[1])`,
      input,
    );
    const out = path.join(dir, "out.xlsx");
    const { result, generated, names, ours, users } = await run(input, out);
    expect(result.objectives).toHaveLength(4);
    expect(generated.has("PIAO Pesi (2)")).toBe(true);
    expect(generated.has("PIAO Parametri (2)")).toBe(true);
    expect(users.map((s) => s.name)).toEqual(["Obiettivi", "PIAO PESI", "PIAO Parametri"]);
    expect(users).toEqual(snapshotsOfFile(input));

    // Every table and workbook name is unique without regard to case; the user's keep their references.
    const tables = lower(names.tables.map((t) => t.name));
    const defined = lower(names.names.map((n) => n.name));
    expect(new Set([...tables, ...defined]).size).toBe(tables.length + defined.length);
    expect(names.names).toEqual(
      expect.arrayContaining([
        { name: "piao_popolazione", formula: "Obiettivi!$E$2" },
        { name: "PIAO_Soglia", formula: "Obiettivi!$E$3" },
      ]),
    );
    expect(names.names.find((n) => n.name === "PIAO_Popolazione_2")?.formula).toMatch(
      /^'PIAO Spesa personale'!\$D\$\d+$/,
    );
    expect(names.tables).toEqual(
      expect.arrayContaining([
        { name: "PIAO_Obiettivi", sheet: "Obiettivi" },
        { name: "piao_pesi", sheet: "PIAO PESI" },
        { name: "PIAO_Obiettivi_2", sheet: "PIAO Obiettivi" },
        { name: "PIAO_Pesi_2", sheet: "PIAO Pesi (2)" },
      ]),
    );
    expect(codes(result).filter((c) => c === "NOME_IN_USO").length).toBeGreaterThanOrEqual(4);

    // No generated formula refers to a user's object; the renamed ones are used.
    const formulas = ours.flatMap((s) => (s.formulas ?? []).flat().filter((f): f is string => !!f));
    const refersTo = (name: string) =>
      formulas.filter((f) =>
        new RegExp(`(?<![\\w.])${name}(?![\\w.!(])`, "i").test(f.replace(/"[^"]*"/g, "")),
      );
    for (const name of ["PIAO_Obiettivi", "PIAO_Pesi", "PIAO_Popolazione", "PIAO_Soglia"]) {
      expect(refersTo(name)).toEqual([]);
      expect(refersTo(`${name}_2`).length).toBeGreaterThan(0);
    }
    // openpyxl refuses duplicate table names: it opens the output.
    expect(python(`w = openpyxl.load_workbook(sys.argv[1])\nprint(len(w.sheetnames))`, out).trim()).toBe(
      String(3 + generated.size),
    );

    // Converting the output again: the same names, nothing doubled.
    const again = path.join(dir, "again.xlsx");
    const second = await run(out, again);
    expect(second.result.objectives).toHaveLength(4);
    expect([...second.generated].sort()).toEqual([...generated].sort());
    expect(lower(second.names.names.map((n) => n.name)).sort()).toEqual([...defined].sort());
  },
);

maybe(
  "a user's table called like a generated sheet's that this run did not write claims nothing on a re-run",
  async () => {
    const dir = tmpDir();
    const input = path.join(dir, "in.xlsx");
    python(
      `ws = wb.active
ws.title = "Obiettivi"
objectives(ws, ROWS)
mine = wb.create_sheet("Storico")
mine.append(["Anno", "Nota"])
mine.append([2023, "chiuso"])
mine.add_table(Table(displayName="PIAO_Archivio", ref="A1:B2"))
wb.save(sys.argv[1])`,
      input,
    );
    const out = path.join(dir, "out.xlsx");
    const first = await run(input, out);
    expect(first.generated.has("PIAO Archivio")).toBe(false);
    const again = path.join(dir, "again.xlsx");
    const second = await run(out, again);
    expect(second.users.map((s) => s.name)).toEqual(["Obiettivi", "Storico"]);
    expect(second.users).toEqual(snapshotsOfFile(input));
    expect(second.result.findings.map((f) => f.code)).not.toContain("FOGLIO_GENERATO_RINOMINATO");
  },
);

written.test(6);
