/**
 * Native internal hyperlinks of a sheet plan, as Office.js operations. No PIAO knowledge here.
 */

import { cellAddress, parseCell } from "../engine/core/address";
import { type LinkPlan, type SheetPlan, isFormula } from "../engine/core/plan";
import { pushTo } from "../engine/core/multimap";
import { OP_OVERHEAD_BYTES, jsonBytes } from "./payload";

/** Most cells one `setCellProperties` call links (a bounded request item). */
const LINKS_PER_CALL = 1000;

/** The text each linked cell shows: what the sheet's blocks write into it (the last block wins). */
function linkTexts(s: SheetPlan): Map<string, string> {
  // By row: each block looks at the links of its own rows, not at every link of the sheet.
  const byRow = new Map<number, { cell: string; col: number }[]>();
  for (const l of s.links) {
    const p = parseCell(l.cell);
    pushTo(byRow, p.row, { cell: l.cell, col: p.col });
  }
  const out = new Map<string, string>();
  for (const b of s.blocks) {
    const at = parseCell(b.at);
    b.rows.forEach((values, i) => {
      for (const { cell, col } of byRow.get(at.row + i) ?? []) {
        const v = values[col - at.col];
        if (v !== undefined && v !== null && !isFormula(v)) out.set(cell, String(v));
      }
    });
  }
  return out;
}

/**
 * Native internal hyperlinks: `documentReference` is the target, `textToDisplay` the text the block
 * wrote (so the cell keeps it). With ExcelApi 1.9 one `setCellProperties` call links a run of cells of
 * one column (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-setcellproperties-member(1));
 * on 1.7–1.8 each cell gets `range.hyperlink` (https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink).
 */
export function linkTasks(
  s: SheetPlan,
  op: (run: () => void, ops?: number) => void,
  ws: () => Excel.Worksheet,
  cellProperties: boolean,
): void {
  const texts = linkTexts(s);
  const link = (l: LinkPlan): Excel.RangeHyperlink => ({
    documentReference: l.target,
    textToDisplay: texts.get(l.cell) ?? l.target,
  });
  if (!cellProperties) {
    for (const l of s.links) op(() => (ws().getRange(l.cell).hyperlink = link(l)), 2);
    return;
  }
  const sorted = s.links
    .map((l) => ({ l, p: parseCell(l.cell) }))
    .sort((a, b) => a.p.col - b.p.col || a.p.row - b.p.row);
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (
      j < sorted.length &&
      j - i < LINKS_PER_CALL &&
      sorted[j].p.col === sorted[i].p.col &&
      sorted[j].p.row === sorted[j - 1].p.row + 1
    )
      j++;
    const run = sorted.slice(i, j);
    const props = run.map(({ l }) => [{ hyperlink: link(l) }]);
    const first = run[0].p;
    const address = `${cellAddress(first.row, first.col)}:${cellAddress(first.row + run.length - 1, first.col)}`;
    // `op` counts in operation allowances: the array's bytes, rounded up, plus the proxy and the call.
    op(
      () => ws().getRange(address).setCellProperties(props),
      Math.ceil(jsonBytes(props) / OP_OVERHEAD_BYTES) + 2,
    );
    i = j;
  }
}
