/**
 * The example builder (scripts/build-example.ts) still writes the committed example: built in memory from
 * the reference text, the workbook is the same as examples/piao-massa-carrara-2023-2025.xlsx cell for cell
 * (values, formulas, types, number formats, fonts, alignment, merges, column widths, sheet names).
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { parseReference } from "../scripts/build-example";
import { compareWorkbooks, countCells } from "../scripts/compare-workbooks";
import { buildWorkbook } from "../scripts/example/write-workbook";

const ROOT = path.join(__dirname, "..");
const REF_TEXT = path.join(ROOT, "..", "shared", "reference", "piao-provincia-massa-carrara-2023-2025.txt");
const EXAMPLE = path.join(ROOT, "examples", "piao-massa-carrara-2023-2025.xlsx");

test("the builder rebuilds the committed example cell for cell", async () => {
  const { wb } = buildWorkbook(parseReference(fs.readFileSync(REF_TEXT, "utf8")));
  const built = new ExcelJS.Workbook();
  await built.xlsx.load(await wb.xlsx.writeBuffer());
  const committed = new ExcelJS.Workbook();
  await committed.xlsx.readFile(EXAMPLE);

  expect(built.worksheets.map((ws) => ws.name)).toEqual([
    "Obiettivi strategici",
    "Staff",
    "Settore 1",
    "Settore 2",
    "Settore 3",
    "Riepilogo",
    "Spesa personale",
  ]);
  expect(countCells(committed)).toBeGreaterThan(2000);
  expect(compareWorkbooks(built, committed)).toEqual([]);
  expect(compareWorkbooks(committed, built)).toEqual([]);
});
