/**
 * The bulk of a worksheet (`<sheetData>`) and of the shared strings (`<sst>`) read straight from their text, when
 * they are written the plain way spreadsheet programs write them, about three times faster than through the
 * general reader's events (xml-reader.ts), which reads the rest of the part:
 * - rows: `<row …>`, then `<c …/>` or `<c …>` with at most a `<f>`, then a `<v>` or an inline string of one
 *   `<t>`;
 * - shared strings: `<si>` with one `<t>` each;
 * - attributes as `name="value"`; no rich text, carriage return, comment, processing instruction or namespace
 *   declaration. Most large workbooks are written so (Excel, LibreOffice, openpyxl).
 *
 * Anything else makes the scan give up: it returns false, possibly after handing over some cells, and the
 * caller reads the whole part again with the general reader, from a fresh start. That reader also judges what is
 * not well-formed, so the scan never decides that a part is damaged: it accepts only markup the general reader
 * reads without complaint, and hands over exactly the events that reader would (references expanded by the
 * same function, `expandEntities`).
 */
import { decodeXstring } from "./xml";
import { expandEntities, isSpace, parseXml, XmlError, type XmlHandler } from "./xml-reader";

/** Parts up to this size may be scanned whole as one string; larger ones are streamed. */
const SCAN_BYTES = 64 * 1024 * 1024;

/**
 * Reads `data` the quick way: the content of the element whose start tag `start` finds (unprefixed, so its
 * content is in its default namespace) up to `end`, by `scan`; the rest of the part by the general reader with
 * the handler `handler` makes, which calls `found` with the prefixes bound at that element when it meets it in
 * the main namespace. False when the part is not in that form: the caller reads it all with the general reader.
 */
export function scanPart(
  data: Buffer,
  part: string,
  start: RegExp,
  end: string,
  handler: (found: (bound: ReadonlyMap<string, string>) => void) => XmlHandler,
  scan: (text: string, from: number, to: number, bound: ReadonlyMap<string, string>) => boolean,
): boolean {
  // UTF-16 parts, and parts too large for one string, are streamed.
  if (data.length > SCAN_BYTES || (data[0] === 0xff && data[1] === 0xfe)) return false;
  const text = data.toString("utf8", data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0);
  const open = start.exec(text);
  const close = open ? text.indexOf(end, open.index) : -1;
  // Before the element, a comment or a processing instruction (other than the declaration) could hide its tag.
  if (!open || close < 0 || /<!|<\?/.test(text.slice(1, open.index))) return false;
  const from = open.index + open[0].length;
  let bound: ReadonlyMap<string, string> | undefined;
  try {
    parseXml(
      Buffer.from(text.slice(0, from) + text.slice(close), "utf8"),
      part,
      handler((b) => (bound = b)),
    );
  } catch (e) {
    if (e instanceof XmlError) return false;
    throw e;
  }
  return bound !== undefined && scan(text, from, close, bound);
}

/** What the sheet's reader does with rows and cells (read.ts `SheetCells`), whichever way they were scanned. */
export interface CellSink {
  /** A `<row>`, with its unprefixed `r` and `hidden` attributes. */
  row(r: string | undefined, hidden: string | undefined): void;
  /** A `<c>`, with its unprefixed `r`, `t` and `s` attributes. */
  cell(r: string | undefined, t: string | undefined, s: string | undefined): void;
  /** The cell's `<f>`: its `t`, `si` and `ref` attributes and its text. */
  formula(attrs: { t?: string; si?: string; ref?: string }, text: string): void;
  /** The text of the cell's `<v>`. */
  value(text: string): void;
  /** The text of the cell's inline string (`<is><t>…</t></is>`). */
  inline(text: string): void;
  /** The end of the cell. */
  endCell(): void;
}

/** What the simple form never holds: a body with one of these is left to the general reader. */
const REFUSED = ["\r", "<!", "<?", "xmlns"];

function refused(text: string, from: number, to: number): boolean {
  for (const r of REFUSED) {
    const at = text.indexOf(r, from);
    if (at >= 0 && at < to) return true;
  }
  return false;
}

/** Attribute names already seen to be plain XML names (ASCII, at most one prefix). */
const NAMES = new Set<string>();
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?$/;

class Scanner {
  // The current tag's attributes the sink needs, and whether it ended with `/>`.
  r: string | undefined;
  t: string | undefined;
  s: string | undefined;
  hidden: string | undefined;
  si: string | undefined;
  ref: string | undefined;
  empty = false;
  /** Names of the current tag's attributes, to refuse a repeated one. */
  private readonly seen: string[] = [];

  constructor(
    private readonly text: string,
    private readonly end: number,
    /** Prefixes bound at the element whose content is scanned (`<sheetData>`, `<sst>`). */
    private readonly bound: ReadonlyMap<string, string>,
  ) {}

  /** Index after the whitespace at `i`. */
  space(i: number): number {
    while (i < this.end && isSpace(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** Whether the start tag `<name` begins at `i` (the name followed by a space, `>` or `/`). */
  startTag(i: number, name: string): boolean {
    const after = this.text.charCodeAt(i + 1 + name.length);
    return (
      this.text.charCodeAt(i) === 60 &&
      this.text.startsWith(name, i + 1) &&
      (isSpace(after) || after === 62 || after === 47)
    );
  }

  /**
   * The attributes of the start tag whose name ends before `i`, up to its `>` or `/>`: the index after it, or
   * -1 for anything the simple form does not allow.
   */
  attributes(i: number): number {
    const s = this.text;
    this.r = this.t = this.s = this.hidden = this.si = this.ref = undefined;
    let count = 0;
    for (;;) {
      const before = i;
      i = this.space(i);
      if (i >= this.end) return -1;
      const c = s.charCodeAt(i);
      if (c === 62) {
        this.empty = false;
        return i + 1;
      }
      if (c === 47) {
        if (s.charCodeAt(i + 1) !== 62) return -1;
        this.empty = true;
        return i + 2;
      }
      if (i === before) return -1;
      const eq = s.indexOf("=", i);
      if (eq < 0 || eq >= this.end) return -1;
      const name = s.slice(i, eq);
      if (!NAMES.has(name)) {
        if (!NAME.test(name)) return -1;
        NAMES.add(name);
      }
      const colon = name.indexOf(":");
      if (colon >= 0 && name.slice(0, colon) !== "xml" && !this.bound.has(name.slice(0, colon))) return -1;
      for (let k = 0; k < count; k++) if (this.seen[k] === name) return -1;
      this.seen[count++] = name;
      const quote = s.charCodeAt(eq + 1);
      if (quote !== 34 && quote !== 39) return -1;
      const close = s.indexOf(quote === 34 ? '"' : "'", eq + 2);
      if (close < 0 || close >= this.end) return -1;
      // `<` is not allowed in a value; tabs and line feeds would be normalised to spaces: left to the reader.
      for (let k = eq + 2; k < close; k++) {
        const x = s.charCodeAt(k);
        if (x === 60 || x === 9 || x === 10) return -1;
      }
      const value = this.decoded(eq + 2, close);
      if (value === null) return -1;
      if (name === "r") this.r = value;
      else if (name === "t") this.t = value;
      else if (name === "s") this.s = value;
      else if (name === "hidden") this.hidden = value;
      else if (name === "si") this.si = value;
      else if (name === "ref") this.ref = value;
      i = close + 1;
    }
  }

  /** `text[from, to)` with its references expanded, or null for a reference the general reader refuses. */
  decoded(from: number, to: number): string | null {
    const raw = this.text.slice(from, to);
    if (!raw.includes("&")) return raw;
    try {
      return expandEntities(raw, () => {
        throw GIVE_UP;
      });
    } catch (e) {
      if (e === GIVE_UP) return null;
      throw e;
    }
  }

  /**
   * The text of the `<t>` element at `i` (`<t …>…</t>` or `<t …/>`), expanded (`after`: past it), or null: what
   * a string item and an inline string hold in the plain form.
   */
  oneText(i: number): string | null {
    if (!this.startTag(i, "t")) return null;
    i = this.attributes(i + 2);
    if (i < 0) return null;
    if (this.empty) {
      this.after = i;
      return "";
    }
    return this.content(i, "t");
  }

  /** Index after the end tag `content` (or `oneText`) read last. */
  after = 0;

  /** The text from `i` up to the end tag `</name>` that must follow it, expanded (`after`: past the tag), or null. */
  content(i: number, name: string): string | null {
    const lt = this.text.indexOf("<", i);
    if (lt < 0 || lt >= this.end || !this.text.startsWith(`</${name}>`, lt)) return null;
    this.after = lt + name.length + 3;
    return this.decoded(i, lt);
  }
}

/** Thrown by `expandEntities` through the scan's `fail`: the general reader will say what is wrong. */
const GIVE_UP = new Error("not the plain form");

/**
 * Scans `text[from, to)`, the content of a `<sheetData>` in the SpreadsheetML main namespace (unprefixed
 * elements, the default namespace that one), handing its rows and cells to `sink`. False: not the simple form.
 */
export function scanSheetData(
  text: string,
  from: number,
  to: number,
  bound: ReadonlyMap<string, string>,
  sink: CellSink,
): boolean {
  if (refused(text, from, to)) return false;
  const sc = new Scanner(text, to, bound);
  let i = sc.space(from);
  while (i < to) {
    if (!sc.startTag(i, "row")) return false;
    i = sc.attributes(i + 4);
    if (i < 0) return false;
    sink.row(sc.r, sc.hidden);
    if (!sc.empty)
      for (;;) {
        i = sc.space(i);
        if (text.startsWith("</row>", i)) {
          i += 6;
          break;
        }
        if (!sc.startTag(i, "c")) return false;
        i = sc.attributes(i + 2);
        if (i < 0) return false;
        sink.cell(sc.r, sc.t, sc.s);
        if (!sc.empty) {
          i = sc.space(i);
          if (sc.startTag(i, "f")) {
            i = sc.attributes(i + 2);
            if (i < 0) return false;
            const attrs = { t: sc.t, si: sc.si, ref: sc.ref };
            let formula = "";
            if (!sc.empty) {
              const got = sc.content(i, "f");
              if (got === null) return false;
              formula = got;
              i = sc.after;
            }
            sink.formula(attrs, formula);
            i = sc.space(i);
          }
          if (text.startsWith("<v>", i)) {
            const got = sc.content(i + 3, "v");
            if (got === null) return false;
            sink.value(got);
            i = sc.space(sc.after);
          } else if (text.startsWith("<is>", i)) {
            // One `<t>` and nothing else: rich text and phonetic runs are left to the general reader.
            const t = sc.oneText(sc.space(i + 4));
            if (t === null) return false;
            i = sc.space(sc.after);
            if (!text.startsWith("</is>", i)) return false;
            sink.inline(t);
            i = sc.space(i + 5);
          }
          if (!text.startsWith("</c>", i)) return false;
          i += 4;
        }
        sink.endCell();
      }
    i = sc.space(i);
  }
  return i === to;
}

/**
 * Scans `text[from, to)`, the content of an `<sst>` in the main namespace, pushing each `<si>`'s text (its one
 * `<t>`, `_xHHHH_` escapes decoded as the general reader's do) to `out`. False: not the plain form.
 */
export function scanSharedStrings(
  text: string,
  from: number,
  to: number,
  bound: ReadonlyMap<string, string>,
  out: string[],
): boolean {
  if (refused(text, from, to)) return false;
  const sc = new Scanner(text, to, bound);
  let i = sc.space(from);
  while (i < to) {
    if (!text.startsWith("<si>", i)) return false;
    const t = sc.oneText(sc.space(i + 4));
    if (t === null) return false;
    i = sc.space(sc.after);
    if (!text.startsWith("</si>", i)) return false;
    out.push(decodeXstring(t));
    i = sc.space(i + 5);
  }
  return i === to;
}
