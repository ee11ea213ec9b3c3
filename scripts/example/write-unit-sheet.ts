/**
 * One sheet per unit with its objective cards one under another, as someone would have pasted them from
 * the PDF: the Staff sheet keeps the logo cells and has its context labels in column C; the Settore sheets
 * start every card in column B.
 */
import type ExcelJS from "exceljs";
import { stripHtml } from "./lines";
import type { Card, Unit } from "./parse-cards";
import { type CardCounter, typeCell, weightCell } from "./weights";
import { put } from "./write-cells";

/** Column widths from the card's first column: code, name, type, weight, indicator. */
const CARD_WIDTHS = [12, 55, 14, 14, 70];
/** On the Staff sheet the context labels sit in C and their values in D. */
const STAFF_CONTEXT_WIDTHS = [38, 30, 14];

/** Write one card from row r; returns the first row after it (a blank row follows the status row). */
function writeCard(ws: ExcelJS.Worksheet, card: Card, c0: number, r: number, counter: CardCounter): number {
  const o = card.objective;
  if (!card.header || !o) throw new Error(`Card at line ${card.line} has no N. header or no objective row`);
  // Context rows: label in one column, value in the next (the Staff cards have the logo cells first).
  card.context.forEach((c, k) => {
    if (k === 0 && card.labelOffset > 0) {
      card.banner.forEach((b, j) => put(ws, r, c0 + j, stripHtml(b)));
    }
    put(ws, r, c0 + card.labelOffset, c.label);
    put(ws, r, c0 + card.labelOffset + 1, c.value);
    r++;
  });
  card.header.slice(0, 5).forEach((h, k) => put(ws, r, c0 + k, h));
  ws.getRow(r).font = { bold: true };
  r++;

  const weight = weightCell(counter, ws.name, o);
  [o.code, o.name, typeCell(o.type), weight, o.indicator].forEach((v, k) => put(ws, r, c0 + k, v));
  r++;

  put(ws, r, c0, card.actionsHeader ? card.actionsHeader[0] : "Anno");
  put(ws, r, c0 + 1, card.actionsHeader ? card.actionsHeader[1] : "Azioni");
  r++;
  for (const a of card.actions) {
    put(ws, r, c0, a.year);
    put(ws, r, c0 + 1, a.text);
    r++;
  }
  put(ws, r, c0, card.status ? card.status.text : "");
  return r + 2; // the status row, then a blank row
}

/**
 * Write the unit's sheet. Returns the number of cards written; `counter` numbers the cards across sheets
 * (text weights).
 */
export function addUnitSheet(wb: ExcelJS.Workbook, unit: Unit, counter: CardCounter): number {
  const ws = wb.addWorksheet(unit.sheetName ?? undefined);
  const c0 = unit.staff ? 1 : 2; // Settore sheets start in column B
  let r = 1;
  put(ws, r++, c0, unit.title);
  ws.getCell(1, c0).font = { bold: true };
  for (const h of unit.headings) put(ws, r++, c0, h);
  r++;

  for (const card of unit.cards) r = writeCard(ws, card, c0, r, counter);

  const widths = [...CARD_WIDTHS];
  const cols: Partial<ExcelJS.Column>[] = [];
  for (let k = 1; k < c0; k++) cols.push({ width: 4 });
  if (unit.staff) widths.splice(2, 3, ...STAFF_CONTEXT_WIDTHS);
  widths.forEach((w) => cols.push({ width: w }));
  ws.columns = cols;
  return unit.cards.length;
}
