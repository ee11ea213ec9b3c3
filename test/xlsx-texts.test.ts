/**
 * Texts of the generated sheets as the file writer stores them (inline strings): most are written as they
 * are, the others escaped as XML and ST_Xstring require. Every one reads back as the plan held it, by our
 * reader and by exceljs (an independent one), except the characters XML cannot carry at all.
 */
import ExcelJS from "exceljs";
import { emptySheet, type WorkbookPlan } from "../src/engine/core/plan";
import { Package } from "../src/xlsx/package";
import { readSnapshots } from "../src/xlsx/read";
import { writePlan } from "../src/xlsx/write";
import { WrittenWorkbooks } from "./helpers/validate";

const written = new WrittenWorkbooks();

/** Each text, and what a reader gets back (the same unless said). */
const TEXTS: [string, string?][] = [
  ["semplice"],
  ["Unità organizzativa – Settore 1"],
  [" spazio iniziale"],
  ["spazio finale "],
  ["no-break finale\u00a0"],
  ["\tdopo una tabulazione"],
  ["due\nrighe"],
  ["a capo\r\nWindows"],
  ["tabulazione\tinterna"],
  ["markup <b>&amp;</b> & < >"],
  ["snake_case e _x_"],
  // A text that looks like an ST_Xstring escape stays itself (its `_` is escaped in turn).
  ["letterale _x0041_ non una A"],
  ["controllo \u0001 e \u001f"],
  ["emoji 😀 fuori dal piano di base"],
  // A lone surrogate is not a character: XML cannot carry it, the writer drops it.
  ["surrogato \ud800solo", "surrogato solo"],
  ["non-carattere \uffff"],
];

async function source(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Dati").getCell("A1").value = "x";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function plan(): WorkbookPlan {
  return {
    sheets: [{ ...emptySheet("PIAO Testi"), blocks: [{ at: "B2", rows: TEXTS.map(([t]) => [t]) }] }],
    names: [],
  };
}

test("every text of a generated sheet reads back as written, by our reader and by exceljs", async () => {
  const out = written.bytes(writePlan(new Package("testi.xlsx", await source()), plan()));
  const expected = TEXTS.map(([t, back]) => back ?? t);

  const sheet = readSnapshots(new Package("out.xlsx", out)).find((s) => s.name === "PIAO Testi")!;
  expect(sheet.top).toBe(1);
  expect(sheet.values.map((row) => row[1 - sheet.left])).toEqual(expected);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("PIAO Testi")!;
  // exceljs does not decode ST_Xstring escapes: it gives them as stored.
  const escaped: Record<string, string> = {
    "a capo\r\nWindows": "a capo_x000D_\nWindows",
    "letterale _x0041_ non una A": "letterale _x005F_x0041_ non una A",
    "controllo \u0001 e \u001f": "controllo _x0001_ e _x001F_",
    "non-carattere \uffff": "non-carattere _xFFFF_",
  };
  expect(expected.map((_, i) => ws.getCell(i + 2, 2).value)).toEqual(expected.map((t) => escaped[t] ?? t));
});

written.test(1);
