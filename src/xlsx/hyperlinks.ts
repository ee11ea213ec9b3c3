/**
 * Internal hyperlinks for the xlsx adapter. exceljs stores every cell hyperlink as an external
 * relationship, which Excel then treats as a web or file address; a link to a place in the same
 * workbook is a `<hyperlink ref="P2" location="'Settore 1'!B12" display="…"/>` with no `r:id` and no
 * relationship (ECMA-376 part 1, §18.3.1.47). They are added to the saved file the way charts.ts adds
 * charts: the worksheet XML is edited as text. No PIAO knowledge here: only the plan's LinkPlans.
 */
import JSZip from "jszip";
import type { LinkPlan } from "../engine/core/plan";
import { entryName, escapeAttr, insertAt, readPart, rootCloseIndex, scanTags, sheetParts } from "./charts";

/** A link with the text its cell shows. */
export interface XlsxLink extends LinkPlan {
  display: string;
}

/**
 * Worksheet children that come after `hyperlinks` in the CT_Worksheet sequence (ECMA-376 part 1,
 * §18.3.1.99): `<hyperlinks>` goes before the first of these, or at the end.
 */
const AFTER_HYPERLINKS = new Set([
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
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

/** Adds the links (sheet name → links) to an .xlsx; returns the new file bytes. */
export async function addLinksToXlsx(xlsx: Buffer, links: Map<string, XlsxLink[]>): Promise<Buffer> {
  const wanted = [...links].filter(([, list]) => list.length > 0);
  if (wanted.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const sheets = await sheetParts(zip);
  for (const [sheetName, list] of wanted) {
    const sheet = sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`addLinksToXlsx: no sheet named "${sheetName}" in the workbook`);
    const xml = await readPart(zip, sheet.part);
    if (xml === undefined) throw new Error(`addLinksToXlsx: ${sheet.part} not found`);
    const tags = scanTags(xml);
    const q = tags.find((t) => t.depth === 0)?.prefix ?? "";
    const el = (local: string) => (q ? `${q}:${local}` : local);
    const items = list
      .map(
        (l) =>
          `<${el("hyperlink")} ref="${escapeAttr(l.cell)}" location="${escapeAttr(l.target)}" display="${escapeAttr(l.display)}"/>`,
      )
      .join("");
    const existing = tags.find((t) => t.depth === 1 && t.local === "hyperlinks");
    let out: string;
    if (existing?.kind === "open") {
      const close = tags.find((t) => t.depth === 1 && t.kind === "close" && t.start > existing.start)!;
      out = insertAt(xml, close.start, items);
    } else if (existing) {
      out =
        xml.slice(0, existing.start) +
        `<${el("hyperlinks")}>${items}</${el("hyperlinks")}>` +
        xml.slice(existing.end);
    } else {
      const element = `<${el("hyperlinks")}>${items}</${el("hyperlinks")}>`;
      const before = tags.find((t) => t.depth === 1 && t.kind !== "close" && AFTER_HYPERLINKS.has(t.local));
      if (before) out = insertAt(xml, before.start, element);
      else {
        const close = rootCloseIndex(xml, tags, sheet.part);
        out = insertAt(close.xml, close.at, element);
      }
    }
    zip.file(entryName(zip, sheet.part) ?? sheet.part, out);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
