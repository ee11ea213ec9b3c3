/** Loading a range's contents (values, formulas, number formats) and copying them into a Grid. */

import type { Scalar } from "../engine/core/snapshot";
import { jsonBytes } from "./payload";
import { AREA_PROPS, type Grid } from "./read-grid";

/**
 * Queues the loads of a range's contents. With `areasBase` (ExcelApi 1.9) only values come as a grid;
 * formulas (with their number formats) and the number formats of numeric constants come as areas of
 * special cells of `areasBase`. Without it, formulas and number formats come as whole grids.
 * The returned function copies the results into `grid` (the range's first row being `rowOffset` rows
 * below the grid's top) and returns the bytes received, for the slice-size estimate.
 */
export function queueContents(
  range: Excel.Range,
  areasBase: Excel.Range | null,
): (grid: Grid, rowOffset: number) => number {
  if (!areasBase) {
    range.load("values,formulas,numberFormat");
    return (grid, off) => {
      const values = range.values;
      const formulas = range.formulas;
      const formats = range.numberFormat;
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const nf = formats[i]?.[j];
          const f = formulas[i]?.[j];
          grid.values[off + i][j] = v === "" || v === undefined ? null : (v as Scalar);
          // A formula's text never equals its own result; text stored as text (a Text-formatted cell
          // or a quote prefix) comes back through `formulas` unchanged, so it is not taken as one.
          if (typeof f === "string" && f.startsWith("=") && f !== v && nf !== "@")
            grid.setFormula(grid.top + off + i, grid.left + j, f);
          grid.setFormat(grid.top + off + i, grid.left + j, nf);
        }),
      );
      return jsonBytes(values) + jsonBytes(formulas) + jsonBytes(formats);
    };
  }
  range.load("values");
  const fAreas = areasBase
    .getSpecialCellsOrNullObject("Formulas")
    .load(AREA_PROPS(["rowIndex", "columnIndex", "formulas", "numberFormat"]));
  const nAreas = areasBase
    .getSpecialCellsOrNullObject("Constants", "Numbers")
    .load(AREA_PROPS(["rowIndex", "columnIndex", "numberFormat"]));
  return (grid, off) => {
    const values = range.values;
    values.forEach((row, i) =>
      row.forEach((v, j) => (grid.values[off + i][j] = v === "" || v === undefined ? null : (v as Scalar))),
    );
    let bytes = jsonBytes(values);
    if (!fAreas.isNullObject) {
      for (const a of fAreas.areas.items) {
        a.formulas.forEach((row, i) =>
          row.forEach((f, j) => {
            if (typeof f === "string" && f.startsWith("="))
              grid.setFormula(a.rowIndex + i, a.columnIndex + j, f);
            grid.setFormat(a.rowIndex + i, a.columnIndex + j, a.numberFormat[i]?.[j]);
          }),
        );
        bytes += jsonBytes(a.formulas) + jsonBytes(a.numberFormat) + 40;
      }
    }
    if (!nAreas.isNullObject) {
      for (const a of nAreas.areas.items) {
        a.numberFormat.forEach((row, i) =>
          row.forEach((nf, j) => grid.setFormat(a.rowIndex + i, a.columnIndex + j, nf)),
        );
        bytes += jsonBytes(a.numberFormat) + 40;
      }
    }
    return bytes;
  };
}
