/** The `piao` command as a user runs it: real files, real exit codes, one clear line on bad input. */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { isGeneratedSheet } from "../src/engine/core/contract";
import { tmpDir, writeWorkbook } from "./helpers/workbooks";
import { snapshotsOfFile } from "./helpers/xlsx";
import { WrittenWorkbooks } from "./helpers/validate";

const written = new WrittenWorkbooks();

const ROOT = path.join(__dirname, "..");
const EXAMPLE = path.join(ROOT, "examples", "piao-massa-carrara-2023-2025.xlsx");

function piao(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "piao.js"), ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function userSheets(file: string) {
  return snapshotsOfFile(file, isGeneratedSheet);
}

describe("piao convert", () => {
  const dir = tmpDir();

  test("converts the example, prints the summary and writes the workbook; user sheets read back identical", async () => {
    const out = written.file(path.join(dir, "out.xlsx"));
    const report = path.join(dir, "report.json");
    const r = piao("convert", EXAMPLE, "-o", out, "--report", report);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Settore 1 Amministrativo Finanziario");
    expect(r.stdout).toContain("Segnalazioni: 0 errori, 1 avviso, 69 informazioni");
    expect(r.stdout).toMatch(
      /Uffici di Staff +14 obiettivi, somma pesi 100 OK, 2 obiettivi cancello \(peso 0\)/,
    );
    expect(r.stdout).toContain("Staff: 14 obiettivi in 1 unità (Uffici di Staff).");
    expect(r.stdout).toContain(`Scritto: ${out}`);
    const json = JSON.parse(fs.readFileSync(report, "utf8"));
    expect(json.objectives).toBe(95);
    expect(json.units.map((u: { weightSum: number }) => u.weightSum)).toEqual([100, 100, 100, 100]);
    // The user's sheets: values, formulas, formats and merges exactly as in the input.
    expect(await userSheets(out)).toEqual(await userSheets(EXAMPLE));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        "PIAO Obiettivi",
        "PIAO Pesi",
        "PIAO Verifica",
        "PIAO Parametri",
        "PIAO Riepilogo",
      ]),
    );
  });

  test("default output is <input>-piao.xlsx beside the input; English summary with --lang en", () => {
    const input = path.join(dir, "copy.xlsx");
    fs.copyFileSync(EXAMPLE, input);
    const r = piao("convert", input, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Findings: 0 errors, 1 warning, 69 info");
    expect(r.stdout).toContain(
      "Under the threshold: headroom available, hiring only after the conditions are checked (provisional: the yearly increase cap cannot be checked)",
    );
    expect(r.stdout).toContain("Staff: 14 objectives in 1 unit (Uffici di Staff).");
    // Every printed line in English: no Italian words of the catalogue, the sheets or the outcome.
    expect(r.stdout).not.toMatch(
      /\b(obiettivi|somma|Segnalazioni|Scritto|soglia|Sotto|unità|indicatori|dati)\b/,
    );
    expect(fs.existsSync(written.file(path.join(dir, "copy-piao.xlsx")))).toBe(true);
  });

  test.each([
    ["a missing file", () => path.join(dir, "nope.xlsx"), /nope\.xlsx: file non trovato$/],
    [
      "a text file named .xlsx",
      () => {
        const f = path.join(dir, "text.xlsx");
        fs.writeFileSync(f, "Codice;Peso\nA.1;100\n");
        return f;
      },
      /text\.xlsx: non è un file \.xlsx/,
    ],
    [
      "an encrypted workbook (OLE container)",
      () => {
        const f = path.join(dir, "secret.xlsx");
        fs.writeFileSync(
          f,
          Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
        );
        return f;
      },
      /secret\.xlsx: file protetto da password/,
    ],
    [
      "a corrupt zip",
      () => {
        const f = path.join(dir, "broken.xlsx");
        fs.writeFileSync(f, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]));
        return f;
      },
      /broken\.xlsx: file \.xlsx danneggiato/,
    ],
    [
      "an empty file",
      () => {
        const f = path.join(dir, "empty.xlsx");
        fs.writeFileSync(f, "");
        return f;
      },
      /empty\.xlsx: il file è vuoto/,
    ],
  ])("%s exits 2 with one clear line, no stack trace", (_label, make, pattern) => {
    const r = piao("convert", make());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  test.each([
    [[]],
    [["frobnicate", "x.xlsx"]],
    [["convert"]],
    [["convert", "a.xlsx", "--lang", "fr"]],
    [["convert", "a.xlsx", "-o"]],
  ])("unusable arguments %j exit 2 with the usage on one line", (args) => {
    const r = piao(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^piao: /);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("uso: piao convert FILE.xlsx");
  });

  test.each([["--help"], ["-h"], ["help"], ["convert", "-h"]])(
    "%s prints the usage and exits 0",
    (...args) => {
      const r = piao(...args);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/^Uso:\n {2}piao convert <ingresso\.xlsx>/);
      expect(piao(...args, "--lang", "en").stdout).toMatch(/^Usage:\n {2}piao convert <input\.xlsx>/);
    },
  );

  test("--version prints the package version and exits 0", () => {
    const r = piao("--version");
    expect(r.code).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(r.stdout).toBe(`piao ${pkg.version}\n`);
  });

  test("a usage error speaks the language asked for", () => {
    const r = piao("convert", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^piao: missing \.xlsx file — usage: piao convert FILE\.xlsx/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

test("a workbook with no PIAO content converts (exit 0) and says what was ignored and why", async () => {
  const input = await writeWorkbook([
    {
      name: "Spese",
      rows: [
        ["Voce", "Importo"],
        ["Cancelleria", 120],
      ],
    },
  ]);
  const r = piao("convert", input, "-o", written.file(input.replace(/\.xlsx$/, "-out.xlsx")));
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(
    "Spese: Nessun contenuto PIAO riconosciuto: nessuna riga di intestazione con Obiettivo e Peso o Tipo.",
  );
  expect(r.stdout).toContain("nessun obiettivo trovato");
  // Never an all-clear: a warning for the workbook, and each sheet's rows accounted for.
  expect(r.stdout).toMatch(/Segnalazioni: 0 errori, 1 avviso/);
  expect(r.stdout).toContain("[A] Nessun contenuto PIAO riconosciuto nella cartella");
  expect(r.stdout).toContain(
    "Righe non vuote: obiettivi 0, intestazioni 0, totali 0, note 0, legende 0, altre riconosciute 0, ignorate 2.",
  );
  // Checking it is a failed check, not a pass.
  const check = piao("check", input);
  expect(check.code).toBe(1);
  expect(check.stdout).toContain("Nessun obiettivo trovato: non c'è niente da verificare.");
});

describe("piao check", () => {
  test("exit 0 on the example, 1 when a unit's weights do not sum to 100", async () => {
    expect(piao("check", EXAMPLE).code).toBe(0);
    const bad = await writeWorkbook([
      {
        name: "Area",
        rows: [
          ["Codice", "Obiettivo", "Tipo", "Peso"],
          ["A.1", "Uno", "I", 50],
          ["A.2", "Due", "O", 40],
        ],
      },
    ]);
    const r = piao("check", bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("la somma dei pesi è 90, deve essere 100");
  });
});

written.test(3);
