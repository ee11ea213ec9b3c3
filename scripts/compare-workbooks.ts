/**
 * Compare two workbooks cell for cell: sheet names and order, every non-empty cell's value (formulas
 * included, as exceljs models them), type, number format, font and alignment, merged ranges and column
 * widths. Used by test/example-builder.test.ts; run by hand as
 *   npx tsc -p tsconfig.scripts.json && node build/scripts/compare-workbooks.js a.xlsx b.xlsx
 * (prints the differences, exit code 1 when there are any).
 */
import ExcelJS from "exceljs";

/** What is compared of one cell, serialised. */
function cellKey(cell: ExcelJS.Cell): string {
  return JSON.stringify({
    type: cell.type,
    value: cell.value,
    numFmt: cell.numFmt ?? null,
    font: cell.font ?? null,
    alignment: cell.alignment ?? null,
  });
}

function cellsOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const cells = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => cells.set(cell.address, cellKey(cell)));
  });
  return cells;
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  return [...ws.model.merges].sort();
}

function widthsOf(ws: ExcelJS.Worksheet): (number | null)[] {
  return (ws.columns ?? []).map((c) => c.width ?? null);
}

function compareSheets(a: ExcelJS.Worksheet, b: ExcelJS.Worksheet, out: string[]): void {
  const ca = cellsOf(a);
  const cb = cellsOf(b);
  for (const address of new Set([...ca.keys(), ...cb.keys()])) {
    const x = ca.get(address);
    const y = cb.get(address);
    if (x !== y) out.push(`${a.name}!${address}: ${x ?? "(empty)"} ≠ ${y ?? "(empty)"}`);
  }
  const [ma, mb] = [mergesOf(a), mergesOf(b)];
  if (ma.join() !== mb.join()) out.push(`${a.name}: merges ${ma.join(" ")} ≠ ${mb.join(" ")}`);
  const [wa, wb] = [widthsOf(a), widthsOf(b)];
  if (wa.join() !== wb.join()) out.push(`${a.name}: column widths ${wa.join(",")} ≠ ${wb.join(",")}`);
}

/** The differences between two workbooks, one line each; empty when they are the same cell for cell. */
export function compareWorkbooks(a: ExcelJS.Workbook, b: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  const names = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => ws.name);
  if (names(a).join("|") !== names(b).join("|")) {
    out.push(`sheets ${names(a).join(", ")} ≠ ${names(b).join(", ")}`);
  }
  for (const ws of a.worksheets) {
    const other = b.getWorksheet(ws.name);
    if (other) compareSheets(ws, other, out);
  }
  return out;
}

/** Cells compared in total (non-empty cells of the first workbook), for the caller's report. */
export function countCells(wb: ExcelJS.Workbook): number {
  return wb.worksheets.reduce((n, ws) => n + cellsOf(ws).size, 0);
}

async function main(): Promise<void> {
  const [fileA, fileB] = process.argv.slice(2);
  if (!fileA || !fileB) {
    console.error("Usage: node build/scripts/compare-workbooks.js a.xlsx b.xlsx");
    process.exit(2);
  }
  const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
  await a.xlsx.readFile(fileA);
  await b.xlsx.readFile(fileB);
  const diffs = compareWorkbooks(a, b);
  for (const d of diffs) console.log(d);
  console.log(
    diffs.length
      ? `${diffs.length} differences`
      : `Same cell for cell: ${a.worksheets.length} sheets, ${countCells(a)} non-empty cells`,
  );
  process.exit(diffs.length ? 1 : 0);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
