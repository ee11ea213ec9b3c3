/**
 * Re-runs keep what users typed into PIAO Misure (matched by unit + objective code + indicator), keep the
 * measure rows they added, and archive the measures of objectives that disappeared from the source.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { MEASURE_COLUMNS as M, SHEETS } from "../src/engine/core/contract";
import { convertFile } from "../src/app/convert-file";
import { tmpDir, writeWorkbook, type TestCell } from "./helpers/workbooks";
import { WrittenWorkbooks } from "./helpers/validate";

const written = new WrittenWorkbooks();

async function open(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function rows(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row: Record<string, unknown> = {};
    header.forEach((h, i) => (row[h] = ws.getCell(r, i + 1).value));
    out.push(row);
  }
  return out;
}

/** The source: one flat table of objectives with an indicator and a target each. */
const flatSource = (rows: TestCell[][]) =>
  writeWorkbook([
    {
      name: "Obiettivi",
      rows: [
        ["Unità", "Codice", "Obiettivo", "Tipo", "Peso", "Indicatore", "Target", "Azioni 2025"],
        ...rows,
      ],
    },
  ]);

test("values, rules and added rows typed into PIAO Misure survive a re-run; vanished objectives' measures are archived", async () => {
  const dir = tmpDir();
  const src = await flatSource([
    ["Settore 1", "A.1", "Pagamenti", "I", 50, "Tempo medio", "<= 30 gg", "x"],
    ["Settore 1", "A.2", "Regolamento", "I", 30, "Approvazione", "Approvazione del regolamento", "x"],
    ["Settore 1", "A.3", "Sportello", "I", 20, "Apertura", "Sì", "x"],
  ]);
  const first = path.join(dir, "first.xlsx");
  const r1 = await convertFile(src, written.file(first));
  expect(r1.findings.filter((f) => f.code === "MISURA_TARGET_NON_RICONOSCIUTO").length).toBe(1);

  const wb = await open(first);
  const ws = wb.getWorksheet(SHEETS.measures)!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const col = (h: string) => header.indexOf(h) + 1;
  expect(rows(ws).map((r) => [r[M.code], r[M.target], r[M.rule]])).toEqual([
    ["A.1", 30, "decrescente"],
    ["A.2", "Approvazione del regolamento", null],
    ["A.3", 1, "sì/no"],
  ]);
  ws.getCell(2, col(M.valueDec)).value = 28;
  ws.getCell(3, col(M.rule)).value = "sì/no"; // the user chooses the rule of the unread target
  ws.getCell(3, col(M.valueDec)).value = "Sì";
  ws.getCell(4, col(M.valueDec)).value = "No";
  // A second measure for A.1, typed below the table (Excel extends it; the re-run reads the rows after it).
  const added = ["Settore 1", "A.1", "Pagamenti", "Fatture registrate entro 10 gg"];
  added.forEach((v, i) => (ws.getCell(5, i + 1).value = v));
  ws.getCell(5, col(M.rule)).value = "crescente";
  ws.getCell(5, col(M.target)).value = 0.9;
  ws.getCell(5, col(M.valueDec)).value = 0.95;
  // The source loses A.3.
  const source = wb.getWorksheet("Obiettivi")!;
  source.spliceRows(4, 1);
  source.getCell("E2").value = 80;
  const edited = path.join(dir, "edited.xlsx");
  await wb.xlsx.writeFile(edited);

  const second = path.join(dir, "second.xlsx");
  const r2 = await convertFile(edited, written.file(second));
  const out = rows((await open(second)).getWorksheet(SHEETS.measures)!);
  expect(out.map((r) => [r[M.code], r[M.indicator], r[M.rule], r[M.valueDec]])).toEqual([
    ["A.1", "Tempo medio", "decrescente", 28],
    ["A.1", "Fatture registrate entro 10 gg", "crescente", 0.95],
    ["A.2", "Approvazione", "sì/no", "Sì"],
  ]);
  const archive = rows((await open(second)).getWorksheet(SHEETS.archive)!);
  expect(archive.some((r) => r[M.indicator] === "Apertura" && r[M.valueDec] === "No")).toBe(true);
  expect(r2.measures.units).toEqual([
    { unit: "Settore 1", objectives: 2, measured: 2, withValues: 2, score: 100 },
  ]);
});

test("a value typed over a formula of PIAO Misure is archived with its row and named; the formula is back", async () => {
  const dir = tmpDir();
  const src = await flatSource([["Settore 1", "A.1", "Pagamenti", "I", 100, "Tempo medio", "<= 30 gg", "x"]]);
  const first = path.join(dir, "first.xlsx");
  await convertFile(src, written.file(first));
  const wb = await open(first);
  const ws = wb.getWorksheet(SHEETS.measures)!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  expect(ws.getCell(2, header.indexOf(M.achievementDec) + 1).formula).toMatch(/^IF\(/);
  ws.getCell(2, header.indexOf(M.achievementDec) + 1).value = 0.8;
  const edited = path.join(dir, "edited.xlsx");
  await wb.xlsx.writeFile(edited);

  const second = path.join(dir, "second.xlsx");
  const r2 = await convertFile(edited, written.file(second));
  const back = (await open(second)).getWorksheet(SHEETS.measures)!;
  expect(back.getCell(2, header.indexOf(M.achievementDec) + 1).formula).toMatch(/^IF\(/);
  const warned = r2.findings.filter((f) => f.code === "FORMULA_SOVRASCRITTA");
  expect(warned.map((f) => [f.severity, f.sheet, f.row, f.col, f.message.en])).toEqual([
    [
      "warning",
      SHEETS.measures,
      1,
      header.indexOf(M.achievementDec),
      expect.stringMatching(/^PIAO_Misure, row Settore 1 A\.1 Tempo medio: 0\.8 was typed over the formula/),
    ],
  ]);
  expect(r2.archived).toBe(1);
  const archive = rows((await open(second)).getWorksheet(SHEETS.archive)!);
  expect(archive.map((r) => [r[M.code], r[M.achievementDec]])).toEqual([["A.1", 0.8]]);
});

written.test(4);
