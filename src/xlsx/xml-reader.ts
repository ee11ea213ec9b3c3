/**
 * The reader of the package's XML parts: a streaming, namespace-aware scanner made for this adapter. A
 * general SAX parser (saxes, used before) took two thirds of the reading time building, for every tag,
 * attribute records and positions the handlers never look at; this one hands over the qualified names and
 * values as written and resolves a prefix only when asked.
 *
 * It refuses what is not well-formed namespace XML (Namespaces in XML 1.0), as a conforming parser must:
 * unbalanced or mismatched tags, text or a second element outside the root, malformed or repeated
 * attributes, `<` in an attribute value, unknown entities, character references to characters XML cannot
 * carry, unbound prefixes, names that are not XML names, unterminated markup. It normalises line ends and
 * attribute values as XML 1.0 (§2.11, §3.3.3) requires. A DOCTYPE is skipped: its entities are not
 * declared for the document, so a reference to one is an unknown entity (no entity expansion, no bombs).
 */
import { StringDecoder } from "string_decoder";

export interface XmlHandler {
  /** `attrs` is valid during the call only. */
  open(uri: string, local: string, attrs: Attrs): void;
  close?(uri: string, local: string): void;
  /** Character data, possibly in several pieces for one run of text. */
  text?(t: string): void;
}

/** A part that is not well-formed XML. */
export class XmlError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string,
  ) {
    super(`${part}: ${detail}`);
  }
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";
/** The attributes of an element without any (most of a sheet's `<v>`, `<is>`, `<t>`). */
const NONE: readonly string[] = Object.freeze([]);

/**
 * An element's attributes as written (namespace declarations left out), with the namespaces in scope. The
 * reader hands the same object to every `open`, filled for the element: valid during the call only.
 */
export class Attrs {
  names: readonly string[] = NONE;
  values: readonly string[] = NONE;

  constructor(private readonly scope: ReadonlyMap<string, string>) {}

  uriOf(prefix: string): string | undefined {
    return prefix === "xml" ? XML_NS : this.scope.get(prefix);
  }

  /** A copy of the prefixes bound where the element is (`""`: the default namespace). */
  bindings(): ReadonlyMap<string, string> {
    return new Map(this.scope);
  }
}

/** Value of the attribute `local` in no namespace (an unprefixed attribute), or undefined. */
export function attr(a: Attrs, local: string): string | undefined {
  const i = a.names.indexOf(local);
  return i < 0 ? undefined : a.values[i];
}

/** Value of the attribute `local` in one of `uris`, whatever its prefix. */
export function nsAttr(a: Attrs, uris: readonly string[], local: string): string | undefined {
  for (let i = 0; i < a.names.length; i++) {
    const name = a.names[i];
    const colon = name.indexOf(":");
    if (colon < 0 || name.slice(colon + 1) !== local) continue;
    const uri = a.uriOf(name.slice(0, colon));
    if (uri !== undefined && uris.includes(uri)) return a.values[i];
  }
  return undefined;
}

const CHUNK = 1 << 20;

/**
 * Feed a part to `h`, in chunks of `chunkBytes` (the part's text is never held whole; tests pass small ones
 * to cut markup, entities and characters anywhere). UTF-8, or UTF-16 with a BOM.
 */
export function parseXml(data: Buffer, part: string, h: XmlHandler, chunkBytes = CHUNK): void {
  let start = 0;
  let encoding: "utf8" | "utf16le" = "utf8";
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) start = 3;
  else if (data[0] === 0xff && data[1] === 0xfe) [start, encoding] = [2, "utf16le"];
  const decoder = new StringDecoder(encoding);
  const reader = new Reader(part, h);
  for (let i = start; i < data.length; i += chunkBytes)
    reader.feed(decoder.write(data.subarray(i, Math.min(data.length, i + chunkBytes))), false);
  reader.feed(decoder.end(), true);
}

// XML 1.0 (fifth edition) §2.3 NameStartChar and NameChar, without the colon (a separator in namespaces).
const START =
  "A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D" +
  "\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}";
const NCNAME = `[${START}][${START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*`;
// eslint-disable-next-line no-misleading-character-class -- combining marks are NameChars (§2.3) on purpose
const QNAME = new RegExp(`^(?:${NCNAME}:)?${NCNAME}$`, "u");

/** XML white space (§2.3 S). */
export const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** A code point XML 1.0 can carry (§2.2). */
const isXmlChar = (cp: number) =>
  cp === 9 ||
  cp === 10 ||
  cp === 13 ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff);

const PREDEFINED = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);

/**
 * `t` with its entity and character references replaced (the five predefined entities, `&#…;`, `&#x…;`);
 * `fail` is called with what is wrong with a reference XML does not allow.
 */
export function expandEntities(t: string, fail: (detail: string) => never): string {
  return t.replace(/&([^;&]*)(;?)/g, (_, body: string, semi: string) => {
    if (!semi) fail("riferimento a entità senza ';'");
    const named = PREDEFINED.get(body);
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(body);
    if (!m) fail(`entità sconosciuta &${body};`);
    const cp = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    if (!isXmlChar(cp)) fail(`riferimento a un carattere non ammesso (&${body};)`);
    return String.fromCodePoint(cp);
  });
}

/** Namespace bindings an element replaced: prefix and the previous URI (undefined: none). */
type Undo = [string, string | undefined][];

class Reader {
  private carry = "";
  private final = false;
  /** Open elements: qualified names, and the bindings each replaced (null: none). */
  private readonly open: string[] = [];
  private readonly undos: (Undo | null)[] = [];
  private readonly scope = new Map<string, string>();
  /** The default namespace in scope (kept beside `scope`: most names have no prefix). */
  private defaultNs = "";
  private rootSeen = false;
  /** Names already checked. */
  private readonly names = new Set<string>();
  private readonly attrs = new Attrs(this.scope);
  /** Namespace and local name of the element `resolveElement` was last given. */
  private uri = "";
  private local = "";

  constructor(
    private readonly part: string,
    private readonly h: XmlHandler,
  ) {}

  private fail(detail: string): never {
    throw new XmlError(this.part, detail);
  }

  feed(chunk: string, final: boolean): void {
    this.final = final;
    const s = this.carry.length > 0 ? this.carry + chunk : chunk;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt !== i) {
        let end = lt < 0 ? n : lt;
        if (lt < 0 && !final) {
          // Text up to the chunk's end: an entity or a CR LF may go on in the next chunk.
          const amp = s.lastIndexOf("&", end - 1);
          if (amp >= i && s.indexOf(";", amp) < 0) end = amp;
          if (end > i && s.charCodeAt(end - 1) === 13) end--;
        }
        this.chars(s, i, end);
        i = end;
        if (lt < 0) break;
      }
      const next = this.markup(s, i);
      if (next < 0) break;
      i = next;
    }
    this.carry = s.slice(i);
    if (!final) return;
    if (this.carry.length > 0) this.fail("markup non terminato alla fine del documento");
    if (this.open.length > 0) this.fail(`elemento <${this.open[this.open.length - 1]}> non chiuso`);
    if (!this.rootSeen) this.fail("nessun elemento radice");
  }

  /** Character data in `s[a, b)`. */
  private chars(s: string, a: number, b: number): void {
    if (b <= a) return;
    if (this.open.length === 0) {
      for (let k = a; k < b; k++)
        if (!isSpace(s.charCodeAt(k))) this.fail("testo fuori dall'elemento radice");
      return;
    }
    if (!this.h.text) return;
    let t = s.slice(a, b);
    if (t.includes("\r")) t = t.replace(/\r\n?/g, "\n");
    if (t.includes("&")) t = this.entities(t);
    this.h.text(t);
  }

  private entities(t: string): string {
    return expandEntities(t, (detail) => this.fail(detail));
  }

  /** The markup starting at `s[i]` (`<`): the index after it, or -1 when the chunk ends inside it. */
  private markup(s: string, i: number): number {
    const n = s.length;
    if (i + 1 >= n) return this.incomplete();
    const c = s.charCodeAt(i + 1);
    if (c === 47) return this.closeTag(s, i);
    if (c === 63) {
      const end = s.indexOf("?>", i + 2);
      return end < 0 ? this.incomplete() : end + 2;
    }
    if (c === 33) {
      if (n - i < 9 && !this.final) return -1;
      if (s.startsWith("<!--", i)) {
        const end = s.indexOf("-->", i + 4);
        return end < 0 ? this.incomplete() : end + 3;
      }
      if (s.startsWith("<![CDATA[", i)) {
        const end = s.indexOf("]]>", i + 9);
        if (end < 0) return this.incomplete();
        if (this.open.length === 0) this.fail("CDATA fuori dall'elemento radice");
        if (this.h.text && end > i + 9) this.h.text(s.slice(i + 9, end).replace(/\r\n?/g, "\n"));
        return end + 3;
      }
      if (s.startsWith("<!DOCTYPE", i)) {
        if (this.rootSeen) this.fail("DOCTYPE dopo l'elemento radice");
        const gt = s.indexOf(">", i);
        const bracket = s.indexOf("[", i);
        if (bracket < 0 || (gt >= 0 && gt < bracket)) return gt < 0 ? this.incomplete() : gt + 1;
        const close = s.indexOf("]", bracket);
        const end = close < 0 ? -1 : s.indexOf(">", close);
        return end < 0 ? this.incomplete() : end + 1;
      }
      this.fail("dichiarazione non riconosciuta");
    }
    return this.openTag(s, i);
  }

  /** A chunk ends inside markup: -1 (wait for the next), or an error at the end of the part. */
  private incomplete(): number {
    return this.final ? this.fail("markup non terminato alla fine del documento") : -1;
  }

  private qname(name: string): void {
    if (this.names.has(name)) return;
    if (!QNAME.test(name)) this.fail(`nome non valido "${name}"`);
    this.names.add(name);
  }

  /** Sets `uri` and `local` for an element's name (no pair made: every open and close tag comes here). */
  private resolveElement(qname: string): void {
    const colon = qname.indexOf(":");
    if (colon < 0) {
      this.uri = this.defaultNs;
      this.local = qname;
    } else [this.uri, this.local] = this.resolve(qname, false);
  }

  private resolve(qname: string, attribute: boolean): [string, string] {
    const colon = qname.indexOf(":");
    if (colon < 0) return [attribute ? "" : this.defaultNs, qname];
    const prefix = qname.slice(0, colon);
    const uri = prefix === "xml" ? XML_NS : this.scope.get(prefix);
    if (uri === undefined) this.fail(`prefisso "${prefix}" non dichiarato`);
    return [uri, qname.slice(colon + 1)];
  }

  private closeTag(s: string, i: number): number {
    const gt = s.indexOf(">", i + 2);
    if (gt < 0) return this.incomplete();
    let e = gt;
    while (e > i + 2 && isSpace(s.charCodeAt(e - 1))) e--;
    const depth = this.open.length;
    const opened = depth > 0 ? this.open[depth - 1] : undefined;
    // Compared in place: no string is made for a close tag that matches.
    if (opened === undefined || e - i - 2 !== opened.length || !s.startsWith(opened, i + 2)) {
      const qname = s.slice(i + 2, e);
      this.fail(opened ? `</${qname}> chiude <${opened}>` : `</${qname}> senza apertura`);
    }
    this.end(opened, this.undos[depth - 1]);
    // Popped, not cut by setting `length` (a call into the runtime on every close tag).
    this.open.pop();
    this.undos.pop();
    return gt + 1;
  }

  /** The element `qname` ends: its handler, then its namespace bindings go. */
  private end(qname: string, undo: Undo | null): void {
    if (this.h.close) {
      this.resolveElement(qname);
      this.h.close(this.uri, this.local);
    }
    if (undo) {
      for (const [prefix, was] of undo) {
        if (was === undefined) this.scope.delete(prefix);
        else this.scope.set(prefix, was);
      }
      this.defaultNs = this.scope.get("") ?? "";
    }
  }

  private openTag(s: string, i: number): number {
    const n = s.length;
    let j = i + 1;
    while (j < n) {
      const d = s.charCodeAt(j);
      if (isSpace(d) || d === 62 || d === 47) break;
      j++;
    }
    if (j >= n) return this.incomplete();
    const qname = s.slice(i + 1, j);
    this.qname(qname);
    // Fresh arrays per tag with attributes: they die young, where emptying shared ones (`length = 0`) is a
    // runtime call.
    let names: string[] | undefined;
    let values: string[] | undefined;
    let decls: [string, string][] | null = null;
    let empty = false;
    for (;;) {
      const before = j;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return this.incomplete();
      const d = s.charCodeAt(j);
      if (d === 62) {
        j++;
        break;
      }
      if (d === 47) {
        if (j + 1 >= n) return this.incomplete();
        if (s.charCodeAt(j + 1) !== 62) this.fail(`"/" fuori posto in <${qname}>`);
        j += 2;
        empty = true;
        break;
      }
      if (j === before) this.fail(`manca uno spazio tra gli attributi di <${qname}>`);
      const eq = s.indexOf("=", j);
      if (eq < 0) return this.incomplete();
      let ne = eq;
      while (ne > j && isSpace(s.charCodeAt(ne - 1))) ne--;
      const name = s.slice(j, ne);
      this.qname(name);
      let q = eq + 1;
      while (q < n && isSpace(s.charCodeAt(q))) q++;
      if (q >= n) return this.incomplete();
      const quote = s.charCodeAt(q);
      if (quote !== 34 && quote !== 39) this.fail(`valore dell'attributo ${name} senza virgolette`);
      const close = s.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (close < 0) return this.incomplete();
      let value = s.slice(q + 1, close);
      // Most values hold none of `<`, `&`, tab, CR, LF: one look at each character instead of three searches.
      let plain = true;
      for (let k = q + 1; k < close && plain; k++) {
        const x = s.charCodeAt(k);
        plain = x !== 60 && x !== 38 && x > 13;
      }
      if (!plain) {
        if (value.includes("<")) this.fail(`"<" nel valore dell'attributo ${name}`);
        value = value.replace(/\r\n?/g, "\n").replace(/[\t\n\r]/g, " ");
        if (value.includes("&")) value = this.entities(value);
      }
      if (name === "xmlns" || name.startsWith("xmlns:")) {
        const prefix = name === "xmlns" ? "" : name.slice(6);
        if (prefix !== "" && value === "") this.fail(`il prefisso "${prefix}" non può essere annullato`);
        if ((decls ??= []).some(([p]) => p === prefix)) this.fail(`attributo ${name} ripetuto`);
        decls.push([prefix, value]);
      } else {
        if (names?.includes(name)) this.fail(`attributo ${name} ripetuto in <${qname}>`);
        (names ??= []).push(name);
        (values ??= []).push(value);
      }
      j = close + 1;
    }
    // The tag is whole: from here on it changes the reader's state.
    if (this.open.length === 0) {
      if (this.rootSeen) this.fail("più di un elemento radice");
      this.rootSeen = true;
    }
    let undo: Undo | null = null;
    if (decls) {
      undo = decls.map(([prefix]) => [prefix, this.scope.get(prefix)]);
      for (const [prefix, uri] of decls) this.scope.set(prefix, uri);
      this.defaultNs = this.scope.get("") ?? "";
    }
    if (names) for (const name of names) if (name.includes(":")) this.resolve(name, true);
    this.resolveElement(qname);
    this.attrs.names = names ?? NONE;
    this.attrs.values = values ?? NONE;
    this.h.open(this.uri, this.local, this.attrs);
    if (empty) this.end(qname, undo);
    else {
      this.open.push(qname);
      this.undos.push(undo);
    }
    return j;
  }
}
