/**
 * Sharing by email: the converted workbook stands on its own. No external links, macros, custom or
 * volatile functions; only functions present in Excel 2016 and LibreOffice; no error value anywhere once
 * LibreOffice has recalculated it; and `piao check` reads a copy someone else edited correctly.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { GENERATED_SHEETS, SHEETS } from "../src/engine/core/contract";
import { convertFile } from "../src/app/convert-file";
import { readCachedValues, recalculate } from "./helpers/recalc";
import { tmpDir } from "./helpers/workbooks";
import { WrittenWorkbooks } from "./helpers/validate";

const written = new WrittenWorkbooks();

// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require("jszip");

const ROOT = path.join(__dirname, "..");
const EXAMPLE = path.join(ROOT, "examples", "piao-massa-carrara-2023-2025.xlsx");

/** Functions present in Excel 2016 and in LibreOffice Calc, evaluated the same way, none volatile. */
const ALLOWED = new Set(
  (
    "ABS AND AVERAGE COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS EXACT FORECAST HYPERLINK IF IFERROR INDEX INTERCEPT " +
    "ISBLANK ISNUMBER ISTEXT LEFT LEN LOOKUP MATCH MAX MIN NOT OR POWER ROUND ROW ROWS SLOPE SUM SUMIF SUMIFS " +
    "SUMPRODUCT TREND AVERAGEIF AVERAGEIFS N CHOOSE SIGN LN EXP SUMSQ SMALL LARGE COLUMNS LOWER TRIM"
  ).split(" "),
);
const VOLATILE = ["OFFSET", "INDIRECT", "TODAY", "NOW", "RAND", "RANDBETWEEN", "CELL", "INFO"];

const dir = tmpDir("piao-sharing-");
const output = path.join(dir, "converted.xlsx");
let zip: { files: Record<string, unknown>; file(p: string): { async(t: "string"): Promise<string> } | null };

beforeAll(async () => {
  await convertFile(EXAMPLE, written.file(output));
  zip = await JSZip.loadAsync(fs.readFileSync(output));
}, 60000);

const parts = () => Object.keys(zip.files);
const text = async (p: string) => (await zip.file(p)?.async("string")) ?? "";

test("no external links, no macros, no external relationships", async () => {
  expect(parts().filter((p) => /externalLink|vbaProject|activeX|oleObject/i.test(p))).toEqual([]);
  expect(await text("[Content_Types].xml")).not.toMatch(/macroEnabled|vbaProject/i);
  for (const p of parts().filter((p) => p.endsWith(".rels")))
    expect(await text(p)).not.toMatch(/TargetMode="External"/);
  const xml = (
    await Promise.all(
      parts()
        .filter((p) => /\.xml$/.test(p))
        .map(text),
    )
  ).join("\n");
  expect(xml).not.toMatch(/<f[^>]*>[^<]*(https?:|\[\d+\])/);
});

test("every formula uses only functions of Excel 2016 and LibreOffice, none volatile", async () => {
  const formulas: string[] = [];
  for (const p of parts().filter((p) => /^xl\/(worksheets\/sheet\d+|workbook)\.xml$/.test(p))) {
    const xml = await text(p);
    for (const m of xml.matchAll(/<(?:f|formula|formula1|formula2|definedName)\b[^>]*>([^<]*)</g))
      formulas.push(m[1]);
  }
  expect(formulas.length).toBeGreaterThan(100);
  const used = new Set<string>();
  for (const f of formulas)
    for (const m of f.replace(/&quot;[^&]*&quot;|"[^"]*"/g, "").matchAll(/\b([A-Z][A-Z0-9.]*)\(/g))
      used.add(m[1]);
  expect([...used].filter((f) => !ALLOWED.has(f))).toEqual([]);
  expect([...used].filter((f) => VOLATILE.includes(f))).toEqual([]);
  // No whole-column references such as A:A.
  expect(formulas.filter((f) => /(^|[^A-Za-z$])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}\b/.test(f))).toEqual([]);
});

test("recalculated in LibreOffice, no generated sheet shows an error value", async () => {
  const [recalculated] = recalculate([output]);
  const values = await readCachedValues(recalculated);
  const errors: string[] = [];
  for (const name of GENERATED_SHEETS) {
    for (const [cell, v] of values.get(name) ?? []) {
      if (typeof v === "string" && /^#(REF!|NAME\?|VALUE!|DIV\/0!|N\/A|NUM!|NULL!)/.test(v))
        errors.push(`${name}!${cell} ${v}`);
    }
  }
  expect(errors).toEqual([]);
  expect(values.get(SHEETS.weights)?.get("F2")).toBe("OK");
  const size = fs.statSync(output).size;
  process.stdout.write(`sharing: the converted example is ${size} bytes (${(size / 1024).toFixed(1)} KiB)\n`);
  expect(size).toBeLessThan(1024 * 1024);
}, 120000);

test("piao check on a copy someone else edited: weights changed and a row added to PIAO_Obiettivi", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  const ws = wb.getWorksheet(SHEETS.objectives)!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const col = (h: string) => header.indexOf(h) + 1;
  // Someone lowers a weight in Settore 2 by 3 points…
  for (let r = 2; r <= ws.rowCount; r++) {
    if (
      String(ws.getCell(r, col("Unità")).value).startsWith("Settore 2") &&
      ws.getCell(r, col("Peso")).value === 10
    ) {
      ws.getCell(r, col("Peso")).value = 7;
      break;
    }
  }
  // … and adds an objective to the Staff under the table.
  const row = ws.rowCount + 1;
  ws.getCell(row, col("Codice")).value = "A.9.9";
  ws.getCell(row, col("Obiettivo")).value = "Nuovo obiettivo aggiunto a mano";
  ws.getCell(row, col("Tipo")).value = "I";
  ws.getCell(row, col("Peso")).value = 5;
  ws.getCell(row, col("Unità")).value = "Uffici di Staff";
  const edited = path.join(dir, "edited.xlsx");
  await wb.xlsx.writeFile(edited);

  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "piao.js"), "check", edited], {
    encoding: "utf8",
  });
  expect(r.status).toBe(1);
  expect(r.stdout).toContain("Controllato il foglio PIAO Obiettivi");
  expect(r.stdout).toMatch(/Uffici di Staff\s+15 obiettivi, somma pesi 105 ERRORE/);
  expect(r.stdout).toMatch(/Settore 2 Edilizia scolastica e Patrimonio\s+27 obiettivi, somma pesi 97 ERRORE/);
  expect(r.stdout).toMatch(/Settore 1 Amministrativo Finanziario\s+20 obiettivi, somma pesi 100 OK/);
});

written.test(1);
