/**
 * Re-runs after edits a user makes in the generated sheets (issue 18, Re-runs): the converted workbook is
 * edited with exceljs, as a user's tool would, and converted again through the CLI's use case. Every value
 * or formula typed survives: in place when its key still exists, in `PIAO Archivio` otherwise.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { convertFile } from "../src/app/convert-file";
import { parseCell } from "../src/engine/core/address";
import { SCORING_NAMES, SHEETS, SPENDING_NAMES } from "../src/engine/core/contract";
import { loadPackage } from "../src/xlsx/file";
import { readWorkbookNames } from "../src/xlsx/read-names";
import { card, tmpDir, writeWorkbook, type TestCell } from "./helpers/workbooks";
import { WrittenWorkbooks } from "./helpers/validate";

const written = new WrittenWorkbooks();

async function open(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A generated table whose header is row `headerRow`: its rows by header, and a column's number. */
function table(ws: ExcelJS.Worksheet, headerRow = 1) {
  const header = (ws.getRow(headerRow).values as unknown[]).slice(1).map((v) => String(v ?? ""));
  const col = (h: string) => header.indexOf(h) + 1;
  const rows: number[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value !== null) rows.push(r);
  const values = (h: string) => rows.map((r) => ws.getCell(r, col(h)).value);
  return { header, col, rows, values };
}

/** Convert `sheets`, let `edit` change the result, save it, convert it again. */
async function rerun(sheets: { name: string; rows: TestCell[][] }[], edit: (wb: ExcelJS.Workbook) => void) {
  const dir = tmpDir();
  const first = path.join(dir, "first.xlsx");
  await convertFile(await writeWorkbook(sheets), first);
  const wb = await open(first);
  edit(wb);
  const edited = path.join(dir, "edited.xlsx");
  await wb.xlsx.writeFile(edited);
  const second = path.join(dir, "second.xlsx");
  const result = await convertFile(edited, written.file(second));
  return { result, wb: await open(second), second };
}

const unit = (cards: Parameters<typeof card>[0][]) => [
  { name: "Settore 1", rows: [["Settore: Settore 1 Finanze"], ...cards.flatMap((c) => card(c))] },
];

test("two objectives with the same code in one unit keep their own typed achievements", async () => {
  const sheets = unit([
    { code: "A.1", name: "Rendiconto", type: "I", weight: 50 },
    { code: "A.1", name: "Bilancio", type: "I", weight: 50 },
  ]);
  const { wb } = await rerun(sheets, (w) => {
    const ws = w.getWorksheet(SHEETS.objectives)!;
    const t = table(ws);
    expect(t.values("Codice")).toEqual(["A.1", "A.1"]);
    ws.getCell(t.rows[0], t.col("Raggiungimento 31/12")).value = 0.25;
    ws.getCell(t.rows[1], t.col("Raggiungimento 31/12")).value = 0.75;
  });
  const t = table(wb.getWorksheet(SHEETS.objectives)!);
  expect(t.values("Obiettivo")).toEqual(["Rendiconto", "Bilancio"]);
  expect(t.values("Raggiungimento 31/12")).toEqual([0.25, 0.75]);
});

test("a column the user adds to PIAO_Obiettivi keeps its values by key, and is archived with a vanished row", async () => {
  const cards = [
    { code: "A.1", name: "Rendiconto", type: "I", weight: 60 },
    { code: "A.2", name: "Bilancio", type: "I", weight: 40 },
  ];
  const { result, wb } = await rerun(unit(cards), (w) => {
    const ws = w.getWorksheet(SHEETS.objectives)!;
    const t = table(ws);
    const note = t.header.length + 1;
    ws.getCell(1, note).value = "Note";
    ws.getCell(t.rows[0], note).value = "verificato in giunta";
    ws.getCell(t.rows[1], note).value = "da rivedere";
    // The source loses A.1: its row, with the note, goes to the archive.
    const source = w.getWorksheet("Settore 1")!;
    source.eachRow((row) => {
      if (row.getCell(1).value === "A.1") row.getCell(1).value = "A.3";
    });
  });
  const t = table(wb.getWorksheet(SHEETS.objectives)!);
  expect(t.header).toContain("Note");
  expect(t.values("Codice")).toEqual(["A.3", "A.2"]);
  expect(t.values("Note")).toEqual([null, "da rivedere"]);
  expect(result.archived).toBe(1);
  const archive = table(wb.getWorksheet(SHEETS.archive)!);
  expect(archive.values("Codice")).toEqual(["A.1"]);
  expect(archive.values("Note")).toEqual(["verificato in giunta"]);
});

test("a formula typed in an input cell stays a formula, text stays text", async () => {
  const { wb } = await rerun(unit([{ code: "A.1", name: "Rendiconto", type: "I", weight: 100 }]), (w) => {
    const ws = w.getWorksheet(SHEETS.objectives)!;
    const t = table(ws);
    ws.getCell(t.rows[0], t.col("Raggiungimento 30/09")).value = "n.d.";
    ws.getCell(t.rows[0], t.col("Raggiungimento 31/12")).value = { formula: "0.5+0.2", result: 0.7 };
    ws.getCell(t.rows[0], t.col("Motivazione")).value = "=non una formula";
  });
  const ws = wb.getWorksheet(SHEETS.objectives)!;
  const t = table(ws);
  expect(ws.getCell(t.rows[0], t.col("Raggiungimento 31/12")).formula).toBe("0.5+0.2");
  expect(ws.getCell(t.rows[0], t.col("Raggiungimento 30/09")).value).toBe("n.d.");
  expect(ws.getCell(t.rows[0], t.col("Motivazione")).value).toBe("=non una formula");
});

test("a value typed over a formula of PIAO Obiettivi is archived with its row and named; the formula is back", async () => {
  const { result, wb } = await rerun(
    unit([{ code: "A.1", name: "Rendiconto", type: "I", weight: 100 }]),
    (w) => {
      const ws = w.getWorksheet(SHEETS.objectives)!;
      const t = table(ws);
      ws.getCell(t.rows[0], t.col("Punteggio 31/12")).value = 95;
    },
  );
  const ws = wb.getWorksheet(SHEETS.objectives)!;
  const t = table(ws);
  expect(ws.getCell(t.rows[0], t.col("Punteggio 31/12")).formula).toMatch(/^IF\(/);
  const warned = result.findings.filter((f) => f.code === "FORMULA_SOVRASCRITTA");
  expect(warned.map((f) => [f.severity, f.sheet, f.unit, f.message.it])).toEqual([
    [
      "warning",
      SHEETS.objectives,
      "Settore 1 Finanze",
      expect.stringMatching(
        /^PIAO_Obiettivi, riga Settore 1 Finanze A\.1: nella colonna Punteggio 31\/12 era scritto 95/,
      ),
    ],
  ]);
  expect(result.archived).toBe(1);
  const archive = table(wb.getWorksheet(SHEETS.archive)!);
  expect(archive.values("Codice")).toEqual(["A.1"]);
  expect(archive.values("Punteggio 31/12")).toEqual([95]);
});

test("Peso and Tipo edited in PIAO Obiettivi: the source wins, with a warning naming both values", async () => {
  const cards = [
    { code: "A.1", name: "Rendiconto", type: "I", weight: 60 },
    { code: "A.2", name: "Bilancio", type: "O", weight: 40 },
  ];
  const { result, wb } = await rerun(unit(cards), (w) => {
    const ws = w.getWorksheet(SHEETS.objectives)!;
    const t = table(ws);
    ws.getCell(t.rows[0], t.col("Peso")).value = 55;
    ws.getCell(t.rows[1], t.col("Tipo")).value = "UO";
  });
  const t = table(wb.getWorksheet(SHEETS.objectives)!);
  expect(t.values("Peso")).toEqual([60, 40]);
  expect(t.values("Tipo")).toEqual(["I", "O"]);
  const warned = result.findings.filter((f) => f.code === "MODIFICA_SOSTITUITA_DA_ORIGINE");
  expect(warned.map((f) => [f.severity, f.message.it])).toEqual([
    [
      "warning",
      expect.stringMatching(/A\.1: in PIAO Obiettivi Peso era 55, il foglio di origine indica 60: vale/),
    ],
    [
      "warning",
      expect.stringMatching(/A\.2: in PIAO Obiettivi Tipo era "UO", il foglio di origine indica "O": vale/),
    ],
  ]);
  expect(warned[0].message.en).toMatch(/Peso in PIAO Obiettivi was 55, the source sheet says 60: the source/);
});

describe("text and formulas typed in PIAO Indicatori", () => {
  const example = path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");
  let converted: string;
  beforeAll(async () => {
    converted = path.join(tmpDir(), "converted.xlsx");
    await convertFile(example, converted);
  }, 60000);

  /** Edit a copy of the converted example, convert it again; the indicators table's header is row 2. */
  async function rerunExample(edit: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, row: number) => void) {
    const dir = tmpDir();
    const wb = await open(converted);
    const ws = wb.getWorksheet(SHEETS.indicators)!;
    const t = table(ws, 2);
    // A plain (not ratio) indicator whose 2024 value and target the source leaves empty.
    const row = t.rows.find(
      (r) =>
        ws.getCell(r, t.col("Fattore")).value === null &&
        ws.getCell(r, t.col("2024")).value === null &&
        ws.getCell(r, t.col("Target")).value === null,
    )!;
    expect(row).toBeGreaterThan(0);
    const name = ws.getCell(row, t.col("Indicatore")).value;
    edit(wb, ws, row);
    const edited = path.join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const second = path.join(dir, "second.xlsx");
    const result = await convertFile(edited, written.file(second));
    return { result, name, wb2: await open(second) };
  }

  test("text typed in year and target cells stays text, a typed formula stays a formula", async () => {
    const { name, wb2 } = await rerunExample((_, ws, row) => {
      const t = table(ws, 2);
      ws.getCell(row, t.col("2024")).value = "n.d.";
      ws.getCell(row, t.col("Target")).value = "almeno 50";
      ws.getCell(row, t.col("2025")).value = { formula: "40+1.5", result: 41.5 };
    });
    const ws = wb2.getWorksheet(SHEETS.indicators)!;
    const t = table(ws, 2);
    const row = t.rows.find((r) => ws.getCell(r, t.col("Indicatore")).value === name)!;
    expect(ws.getCell(row, t.col("2024")).value).toBe("n.d.");
    expect(ws.getCell(row, t.col("Target")).value).toBe("almeno 50");
    expect(ws.getCell(row, t.col("2025")).formula).toBe("40+1.5");
  });

  test("a row holding only typed text is archived when its indicator disappears", async () => {
    const { result, name, wb2 } = await rerunExample((wb, ws, row) => {
      ws.getCell(row, table(ws, 2).col("2024")).value = "n.d.";
      wb.removeWorksheet(wb.getWorksheet("Obiettivi strategici")!.id);
    });
    expect(result.archived).toBe(1);
    const archive = table(wb2.getWorksheet(SHEETS.archive)!);
    expect(archive.values("Indicatore")).toEqual([name]);
    expect(archive.values("2024")).toEqual(["n.d."]);
  });
});

describe("inputs typed into named cells of PIAO Spesa personale and PIAO Parametri", () => {
  const example = path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");

  /** The cell a defined name of `file` points at: sheet, 1-based row and column (exceljs numbering). */
  function named(file: string, name: string) {
    const n = readWorkbookNames(loadPackage(file)).names.find((x) => x.name === name)!;
    const m = /^'?(.*?)'?!(\$?[A-Z]+\$?\d+)$/.exec(n.formula)!;
    const cell = parseCell(m[2]);
    return { sheet: m[1], row: cell.row + 1, col: cell.col + 1 };
  }

  test("are kept over the source or default, with a warning naming both values and the winner", async () => {
    const dir = tmpDir();
    const first = path.join(dir, "first.xlsx");
    await convertFile(example, first);
    const population = named(first, SPENDING_NAMES.population);
    const floor = named(first, SCORING_NAMES.floor);
    const wb = await open(first);
    const pop = wb.getWorksheet(population.sheet)!.getCell(population.row, population.col);
    const prefilled = pop.value;
    expect(typeof prefilled).toBe("number");
    pop.value = 12345;
    const fl = wb.getWorksheet(floor.sheet)!.getCell(floor.row, floor.col);
    const defaultFloor = fl.value;
    fl.value = { formula: "0.3+0.1", result: 0.4 };
    const edited = path.join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const second = path.join(dir, "second.xlsx");
    const result = await convertFile(edited, written.file(second));

    const wb2 = await open(second);
    const at = (n: { sheet: string; row: number; col: number }) =>
      wb2.getWorksheet(n.sheet)!.getCell(n.row, n.col);
    expect(at(named(second, SPENDING_NAMES.population)).value).toBe(12345);
    expect(at(named(second, SCORING_NAMES.floor)).formula).toBe("0.3+0.1");
    const kept = result.findings.filter((f) => f.code === "VALORE_UTENTE_MANTENUTO");
    expect(kept.map((f) => f.message.en).sort()).toEqual([
      expect.stringMatching(
        new RegExp(
          `^PIAO_Popolazione: the value typed in the generated sheet \\(12345\\) is kept instead of ${String(prefilled)} `,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^PIAO_SogliaMinimaRaggiungimento: the value typed .*\\("=0.3\\+0.1"\\) is kept instead of ${String(defaultFloor)} `,
        ),
      ),
    ]);
    expect(kept.every((f) => f.severity === "warning")).toBe(true);

    // Converting again without new edits keeps them still.
    const third = path.join(dir, "third.xlsx");
    await convertFile(second, written.file(third));
    const wb3 = await open(third);
    const p3 = named(third, SPENDING_NAMES.population);
    expect(wb3.getWorksheet(p3.sheet)!.getCell(p3.row, p3.col).value).toBe(12345);
  }, 60000);
});

written.test(6);
