/**
 * The form above the tables of `PIAO Spesa personale`: each line a label merged over A:C, the value in D
 * (the named cell), an explanation merged over E:L and an origin (or a verification mark) in M. The tables
 * below start in column A with widths fitted to their own content (core/columns `fitColumns`): the long
 * labels and explanations wrap over several table columns instead of widening one that a table shares.
 */
import { cellAddress } from "../core/address";
import type { CellStyle, PlanValue, SheetPlan } from "../core/plan";

/** 0-based columns of the form. */
export const FORM = { label: 0, labelEnd: 2, value: 3, explain: 4, explainEnd: 11, origin: 12 } as const;

/** Width of the value column, in characters: outcomes wrap in it. */
export const VALUE_WIDTH = 24;

/** A1 address of the value cell on 0-based row `r`. */
export const valueCell = (r: number) => cellAddress(r, FORM.value);

/** One line of the form as a block row (the cells under the merged areas stay empty). */
export function formRow(
  label: string,
  value: PlanValue,
  explain: string,
  origin: PlanValue = null,
): PlanValue[] {
  const row = Array<PlanValue>(FORM.origin + 1).fill(null);
  row[FORM.label] = label;
  row[FORM.value] = value;
  row[FORM.explain] = explain;
  row[FORM.origin] = origin;
  return row;
}

/** Column formats of a form line: only the value's. */
export function formFormats(value: string | null | undefined): (string | null)[] {
  const formats = Array<string | null>(FORM.origin + 1).fill(null);
  formats[FORM.value] = value ?? null;
  return formats;
}

/** Writes a line at 0-based row `r`. */
export function writeFormRow(
  sheet: SheetPlan,
  r: number,
  row: PlanValue[],
  opts: { format?: string | null; style?: CellStyle } = {},
): void {
  sheet.blocks.push({
    at: cellAddress(r, 0),
    rows: [row],
    ...(opts.format ? { columnFormats: formFormats(opts.format) } : {}),
    ...(opts.style ? { style: opts.style } : {}),
  });
}

/** Merges the label and explanation areas of form rows `top`..`bottom` (0-based) and wraps their text. */
export function formLayout(sheet: SheetPlan, top: number, bottom: number): void {
  for (let r = top; r <= bottom; r++)
    sheet.merges.push(
      `${cellAddress(r, FORM.label)}:${cellAddress(r, FORM.labelEnd)}`,
      `${cellAddress(r, FORM.explain)}:${cellAddress(r, FORM.explainEnd)}`,
    );
  for (const col of [FORM.label, FORM.explain])
    sheet.rangeStyles.push({
      range: `${cellAddress(top, col)}:${cellAddress(bottom, col)}`,
      style: { wrap: true },
    });
}
