/**
 * Read an .xlsx/.xlsm package into engine sheet snapshots, straight from its XML (SAX, namespace-aware):
 * shared, inline and rich-text strings, formulas (shared formulas expanded), number formats, merges,
 * hidden rows, columns and sheets; dates as 1900-system serials whatever the workbook's date system.
 */
import { cellAddress, cellKey, parseRange, readCell } from "../engine/core/address";
import { shiftFormula } from "../engine/core/formula-shift";
import type { Scalar, SheetSnapshot } from "../engine/core/snapshot";
import { InputError, PACKAGE_MESSAGES as M } from "./errors";
import { isMain, relKind, type Package, type SheetEntry } from "./package";
import { decodeXstring, isTrue } from "./xml";
import { attr } from "./xml-reader";

/** Built-in number formats (ECMA-376 part 1 §18.8.30) that are not General. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Days between the 1900 and the 1904 date systems' day 0. */
const DAYS_1904 = 1462;

/** Whether a number format shows a date or time (its codes outside quotes, escapes and brackets). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  return /[dmyhs]/i.test(bare.replace(/General/gi, "").replace(/E[+-]/g, ""));
}

/** Text of the `<si>`/`<is>` strings: `<t>` directly inside or in rich-text runs, phonetic runs left out. */
class StringCollector {
  private depthInPhonetic = 0;
  private inT = false;
  text = "";

  open(local: string): void {
    if (local === "rPh") this.depthInPhonetic++;
    else if (local === "t" && this.depthInPhonetic === 0) this.inT = true;
  }

  close(local: string): void {
    if (local === "rPh") this.depthInPhonetic--;
    else if (local === "t") this.inT = false;
  }

  chars(t: string): void {
    if (this.inT) this.text += t;
  }

  take(): string {
    const s = decodeXstring(this.text);
    this.text = "";
    return s;
  }
}

function sharedStrings(pkg: Package, part: string | undefined): string[] {
  const out: string[] = [];
  if (!part) return out;
  const sc = new StringCollector();
  pkg.parse(part, {
    open(uri, local) {
      if (isMain(uri)) sc.open(local);
    },
    close(uri, local) {
      if (!isMain(uri)) return;
      if (local === "si") out.push(sc.take());
      else sc.close(local);
    },
    text: (t) => sc.chars(t),
  });
  return out;
}

/** Number format code of each cell style (`cellXfs` index), null for General. */
function cellFormats(pkg: Package, part: string | undefined): (string | null)[] {
  const custom = new Map<number, string>();
  const xfs: (string | null)[] = [];
  if (!part) return xfs;
  const ids: number[] = [];
  let inCellXfs = false;
  pkg.parse(part, {
    open(uri, local, a) {
      if (!isMain(uri)) return;
      if (local === "numFmt") custom.set(Number(attr(a, "numFmtId")), attr(a, "formatCode") ?? "");
      else if (local === "cellXfs") inCellXfs = true;
      else if (local === "xf" && inCellXfs) ids.push(Number(attr(a, "numFmtId") ?? 0));
    },
    close(uri, local) {
      if (isMain(uri) && local === "cellXfs") inCellXfs = false;
    },
  });
  for (const id of ids) {
    const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? null;
    xfs.push(code && code !== "General" ? code : null);
  }
  return xfs;
}

/** Serial day (1900 system) of an ISO 8601 date-time (`t="d"` cells). */
function isoToSerial(s: string): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(s) || !s.includes("T") ? s : s + "Z");
  return Number.isNaN(ms) ? null : ms / 86400000 + 25569;
}

interface Cell {
  r: number;
  c: number;
  v: Scalar;
  f: string | null;
  nf: string | null;
}

interface SheetContext {
  file: string;
  strings: string[];
  formats: (string | null)[];
  date1904: boolean;
  maxCells: number;
}

function readSheet(pkg: Package, sheet: SheetEntry, part: string, ctx: SheetContext): SheetSnapshot {
  const cells: Cell[] = [];
  const merges: string[] = [];
  const hiddenRowSet: number[] = [];
  const hiddenColRanges: [number, number][] = [];
  const shared = new Map<string, { f: string; r: number; c: number }>();
  const sc = new StringCollector();
  let row = -1;
  let col = -1;
  // The cell being read.
  let type = "n";
  let style = 0;
  let value = "";
  let inV = false;
  let inF = false;
  let inIs = false;
  let formula = "";
  let fAttrs: { t?: string; si?: string; ref?: string } = {};
  let hasF = false;
  pkg.tabSelected.set(part.toLowerCase(), false);

  pkg.parse(part, {
    open(uri, local, a) {
      if (!isMain(uri)) return;
      if (inIs) {
        sc.open(local);
        return;
      }
      switch (local) {
        case "row": {
          const r = attr(a, "r");
          row = r ? Number(r) - 1 : row + 1;
          col = -1;
          if (isTrue(attr(a, "hidden"))) hiddenRowSet.push(row);
          break;
        }
        case "c": {
          const ref = attr(a, "r");
          const at = ref ? readCell(ref) : null;
          if (at) {
            col = at.col;
            row = at.row;
          } else col++;
          type = attr(a, "t") ?? "n";
          style = Number(attr(a, "s") ?? 0);
          value = "";
          formula = "";
          hasF = false;
          break;
        }
        case "v":
          inV = true;
          break;
        case "f":
          inF = true;
          hasF = true;
          fAttrs = { t: attr(a, "t"), si: attr(a, "si"), ref: attr(a, "ref") };
          break;
        case "is":
          inIs = true;
          break;
        case "sheetView":
          if (isTrue(attr(a, "tabSelected"))) pkg.tabSelected.set(part.toLowerCase(), true);
          break;
        case "col":
          if (isTrue(attr(a, "hidden")))
            hiddenColRanges.push([Number(attr(a, "min")) - 1, Number(attr(a, "max") ?? attr(a, "min")) - 1]);
          break;
        case "mergeCell": {
          const ref = attr(a, "ref");
          if (ref) merges.push(ref);
          break;
        }
      }
    },
    close(uri, local) {
      if (!isMain(uri)) return;
      if (inIs) {
        if (local === "is") {
          inIs = false;
          value = sc.take();
        } else sc.close(local);
        return;
      }
      if (local === "v") inV = false;
      else if (local === "f") inF = false;
      else if (local === "c") {
        let f: string | null = null;
        if (hasF) {
          if (fAttrs.t === "shared" && fAttrs.si !== undefined) {
            const anchor = shared.get(fAttrs.si);
            if (formula.trim()) shared.set(fAttrs.si, { f: formula, r: row, c: col });
            else if (anchor) formula = shiftFormula(anchor.f, row - anchor.r, col - anchor.c);
          }
          if (formula.trim() && fAttrs.t !== "dataTable") f = "=" + formula;
        }
        const v = cellValue(type, value, style, ctx);
        if (v === null && f === null) return;
        cells.push({ r: row, c: col, v, f, nf: ctx.formats[style] ?? null });
        if (cells.length > ctx.maxCells)
          throw new InputError(ctx.file, M.tooManyCells(sheet.name, ctx.maxCells, cellAddress(row, col)));
      }
    },
    text(t) {
      if (inIs) sc.chars(t);
      else if (inV) value += t;
      else if (inF) formula += t;
    },
  });
  return snapshot(sheet, cells, merges, hiddenRowSet, hiddenColRanges);
}

function cellValue(type: string, raw: string, style: number, ctx: SheetContext): Scalar {
  switch (type) {
    case "s": {
      if (raw === "") return null;
      return ctx.strings[Number(raw)] ?? null;
    }
    case "inlineStr":
      return raw;
    case "str":
      return decodeXstring(raw);
    case "b":
      return raw === "" ? null : raw === "1" || raw === "true";
    case "e":
      return raw === "" ? null : raw;
    case "d":
      return raw === "" ? null : isoToSerial(raw);
    default: {
      if (raw.trim() === "") return null;
      const n = Number(raw);
      if (Number.isNaN(n)) return raw;
      const nf = ctx.formats[style];
      return ctx.date1904 && nf && isDateFormat(nf) ? n + DAYS_1904 : n;
    }
  }
}

function snapshot(
  sheet: SheetEntry,
  all: Cell[],
  merges: string[],
  hiddenRowSet: number[],
  hiddenColRanges: [number, number][],
): SheetSnapshot {
  // The non-anchor cells of a merged area show nothing in Excel: their leftover values are not read.
  // Each merge costs the smaller of its area and the number of cells.
  const dropped = new Set<number>();
  let byKey: Map<number, number> | undefined;
  for (const m of merges.map(parseRange)) {
    const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (area === 1) continue;
    if (area <= all.length) {
      byKey ??= new Map(all.map((cell, i) => [cellKey(cell.r, cell.c), i]));
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) {
          const i = byKey.get(cellKey(r, c));
          if (i !== undefined && (r !== m.top || c !== m.left)) dropped.add(i);
        }
    } else
      all.forEach(({ r, c }, i) => {
        if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left))
          dropped.add(i);
      });
  }
  const cells = dropped.size === 0 ? all : all.filter((_, i) => !dropped.has(i));
  const hidden = sheet.state !== "visible";
  if (cells.length === 0)
    return { name: sheet.name, top: 0, left: 0, values: [], merges, hiddenRows: [], hiddenCols: [], hidden };
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const { r, c } of cells) {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  const values: Scalar[][] = Array.from({ length: bottom - top + 1 }, () => []);
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  let anyFormula = false;
  let anyFormat = false;
  for (const { r, c, v, f, nf } of cells) {
    const rr = r - top;
    const cc = c - left;
    values[rr][cc] = v;
    if (f) {
      (formulas[rr] ??= [])[cc] = f;
      anyFormula = true;
    }
    if (nf) {
      (numberFormats[rr] ??= [])[cc] = nf;
      anyFormat = true;
    }
  }
  // Every row a real array of Scalars (JSON-friendly, same as Office.js).
  for (const row of values) for (let j = 0; j < row.length; j++) if (row[j] === undefined) row[j] = null;
  const dense = <T>(m: (T | null)[][]): (T | null)[][] =>
    values.map((_, i) => {
      const row = m[i] ?? [];
      return Array.from({ length: row.length }, (_, j) => row[j] ?? null);
    });
  const hiddenRows = [...new Set(hiddenRowSet)].filter((r) => r <= bottom).sort((a, b) => a - b);
  const hiddenCols: number[] = [];
  for (let c = 0; c <= right; c++) if (hiddenColRanges.some(([a, b]) => c >= a && c <= b)) hiddenCols.push(c);
  return {
    name: sheet.name,
    top,
    left,
    values,
    ...(anyFormula ? { formulas: dense(formulas) } : {}),
    ...(anyFormat ? { numberFormats: dense(numberFormats) } : {}),
    merges,
    hiddenRows,
    hiddenCols,
    hidden,
  };
}

/** Snapshots of the package's worksheets in tab order (chart sheets and other sheet kinds have no cells). */
export function readSnapshots(pkg: Package, skip?: (name: string) => boolean): SheetSnapshot[] {
  const wb = pkg.workbook();
  const targets = pkg.targets(wb.part);
  const find = (kind: string) => targets.find((t) => relKind(t.rel.type) === kind)?.part;
  const ctx: SheetContext = {
    file: pkg.file,
    strings: sharedStrings(pkg, find("sharedStrings")),
    formats: cellFormats(pkg, find("styles")),
    date1904: wb.date1904,
    maxCells: pkg.limits.cellsPerSheet,
  };
  const out: SheetSnapshot[] = [];
  for (const sheet of wb.sheets) {
    if (sheet.kind !== "worksheet" || skip?.(sheet.name)) continue;
    if (!sheet.part || !pkg.has(sheet.part)) throw new InputError(pkg.file, M.noSheetPart(sheet.name));
    out.push(readSheet(pkg, sheet, sheet.part, ctx));
  }
  return out;
}
