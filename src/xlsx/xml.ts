/**
 * XML for the xlsx adapter: a small tag scanner for the few parts that are edited as text (so that
 * everything the edit does not touch stays as it was written), and escaping for the parts that are written.
 * Parts that are only read go through xml-reader.ts.
 */
import { XmlError } from "./xml-reader";

/** XML boolean (`1`, `true`). */
export const isTrue = (v: string | undefined) => v === "1" || v === "true";

// ---------------------------------------------------------------------------------------------------------
// Escaping

/** Characters to escape or drop, and surrogates to check: a text without any needs no escaping. */
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot carry
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escape element content; drops the characters XML 1.0 does not allow. */
export function escapeText(s: string): string {
  // Most texts need nothing: one scan instead of four replacements.
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** Escape an attribute value (always written in double quotes); line breaks kept as character references. */
export const escapeAttr = (s: string) =>
  !NEEDS_ESCAPE.test(s) && !/["\t\n\r]/.test(s)
    ? s
    : escapeText(s)
        .replace(/"/g, "&quot;")
        .replace(/\t/g, "&#9;")
        .replace(/\n/g, "&#10;")
        .replace(/\r/g, "&#13;");

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[e] as string;
  });
}

/**
 * ST_Xstring (ECMA-376 part 1 §22.9.2.19): characters XML cannot carry, and carriage returns (which an XML
 * parser turns into line feeds), are written `_xHHHH_`; a literal `_xHHHH_` in the text escapes its `_`.
 */
export function encodeXstring(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex -- these control characters are exactly what ST_Xstring escapes
    /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g,
    (c) => (c === "_" ? "_x005F_" : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`),
  );
}

export function decodeXstring(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

// ---------------------------------------------------------------------------------------------------------
// Text edits of a part

export interface Tag {
  kind: "open" | "close" | "empty";
  /** Qualified name as written, e.g. `x:sheets`. */
  qname: string;
  prefix: string;
  local: string;
  /** Raw attribute text (parse it with `attrsOf`). */
  rawAttrs: string;
  start: number;
  end: number;
  /** Depth of the element: 0 for the root element. */
  depth: number;
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

/** Every element tag of a document, in order, with its depth. */
export function scanTags(xml: string): Tag[] {
  const tags: Tag[] = [];
  let depth = 0;
  for (const m of xml.matchAll(TOKEN)) {
    if (m[2] === undefined) continue; // comment, processing instruction, CDATA, doctype
    const qname = m[2];
    const colon = qname.indexOf(":");
    const base = {
      qname,
      prefix: colon < 0 ? "" : qname.slice(0, colon),
      local: colon < 0 ? qname : qname.slice(colon + 1),
      rawAttrs: m[3] ?? "",
      start: m.index,
      end: m.index + m[0].length,
    };
    if (m[1] === "/") {
      depth--;
      tags.push({ ...base, kind: "close", depth });
    } else if (m[4] === "/") {
      tags.push({ ...base, kind: "empty", depth });
    } else {
      tags.push({ ...base, kind: "open", depth });
      depth++;
    }
  }
  return tags;
}

export function attrsOf(tag: Tag): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.rawAttrs.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/** The prefix `tag` binds to `uri` (`""` for a default namespace), or undefined. */
export function prefixFor(tag: Tag, uri: string): string | undefined {
  for (const [k, v] of attrsOf(tag)) {
    if (v !== uri) continue;
    if (k === "xmlns") return "";
    if (k.startsWith("xmlns:")) return k.slice(6);
  }
  return undefined;
}

export function rootOf(tags: Tag[], part: string): Tag {
  const root = tags.find((t) => t.depth === 0 && t.kind !== "close");
  if (!root) throw new XmlError(part, "nessun elemento radice");
  return root;
}

/** The closing tag of an element opened by `tags[i]` (or the element itself when it is empty). */
export function closeOf(tags: Tag[], i: number): Tag {
  const open = tags[i];
  if (open.kind === "empty") return open;
  for (let j = i + 1; j < tags.length; j++)
    if (tags[j].kind === "close" && tags[j].depth === open.depth) return tags[j];
  return open;
}

/** A list of replacements of [start, end) spans, applied from the end so that offsets stay valid. */
export function applyEdits(xml: string, edits: { start: number; end: number; text: string }[]): string {
  let out = xml;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * Text written as UTF-8 into one growing buffer as it comes: a sheet of 10,000 rows is never one string,
 * and the pieces pushed (a row each) are garbage at once instead of surviving, joined, until a flush. The
 * text is written after some room left at the start, where the head goes once it is known: the bytes are
 * then returned as they lie, not copied into a new buffer with the head and the tail.
 */
export class Utf8Builder {
  private static readonly HEADROOM = 1 << 14;
  private buf: Buffer;
  private length = Utf8Builder.HEADROOM;
  /** Text pushed but not yet written: a few rows are written at once (one native call per row was slower). */
  private pending = "";

  /** `size`: the bytes expected (an estimate: the buffer grows when it is not enough). */
  constructor(size = 0) {
    // Memory the text does not reach is never touched, so a generous estimate costs nothing.
    this.buf = Buffer.allocUnsafe(Utf8Builder.HEADROOM + Math.max(size, 1 << 16));
  }

  push(s: string): void {
    this.pending += s;
    if (this.pending.length >= 1 << 14) this.flush();
  }

  private flush(): void {
    const s = this.pending;
    this.pending = "";
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const need = this.length + s.length * 3;
    if (need > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
      this.buf.copy(bigger, 0, 0, this.length);
      this.buf = bigger;
    }
    this.length += this.buf.write(s, this.length);
  }

  /** The bytes of `head`, the text pushed, and `tail`. */
  bytes(head: string, tail: string): Buffer {
    this.push(tail);
    this.flush();
    const h = Buffer.from(head, "utf8");
    if (h.length > Utf8Builder.HEADROOM)
      return Buffer.concat([h, this.buf.subarray(Utf8Builder.HEADROOM, this.length)]);
    const start = Utf8Builder.HEADROOM - h.length;
    h.copy(this.buf, start);
    return this.buf.subarray(start, this.length);
  }
}
