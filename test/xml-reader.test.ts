/**
 * The package's XML reader (src/xlsx/xml-reader.ts) against saxes, a conforming namespace-aware parser kept
 * here as the reference: on generated documents (prefixes, default and nested namespace declarations,
 * entities, character references, CR LF, CDATA, comments, processing instructions, non-ASCII text) cut into
 * chunks of every size, both report the same elements, attributes and text; on malformed documents both
 * refuse.
 */
import { SaxesParser } from "saxes";
import { attr, nsAttr, parseXml, XmlError, type XmlHandler } from "../src/xlsx/xml-reader";
import { rng } from "./helpers/random";

const XMLNS = "http://www.w3.org/2000/xmlns/";

/** Events as lines; consecutive text joined (both readers may cut text anywhere). */
function collector(): { h: XmlHandler; events: string[] } {
  const events: string[] = [];
  const h: XmlHandler = {
    open(uri, local, a) {
      const list = a.names.map((n, i) => {
        const colon = n.indexOf(":");
        const uri = colon < 0 ? "" : a.uriOf(n.slice(0, colon));
        return `{${uri}}${colon < 0 ? n : n.slice(colon + 1)}=${a.values[i]}`;
      });
      events.push(`open {${uri}}${local} ${list.sort().join(" ")}`);
    },
    close(uri, local) {
      events.push(`close {${uri}}${local}`);
    },
    text(t) {
      const last = events.length - 1;
      if (last >= 0 && events[last].startsWith("text ")) events[last] += t;
      else events.push(`text ${t}`);
    },
  };
  return { h, events };
}

function ours(xml: string, chunk?: number): string[] | "error" {
  const c = collector();
  try {
    parseXml(Buffer.from(xml, "utf8"), "part.xml", c.h, chunk);
  } catch (e) {
    if (e instanceof XmlError) return "error";
    throw e;
  }
  return c.events;
}

function reference(xml: string): string[] | "error" {
  const c = collector();
  const p = new SaxesParser({ xmlns: true, position: false });
  let failed = false;
  // Whitespace around the root element (the only text allowed there) is not character data of the document.
  let depth = 0;
  p.on("error", () => (failed = true));
  p.on("opentag", (t) => {
    depth++;
    const attrs = Object.values(t.attributes).filter((a) => a.uri !== XMLNS);
    const list = attrs.map((a) => `{${a.uri}}${a.local}=${a.value}`);
    c.events.push(`open {${t.uri}}${t.local} ${list.sort().join(" ")}`);
  });
  p.on("closetag", (t) => {
    depth--;
    c.h.close!(t.uri, t.local);
  });
  p.on("text", (t) => depth > 0 && c.h.text!(t));
  p.on("cdata", (t) => c.h.text!(t));
  p.write(xml).close();
  return failed ? "error" : c.events;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A random well-formed document of about `size` characters. */
function document(seed: number, size: number): string {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const words = [
    "Settore",
    "Unità",
    "Obiettivo",
    "€ 1.000",
    "😀",
    "a&amp;b",
    "&lt;x&gt;",
    "&#233;",
    "&#x1F600;",
  ];
  const text = () =>
    Array.from({ length: 1 + Math.floor(r() * 4) }, () =>
      pick([...words, "\r\n", "\n", "\r", " ", "\t"]),
    ).join("");
  const value = () =>
    pick(["1", "A1:B2", "x&quot;y", "it&apos;s", "l1\r\nl2", "tab\there", "&#10;", "Unità", ""]);
  let out = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- ${text()} -->`;
  out +=
    r() < 0.5
      ? `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`
      : `<x:worksheet xmlns:x="${MAIN}" xmlns:r="${REL}">`;
  const root = out.includes("<x:worksheet") ? "x:worksheet" : "worksheet";
  const p = root === "x:worksheet" ? "x:" : "";
  while (out.length < size) {
    const k = r();
    if (k < 0.5) {
      out += `<${p}c r="${value()}" s="${Math.floor(r() * 9)}"><${p}v>${text()}</${p}v></${p}c>`;
    } else if (k < 0.6) {
      out += `<${p}f t="shared"   si='${Math.floor(r() * 5)}' >SUM(A1:A3)&lt;&gt;0</${p}f >`;
    } else if (k < 0.7) {
      // A nested default namespace and a prefix rebound, back to the outer ones after the element.
      out += `<d xmlns="urn:inner" xmlns:r="urn:other"><e r:id="${value()}">${text()}</e><![CDATA[<raw> & ${text()}]]></d>`;
    } else if (k < 0.8) {
      out += `<${p}hyperlink r:id="rId${Math.floor(r() * 9)}" xml:space="preserve" display="${value()}"/>`;
    } else if (k < 0.9) {
      out += `<?pi ${text().replace(/\?>/g, "")}?><!--${text().replace(/--/g, "")}-->`;
    } else {
      out += `<${p}t xml:space="preserve">${text()}</${p}t>`;
    }
  }
  return `${out}</${root}>\n`;
}

test("generated documents read as saxes reads them, whatever the chunk size", () => {
  let compared = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const xml = document(seed, 2000 + seed * 150);
    const want = reference(xml);
    expect(want).not.toBe("error");
    for (const chunk of [1, 2, 3, 7, 64, 1000, 1 << 20]) {
      expect([seed, chunk, ours(xml, chunk)]).toEqual([seed, chunk, want]);
      compared++;
    }
  }
  expect(compared).toBe(280);
});

test("a large document (several default-size chunks) reads as saxes reads it", () => {
  const xml = document(99, 2_300_000);
  const want = reference(xml);
  expect(Array.isArray(want) && want.length).toBeGreaterThan(50_000);
  expect(ours(xml)).toEqual(want);
});

test("attributes: by local name in no namespace, and by namespace whatever the prefix", () => {
  let seen = 0;
  const xml =
    `<a:root xmlns:a="${MAIN}" xmlns:q="${REL}" id="plain">` +
    `<a:sheet name="Uno" q:id="rId1"/><a:sheet xmlns:z="${REL}" name="Due" z:id="rId2"/></a:root>`;
  parseXml(Buffer.from(xml), "wb.xml", {
    open(uri, local, a) {
      if (local === "root") expect([attr(a, "id"), nsAttr(a, [REL], "id")]).toEqual(["plain", undefined]);
      if (local !== "sheet") return;
      expect(uri).toBe(MAIN);
      expect(attr(a, "id")).toBeUndefined();
      expect([attr(a, "name"), nsAttr(a, [REL], "id")]).toEqual([seen ? "Due" : "Uno", `rId${seen + 1}`]);
      seen++;
    },
  });
  expect(seen).toBe(2);
});

test("UTF-16 with a byte order mark reads as UTF-8 does", () => {
  const xml = document(7, 3000);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
  const c = collector();
  parseXml(utf16, "part.xml", c.h, 333);
  expect(c.events).toEqual(reference(xml));
});

test.each([
  ["no root", `<?xml version="1.0"?>`],
  ["unclosed element", `<a><b></b>`],
  ["mismatched close tag", `<a><b></a></b>`],
  ["close tag without open", `<a></a></b>`],
  ["two roots", `<a/><b/>`],
  ["text after the root", `<a/>text`],
  ["text before the root", `text<a/>`],
  ["repeated attribute", `<a x="1" x="2"/>`],
  ["attribute without quotes", `<a x=1/>`],
  ["attributes without space", `<a x="1"y="2"/>`],
  ["< in an attribute value", `<a x="<"/>`],
  ["unknown entity", `<a>&nbsp;</a>`],
  ["an entity named like an object's property", `<a>&toString;</a>`],
  ["entity without semicolon", `<a>a & b</a>`],
  ["reference to a character XML cannot carry", `<a>&#0;</a>`],
  ["unbound element prefix", `<x:a/>`],
  ["unbound attribute prefix", `<a y:b="1"/>`],
  ["invalid name", `<1a/>`],
  ["unterminated tag", `<a><b x="1"`],
  ["unterminated comment", `<a><!-- x </a>`],
  ["unterminated CDATA", `<a><![CDATA[ x </a>`],
  ["a stray slash in a tag", `<a / x="1"></a>`],
])("refused, as saxes refuses it: %s", (_, xml) => {
  expect(reference(xml)).toBe("error");
  for (const chunk of [1, 5, 1 << 20]) expect(ours(xml, chunk)).toBe("error");
});
