/** Cell writing shared by the example's sheets. */
import type ExcelJS from "exceljs";

/** Multi-line texts wrap and sit at the top of their cell (one shared style object, as exceljs expects). */
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };

/** Write a value into a cell, wrapping multi-line texts; null, undefined and "" leave the cell empty. */
export function put(
  ws: ExcelJS.Worksheet,
  row: number,
  col: number,
  value: string | number | null | undefined,
): void {
  if (value === null || value === undefined || value === "") return;
  const cell = ws.getCell(row, col);
  cell.value = value;
  if (typeof value === "string" && value.includes("\n")) cell.alignment = WRAP;
}
