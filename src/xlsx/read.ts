/**
 * Read an .xlsx/.xlsm package into engine sheet snapshots, straight from its XML (SAX, namespace-aware):
 * shared, inline and rich-text strings, formulas (shared formulas expanded), number formats, merges,
 * hidden rows, columns and sheets; dates as 1900-system serials whatever the workbook's date system.
 */
import { cellAddress, readCell } from "../engine/core/address";
import { shiftFormula } from "../engine/core/formula-shift";
import type { Scalar, SheetSnapshot } from "../engine/core/snapshot";
import { InputError, PACKAGE_MESSAGES as M } from "./errors";
import { isMain, relKind, type Package, type SheetEntry } from "./package";
import { scanPart, scanSharedStrings, scanSheetData, type CellSink } from "./quick-scan";
import { snapshot, type Cell } from "./sheet-snapshot";
import { decodeXstring, isTrue } from "./xml";
import { attr, type XmlHandler } from "./xml-reader";

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

/** The general reader's handler for the shared strings; `found`: as for `scanPart`, at `<sst>`. */
function sstHandler(out: string[], found?: (bound: ReadonlyMap<string, string>) => void): XmlHandler {
  const sc = new StringCollector();
  return {
    open(uri, local, a) {
      if (!isMain(uri)) return;
      if (local === "sst") found?.(a.bindings());
      sc.open(local);
    },
    close(uri, local) {
      if (!isMain(uri)) return;
      if (local === "si") out.push(sc.take());
      else sc.close(local);
    },
    text: (t) => sc.chars(t),
  };
}

function sharedStrings(pkg: Package, part: string | undefined, scan: boolean): string[] {
  const data = part === undefined ? undefined : pkg.read(part);
  if (part === undefined || data === undefined) return [];
  const out: string[] = [];
  if (
    scan &&
    scanPart(
      data,
      part,
      SST,
      "</sst>",
      (found) => sstHandler(out, found),
      (text, from, to, bound) => scanSharedStrings(text, from, to, bound, out),
    )
  )
    return out;
  out.length = 0;
  pkg.parseData(part, data, sstHandler(out));
  return out;
}
const SST = /<sst(?:\s[^<>]*)?>/;

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

interface SheetContext {
  file: string;
  strings: string[];
  formats: (string | null)[];
  date1904: boolean;
  maxCells: number;
  /** Whether plain `<sheetData>` and `<sst>` content may be scanned (quick-scan.ts); otherwise all is streamed. */
  scan: boolean;
}

/**
 * What reading a worksheet part collects: its cells (values, formulas with shared ones expanded, formats),
 * merges, hidden rows and columns. Rows and cells come from the general reader's events or from the plain
 * `<sheetData>` scan (quick-scan.ts), through the same methods.
 */
class SheetCells implements CellSink {
  readonly cells: Cell[] = [];
  readonly merges: string[] = [];
  readonly hiddenRows: number[] = [];
  readonly hiddenCols: [number, number][] = [];
  private readonly shared = new Map<string, { f: string; r: number; c: number }>();
  private r = -1;
  private c = -1;
  // The cell being read.
  private type = "n";
  private style = 0;
  text = "";
  formulaText = "";
  private fAttrs: { t?: string; si?: string; ref?: string } | null = null;

  constructor(
    private readonly sheet: SheetEntry,
    private readonly ctx: SheetContext,
  ) {}

  /** Whether a row or cell was read (the rest of a part being scanned must hold none). */
  touched = false;

  row(r: string | undefined, hidden: string | undefined): void {
    this.touched = true;
    this.r = r ? Number(r) - 1 : this.r + 1;
    this.c = -1;
    if (isTrue(hidden)) this.hiddenRows.push(this.r);
  }

  cell(ref: string | undefined, t: string | undefined, s: string | undefined): void {
    this.touched = true;
    const at = ref ? readCell(ref) : null;
    if (at) {
      this.c = at.col;
      this.r = at.row;
    } else this.c++;
    this.type = t ?? "n";
    this.style = Number(s ?? 0);
    this.text = "";
    this.formulaText = "";
    this.fAttrs = null;
  }

  value(text: string): void {
    this.text += text;
  }

  /** A `<f>` in the cell, with its attributes and its text (the general reader's events append the rest). */
  formula(attrs: { t?: string; si?: string; ref?: string }, text: string): void {
    this.fAttrs = attrs;
    this.formulaText = text;
  }

  inline(text: string): void {
    this.text = decodeXstring(text);
  }

  endCell(): void {
    const { r, c } = this;
    let f: string | null = null;
    const fa = this.fAttrs;
    if (fa) {
      if (fa.t === "shared" && fa.si !== undefined) {
        const anchor = this.shared.get(fa.si);
        if (this.formulaText.trim()) this.shared.set(fa.si, { f: this.formulaText, r, c });
        else if (anchor) this.formulaText = shiftFormula(anchor.f, r - anchor.r, c - anchor.c);
      }
      if (this.formulaText.trim() && fa.t !== "dataTable") f = "=" + this.formulaText;
    }
    const v = cellValue(this.type, this.text, this.style, this.ctx);
    if (v === null && f === null) return;
    this.cells.push({ r, c, v, f, nf: this.ctx.formats[this.style] ?? null });
    if (this.cells.length > this.ctx.maxCells)
      throw new InputError(
        this.ctx.file,
        M.tooManyCells(this.sheet.name, this.ctx.maxCells, cellAddress(r, c)),
      );
  }
}

/**
 * The general reader's handler for a worksheet part. `sheetData` is told where the `<sheetData>` element is,
 * with the prefixes bound there, when it is in the main namespace.
 */
function sheetHandler(
  pkg: Package,
  part: string,
  into: SheetCells,
  sheetData?: (bound: ReadonlyMap<string, string>) => void,
): XmlHandler {
  const sc = new StringCollector();
  let inV = false;
  let inF = false;
  let inIs = false;
  pkg.tabSelected.set(part.toLowerCase(), false);
  return {
    open(uri, local, a) {
      if (!isMain(uri)) return;
      if (inIs) {
        sc.open(local);
        return;
      }
      switch (local) {
        case "row":
          into.row(attr(a, "r"), attr(a, "hidden"));
          break;
        case "c":
          into.cell(attr(a, "r"), attr(a, "t"), attr(a, "s"));
          break;
        case "v":
          inV = true;
          break;
        case "f":
          inF = true;
          into.formula({ t: attr(a, "t"), si: attr(a, "si"), ref: attr(a, "ref") }, "");
          break;
        case "is":
          inIs = true;
          break;
        case "sheetData":
          sheetData?.(a.bindings());
          break;
        case "sheetView":
          if (isTrue(attr(a, "tabSelected"))) pkg.tabSelected.set(part.toLowerCase(), true);
          break;
        case "col":
          if (isTrue(attr(a, "hidden")))
            into.hiddenCols.push([Number(attr(a, "min")) - 1, Number(attr(a, "max") ?? attr(a, "min")) - 1]);
          break;
        case "mergeCell": {
          const ref = attr(a, "ref");
          if (ref) into.merges.push(ref);
          break;
        }
      }
    },
    close(uri, local) {
      if (!isMain(uri)) return;
      if (inIs) {
        if (local === "is") {
          inIs = false;
          into.text = sc.take();
        } else sc.close(local);
        return;
      }
      if (local === "v") inV = false;
      else if (local === "f") inF = false;
      else if (local === "c") into.endCell();
    },
    text(t) {
      if (inIs) sc.chars(t);
      else if (inV) into.value(t);
      else if (inF) into.formulaText += t;
    },
  };
}

/** The `<sheetData>` start tag, unprefixed (its rows are then in its default namespace). */
const SHEET_DATA = /<sheetData(?:\s[^<>]*)?>/;

function readSheet(pkg: Package, sheet: SheetEntry, part: string, ctx: SheetContext): SheetSnapshot {
  const data = pkg.read(part);
  if (data === undefined) throw new InputError(pkg.file, M.noSheetPart(sheet.name));
  let into = new SheetCells(sheet, ctx);
  const quick =
    ctx.scan &&
    scanPart(
      data,
      part,
      SHEET_DATA,
      "</sheetData>",
      (found) => sheetHandler(pkg, part, into, found),
      // Rows or cells outside `<sheetData>` (not valid SpreadsheetML) would be read in another order: streamed.
      (text, from, to, bound) => !into.touched && scanSheetData(text, from, to, bound, into),
    );
  if (!quick) {
    into = new SheetCells(sheet, ctx);
    pkg.parseData(part, data, sheetHandler(pkg, part, into));
  }
  return snapshot(sheet, into.cells, into.merges, into.hiddenRows, into.hiddenCols);
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

/** Snapshots of the package's worksheets in tab order (chart sheets and other sheet kinds have no cells). */
export function readSnapshots(
  pkg: Package,
  skip?: (name: string) => boolean,
  /** `scan: false`: every part through the general reader (the tests compare both ways). */
  opts: { scan?: boolean } = {},
): SheetSnapshot[] {
  const scan = opts.scan ?? true;
  const wb = pkg.workbook();
  const targets = pkg.targets(wb.part);
  const find = (kind: string) => targets.find((t) => relKind(t.rel.type) === kind)?.part;
  const ctx: SheetContext = {
    file: pkg.file,
    strings: sharedStrings(pkg, find("sharedStrings"), scan),
    formats: cellFormats(pkg, find("styles")),
    date1904: wb.date1904,
    maxCells: pkg.limits.cellsPerSheet,
    scan,
  };
  const out: SheetSnapshot[] = [];
  for (const sheet of wb.sheets) {
    if (sheet.kind !== "worksheet" || skip?.(sheet.name)) continue;
    if (!sheet.part || !pkg.has(sheet.part)) throw new InputError(pkg.file, M.noSheetPart(sheet.name));
    out.push(readSheet(pkg, sheet, sheet.part, ctx));
  }
  return out;
}
