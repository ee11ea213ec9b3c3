/**
 * The generated sheets' cell formats, appended to the workbook's own `styles.xml` as text: existing number
 * formats, fonts, fills, cell formats and differential formats keep their indexes; an element identical to
 * one already there (for example from a previous run) is reused instead of appended again.
 */
import type { CellStyle } from "../engine/core/plan";
import { applyEdits, attrsOf, closeOf, escapeAttr, rootOf, scanTags, type Tag } from "./xml";

/** A generated cell's format, everything optional (absent: the workbook's default). */
export interface CellFormat {
  numFmt?: string;
  font?: { bold?: boolean; italic?: boolean; underline?: boolean; size?: number; color?: string };
  fill?: string;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  /** Colour of a thin bottom border. */
  borderBottom?: string;
  unlocked?: boolean;
}

/** CT_Stylesheet children, in schema order. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** Built-in number formats the generated sheets can use by id (ECMA-376 part 1 §18.8.30). */
const BUILTIN_IDS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

interface Collection {
  /** Raw XML of each child, for reuse by identity. */
  items: string[];
  added: string[];
}

export class StyleBook {
  private readonly tags: Tag[];
  private readonly q: string;
  private readonly collections = new Map<string, Collection>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmt = 164;
  private readonly baseFont: string;
  private readonly xfCache = new Map<string, number>();
  /** Formats are shared objects (sheet-xml.ts): most cells are found by identity. */
  private readonly xfByObject = new Map<CellFormat, number>();

  constructor(private readonly xml: string) {
    this.tags = scanTags(xml);
    const root = rootOf(this.tags, "styles.xml");
    this.q = root.prefix ? root.prefix + ":" : "";
    for (const name of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"]) {
      const items: string[] = [];
      const i = this.tags.findIndex((t) => t.depth === 1 && t.local === name && t.kind !== "close");
      if (i >= 0)
        for (let j = i + 1; j < this.tags.length && this.tags[j].depth > 1; j++) {
          const t = this.tags[j];
          if (t.depth !== 2 || t.kind === "close") continue;
          items.push(xml.slice(t.start, closeOf(this.tags, j).end));
          if (name === "numFmts") {
            const a = attrsOf(t);
            const id = Number(a.get("numFmtId"));
            this.numFmtIds.set(a.get("formatCode") ?? "", id);
            this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
          }
        }
      this.collections.set(name, { items, added: [] });
    }
    // New fonts keep the workbook's default typeface (font 0).
    const font0 = this.collections.get("fonts")!.items[0] ?? "";
    const name = /<(?:\w+:)?name\s+val="([^"]*)"/.exec(font0)?.[1] ?? "Calibri";
    const family = /<(?:\w+:)?family\s+val="([^"]*)"/.exec(font0)?.[1];
    const size = /<(?:\w+:)?sz\s+val="([^"]*)"/.exec(font0)?.[1] ?? "11";
    this.baseFont = `${size}|${name}|${family ?? ""}`;
  }

  private add(name: string, xml: string): number {
    const c = this.collections.get(name)!;
    const existing = c.items.indexOf(xml);
    if (existing >= 0) return existing;
    const added = c.added.indexOf(xml);
    if (added >= 0) return c.items.length + added;
    c.added.push(xml);
    return c.items.length + c.added.length - 1;
  }

  private numFmtId(code: string): number {
    if (Object.hasOwn(BUILTIN_IDS, code)) return BUILTIN_IDS[code];
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmtIds.set(code, id);
      this.add("numFmts", `<${this.q}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  }

  private fontXml(f: NonNullable<CellFormat["font"]>, dxf: boolean): string {
    const q = this.q;
    const [size, name, family] = this.baseFont.split("|");
    return (
      `<${q}font>` +
      (f.bold ? `<${q}b/>` : "") +
      (f.italic ? `<${q}i/>` : "") +
      // CT_Font: <u/> without val is a single underline (ECMA-376 part 1, §18.4.13).
      (f.underline ? `<${q}u/>` : "") +
      (f.color ? `<${q}color rgb="${argb(f.color)}"/>` : "") +
      (dxf ? "" : `<${q}sz val="${f.size ?? size}"/><${q}name val="${escapeAttr(name)}"/>`) +
      (dxf || !family ? "" : `<${q}family val="${family}"/>`) +
      `</${q}font>`
    );
  }

  /** Index of the cell format (`s` attribute) for `f`. */
  xf(f: CellFormat): number {
    const byObject = this.xfByObject.get(f);
    if (byObject !== undefined) return byObject;
    const key = JSON.stringify(f);
    const cached = this.xfCache.get(key);
    if (cached !== undefined) {
      this.xfByObject.set(f, cached);
      return cached;
    }
    const q = this.q;
    const numFmtId = f.numFmt ? this.numFmtId(f.numFmt) : 0;
    const fontId = f.font ? this.add("fonts", this.fontXml(f.font, false)) : 0;
    const fillId = f.fill
      ? this.add(
          "fills",
          `<${q}fill><${q}patternFill patternType="solid"><${q}fgColor rgb="${argb(f.fill)}"/>` +
            `<${q}bgColor indexed="64"/></${q}patternFill></${q}fill>`,
        )
      : 0;
    const borderId = f.borderBottom
      ? this.add(
          "borders",
          `<${q}border><${q}left/><${q}right/><${q}top/><${q}bottom style="thin">` +
            `<${q}color rgb="${argb(f.borderBottom)}"/></${q}bottom><${q}diagonal/></${q}border>`,
        )
      : 0;
    const aligned = f.wrap || f.align;
    const alignment = aligned
      ? `<${q}alignment${f.align ? ` horizontal="${f.align}"` : ""}${f.wrap ? ` wrapText="1"` : ""}/>`
      : "";
    const xml =
      `<${q}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ` applyNumberFormat="1"` : "") +
      (fontId ? ` applyFont="1"` : "") +
      (fillId ? ` applyFill="1"` : "") +
      (borderId ? ` applyBorder="1"` : "") +
      (aligned ? ` applyAlignment="1"` : "") +
      (f.unlocked ? ` applyProtection="1"` : "") +
      (aligned || f.unlocked
        ? `>${alignment}${f.unlocked ? `<${q}protection locked="0"/>` : ""}</${q}xf>`
        : "/>");
    const i = this.add("cellXfs", xml);
    this.xfCache.set(key, i);
    this.xfByObject.set(f, i);
    return i;
  }

  /** Index of the differential format of a conditional format. */
  dxf(s: CellStyle): number {
    const q = this.q;
    const font = s.bold || s.italic || s.underline || s.fontColor;
    return this.add(
      "dxfs",
      `<${q}dxf>` +
        (font
          ? this.fontXml({ bold: s.bold, italic: s.italic, underline: s.underline, color: s.fontColor }, true)
          : "") +
        (s.fill
          ? `<${q}fill><${q}patternFill patternType="solid"><${q}bgColor rgb="${argb(s.fill)}"/></${q}patternFill></${q}fill>`
          : "") +
        `</${q}dxf>`,
    );
  }

  /** The styles part with the new elements appended, or undefined when nothing was added. */
  result(): string | undefined {
    const edits: { start: number; end: number; text: string }[] = [];
    for (const [name, c] of this.collections) {
      if (c.added.length === 0) continue;
      const count = c.items.length + c.added.length;
      const i = this.tags.findIndex((t) => t.depth === 1 && t.local === name && t.kind !== "close");
      if (i >= 0) {
        const open = this.tags[i];
        const close = closeOf(this.tags, i);
        const raw = this.xml.slice(open.start, open.end);
        const counted = / count="\d*"/.test(raw)
          ? raw.replace(/ count="\d*"/, ` count="${count}"`)
          : raw.replace(/^<[\w:.-]+/, (m) => `${m} count="${count}"`);
        if (open.kind === "empty") {
          edits.push({
            start: open.start,
            end: open.end,
            text: `${counted.replace(/\s*\/>$/, ">")}${c.added.join("")}</${open.qname}>`,
          });
        } else {
          edits.push({ start: open.start, end: open.end, text: counted });
          edits.push({ start: close.start, end: close.start, text: c.added.join("") });
        }
      } else {
        const later = ORDER.slice(ORDER.indexOf(name) + 1);
        const next = this.tags.find((t) => t.depth === 1 && t.kind !== "close" && later.includes(t.local));
        const at = next ? next.start : this.tags.filter((t) => t.depth === 0 && t.kind === "close")[0].start;
        edits.push({
          start: at,
          end: at,
          text: `<${this.q}${name} count="${count}">${c.added.join("")}</${this.q}${name}>`,
        });
      }
    }
    return edits.length === 0 ? undefined : applyEdits(this.xml, edits);
  }
}
