/**
 * Charts for the xlsx adapter. exceljs cannot write charts, so they are added to the saved file: the .xlsx
 * zip is opened again and, for every sheet with charts, a DrawingML drawing (one two-cell anchor per chart)
 * and one chart part per chart are written, with their relationships and content types (ECMA-376 part 1:
 * SpreadsheetML §18.3.1.36 `drawing`, DrawingML charts §21.2). No PIAO knowledge here: only the ChartPlan.
 *
 * The XML of the existing parts is edited as text (exceljs writes plain, predictable XML) with a small
 * tag scanner that knows the nesting depth, so that elements are found and inserted at the top level only.
 */
import JSZip from "jszip";
import { parseCell } from "../engine/core/address";
import type { ChartPlan, ChartSeriesPlan } from "../engine/core/plan";

const NS = {
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
};
const REL_TYPE = {
  officeDocument: `${NS.rel}/officeDocument`,
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
};
const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Worksheet children that must come AFTER `drawing` (CT_Worksheet sequence): the drawing element is
 * inserted before the first of these, or at the end of the worksheet when there is none.
 */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

// ---------------------------------------------------------------------------------------------------------
// XML text helpers

/** Escape element content; drops the characters XML 1.0 does not allow. */
function escapeText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** Escape an attribute value (always written in double quotes). */
export const escapeAttr = (s: string) =>
  escapeText(s)
    .replace(/"/g, "&quot;")
    .replace(/[\t\n\r]/g, " ");

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[e] as string;
  });
}

export interface Tag {
  kind: "open" | "close" | "empty";
  /** Qualified name as written, e.g. `xdr:wsDr`. */
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

function attrsOf(tag: Tag): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.rawAttrs.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/** The prefix the root element binds to `uri`, or undefined. */
function prefixFor(root: Tag, uri: string): string | undefined {
  for (const [k, v] of attrsOf(root)) if (v === uri && k.startsWith("xmlns:")) return k.slice(6);
  return undefined;
}

function rootOf(tags: Tag[], part: string): Tag {
  const root = tags.find((t) => t.depth === 0 && t.kind !== "close");
  if (!root) throw new Error(`addChartsToXlsx: ${part} has no root element`);
  return root;
}

/** Position of the root's closing tag (where new last children go); turns `<root/>` into `<root></root>`. */
export function rootCloseIndex(xml: string, tags: Tag[], part: string): { xml: string; at: number } {
  const root = rootOf(tags, part);
  if (root.kind === "empty") {
    const open = xml.slice(root.start, root.end).replace(/\s*\/>$/, ">");
    const close = `</${root.qname}>`;
    return {
      xml: xml.slice(0, root.start) + open + close + xml.slice(root.end),
      at: root.start + open.length,
    };
  }
  const close = [...tags].reverse().find((t) => t.kind === "close" && t.depth === 0);
  if (!close) throw new Error(`addChartsToXlsx: ${part} is not well-formed`);
  return { xml, at: close.start };
}

export const insertAt = (xml: string, at: number, text: string) => xml.slice(0, at) + text + xml.slice(at);

// ---------------------------------------------------------------------------------------------------------
// Package (OPC) helpers

/** `xl/worksheets` + `../drawings/drawing1.xml` → `xl/drawings/drawing1.xml`; absolute targets start at the root. */
function resolveTarget(fromDir: string, target: string): string {
  const parts = target.startsWith("/") ? [] : fromDir.split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

const dirOf = (part: string) => part.slice(0, Math.max(0, part.lastIndexOf("/")));
const relsPathOf = (part: string) => {
  const dir = dirOf(part);
  return `${dir ? dir + "/" : ""}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
};

/** Relative target from one part to another, e.g. `../charts/chart1.xml`. */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = dirOf(fromPart).split("/").filter(Boolean);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array(from.length - i).fill(".."), ...to.slice(i)].join("/");
}

/** The zip entry for a part name (OPC part names are case-insensitive). */
export function entryName(zip: JSZip, part: string): string | undefined {
  if (zip.files[part] && !zip.files[part].dir) return part;
  const lower = part.toLowerCase();
  return Object.keys(zip.files).find((n) => n.toLowerCase() === lower && !zip.files[n].dir);
}

export async function readPart(zip: JSZip, part: string): Promise<string | undefined> {
  const name = entryName(zip, part);
  return name === undefined ? undefined : zip.file(name)!.async("string");
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** A relationships part being edited. */
class Rels {
  constructor(
    readonly path: string,
    private xml: string,
  ) {}

  static async load(zip: JSZip, sourcePart: string): Promise<Rels> {
    const path = relsPathOf(sourcePart);
    const xml = await readPart(zip, path);
    return new Rels(path, xml ?? `${XML_DECL}<Relationships xmlns="${NS.pkgRel}"></Relationships>`);
  }

  list(): Relationship[] {
    return scanTags(this.xml)
      .filter((t) => t.depth === 1 && t.local === "Relationship" && t.kind !== "close")
      .map((t) => {
        const a = attrsOf(t);
        return {
          id: a.get("Id") ?? "",
          type: a.get("Type") ?? "",
          target: a.get("Target") ?? "",
          external: a.get("TargetMode") === "External",
        };
      });
  }

  /** Add a relationship with a fresh `rIdN`; returns the id. */
  add(type: string, target: string): string {
    const ids = new Set(this.list().map((r) => r.id));
    let n = ids.size + 1;
    for (const id of ids) {
      const m = /^rId(\d+)$/.exec(id);
      if (m) n = Math.max(n, Number(m[1]) + 1);
    }
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const tags = scanTags(this.xml);
    const root = rootOf(tags, this.path);
    const q = root.prefix ? root.prefix + ":" : "";
    const { xml, at } = rootCloseIndex(this.xml, tags, this.path);
    this.xml = insertAt(
      xml,
      at,
      `<${q}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`,
    );
    return id;
  }

  save(zip: JSZip): void {
    zip.file(entryName(zip, this.path) ?? this.path, this.xml);
  }
}

/** Add an Override for `/part` to [Content_Types].xml unless one is there. */
function addOverride(types: string, part: string, contentType: string): string {
  const tags = scanTags(types);
  const partName = "/" + part;
  const has = tags.some(
    (t) =>
      t.depth === 1 &&
      t.local === "Override" &&
      t.kind !== "close" &&
      (attrsOf(t).get("PartName") ?? "").toLowerCase() === partName.toLowerCase(),
  );
  if (has) return types;
  const root = rootOf(tags, "[Content_Types].xml");
  const q = root.prefix ? root.prefix + ":" : "";
  const { xml, at } = rootCloseIndex(types, tags, "[Content_Types].xml");
  return insertAt(xml, at, `<${q}Override PartName="${escapeAttr(partName)}" ContentType="${contentType}"/>`);
}

/** Highest N of the parts `dir/baseN.xml` already in the package. */
function maxPartNumber(zip: JSZip, dir: string, base: string): number {
  const re = new RegExp(`^${dir}/${base}(\\d+)\\.xml$`, "i");
  let max = 0;
  for (const name of Object.keys(zip.files)) {
    const m = re.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

// ---------------------------------------------------------------------------------------------------------
// DrawingML

/** One two-cell anchor holding a chart frame (CT_TwoCellAnchor: from, to, graphicFrame, clientData). */
function chartAnchor(plan: ChartPlan, frameId: number, chartRelId: string, nsDecl: string): string {
  const at = parseCell(plan.at);
  const marker = (col: number, row: number) =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  const w = Math.max(1, Math.round(plan.widthCols));
  const h = Math.max(1, Math.round(plan.heightRows));
  return (
    `<xdr:twoCellAnchor${nsDecl}>` +
    `<xdr:from>${marker(at.col, at.row)}</xdr:from>` +
    `<xdr:to>${marker(at.col + w, at.row + h)}</xdr:to>` +
    `<xdr:graphicFrame macro="">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${frameId}" name="Chart ${frameId}" descr="${escapeAttr(plan.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}">` +
    `<c:chart xmlns:c="${NS.c}" xmlns:r="${NS.rel}" r:id="${chartRelId}"/>` +
    `</a:graphicData></a:graphic>` +
    `</xdr:graphicFrame>` +
    `<xdr:clientData/>` +
    `</xdr:twoCellAnchor>`
  );
}

const newDrawingXml = () => `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;

/** Highest `cNvPr` id used in a drawing (ids of the shapes must be unique within it). */
function maxShapeId(drawingXml: string): number {
  let max = 0;
  for (const t of scanTags(drawingXml))
    if (t.local === "cNvPr" && t.kind !== "close") max = Math.max(max, Number(attrsOf(t).get("id")) || 0);
  return max;
}

/** `'Sheet'!$A$2:$A$5` as written in a `c:f` (no leading `=`). */
const chartFormula = (ref: string) => escapeText(ref.trim().replace(/^=/, ""));

/** A literal value of a CT_Boolean (the schema default of `val` is true: always written explicitly). */
const bool = (name: string, v: boolean) => `<c:${name} val="${v ? 1 : 0}"/>`;

function seriesXml(plan: ChartPlan, s: ChartSeriesPlan, i: number): string {
  const line = plan.type === "line";
  const cat = s.categories.trim()
    ? `<c:cat><c:strRef><c:f>${chartFormula(s.categories)}</c:f></c:strRef></c:cat>`
    : "";
  // CT_LineSer: idx, order, tx, spPr, marker, …, cat, val, smooth. CT_BarSer: idx, order, tx, spPr,
  // invertIfNegative, …, cat, val.
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>` +
    (line
      ? `<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>`
      : bool("invertIfNegative", false)) +
    cat +
    `<c:val><c:numRef><c:f>${chartFormula(s.values)}</c:f></c:numRef></c:val>` +
    (line ? bool("smooth", false) : "") +
    `</c:ser>`
  );
}

/** Axis ids are only matched inside one chart part; distinct values per chart keep them easy to read. */
function axesXml(plan: ChartPlan, catId: number, valId: number): string {
  const horizontal = plan.type === "bar";
  const common = (id: number, pos: string) =>
    `<c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    bool("delete", false) +
    `<c:axPos val="${pos}"/>`;
  const ticks =
    `<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`;
  // CT_CatAx / CT_ValAx: axId, scaling, delete, axPos, majorGridlines, numFmt, majorTickMark,
  // minorTickMark, tickLblPos, crossAx, crosses, then auto/lblAlgn/lblOffset/noMultiLvlLbl or crossBetween.
  const catAx =
    `<c:catAx>${common(catId, horizontal ? "l" : "b")}${ticks}` +
    `<c:crossAx val="${valId}"/><c:crosses val="autoZero"/>` +
    bool("auto", true) +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    bool("noMultiLvlLbl", false) +
    `</c:catAx>`;
  const valAx =
    `<c:valAx>${common(valId, horizontal ? "b" : "l")}<c:majorGridlines/>${ticks}` +
    `<c:crossAx val="${catId}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>` +
    `</c:valAx>`;
  return catAx + valAx;
}

/** The chart part (CT_ChartSpace) for one plan. */
function chartXml(plan: ChartPlan, chartNumber: number): string {
  const catId = 100000 + chartNumber * 10 + 1;
  const valId = catId + 1;
  const series = plan.series.map((s, i) => seriesXml(plan, s, i)).join("");
  const axIds = `<c:axId val="${catId}"/><c:axId val="${valId}"/>`;
  // CT_LineChart: grouping, varyColors, ser*, …, marker, …, axId{2}.
  // CT_BarChart: barDir, grouping, varyColors, ser*, …, gapWidth, overlap, …, axId{2}.
  const typeGroup =
    plan.type === "line"
      ? `<c:lineChart><c:grouping val="standard"/>${bool("varyColors", false)}${series}` +
        `${bool("marker", true)}${axIds}</c:lineChart>`
      : `<c:barChart><c:barDir val="${plan.type === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/>` +
        `${bool("varyColors", false)}${series}<c:gapWidth val="150"/>${axIds}</c:barChart>`;
  const title = plan.title.trim()
    ? `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>` +
      `<a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="it-IT" sz="1400" b="1"/>` +
      `<a:t>${escapeText(plan.title)}</a:t></a:r></a:p>` +
      `</c:rich></c:tx>${bool("overlay", false)}</c:title>${bool("autoTitleDeleted", false)}`
    : bool("autoTitleDeleted", true);
  // CT_ChartSpace: date1904, lang, roundedCorners, …, chart. CT_Chart: title, autoTitleDeleted, …,
  // plotArea, legend, plotVisOnly, dispBlanksAs.
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">` +
    `${bool("date1904", false)}<c:lang val="it-IT"/>${bool("roundedCorners", false)}` +
    `<c:chart>${title}` +
    `<c:plotArea><c:layout/>${typeGroup}${axesXml(plan, catId, valId)}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/>${bool("overlay", false)}</c:legend>` +
    `${bool("plotVisOnly", true)}<c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}

// ---------------------------------------------------------------------------------------------------------
// Workbook structure

interface SheetPart {
  name: string;
  part: string;
}

export async function sheetParts(zip: JSZip): Promise<SheetPart[]> {
  const rootRels = await Rels.load(zip, "");
  const office = rootRels.list().find((r) => r.type === REL_TYPE.officeDocument);
  const workbookPart = office ? resolveTarget("", office.target) : "xl/workbook.xml";
  const workbook = await readPart(zip, workbookPart);
  if (workbook === undefined) throw new Error(`addChartsToXlsx: ${workbookPart} not found`);
  const wbRels = (await Rels.load(zip, workbookPart)).list();
  const tags = scanTags(workbook);
  const rPrefix = prefixFor(rootOf(tags, workbookPart), NS.rel) ?? "r";
  return tags
    .filter((t) => t.depth === 2 && t.local === "sheet" && t.kind !== "close")
    .map((t) => {
      const a = attrsOf(t);
      const name = a.get("name") ?? "";
      const rel = wbRels.find((r) => r.id === a.get(`${rPrefix}:id`));
      if (!rel) throw new Error(`addChartsToXlsx: sheet "${name}" has no part`);
      return { name, part: resolveTarget(dirOf(workbookPart), rel.target) };
    });
}

/**
 * Add the charts to an .xlsx produced by exceljs; returns the new file bytes. `charts` maps sheet name → its
 * ChartPlan[]. A sheet that already has a drawing (e.g. exceljs images) gets the charts in that drawing.
 */
export async function addChartsToXlsx(xlsx: Buffer, charts: Map<string, ChartPlan[]>): Promise<Buffer> {
  const wanted = [...charts].filter(([, plans]) => plans.length > 0);
  if (wanted.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const sheets = await sheetParts(zip);
  const typesName = entryName(zip, "[Content_Types].xml");
  if (!typesName) throw new Error("addChartsToXlsx: [Content_Types].xml not found");
  let types = await zip.file(typesName)!.async("string");
  let nextDrawing = maxPartNumber(zip, "xl/drawings", "drawing") + 1;
  let nextChart = maxPartNumber(zip, "xl/charts", "chart") + 1;

  for (const [sheetName, plans] of wanted) {
    const sheet = sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`addChartsToXlsx: no sheet named "${sheetName}" in the workbook`);
    let sheetXml = await readPart(zip, sheet.part);
    if (sheetXml === undefined) throw new Error(`addChartsToXlsx: ${sheet.part} not found`);
    const sheetRels = await Rels.load(zip, sheet.part);
    const sheetTags = scanTags(sheetXml);
    const sheetRoot = rootOf(sheetTags, sheet.part);
    const rPrefix = prefixFor(sheetRoot, NS.rel);

    // The sheet's drawing: the existing one, or a new part referenced by a new <drawing r:id> element.
    let drawingPart: string;
    const existing = sheetTags.find((t) => t.depth === 1 && t.local === "drawing" && t.kind !== "close");
    const existingRel =
      existing &&
      sheetRels.list().find((r) => r.id === attrsOf(existing).get(`${rPrefix ?? "r"}:id`) && !r.external);
    if (existingRel) {
      drawingPart = resolveTarget(dirOf(sheet.part), existingRel.target);
    } else {
      if (existing) throw new Error(`addChartsToXlsx: the drawing of "${sheetName}" has no relationship`);
      drawingPart = `xl/drawings/drawing${nextDrawing++}.xml`;
      const relId = sheetRels.add(REL_TYPE.drawing, relativeTarget(sheet.part, drawingPart));
      const q = sheetRoot.prefix ? sheetRoot.prefix + ":" : "";
      const element = rPrefix
        ? `<${q}drawing ${rPrefix}:id="${relId}"/>`
        : `<${q}drawing xmlns:r="${NS.rel}" r:id="${relId}"/>`;
      const before = sheetTags.find((t) => t.depth === 1 && t.kind !== "close" && AFTER_DRAWING.has(t.local));
      if (before) sheetXml = insertAt(sheetXml, before.start, element);
      else {
        const close = rootCloseIndex(sheetXml, sheetTags, sheet.part);
        sheetXml = insertAt(close.xml, close.at, element);
      }
      zip.file(entryName(zip, sheet.part) ?? sheet.part, sheetXml);
      sheetRels.save(zip);
    }
    types = addOverride(types, drawingPart, CONTENT_TYPE.drawing);

    let drawingXml = (await readPart(zip, drawingPart)) ?? newDrawingXml();
    const drawingRels = await Rels.load(zip, drawingPart);
    const drawingTags = scanTags(drawingXml);
    const drawingRoot = rootOf(drawingTags, drawingPart);
    // Anchors use the xdr/a prefixes; declared on the anchor when the existing root binds them differently.
    const nsDecl =
      (prefixFor(drawingRoot, NS.xdr) === "xdr" ? "" : ` xmlns:xdr="${NS.xdr}"`) +
      (prefixFor(drawingRoot, NS.a) === "a" ? "" : ` xmlns:a="${NS.a}"`);
    // Shape ids are unique within the drawing; like Excel, the first one is 2.
    let shapeId = Math.max(1, maxShapeId(drawingXml));
    let anchors = "";
    for (const plan of plans) {
      const chartPart = `xl/charts/chart${nextChart}.xml`;
      zip.file(chartPart, chartXml(plan, nextChart));
      nextChart++;
      types = addOverride(types, chartPart, CONTENT_TYPE.chart);
      const relId = drawingRels.add(REL_TYPE.chart, relativeTarget(drawingPart, chartPart));
      anchors += chartAnchor(plan, ++shapeId, relId, nsDecl);
    }
    const close = rootCloseIndex(drawingXml, drawingTags, drawingPart);
    drawingXml = insertAt(close.xml, close.at, anchors);
    zip.file(entryName(zip, drawingPart) ?? drawingPart, drawingXml);
    drawingRels.save(zip);
  }

  zip.file(typesName, types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
