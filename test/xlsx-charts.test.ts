/**
 * Charts of generated sheets written by the xlsx writer: parts, relationships, content types, schema order
 * of the worksheet, well-formed XML, the user's own drawing untouched, exceljs reads the file, LibreOffice
 * draws it, a re-run replaces the charts.
 */
import { DOMParser, type Element } from "@xmldom/xmldom";
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { emptySheet, type ChartPlan, type SheetPlan, type WorkbookPlan } from "../src/engine/core/plan";
import { Package } from "../src/xlsx/package";
import { writePlan } from "../src/xlsx/write";
import { sofficeAvailable } from "./helpers/recalc";
import { validationErrors, validatorAvailable } from "./helpers/validate";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const ACCENTED = "Attività dell'ente";
// A 1×1 PNG, for the sheet that already has a drawing (exceljs writes one for images).
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const USER = "Immagine";

/** The user's workbook: one sheet with an image (a drawing of its own) and a note (a legacy drawing). */
async function sourceWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const user = wb.addWorksheet(USER);
  user.getCell("A1").value = "Logo";
  user.getCell("A1").note = "Il logo dell'ente";
  user.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" }), "J1:J2");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The generated sheets holding the charts' data. */
function plan(charts: Map<string, ChartPlan[]>): WorkbookPlan {
  const sheet = (name: string, rows: SheetPlan["blocks"][number]["rows"]): SheetPlan => ({
    ...emptySheet(name),
    blocks: [{ at: "A1", rows }],
    charts: charts.get(name) ?? [],
  });
  const weights = sheet("PIAO Pesi", [
    ["Area", "Peso", "Target"],
    ["Personale", 40, 35],
    ["Digitale", 25, 30],
    ["Trasparenza", 20, 20],
    ["Performance", 15, 15],
  ]);
  weights.tables.push({ name: "PIAO_Pesi", ref: "A1:C5", style: "TableStyleMedium2" });
  return {
    sheets: [
      sheet("PIAO Riepilogo", [["Riepilogo"]]),
      weights,
      sheet(ACCENTED, [
        ["Anno", "Valore"],
        ["2023", 3],
        ["2024", 7],
        ["2025", 5],
      ]),
    ],
    names: [],
  };
}

const pesi = (col: string) => `'PIAO Pesi'!$${col}$2:$${col}$5`;
const CHARTS = new Map<string, ChartPlan[]>([
  [
    "PIAO Riepilogo",
    [
      {
        type: "column",
        title: "Pesi per area",
        at: "B3",
        widthCols: 6,
        heightRows: 15,
        series: [{ name: "Peso", categories: pesi("A"), values: pesi("B") }],
        valueAxis: { min: 0, numberFormat: "0.##" },
      },
    ],
  ],
  [
    "PIAO Pesi",
    [
      {
        type: "line",
        title: "Peso & target",
        at: "E2",
        widthCols: 6,
        heightRows: 14,
        series: [
          { name: "Peso", categories: pesi("A"), values: pesi("B") },
          { name: "Target <atteso>", categories: pesi("A"), values: pesi("C") },
        ],
        valueAxis: { numberFormat: '#,##0 "€"' },
      },
    ],
  ],
  [
    ACCENTED,
    [
      {
        type: "bar",
        title: "Attività",
        at: "D2",
        widthCols: 5,
        heightRows: 12,
        series: [
          {
            name: "Valore",
            categories: "'Attività dell''ente'!$A$2:$A$4",
            values: "'Attività dell''ente'!$B$2:$B$4",
          },
        ],
        valueAxis: { min: 0, numberFormat: "0%" },
      },
    ],
  ],
]);

function parse(xml: string, part: string) {
  return new DOMParser({
    onError: (level, msg) => {
      if (level !== "warning") throw new Error(`${part}: ${msg}`);
    },
  }).parseFromString(xml, "text/xml");
}

const childElements = (e: Element) => Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1);

const byTag = (
  e: { getElementsByTagNameNS(ns: string, n: string): ArrayLike<Element> },
  ns: string,
  n: string,
) => Array.from(e.getElementsByTagNameNS(ns, n));

let source: Buffer;
let out: Buffer;
let zip: JSZip;
const text = (name: string) => {
  const f = zip.file(name);
  if (!f) throw new Error(`missing part ${name}`);
  return f.async("string");
};

/** Sheet name → worksheet part, read from the workbook and its relationships. */
async function sheetParts(): Promise<Map<string, string>> {
  const wb = parse(await text("xl/workbook.xml"), "workbook").documentElement!;
  const rels = parse(await text("xl/_rels/workbook.xml.rels"), "rels").documentElement!;
  const targets = new Map(
    byTag(rels, NS_PKG_REL, "Relationship").map((r) => [r.getAttribute("Id"), r.getAttribute("Target")]),
  );
  return new Map(
    byTag(wb, NS_MAIN, "sheet").map((s) => [
      s.getAttribute("name")!,
      "xl/" + targets.get(s.getAttributeNS(NS_R, "id")),
    ]),
  );
}

/** The chart parts of a sheet, following worksheet → drawing → chart relationships. */
async function chartsOfSheet(sheetPart: string): Promise<{ drawing: string; charts: string[] }> {
  const ws = parse(await text(sheetPart), sheetPart).documentElement!;
  const drawingEl = byTag(ws, NS_MAIN, "drawing");
  expect(drawingEl).toHaveLength(1);
  const relsPart = sheetPart.replace(/([^/]+)$/, "_rels/$1.rels");
  const rels = byTag(parse(await text(relsPart), relsPart).documentElement!, NS_PKG_REL, "Relationship");
  const rel = rels.find((r) => r.getAttribute("Id") === drawingEl[0].getAttributeNS(NS_R, "id"))!;
  expect(rel.getAttribute("Type")).toBe(`${NS_R}/drawing`);
  const drawing = path.posix.join(path.posix.dirname(sheetPart), rel.getAttribute("Target")!);
  const dRelsPart = drawing.replace(/([^/]+)$/, "_rels/$1.rels");
  const dRels = byTag(parse(await text(dRelsPart), dRelsPart).documentElement!, NS_PKG_REL, "Relationship");
  const dDoc = parse(await text(drawing), drawing).documentElement!;
  const charts = byTag(dDoc, NS_C, "chart").map((c) => {
    const r = dRels.find((x) => x.getAttribute("Id") === c.getAttributeNS(NS_R, "id"))!;
    expect(r.getAttribute("Type")).toBe(`${NS_R}/chart`);
    return path.posix.join(path.posix.dirname(drawing), r.getAttribute("Target")!);
  });
  return { drawing, charts };
}

beforeAll(async () => {
  source = await sourceWorkbook();
  out = writePlan(new Package("charts.xlsx", source), plan(CHARTS));
  zip = await JSZip.loadAsync(out);
});

test("every XML part of the result is well-formed", async () => {
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir && /\.(xml|rels)$/.test(n));
  expect(names.length).toBeGreaterThan(15);
  for (const n of names) parse(await text(n), n);
});

test("chart and drawing parts, their content types and relationships are there", async () => {
  const types = parse(await text("[Content_Types].xml"), "types").documentElement!;
  const overrides = new Map(
    byTag(types, NS_CT, "Override").map((o) => [o.getAttribute("PartName"), o.getAttribute("ContentType")]),
  );
  const parts = await sheetParts();
  const found: string[] = [];
  for (const sheet of CHARTS.keys()) {
    const { drawing, charts } = await chartsOfSheet(parts.get(sheet)!);
    expect(charts).toHaveLength(1);
    expect(overrides.get("/" + drawing)).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
    for (const c of charts) {
      expect(zip.file(c)).not.toBeNull();
      expect(overrides.get("/" + c)).toBe(
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
      );
    }
    found.push(...charts);
  }
  expect(new Set(found).size).toBe(3);
  // One drawing per generated sheet with charts, plus the user sheet's own (its image).
  expect(Object.keys(zip.files).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(4);
});

test("the user's drawing is untouched; the chart anchor spans the planned cells", async () => {
  const input = await JSZip.loadAsync(source);
  const userParts = Object.keys(input.files).filter((n) => !input.files[n].dir);
  for (const name of userParts.filter((n) => /drawing|media|comments|worksheets/.test(n)))
    expect(await text(name)).toBe(await input.file(name)!.async("string"));
  const parts = await sheetParts();
  const { drawing } = await chartsOfSheet(parts.get("PIAO Riepilogo")!);
  const doc = parse(await text(drawing), drawing).documentElement!;
  const anchors = byTag(doc, NS_XDR, "twoCellAnchor");
  expect(anchors).toHaveLength(1);
  // B3, 6 columns × 15 rows → from (col 1, row 2) to (col 7, row 17), 0-based.
  const cell = (tag: string) => {
    const m = byTag(anchors[0], NS_XDR, tag)[0];
    return ["col", "row"].map((k) => Number(byTag(m, NS_XDR, k)[0].textContent));
  };
  expect(cell("from")).toEqual([1, 2]);
  expect(cell("to")).toEqual([7, 17]);
});

test("the <drawing> element sits at its schema position: after sheetData and pageMargins, before tableParts", async () => {
  const parts = await sheetParts();
  for (const sheet of CHARTS.keys()) {
    const ws = parse(await text(parts.get(sheet)!), sheet).documentElement!;
    const order = childElements(ws).map((e) => e.localName);
    const d = order.indexOf("drawing");
    expect(d).toBeGreaterThan(order.indexOf("sheetData"));
    expect(d).toBeGreaterThan(order.indexOf("pageMargins"));
    expect(order.filter((n) => n === "drawing")).toHaveLength(1);
    if (sheet === "PIAO Pesi") {
      expect(order.indexOf("tableParts")).toBe(d + 1);
      const rels = await text(parts.get(sheet)!.replace(/([^/]+)$/, "_rels/$1.rels"));
      const ids = [...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
      expect(rels).toContain("relationships/table");
    }
  }
});

test("chart XML: type, title, series names and formulas point at the planned ranges", async () => {
  const parts = await sheetParts();
  for (const [sheet, [plan]] of CHARTS) {
    const [chart] = (await chartsOfSheet(parts.get(sheet)!)).charts;
    const doc = parse(await text(chart), chart).documentElement!;
    expect(doc.localName).toBe("chartSpace");
    const group = byTag(doc, NS_C, plan.type === "line" ? "lineChart" : "barChart");
    expect(group).toHaveLength(1);
    if (plan.type !== "line")
      expect(byTag(group[0], NS_C, "barDir")[0].getAttribute("val")).toBe(
        plan.type === "bar" ? "bar" : "col",
      );
    else expect(childElements(group[0]).some((e) => e.localName === "marker")).toBe(true);
    expect(byTag(doc, NS_C, "title")[0].textContent).toBe(plan.title);
    const series = byTag(doc, NS_C, "ser");
    expect(series).toHaveLength(plan.series.length);
    series.forEach((s, i) => {
      const formula = (tag: string) => byTag(byTag(s, NS_C, tag)[0], NS_C, "f")[0].textContent;
      expect(byTag(byTag(s, NS_C, "tx")[0], NS_C, "v")[0].textContent).toBe(plan.series[i].name);
      expect(formula("cat")).toBe(plan.series[i].categories);
      expect(byTag(byTag(s, NS_C, "cat")[0], NS_C, "strRef")).toHaveLength(1);
      expect(formula("val")).toBe(plan.series[i].values);
    });
    // Two axes, cross-referenced, whose ids match the chart group's axId pair.
    const groupIds = childElements(group[0])
      .filter((e) => e.localName === "axId")
      .map((e) => e.getAttribute("val"));
    const cat = byTag(doc, NS_C, "catAx")[0];
    const val = byTag(doc, NS_C, "valAx")[0];
    const id = (ax: Element, tag: string) => byTag(ax, NS_C, tag)[0].getAttribute("val");
    expect(groupIds).toEqual([id(cat, "axId"), id(val, "axId")]);
    expect(id(cat, "crossAx")).toBe(id(val, "axId"));
    expect(id(val, "crossAx")).toBe(id(cat, "axId"));
    // The value axis starts where the plan says (absent: automatic) and reads in the plan's format.
    const min = byTag(val, NS_C, "min");
    expect(min.map((m) => Number(m.getAttribute("val")))).toEqual(
      plan.valueAxis.min === undefined ? [] : [plan.valueAxis.min],
    );
    const numFmt = childElements(val).find((e) => e.localName === "numFmt")!;
    expect(numFmt.getAttribute("formatCode")).toBe(plan.valueAxis.numberFormat);
    expect(numFmt.getAttribute("sourceLinked")).toBe("0");
    expect(byTag(doc, NS_C, "legend")).toHaveLength(1);
    expect(byTag(doc, NS_C, "plotVisOnly")[0].getAttribute("val")).toBe("1");
  }
});

test("exceljs reads the file: the user's sheet unchanged, the generated ones with their values", async () => {
  const values = async (buf: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    return wb.worksheets.map((ws) => [ws.name, ws.getSheetValues()] as const);
  };
  const after = await values(out);
  expect(after[0]).toEqual((await values(source))[0]);
  expect(after.map(([n]) => n)).toEqual([USER, "PIAO Riepilogo", "PIAO Pesi", ACCENTED]);
  expect(after[2][1][5]).toEqual([undefined, "Performance", 15, 15]);
});

test("a re-run replaces the generated charts and drawings, and keeps the user's", async () => {
  const again = writePlan(new Package("again.xlsx", out), plan(CHARTS));
  const z = await JSZip.loadAsync(again);
  const names = Object.keys(z.files);
  expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(3);
  // The user's image drawing plus one drawing per generated sheet with charts.
  expect(names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(4);
  expect(names.filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))).toHaveLength(1);
  for (const n of names.filter((x) => !z.files[x].dir))
    if (!/workbook\.xml|app\.xml|Content_Types|styles/.test(n))
      expect([n, await z.file(n)!.async("string")]).toEqual([n, await zip.file(n)!.async("string")]);
});

(validatorAvailable() ? test : test.skip)("the validator reports no error on the file", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "piao-charts-")), "charts.xlsx");
  fs.writeFileSync(file, out);
  expect(validationErrors([file])).toEqual([]);
});

const hasSoffice = sofficeAvailable();
if (!hasSoffice) console.warn("xlsx-charts: soffice not found, the LibreOffice checks are skipped");

(hasSoffice ? test : test.skip)(
  "LibreOffice renders the file to PDF and keeps the charts on a round trip",
  () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "piao-charts-"));
    const file = path.join(work, "charts.xlsx");
    fs.writeFileSync(file, out);
    const run = (target: string, outdir: string) =>
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${path.join(work, "profile")}`,
          "--headless",
          "--norestore",
          "--convert-to",
          target,
          "--outdir",
          outdir,
          file,
        ],
        { stdio: "pipe", timeout: 60000 },
      );
    run("pdf", work);
    const pdf = fs.readFileSync(path.join(work, "charts.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5000);

    const rt = path.join(work, "rt");
    run("xlsx:Calc MS Excel 2007 XML", rt);
    return JSZip.loadAsync(fs.readFileSync(path.join(rt, "charts.xlsx"))).then(async (z) => {
      const charts = Object.keys(z.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
      expect(charts).toHaveLength(3);
      const all = (await Promise.all(charts.map((n) => z.file(n)!.async("string")))).join("");
      expect(all).toContain("<c:lineChart>");
      expect(all).toContain('<c:barDir val="bar"/>');
      expect(all).toContain('<c:barDir val="col"/>');
      expect(all).toContain('<c:min val="0"/>');
      expect(all).toContain('formatCode="0%"');
      expect(all).toMatch(/PIAO Pesi(&apos;|')!\$C\$2:\$C\$5/);
      expect(all).toMatch(/Attività dell(&apos;|')(&apos;|')ente(&apos;|')!\$B\$2:\$B\$4/);
      fs.rmSync(work, { recursive: true, force: true });
    });
  },
);
