/**
 * Charts for the xlsx adapter: the DrawingML drawing of a generated sheet (one two-cell anchor per chart)
 * and one chart part per chart (ECMA-376 part 1: SpreadsheetML §18.3.1.36 `drawing`, DrawingML charts
 * §21.2). The writer (write.ts) adds the parts, their relationships and content types. No PIAO knowledge
 * here: only the ChartPlan.
 */
import { parseCell } from "../engine/core/address";
import type { ChartPlan, ChartSeriesPlan } from "../engine/core/plan";
import { escapeAttr, escapeText } from "./xml";

const NS = {
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
};
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ---------------------------------------------------------------------------------------------------------
// DrawingML

/** One two-cell anchor holding a chart frame (CT_TwoCellAnchor: from, to, graphicFrame, clientData). */
function chartAnchor(plan: ChartPlan, frameId: number, chartRelId: string): string {
  const at = parseCell(plan.at);
  const marker = (col: number, row: number) =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  const w = Math.max(1, Math.round(plan.widthCols));
  const h = Math.max(1, Math.round(plan.heightRows));
  return (
    `<xdr:twoCellAnchor>` +
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
  // CT_Scaling: logBase, orientation, max, min.
  const min = plan.valueAxis.min;
  const common = (id: number, pos: string, scalingMin?: number) =>
    `<c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/>` +
    (scalingMin === undefined ? "" : `<c:min val="${scalingMin}"/>`) +
    `</c:scaling>` +
    bool("delete", false) +
    `<c:axPos val="${pos}"/>`;
  const ticks = (format: string, linked: boolean) =>
    `<c:numFmt formatCode="${escapeAttr(format)}" sourceLinked="${linked ? 1 : 0}"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`;
  // CT_CatAx / CT_ValAx: axId, scaling, delete, axPos, majorGridlines, numFmt, majorTickMark,
  // minorTickMark, tickLblPos, crossAx, crosses, then auto/lblAlgn/lblOffset/noMultiLvlLbl or crossBetween.
  const catAx =
    `<c:catAx>${common(catId, horizontal ? "l" : "b")}${ticks("General", true)}` +
    `<c:crossAx val="${valId}"/><c:crosses val="autoZero"/>` +
    bool("auto", true) +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    bool("noMultiLvlLbl", false) +
    `</c:catAx>`;
  const valAx =
    `<c:valAx>${common(valId, horizontal ? "b" : "l", min)}<c:majorGridlines/>` +
    ticks(plan.valueAxis.numberFormat, false) +
    `<c:crossAx val="${catId}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>` +
    `</c:valAx>`;
  return catAx + valAx;
}

/** The chart part (CT_ChartSpace) for one plan. */
export function chartXml(plan: ChartPlan, chartNumber: number): string {
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

/** The drawing of a sheet with `plans`; chart i is the drawing's relationship `rId{i+1}`. */
export function drawingXml(plans: ChartPlan[]): string {
  // Shape ids are unique within the drawing; like Excel, the first one is 2.
  const anchors = plans.map((p, i) => chartAnchor(p, i + 2, `rId${i + 1}`)).join("");
  return `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors}</xdr:wsDr>`;
}
