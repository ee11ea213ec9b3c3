/**
 * The .xlsx writer's internal links and structured references, on the converted example: links to source
 * cells are native `<hyperlink location=…>` elements without a relationship (no HYPERLINK("#…") formula,
 * which Excel for the web does not follow), and every column specifier is in the double-bracket form.
 */
import JSZip from "jszip";
import * as fs from "fs";
import * as path from "path";
import { convertFile } from "../src/app/convert-file";
import { tmpDir } from "./helpers/workbooks";
import { WrittenWorkbooks } from "./helpers/validate";

const written = new WrittenWorkbooks();

const EXAMPLE = path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");

let parts: Map<string, string>;
let expectedLinks = 0;

beforeAll(async () => {
  const out = path.join(tmpDir(), "links.xlsx");
  const r = await convertFile(EXAMPLE, written.file(out));
  expectedLinks = r.plan.sheets.reduce((n, s) => n + s.links.length, 0);
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  parts = new Map();
  for (const name of Object.keys(zip.files))
    if (/^xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?$/.test(name))
      parts.set(name, await zip.file(name)!.async("string"));
}, 60000);

test("every planned link is a native internal hyperlink with no relationship", () => {
  const links = [...parts.entries()]
    .filter(([n]) => !n.includes("_rels"))
    .flatMap(([, xml]) => [...xml.matchAll(/<hyperlink\b[^>]*\/>/g)].map((m) => m[0]));
  expect(expectedLinks).toBeGreaterThan(95);
  expect(links).toHaveLength(expectedLinks);
  for (const l of links) {
    expect(l).toMatch(/ location="[^"]+!\$?[A-Z]+\$?\d+"/);
    expect(l).not.toMatch(/r:id=/);
  }
  const rels = [...parts.entries()].filter(([n]) => n.includes("_rels")).map(([, x]) => x);
  expect(rels.join("")).not.toMatch(/relationships\/hyperlink/);
});

test("no HYPERLINK formula and no single-bracket column specifier with special characters", () => {
  const sheets = [...parts.entries()].filter(([n]) => !n.includes("_rels")).map(([, x]) => x);
  const formulas = sheets.flatMap((x) => [...x.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]));
  expect(formulas.length).toBeGreaterThan(100);
  expect(formulas.filter((f) => /HYPERLINK\(/i.test(f))).toEqual([]);
  expect(formulas.filter((f) => /PIAO_\w+\[(?!\[)[^\]]*[/.()%\- ][^\]]*\]/.test(f))).toEqual([]);
});

written.test(1);
