/**
 * The quick scan of plain `<sheetData>` and `<sst>` content (src/xlsx/quick-scan.ts) against the general reader:
 * on every kind of markup below, reading a package with the scan gives the same snapshots (or the same error) as
 * reading it with the general reader alone, and the plain kinds are indeed read by the scan.
 */
import { Package } from "../src/xlsx/package";
import * as quick from "../src/xlsx/quick-scan";
import { readSnapshots } from "../src/xlsx/read";
import { handWritten, T } from "./helpers/hand-written";

const MAIN = T.main;
// The main namespace is declared by `handWritten`.
const ROOT = `<worksheet xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">`;

const PLAIN_SST = `<sst xmlns="${MAIN}" count="3" uniqueCount="3"><si><t>Obiettivo</t></si><si><t xml:space="preserve"> Peso </t></si><si><t>A &amp; B_x000D_</t></si></sst>`;

const pack = (sheet: string, sst = PLAIN_SST, date1904 = false) =>
  handWritten(T, "", sheet, { sst, date1904 });

/** The sheet part with `rows` as the content of `<sheetData>`. */
const sheetWith = (rows: string, after = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${ROOT}<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>` +
  `<cols><col min="2" max="2" hidden="1"/></cols><sheetData>${rows}</sheetData>${after}</worksheet>`;

/** What reading gives: the snapshots, or the error's message. */
function read(bytes: Buffer, scan: boolean): unknown {
  try {
    return readSnapshots(new Package("t.xlsx", bytes), undefined, { scan });
  } catch (e) {
    return { error: (e as Error).message };
  }
}

afterEach(() => jest.restoreAllMocks());

/** Reads `bytes` both ways; returns what the scan read and whether the sheet and the strings were scanned. */
function both(bytes: Buffer): { result: unknown; sheetScanned: boolean; sstScanned: boolean } {
  const sheet = jest.spyOn(quick, "scanSheetData");
  const sst = jest.spyOn(quick, "scanSharedStrings");
  const result = read(bytes, true);
  const scanned = (spy: jest.SpyInstance) => spy.mock.results.some((r) => r.value === true);
  const out = { result, sheetScanned: scanned(sheet), sstScanned: scanned(sst) };
  jest.restoreAllMocks();
  expect(result).toEqual(read(bytes, false));
  return out;
}

const PLAIN: [string, string][] = [
  [
    "as Excel writes it (spans, x14ac attributes, styles, shared strings, a formula)",
    `<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c></row>` +
      `<row r="2" spans="1:3" hidden="1" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>2</v></c><c r="B2"><f>B1+1</f><v>45001</v></c><c r="C2" t="str"><f>"a"&amp;"&lt;b&gt;"</f><v>a&lt;b&gt;</v></c></row>`,
  ],
  [
    "pretty-printed, with single quotes and empty elements",
    `\n  <row r='1'>\n    <c r='A1' t='s'>\n      <v>1</v>\n    </c>\n    <c r='B1' s='1'/>\n  </row>\n  <row r='3'/>\n  <row>\n    <c t="b"><v>1</v></c>\n  </row>\n`,
  ],
  [
    "inline strings and references to characters (as openpyxl writes them)",
    `<row r="1"><c r="A1" t="inlineStr"><is><t>Unit&#224; &#x1F600;</t></is></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> a_x005F_x0041_ </t></is></c><c r="C1" t="inlineStr"><is><t/></is></c></row>`,
  ],
  [
    "shared formulas, cells and rows without references, every kind of value",
    `<row r="2"><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c><c t="e"><v>#N/A</v></c><c t="d"><v>2024-03-01T00:00:00</v></c></row>` +
      `<row><c r="B3"><f t="shared" si="0"/><v>4</v></c><c><v> 7 </v></c></row><row r="4"><c r="B4"><f t="shared" si="0"/></c><c t="n"><v></v></c></row>`,
  ],
];

test.each(PLAIN)("%s: scanned, and read as the general reader reads it", async (_, rows) => {
  const r = both(await pack(sheetWith(rows, `<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>`)));
  expect(r.sheetScanned).toBe(true);
  expect(r.sstScanned).toBe(true);
  expect(r.result).not.toHaveProperty("error");
});

test("1904 dates through the scan", async () => {
  const r = both(await pack(sheetWith(`<row r="1"><c r="A1" s="1"><v>100</v></c></row>`), PLAIN_SST, true));
  expect(r.sheetScanned).toBe(true);
});

const OTHERS: [string, string][] = [
  [
    "rich text in an inline string",
    `<row r="1"><c r="A1" t="inlineStr"><is><r><t>Ric</t></r><r><t>co</t></r></is></c></row>`,
  ],
  ["a carriage return in a value", `<row r="1"><c r="A1" t="str"><v>a\r\nb</v></c></row>`],
  [
    "a comment between rows",
    `<row r="1"><c r="A1"><v>1</v></c></row><!-- nota --><row r="2"><c r="A2"><v>2</v></c></row>`,
  ],
  ["a namespace declared on a row", `<row r="1" xmlns:q="urn:q" q:a="1"><c r="A1"><v>1</v></c></row>`],
  ["an attribute of an undeclared prefix", `<row r="1" q:a="1"><c r="A1"><v>1</v></c></row>`],
  ["an unknown entity", `<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>`],
  ["a reference to a character XML cannot carry", `<row r="1"><c r="A1" t="str"><v>&#1;</v></c></row>`],
  ["a mismatched end tag", `<row r="1"><c r="A1"><v>1</v></row>`],
  ["a repeated attribute", `<row r="1"><c r="A1" r="B1"><v>1</v></c></row>`],
  ["spaces around an attribute's =", `<row r = "1"><c r="A1"><v>1</v></c></row>`],
  ["no space between attributes", `<row r="1"><c r="A1"s="1"><v>1</v></c></row>`],
  ["`<` in an attribute value", `<row r="1"><c r="A<1"><v>1</v></c></row>`],
  ["a tab in an attribute value", `<row r="1"><c r="A1" t="\tn"><v>1</v></c></row>`],
  ["an empty value element", `<row r="1"><c r="A1"><v/></c></row>`],
  ["text outside any value", `<row r="1"><c r="A1">testo<v>1</v></c></row>`],
  ["two values in a cell", `<row r="1"><c r="A1"><v>1</v><v>2</v></c></row>`],
  ["an element the scan does not know", `<row r="1"><c r="A1"><v>1</v><extLst/></c></row>`],
];

test.each(OTHERS)("%s: left to the general reader, with the same result", async (_, rows) => {
  const r = both(await pack(sheetWith(rows)));
  expect(r.sheetScanned).toBe(false);
});

test.each([
  ["a `<sheetData>` in a comment before the real one", `<!-- <sheetData><row r="9"/></sheetData> -->`],
  ["a processing instruction before the rows", `<?piao nota?>`],
])("%s: the part is read by the general reader", async (_, before) => {
  const part = sheetWith(`<row r="1"><c r="A1"><v>1</v></c></row>`).replace(
    "<sheetViews>",
    `${before}<sheetViews>`,
  );
  expect(both(await pack(part)).sheetScanned).toBe(false);
});

test("a prefixed worksheet is read by the general reader, as before", async () => {
  const part = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  const r = both(await pack(part));
  expect(r.sheetScanned).toBe(false);
  expect(r.result).not.toHaveProperty("error");
});

test.each([
  [
    "rich text and phonetic runs",
    `<si><r><t>Ric</t></r><r><rPr><b/></rPr><t>co</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si>`,
  ],
  ["an empty string item", `<si/>`],
  ["a string with a carriage return", `<si><t>a\r\nb</t></si>`],
  ["an unknown entity", `<si><t>&euro;</t></si>`],
])("shared strings with %s: left to the general reader, with the same result", async (_, item) => {
  const sst = `<sst xmlns="${MAIN}"><si><t>Uno</t></si>${item}<si><t>Tre</t></si></sst>`;
  const r = both(
    await pack(
      sheetWith(
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`,
      ),
      sst,
    ),
  );
  expect(r.sstScanned).toBe(false);
});
