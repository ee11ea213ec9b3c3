/**
 * Re-running the conversion keeps everything: achievements typed in PIAO Obiettivi survive (matched by
 * unit + code), weights follow the source, vanished objectives go to PIAO Archivio, user sheets untouched,
 * and user text that looks like a formula stays text.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { SHEETS } from "../src/engine/core/contract";
import { isGeneratedSheet } from "../src/engine/core/contract";
import { convertFile } from "../src/app/convert-file";
import { snapshotsOfFile } from "./helpers/xlsx";
import { card, tmpDir, writeWorkbook } from "./helpers/workbooks";
import { WrittenWorkbooks } from "./helpers/validate";

const written = new WrittenWorkbooks();

async function open(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function table(ws: ExcelJS.Worksheet) {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row: Record<string, unknown> = {};
    header.forEach((h, i) => (row[h] = ws.getCell(r, i + 1).value));
    rows.push(row);
  }
  return { header, rows, col: (h: string) => header.indexOf(h) + 1 };
}

test("convert, fill achievements, change a weight in the source, convert again: nothing lost", async () => {
  const dir = tmpDir();
  const src = await writeWorkbook([
    {
      name: "Settore 1",
      rows: [
        ["Settore: Settore 1 Finanze"],
        ...card({ code: "A.1.1", name: "=Rendiconto", type: "I", weight: 60 }),
        ...card({ code: "A.1.2", name: "@Bilancio", type: "O", weight: 30 }),
        ...card({ code: "A.1.3", name: "-Cassa", type: "UO", weight: 10 }),
      ],
    },
  ]);
  const first = path.join(dir, "first.xlsx");
  await convertFile(src, written.file(first));

  // The user fills the monitoring columns of the converted workbook.
  const wb1 = await open(first);
  const t1 = table(wb1.getWorksheet(SHEETS.objectives)!);
  expect(t1.rows.map((r) => r["Obiettivo"])).toEqual(["=Rendiconto", "@Bilancio", "-Cassa"]);
  const ws1 = wb1.getWorksheet(SHEETS.objectives)!;
  ws1.getCell(2, t1.col("Raggiungimento 30/09")).value = 0.4;
  ws1.getCell(2, t1.col("Raggiungimento 31/12")).value = 0.9;
  ws1.getCell(3, t1.col("Raggiungimento 31/12")).value = 0.5;
  ws1.getCell(4, t1.col("Raggiungimento 31/12")).value = 1;
  // … and changes the source: a weight moves, an objective is removed.
  const source = wb1.getWorksheet("Settore 1")!;
  let removedRow = 0;
  source.eachRow((row, n) => {
    row.eachCell((cell) => {
      if (cell.value === "A.1.1") source.getCell(n, 4).value = 70;
      if (cell.value === "A.1.3") removedRow = n;
    });
  });
  source.getCell(removedRow, 1).value = null;
  source.getCell(removedRow, 2).value = null;
  source.getCell(removedRow, 3).value = null;
  source.getCell(removedRow, 4).value = null;
  source.getCell(removedRow, 5).value = null;
  const edited = path.join(dir, "edited.xlsx");
  await wb1.xlsx.writeFile(edited);

  const second = path.join(dir, "second.xlsx");
  const r = await convertFile(edited, written.file(second));
  expect(r.archived).toBe(1);
  const wb2 = await open(second);
  const t2 = table(wb2.getWorksheet(SHEETS.objectives)!);
  expect(
    t2.rows.map((x) => [x["Codice"], x["Peso"], x["Raggiungimento 30/09"], x["Raggiungimento 31/12"]]),
  ).toEqual([
    ["A.1.1", 70, 0.4, 0.9],
    ["A.1.2", 30, null, 0.5],
  ]);
  const archive = table(wb2.getWorksheet(SHEETS.archive)!);
  expect(archive.rows).toHaveLength(1);
  expect(archive.rows[0]["Codice"]).toBe("A.1.3");
  expect(archive.rows[0]["Raggiungimento 31/12"]).toBe(1);
  expect(archive.rows[0]["Obiettivo"]).toBe("-Cassa");

  // A third run keeps the archive (it is never silently emptied) and the achievements.
  const third = path.join(dir, "third.xlsx");
  await convertFile(second, written.file(third));
  const wb3 = await open(third);
  expect(table(wb3.getWorksheet(SHEETS.archive)!).rows.map((x) => x["Codice"])).toEqual(["A.1.3"]);
  expect(table(wb3.getWorksheet(SHEETS.objectives)!).rows.map((x) => x["Raggiungimento 31/12"])).toEqual([
    0.9, 0.5,
  ]);

  // The user's sheet is exactly what they left.
  expect(snapshotsOfFile(third, isGeneratedSheet)).toEqual(snapshotsOfFile(edited, isGeneratedSheet));
  // Converting twice from the same input gives identical generated sheets.
  const again = path.join(dir, "again.xlsx");
  await convertFile(second, again);
  const gen = (f: string) => snapshotsOfFile(f, (n) => !isGeneratedSheet(n));
  expect(gen(again)).toEqual(gen(third));
});

describe("PIAO Indicatori across re-runs", () => {
  // The example is converted once; each test edits its own copy of the result.
  let converted: string;
  beforeAll(async () => {
    converted = path.join(tmpDir(), "converted.xlsx");
    await convertFile(
      path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx"),
      written.file(converted),
    );
  }, 60000);

  /** A converted workbook's indicators sheet, columns by header (row 2: row 1 holds the numeric years). */
  async function indicators(file: string) {
    const wb = await open(file);
    const ws = wb.getWorksheet(SHEETS.indicators)!;
    const header = (ws.getRow(2).values as unknown[]).slice(1).map((v) => String(v ?? ""));
    const col = (h: string) => header.indexOf(h) + 1;
    const rows = (where: (r: number) => boolean) => {
      const out: number[] = [];
      for (let r = 3; r <= ws.rowCount; r++) if (where(r)) out.push(r);
      return out;
    };
    const named = (name: unknown) => rows((r) => ws.getCell(r, col("Indicatore")).value === name);
    return { wb, ws, col, rows, named };
  }

  /** Edit a copy of the converted example as a user would, save it, convert it again. */
  async function rerun(edit: (x: Awaited<ReturnType<typeof indicators>>) => void) {
    const dir = tmpDir();
    const x = await indicators(converted);
    edit(x);
    const edited = path.join(dir, "edited.xlsx");
    await x.wb.xlsx.writeFile(edited);
    const second = path.join(dir, "second.xlsx");
    const result = await convertFile(edited, written.file(second));
    return { result, second, dir };
  }

  test("values and targets typed into PIAO Indicatori survive a re-run", async () => {
    let name: unknown;
    const { second } = await rerun(({ ws, col, rows }) => {
      const row = rows((r) => ws.getCell(r, col("Fattore")).value === null)[0];
      expect(row).toBeGreaterThan(0);
      name = ws.getCell(row, col("Indicatore")).value;
      ws.getCell(row, col("2023")).value = 41.5;
      ws.getCell(row, col("2024")).value = 43;
      ws.getCell(row, col("Target")).value = 50;
      ws.getCell(row, col("Anno target")).value = 2025;
    });
    const { ws, col, named } = await indicators(second);
    const found = named(name);
    expect(found).toHaveLength(1);
    expect([2023, 2024].map((y) => ws.getCell(found[0], col(String(y))).value)).toEqual([41.5, 43]);
    expect(ws.getCell(found[0], col("Target")).value).toBe(50);
    expect(ws.getCell(found[0], col("Anno target")).value).toBe(2025);
  });

  test("numerators and denominators typed for a ratio indicator survive a re-run", async () => {
    let name: unknown;
    const { second } = await rerun(({ ws, col, rows }) => {
      expect(col("Numeratore 2023")).toBeGreaterThan(0);
      const row = rows((r) => typeof ws.getCell(r, col("Fattore")).value === "number")[0];
      expect(row).toBeGreaterThan(0);
      name = ws.getCell(row, col("Indicatore")).value;
      ws.getCell(row, col("Numeratore 2023")).value = 120;
      ws.getCell(row, col("Denominatore 2023")).value = 300;
    });
    const { ws, col, named } = await indicators(second);
    const found = named(name);
    expect(found).toHaveLength(1);
    expect(ws.getCell(found[0], col("Numeratore 2023")).value).toBe(120);
    expect(ws.getCell(found[0], col("Denominatore 2023")).value).toBe(300);
    // The year's value is still the ratio formula over those inputs.
    expect(ws.getCell(found[0], col("2023")).formula).toMatch(/\//);
  });

  test("an indicator with typed data whose source disappears goes to PIAO Archivio, and stays there", async () => {
    let name: unknown;
    const { result, second, dir } = await rerun(({ wb, ws, col, rows }) => {
      const row = rows((r) => ws.getCell(r, col("Fattore")).value === null)[0];
      name = ws.getCell(row, col("Indicatore")).value;
      ws.getCell(row, col("2024")).value = 12.5;
      // The strategic objectives disappear from the source workbook.
      wb.removeWorksheet(wb.getWorksheet("Obiettivi strategici")!.id);
    });
    expect(result.archived).toBe(1);
    const third = path.join(dir, "third.xlsx");
    await convertFile(second, written.file(third));
    for (const file of [second, third]) {
      const archive = table((await open(file)).getWorksheet(SHEETS.archive)!);
      expect(archive.rows).toHaveLength(1);
      expect(archive.rows[0]["Indicatore"]).toBe(name);
      expect(archive.rows[0]["2024"]).toBe(12.5);
    }
  });
});

written.test(8);
