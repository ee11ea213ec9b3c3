/**
 * Workbooks from several writers (openpyxl with a chart, comments, a table and data bars; the same saved by
 * LibreOffice; Excel-only markup added by hand; exceljs with an image and a note; the bundled example)
 * convert, and every user sheet's part and the parts it links to come out byte for byte as they went in,
 * after one conversion and after a second conversion of the output. The validator finds no error.
 */
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { isGeneratedSheet } from "../src/engine/core/contract";
import { convertFile } from "../src/app/convert-file";
import { addPivotTable, PIVOT_CACHE, PIVOT_RECORDS, PIVOT_TABLE } from "./helpers/pivot";
import { sofficeAvailable } from "./helpers/recalc";
import { validationErrors, validatorAvailable } from "./helpers/validate";
import { card, tmpDir } from "./helpers/workbooks";
import { snapshotsOfFile } from "./helpers/xlsx";

const ROOT = path.join(__dirname, "..");
const dir = tmpDir("piao-corpus-");
const hasPython = spawnSync("/usr/bin/python3", ["-c", "import openpyxl"]).status === 0;
const hasSoffice = sofficeAvailable();
const hasValidator = validatorAvailable();
if (!hasPython || !hasSoffice || !hasValidator)
  console.warn(
    "xlsx-corpus: python3-openpyxl, soffice or the validator missing: some inputs or checks skipped",
  );

const OPENPYXL = `
import sys, openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.formatting.rule import DataBarRule
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Obiettivi"
ws.append(["Unità", "Codice", "Obiettivo", "Tipo", "Peso", "Indicatore"])
for r in [("Settore 1", "A.1", "Bilancio", "Individuale", 60, "Entro aprile"),
          ("Settore 1", "A.2", "Cassa", "Organizzativa", 40, "Giorni"),
          ("Settore 2", "B.1", "Ponti", "Individuale", 100, "Ispezioni")]:
    ws.append(r)
t = Table(displayName="Dati", ref="A1:F4")
t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
ws.add_table(t)
ws["C2"].comment = Comment("Nota\\r\\ncon ritorno a capo", "Autore")
ws.conditional_formatting.add("E2:E4", DataBarRule(start_type="min", end_type="max", color="638EC6"))
chart = BarChart()
chart.add_data(Reference(ws, min_col=5, min_row=1, max_row=4), titles_from_data=True)
chart.set_categories(Reference(ws, min_col=2, min_row=2, max_row=4))
ws.add_chart(chart, "H2")
notes = wb.create_sheet("Note")
notes["A1"] = "Testo con\\r\\nritorno a capo"
wb.save(sys.argv[1])
`;

const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";

/**
 * Excel-only markup on the openpyxl file: shared formulas, x14 validations, sparklines, a calcChain, and a
 * pivot table on "Note" summing the weights of "Obiettivi" by type.
 */
async function withExcelMarkup(input: string, output: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(input));
  const sheet = "xl/worksheets/sheet2.xml";
  let xml = await zip.file(sheet)!.async("string");
  xml = xml.replace(
    /<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/,
    `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Valori</t></is></c></row>` +
      `<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2+$A$2</f><v>3</v></c></row>` +
      `<row r="3"><c r="A3"><v>2</v></c><c r="B3"><f t="shared" si="0"/><v>5</v></c></row>` +
      `<row r="4"><c r="A4"><v>3</v></c><c r="B4"><f t="shared" si="0"/><v>7</v></c></row></sheetData>`,
  );
  xml = xml.replace(
    /<\/worksheet>$/,
    `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}">` +
      `<x14:dataValidations count="1" xmlns:xm="${XM}"><x14:dataValidation type="list" allowBlank="1">` +
      `<x14:formula1><xm:f>Obiettivi!$B$2:$B$4</xm:f></x14:formula1><xm:sqref>C2:C4</xm:sqref>` +
      `</x14:dataValidation></x14:dataValidations></ext>` +
      `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14}">` +
      `<x14:sparklineGroups xmlns:xm="${XM}"><x14:sparklineGroup displayEmptyCellsAs="gap">` +
      `<x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>Note!A2:A4</xm:f>` +
      `<xm:sqref>D2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups>` +
      `</ext></extLst></worksheet>`,
  );
  zip.file(sheet, xml);
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  zip.file(
    "xl/calcChain.xml",
    `<calcChain xmlns="${main}"><c r="B2" i="2"/><c r="B3"/><c r="B4"/></calcChain>`,
  );
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`,
    ),
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`,
    ),
  );
  await addPivotTable(zip, sheet, ["G", 3], {
    sheet: "Obiettivi",
    ref: "D1:E4",
    labels: ["Tipo", "Peso"],
    rows: [
      ["Individuale", 60],
      ["Organizzativa", 40],
      ["Individuale", 100],
    ],
  });
  fs.writeFileSync(output, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** Objective cards, an image and a note, written by exceljs. */
async function exceljsInput(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Settore 1");
  const rows = [
    ["Settore: Finanze"],
    [],
    ...card({ code: "A.1", name: "Bilancio", type: 1, weight: 60 }),
    ...card({ code: "A.2", name: "Cassa", type: 0, weight: 40 }),
  ];
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue)));
  ws.getCell("A1").note = "Fonte: ufficio finanze";
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  );
  ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" }), "H1:H2");
  await wb.xlsx.writeFile(file);
}

interface Zip {
  files: Map<string, Buffer>;
}

async function unzip(file: string): Promise<Zip> {
  const z = await JSZip.loadAsync(fs.readFileSync(file));
  const files = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(z.files)) if (!f.dir) files.set(name, await f.async("nodebuffer"));
  return { files };
}

const relsOf = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");

function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

/** Internal relationship targets of a part, read with a regular expression (independent of the reader). */
function targets(z: Zip, part: string): string[] {
  const rels = z.files.get(relsOf(part))?.toString("utf8") ?? "";
  return [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)]
    .filter((m) => !/TargetMode="External"/.test(m[0]))
    .map((m) => resolve(part, /Target="([^"]*)"/.exec(m[0])![1]));
}

/** Sheet name → part of every sheet of the workbook. */
function sheets(z: Zip): Map<string, string> {
  const wbRels = targets(z, "xl/workbook.xml");
  const rels = z.files.get("xl/_rels/workbook.xml.rels")!.toString("utf8");
  const ids = new Map(
    [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => [
      /Id="([^"]*)"/.exec(m[0])![1],
      resolve("xl/workbook.xml", /Target="([^"]*)"/.exec(m[0])![1]),
    ]),
  );
  expect(wbRels.length).toBeGreaterThan(0);
  const wb = z.files.get("xl/workbook.xml")!.toString("utf8");
  return new Map(
    [...wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => [
      /name="([^"]*)"/
        .exec(m[0])![1]
        .replace(/&amp;/g, "&")
        .replace(/&apos;/g, "'"),
      ids.get(/:id="([^"]*)"/.exec(m[0])![1])!,
    ]),
  );
}

/** The user sheets' parts, the parts they link to (transitively) and their relationship parts. */
function userClosure(z: Zip): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const todo = [...sheets(z)].filter(([name]) => !isGeneratedSheet(name)).map(([, part]) => part);
  while (todo.length) {
    const p = todo.pop()!;
    if (out.has(p) || !z.files.has(p)) continue;
    out.set(p, z.files.get(p)!);
    const rels = relsOf(p);
    if (z.files.has(rels)) out.set(rels, z.files.get(rels)!);
    todo.push(...targets(z, p));
  }
  return out;
}

const inputs: { label: string; file: string }[] = [];
const outputs: string[] = [];

beforeAll(async () => {
  const example = path.join(ROOT, "examples", "piao-massa-carrara-2023-2025.xlsx");
  inputs.push({ label: "the bundled example", file: example });
  const fromExceljs = path.join(dir, "exceljs.xlsx");
  await exceljsInput(fromExceljs);
  inputs.push({ label: "exceljs with an image and a note", file: fromExceljs });
  if (hasPython) {
    const fromOpenpyxl = path.join(dir, "openpyxl.xlsx");
    execFileSync("/usr/bin/python3", ["-c", OPENPYXL, fromOpenpyxl]);
    inputs.push({ label: "openpyxl with a chart, comments, a table and data bars", file: fromOpenpyxl });
    const excel = path.join(dir, "excel-markup.xlsx");
    await withExcelMarkup(fromOpenpyxl, excel);
    inputs.push({
      label: "Excel-only markup (shared formulas, x14, sparklines, calcChain, pivot)",
      file: excel,
    });
    if (hasSoffice) {
      const lo = path.join(dir, "lo");
      execFileSync("soffice", [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        lo,
        fromOpenpyxl,
      ]);
      inputs.push({ label: "the openpyxl file saved by LibreOffice", file: path.join(lo, "openpyxl.xlsx") });
    }
  }
}, 120000);

test("every input converts; the user's sheets and what they link to are byte-identical, twice", async () => {
  expect(inputs.length).toBeGreaterThanOrEqual(hasPython ? (hasSoffice ? 5 : 4) : 2);
  for (const [i, { label, file }] of inputs.entries()) {
    const first = path.join(dir, `out-${i}-1.xlsx`);
    const second = path.join(dir, `out-${i}-2.xlsx`);
    await convertFile(file, first);
    await convertFile(first, second);
    outputs.push(first, second);
    const want = userClosure(await unzip(file));
    expect([label, want.size > 0]).toEqual([label, true]);
    for (const out of [first, second]) {
      const got = await unzip(out);
      for (const [part, bytes] of want)
        expect([label, part, got.files.get(part)?.equals(bytes)]).toEqual([label, part, true]);
      // No calculation chain survives: Excel rebuilds it (fullCalcOnLoad).
      expect([label, got.files.has("xl/calcChain.xml")]).toEqual([label, false]);
    }
    // The generated parts of a second conversion replace those of the first: no part piles up.
    const [a, b] = [await unzip(first), await unzip(second)];
    expect([label, [...b.files.keys()].sort()]).toEqual([label, [...a.files.keys()].sort()]);
  }
}, 240000);

test("the user's sheets read back identical, shared formulas expanded", () => {
  for (const [i, { file }] of inputs.entries()) {
    const out = path.join(dir, `out-${i}-2.xlsx`);
    expect(snapshotsOfFile(out, isGeneratedSheet)).toEqual(snapshotsOfFile(file, isGeneratedSheet));
  }
  const excel = inputs.find((i) => i.label.startsWith("Excel-only"));
  if (!excel) return;
  const notes = snapshotsOfFile(excel.file).find((s) => s.name === "Note")!;
  expect(notes.formulas?.map((r) => r[1] ?? null)).toEqual([null, "=A2*2+$A$2", "=A3*2+$A$2", "=A4*2+$A$2"]);
  expect(notes.values.map((r) => r[1] ?? null)).toEqual([null, 3, 5, 7]);
});

/** The workbook's <pivotCaches> element, the part each cache's relationship targets, the pivot content types. */
function pivotLinks(z: Zip): { caches: string; cacheParts: string[]; types: string[] } {
  const wb = z.files.get("xl/workbook.xml")!.toString("utf8");
  const caches = /<(?:\w+:)?pivotCaches>[\s\S]*?<\/(?:\w+:)?pivotCaches>/.exec(wb)?.[0] ?? "";
  const rels = z.files.get("xl/_rels/workbook.xml.rels")!.toString("utf8");
  const cacheParts = [...caches.matchAll(/:id="([^"]*)"/g)].map((m) => {
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].find((r) => r[0].includes(`Id="${m[1]}"`));
    return rel ? resolve("xl/workbook.xml", /Target="([^"]*)"/.exec(rel[0])![1]) : "";
  });
  const types = z.files.get("[Content_Types].xml")!.toString("utf8");
  return { caches, cacheParts, types: [...types.matchAll(/<Override [^>]*pivot[^>]*>/gi)].map((m) => m[0]) };
}

test("the pivot table, its cache and records, and the workbook's <pivotCaches> survive two conversions", async () => {
  const i = inputs.findIndex((x) => x.label.startsWith("Excel-only"));
  if (i < 0) return;
  const input = await unzip(inputs[i].file);
  const pivotParts = [PIVOT_TABLE, relsOf(PIVOT_TABLE), PIVOT_CACHE, relsOf(PIVOT_CACHE), PIVOT_RECORDS];
  // The pivot is part of the user's sheet closure, so the byte-for-byte check above covers it too.
  expect(pivotParts.filter((p) => input.files.has(p))).toEqual(pivotParts);
  expect([...userClosure(input).keys()]).toEqual(expect.arrayContaining(pivotParts));
  const want = pivotLinks(input);
  expect(want.cacheParts).toEqual([PIVOT_CACHE]);
  expect(want.types).toHaveLength(3);
  for (const n of [1, 2]) {
    const got = await unzip(path.join(dir, `out-${i}-${n}.xlsx`));
    for (const p of pivotParts)
      expect([n, p, got.files.get(p)?.equals(input.files.get(p)!)]).toEqual([n, p, true]);
    expect(pivotLinks(got)).toEqual(want);
  }
});

(hasValidator ? test : test.skip)(
  "the validator reports no error on any output, nor on the hand-made input",
  () => {
    const handMade = inputs.filter((x) => x.label.startsWith("Excel-only")).map((x) => x.file);
    expect(validationErrors([...handMade, ...outputs])).toEqual([]);
  },
  240000,
);
