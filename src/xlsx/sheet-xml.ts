/**
 * A generated sheet as SpreadsheetML (CT_Worksheet, ECMA-376 part 1 §18.3), written directly from its
 * SheetPlan: cells with inline strings, formats from the StyleBook, widths, frozen panes, merges,
 * protection, conditional formats, data validations (one rule per cell), tables and the drawing reference.
 * No PIAO knowledge here: only the plan's elements.
 */
import {
  cellAddress,
  columnLetters,
  parseCell,
  parseRange,
  rangeAddress,
  type RangeRef,
} from "../engine/core/address";
import {
  isFormula,
  type CellStyle,
  type DefinedNamePlan,
  type FormulaValue,
  type PlanValue,
  type SheetPlan,
  type TablePlan,
} from "../engine/core/plan";
import { formulaText, sharedRuns, type SharedRole } from "./shared-formulas";
import { pushTo } from "../engine/core/multimap";
import type { CellFormat, StyleBook } from "./styles";
import { encodeXstring, escapeAttr, escapeText, Utf8Builder } from "./xml";

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

/** Style semantics of both adapters: each group (font, fill, alignment) is replaced when given. */
function withStyle(f: CellFormat, s: CellStyle): CellFormat {
  const out = { ...f };
  if (s.bold || s.italic || s.underline || s.fontColor || s.size)
    out.font = {
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.underline ? { underline: true } : {}),
      ...(s.size ? { size: s.size } : {}),
      ...(s.fontColor ? { color: s.fontColor } : {}),
    };
  if (s.fill) out.fill = s.fill;
  if (s.wrap) out.wrap = true;
  if (s.align) out.align = s.align;
  if (s.borderBottom) out.borderBottom = s.borderBottom;
  return out;
}

/**
 * Formats derived from formats, made once: a cell's format is one shared object, and applying the same
 * step (a number format, a plan style, unlocking) to the same format gives the same object, so that a
 * sheet of many cells holds a handful of formats.
 */
class Formats {
  readonly none: CellFormat = {};
  private readonly derived = new Map<CellFormat, Map<unknown, CellFormat>>();

  private derive(f: CellFormat, key: unknown, make: () => CellFormat): CellFormat {
    let m = this.derived.get(f);
    if (!m) this.derived.set(f, (m = new Map()));
    let d = m.get(key);
    if (!d) m.set(key, (d = make()));
    return d;
  }

  numFmt = (f: CellFormat, code: string) => this.derive(f, `numFmt:${code}`, () => ({ ...f, numFmt: code }));
  style = (f: CellFormat, s: CellStyle) => this.derive(f, s, () => withStyle(f, s));
  unlocked = (f: CellFormat) => this.derive(f, "unlocked", () => ({ ...f, unlocked: true }));
}

/**
 * One row of the sheet: values and formats by 0-based column, with the plan's values and formats applied in
 * plan order. Sparse arrays (iterating visits the cells in order, skipping the holes), two per row rather than
 * an object per cell: a 10,000-row table made 400,000 objects that lived as long as the sheet's writing.
 * A cell exists where `f` has an entry; its value is `v`'s entry, or null.
 */
interface GridRow {
  v: PlanValue[];
  f: CellFormat[];
}
type Grid = GridRow[];

function layoutCells(sp: SheetPlan): Grid {
  const formats = new Formats();
  const rows: Grid = [];
  const rowAt = (r: number): GridRow => (rows[r] ??= { v: [], f: [] });
  for (const block of sp.blocks) {
    const at = parseCell(block.at);
    // The format each of the block's columns gave last, and to which format: a column's cells mostly share one.
    const from: (CellFormat | undefined)[] = [];
    const to: CellFormat[] = [];
    block.rows.forEach((values, i) => {
      const row = rowAt(at.row + i);
      values.forEach((v, j) => {
        const c = at.col + j;
        row.v[c] = v;
        const f = row.f[c] ?? formats.none;
        if (f !== from[j]) {
          let g = f;
          const nf = block.columnFormats?.[j];
          if (nf) g = formats.numFmt(g, nf);
          if (block.style) g = formats.style(g, block.style);
          from[j] = f;
          to[j] = g;
        }
        row.f[c] = to[j];
      });
    });
  }
  const eachCell = (range: string, change: (f: CellFormat) => CellFormat) => {
    const r = parseRange(range);
    // A range's cells mostly share one format: the last one changed is remembered.
    let from: CellFormat | undefined;
    let to = formats.none;
    for (let rr = r.top; rr <= r.bottom; rr++) {
      const row = rowAt(rr);
      for (let c = r.left; c <= r.right; c++) {
        const f = row.f[c] ?? formats.none;
        if (f !== from) [from, to] = [f, change(f)];
        row.f[c] = to;
      }
    }
  };
  for (const { range, style } of sp.rangeStyles) eachCell(range, (f) => formats.style(f, style));
  for (const range of sp.protection?.unlocked ?? []) eachCell(range, (f) => formats.unlocked(f));
  return rows;
}

/** ` s="12"` by format index, made once: every cell with a format writes one. */
const S_ATTRS: string[] = [];

/** A cell element; `s`: its format's index in the StyleBook. */
function cellXml(ref: string, v: PlanValue, s: number, shared: SharedRole | undefined): string {
  const sAttr = s ? (S_ATTRS[s] ??= ` s="${s}"`) : "";
  // An empty cell without a format says nothing: not written.
  if (v === null || v === "" || (typeof v === "number" && !Number.isFinite(v)))
    return s ? `<c r="${ref}"${sAttr}/>` : "";
  if (isFormula(v)) {
    if (shared && "ref" in shared)
      return `<c r="${ref}"${sAttr}><f t="shared" ref="${shared.ref}" si="${shared.si}">${escapeText(formulaText(v))}</f></c>`;
    if (shared) return `<c r="${ref}"${sAttr}><f t="shared" si="${shared.si}"/></c>`;
    return `<c r="${ref}"${sAttr}><f>${escapeText(formulaText(v))}</f></c>`;
  }
  if (typeof v === "number") return `<c r="${ref}"${sAttr}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (!SPECIAL_TEXT.test(v)) return `<c r="${ref}"${sAttr} t="inlineStr"><is><t>${v}</t></is></c>`;
  const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${sAttr} t="inlineStr"><is><t${space}>${escapeText(encodeXstring(v))}</t></is></c>`;
}

/**
 * What a cell's text may need written otherwise: a control character, markup, an `_` (of `_xHHHH_`), a
 * surrogate or a non-character, spaces at its ends. Most texts have none and are written as they are.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const SPECIAL_TEXT = /[\u0000-\u001F&<>_\uD800-\uDFFF\uFFFE\uFFFF]|^\s|\s$/;

/** `a` minus `b`: up to four rectangles. */
function subtract(a: RangeRef, b: RangeRef): RangeRef[] {
  if (b.left > a.right || b.right < a.left || b.top > a.bottom || b.bottom < a.top) return [a];
  const out: RangeRef[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

/**
 * Data validations as Excel keeps them: a later rule replaces an earlier one on the cells they share
 * (as setting a range's validation does in Excel), so every cell has one rule.
 */
function validationsXml(sp: SheetPlan): string {
  const areas = sp.validations.map((v) => [parseRange(v.range)]);
  sp.validations.forEach((v, i) => {
    const r = parseRange(v.range);
    for (let j = 0; j < i; j++) areas[j] = areas[j].flatMap((a) => subtract(a, r));
  });
  const rules = sp.validations
    .map((v, i) => {
      if (areas[i].length === 0) return "";
      const sqref = areas[i].map((a) => rangeAddress(a)).join(" ");
      const attrs =
        (v.type === "list"
          ? ` type="list"`
          : ` type="${v.type}" operator="${v.max === undefined ? "greaterThanOrEqual" : "between"}"`) +
        (v.allowBlank ? ` allowBlank="1"` : "") +
        (v.prompt ? ` showInputMessage="1"` : "") +
        ` showErrorMessage="1"` +
        (v.error ? ` errorTitle="PIAO Sheets" error="${escapeAttr(v.error)}"` : "") +
        (v.prompt ? ` promptTitle="PIAO Sheets" prompt="${escapeAttr(v.prompt)}"` : "") +
        ` sqref="${sqref}"`;
      const formulas =
        v.type === "list"
          ? `<formula1>${escapeText(`"${v.values.join(",")}"`)}</formula1>`
          : `<formula1>${v.min}</formula1>` + (v.max === undefined ? "" : `<formula2>${v.max}</formula2>`);
      return `<dataValidation${attrs}>${formulas}</dataValidation>`;
    })
    .filter(Boolean);
  return rules.length ? `<dataValidations count="${rules.length}">${rules.join("")}</dataValidations>` : "";
}

/**
 * Internal links (ECMA-376 part 1, §18.3.1.47): `location` with no `r:id` and no relationship, so Excel
 * jumps inside the workbook instead of treating the target as a web or file address. The cell keeps its
 * text; `display` repeats it.
 */
function linksXml(sp: SheetPlan, rows: Grid): string {
  if (sp.links.length === 0) return "";
  const items = sp.links.map((l) => {
    const at = parseCell(l.cell);
    const v = rows[at.row]?.v[at.col];
    const display = typeof v === "string" ? v : l.target;
    return `<hyperlink ref="${l.cell}" location="${escapeAttr(l.target)}" display="${escapeAttr(display)}"/>`;
  });
  return `<hyperlinks>${items.join("")}</hyperlinks>`;
}

export interface SheetParts {
  /** Relationship ids of the sheet's tables, in plan order, and of its drawing. */
  tableRelIds: string[];
  drawingRelId?: string;
  /** The sheet the workbook opens on: its tab selected, A1 selected. */
  active?: boolean;
}

/** The worksheet part of a generated sheet. */
export function sheetXml(
  sp: SheetPlan,
  ns: { main: string; rel: string },
  styles: StyleBook,
  parts: SheetParts,
): Buffer {
  const rows = layoutCells(sp);
  const hidden = new Set(sp.hiddenRows ?? []);
  for (const r of hidden) rows[r] ??= { v: [], f: [] };
  let minCol = Infinity;
  let maxCol = -1;
  const filled: number[] = [];
  const letters: string[] = [];
  const heights = new Map(sp.rowHeights.map((h) => [h.row, h.height]));
  // Formula cells are numbered in the order the rows below visit them: small numbers are the quickest keys
  // (a cell's key, row × 16,384 + column, is no small integer from row 65,536 on).
  const formulaColumns = new Map<number, { row: number; value: FormulaValue; key: number }[]>();
  let numbered = 0;
  let cells = 0;
  rows.forEach((row, r) =>
    row.f.forEach((_, c) => {
      cells++;
      const v = row.v[c] ?? null;
      if (isFormula(v)) pushTo(formulaColumns, c, { row: r, value: v, key: numbered++ });
    }),
  );
  const body = new Utf8Builder(cells * 64);
  let visited = 0;
  const formatOf: CellFormat[] = [];
  const indexOf: number[] = [];
  // By the cells' numbers: an array, where a map of 60,000 entries grew and rehashed.
  const roles: SharedRole[] = [];
  sharedRuns(
    [...formulaColumns].map(([col, cells]) => ({ col, cells })),
    { set: (key: number, role: SharedRole) => (roles[key] = role) },
  );
  rows.forEach((row, r) => {
    const ht = heights.get(r);
    // CT_Row: hidden="1" keeps the row out of sight (ECMA-376 part 1, §18.3.1.73).
    const attrs = (ht ? ` ht="${ht}" customHeight="1"` : "") + (hidden.has(r) ? ` hidden="1"` : "");
    const rowNumber = String(r + 1);
    // One string per row: pushed, written out and gone.
    let line = "";
    let first = -1;
    let last = -1;
    row.f.forEach((f, c) => {
      if (first < 0) first = c;
      last = c;
      const v = row.v[c] ?? null;
      const role = isFormula(v) ? roles[visited++] : undefined;
      // A column's cells mostly share a format: its index is asked for only when the format changes.
      if (f !== formatOf[c]) [formatOf[c], indexOf[c]] = [f, styles.xf(f)];
      line += cellXml((letters[c] ??= columnLetters(c)) + rowNumber, v, indexOf[c], role);
    });
    if (first < 0 && !hidden.has(r)) return;
    if (first >= 0) {
      filled.push(r);
      minCol = Math.min(minCol, first);
      maxCol = Math.max(maxCol, last);
    }
    body.push(`<row r="${rowNumber}"${attrs}>${line}</row>`);
  });
  const dimension =
    filled.length > 0
      ? rangeAddress({
          top: filled[0],
          left: minCol,
          bottom: filled[filled.length - 1],
          right: maxCol,
        })
      : "A1";
  const fr = sp.frozen;
  const pane =
    fr && (fr.rows > 0 || fr.cols > 0)
      ? `<pane${fr.cols ? ` xSplit="${fr.cols}"` : ""}${fr.rows ? ` ySplit="${fr.rows}"` : ""}` +
        ` topLeftCell="${cellAddress(fr.rows, fr.cols)}"` +
        ` activePane="${fr.rows && fr.cols ? "bottomRight" : fr.rows ? "bottomLeft" : "topRight"}" state="frozen"/>`
      : "";
  const widths = [...sp.columnWidths].sort((a, b) => a.col - b.col);
  const cols = widths.length
    ? `<cols>${widths.map((w) => `<col min="${w.col + 1}" max="${w.col + 1}" width="${w.width}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const protection = sp.protection
    ? `<sheetProtection sheet="1" formatColumns="0" sort="0" autoFilter="0"/>`
    : "";
  const merges = sp.merges.length
    ? `<mergeCells count="${sp.merges.length}">${sp.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  const cfs = sp.conditionalFormats
    .map(
      (cf, i) =>
        `<conditionalFormatting sqref="${cf.range}"><cfRule type="expression" dxfId="${styles.dxf(cf.style)}" priority="${i + 1}">` +
        `<formula>${escapeText(cf.formula.replace(/^=/, ""))}</formula></cfRule></conditionalFormatting>`,
    )
    .join("");
  // CT_Worksheet sequence: sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData, sheetProtection,
  // mergeCells, conditionalFormatting, dataValidations, hyperlinks, pageMargins, drawing, tableParts.
  return body.bytes(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">` +
      (sp.tabColor ? `<sheetPr><tabColor rgb="${argb(sp.tabColor)}"/></sheetPr>` : "") +
      `<dimension ref="${dimension}"/>` +
      (parts.active
        ? `<sheetViews><sheetView tabSelected="1" workbookViewId="0">${pane}` +
          (pane ? "" : `<selection activeCell="A1" sqref="A1"/>`) +
          `</sheetView></sheetViews>`
        : `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`) +
      `<sheetFormatPr defaultRowHeight="15"/>` +
      cols +
      `<sheetData>`,
    `</sheetData>` +
      protection +
      merges +
      cfs +
      validationsXml(sp) +
      linksXml(sp, rows) +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      (parts.drawingRelId ? `<drawing r:id="${parts.drawingRelId}"/>` : "") +
      (parts.tableRelIds.length
        ? `<tableParts count="${parts.tableRelIds.length}">${parts.tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`
        : "") +
      "</worksheet>",
  );
}

/** Header text of a table column as Excel stores it in `tableColumn/@name` and in the header cell. */
function headerName(v: PlanValue | undefined, i: number): string {
  if (v === null || v === undefined || isFormula(v) || v === "") return `Colonna${i + 1}`;
  return String(v);
}

/** The header names of a table, read from the sheet's blocks. */
export function tableHeaders(sp: SheetPlan, t: TablePlan): string[] {
  const r = parseRange(t.ref);
  const names: string[] = [];
  for (let c = r.left; c <= r.right; c++) {
    let v: PlanValue | undefined;
    for (const b of sp.blocks) {
      const at = parseCell(b.at);
      const row = b.rows[r.top - at.row];
      if (row && c - at.col >= 0 && c - at.col < row.length) v = row[c - at.col];
    }
    names.push(headerName(v, c - r.left));
  }
  return names;
}

/** A table part (CT_Table). */
export function tableXml(t: TablePlan, id: number, headers: string[], main: string): string {
  const cols = headers
    .map((h, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(encodeXstring(h))}"/>`)
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="${main}" id="${id}" name="${escapeAttr(t.name)}" displayName="${escapeAttr(t.name)}" ref="${t.ref}" totalsRowShown="0">` +
    `<autoFilter ref="${t.ref}"/>` +
    `<tableColumns count="${headers.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}

/** `<definedName>` of one of the plan's names (hidden ones are the sheet markers). */
export function definedNameXml(q: string, n: DefinedNamePlan): string {
  const hidden = n.hidden ? ' hidden="1"' : "";
  return `<${q}definedName name="${escapeAttr(n.name)}"${hidden}>${escapeText(n.ref)}</${q}definedName>`;
}
