/**
 * A minimal pivot table written by hand into a package: the pivot table part linked from a sheet, its cache
 * definition and records, the workbook's <pivotCaches> entry, the relationships and the content types.
 * The cache reads "Tipo" and "Peso" (two columns, three rows) and is refreshed when Excel opens the file.
 */
import type JSZip from "jszip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

export const PIVOT_TABLE = "xl/pivotTables/pivotTable1.xml";
export const PIVOT_CACHE = "xl/pivotCache/pivotCacheDefinition1.xml";
export const PIVOT_RECORDS = "xl/pivotCache/pivotCacheRecords1.xml";

export interface PivotSource {
  /** The sheet whose range feeds the cache. */
  sheet: string;
  /** Two columns: a text field (row labels) then a whole-number field (summed), header row first. */
  ref: string;
  labels: [string, string];
  rows: [string, number][];
}

const relationship = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`;

const relsPart = (...rels: string[]) => `<Relationships xmlns="${PKG_RELS}">${rels.join("")}</Relationships>`;

function cacheXml(src: PivotSource, items: string[]): string {
  const numbers = src.rows.map((r) => r[1]);
  return (
    `<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshOnLoad="1" ` +
    `createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="${src.rows.length}">` +
    `<cacheSource type="worksheet"><worksheetSource ref="${src.ref}" sheet="${src.sheet}"/></cacheSource>` +
    `<cacheFields count="2"><cacheField name="${src.labels[0]}" numFmtId="0"><sharedItems count="${items.length}">` +
    items.map((s) => `<s v="${s}"/>`).join("") +
    `</sharedItems></cacheField><cacheField name="${src.labels[1]}" numFmtId="0">` +
    `<sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" ` +
    `minValue="${Math.min(...numbers)}" maxValue="${Math.max(...numbers)}"/></cacheField></cacheFields>` +
    `</pivotCacheDefinition>`
  );
}

const recordsXml = (src: PivotSource, items: string[]) =>
  `<pivotCacheRecords xmlns="${MAIN}" count="${src.rows.length}">` +
  src.rows.map(([s, n]) => `<r><x v="${items.indexOf(s)}"/><n v="${n}"/></r>`).join("") +
  `</pivotCacheRecords>`;

/** The pivot's rows: one per label, then the grand total; `at` is its top-left cell (column letter, row). */
function tableXml(src: PivotSource, items: string[], at: [string, number]): string {
  const [col, row] = at;
  const last = String.fromCharCode(col.charCodeAt(0) + 1);
  return (
    `<pivotTableDefinition xmlns="${MAIN}" name="Pivot1" cacheId="1" applyNumberFormats="0" ` +
    `applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" ` +
    `applyWidthHeightFormats="1" dataCaption="Valori" updatedVersion="6" minRefreshableVersion="3" ` +
    `createdVersion="6" useAutoFormatting="1" itemPrintTitles="1" indent="0" outline="1" outlineData="1">` +
    `<location ref="${col}${row}:${last}${row + items.length + 1}" firstHeaderRow="1" firstDataRow="1" ` +
    `firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0">` +
    `<items count="${items.length + 1}">` +
    items.map((_, i) => `<item x="${i}"/>`).join("") +
    `<item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>` +
    `<rowFields count="1"><field x="0"/></rowFields><rowItems count="${items.length + 1}">` +
    items.map((_, i) => (i === 0 ? `<i><x/></i>` : `<i><x v="${i}"/></i>`)).join("") +
    `<i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>` +
    `<dataFields count="1"><dataField name="Somma di ${src.labels[1]}" fld="1" baseField="0" baseItem="0"/>` +
    `</dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" ` +
    `showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`
  );
}

async function appendTo(zip: JSZip, part: string, close: string, text: string): Promise<void> {
  const xml = await zip.file(part)!.async("string");
  if (!xml.includes(close)) throw new Error(`${part}: no ${close}`);
  zip.file(part, xml.replace(close, text + close));
}

/**
 * Add the pivot to `zip`, placed at `at` on the sheet part `sheetPart`. The workbook part must end with the
 * last CT_Workbook child that may precede <pivotCaches> (as openpyxl writes it: calcPr, no extLst).
 */
export async function addPivotTable(
  zip: JSZip,
  sheetPart: string,
  at: [string, number],
  src: PivotSource,
): Promise<void> {
  const items = [...new Set(src.rows.map((r) => r[0]))];
  zip.file(PIVOT_CACHE, cacheXml(src, items));
  zip.file(PIVOT_RECORDS, recordsXml(src, items));
  zip.file(
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
    relsPart(relationship("rId1", "pivotCacheRecords", "pivotCacheRecords1.xml")),
  );
  zip.file(PIVOT_TABLE, tableXml(src, items, at));
  zip.file(
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    relsPart(relationship("rId1", "pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml")),
  );
  const sheetRels = sheetPart.replace(/([^/]+)$/, "_rels/$1.rels");
  const toTable = relationship("rIdPivot1", "pivotTable", "../pivotTables/pivotTable1.xml");
  if (zip.file(sheetRels)) await appendTo(zip, sheetRels, "</Relationships>", toTable);
  else zip.file(sheetRels, relsPart(toTable));
  await appendTo(
    zip,
    "xl/_rels/workbook.xml.rels",
    "</Relationships>",
    relationship("rIdPivotCache1", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml"),
  );
  await appendTo(
    zip,
    "xl/workbook.xml",
    "</workbook>",
    `<pivotCaches><pivotCache xmlns:r="${R}" cacheId="1" r:id="rIdPivotCache1"/></pivotCaches>`,
  );
  const override = (part: string, type: string) =>
    `<Override PartName="/${part}" ContentType="${CT}${type}+xml"/>`;
  await appendTo(
    zip,
    "[Content_Types].xml",
    "</Types>",
    override(PIVOT_TABLE, "pivotTable") +
      override(PIVOT_CACHE, "pivotCacheDefinition") +
      override(PIVOT_RECORDS, "pivotCacheRecords"),
  );
}
