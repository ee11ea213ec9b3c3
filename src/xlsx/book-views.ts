/** `<bookViews>` of the written workbook: which tab is active and which is first. */
import type { Package } from "./package";
import type { Tag } from "./xml";

/**
 * Whether a sheet's own view selects its tab (`<sheetView tabSelected="1">`, which Excel writes on the tab
 * that was active when saved): from what the reader noted, else from the part's text before its data.
 * Excel opens every tab so marked as selected together with the workbook's active tab: two such tabs open
 * grouped, and what is typed into one is typed into all (ClosedXML issue 1383, exceljs issue 162; the
 * shared OOXML validator warns about it). User sheet parts are copied byte for byte, so such a mark cannot
 * be removed: the writer then leaves the active tab where the user left it.
 */
export function tabSelected(pkg: Package, part: string): boolean {
  const noted = pkg.tabSelected.get(part.toLowerCase());
  if (noted !== undefined) return noted;
  const xml = pkg.read(part)?.toString("utf8") ?? "";
  const data = xml.search(/<(?:[\w.-]+:)?sheetData\b/);
  const head = data >= 0 ? xml.slice(0, data) : xml;
  return /<(?:[\w.-]+:)?sheetView\b[^>]*\stabSelected="(?:1|true)"/.test(head);
}

/**
 * Edits of the workbook part: the active and first tab stay on their sheet (or go to the first one when it
 * was replaced); the plan's active sheet, when it has one, becomes the active tab — with a new
 * `<bookViews>` right before `<sheets>` (CT_Workbook order) when the workbook has none.
 */
export function bookViewEdits(
  xml: string,
  tags: Tag[],
  sheetsStart: number,
  q: string,
  sheets: { oldNames: string[]; newNames: string[]; active?: string },
): { start: number; end: number; text: string }[] {
  const { oldNames, newNames } = sheets;
  const active = sheets.active ? newNames.indexOf(sheets.active) : -1;
  const edits: { start: number; end: number; text: string }[] = [];
  for (const t of tags) {
    if (t.local !== "workbookView" || t.kind === "close") continue;
    let raw = xml.slice(t.start, t.end);
    for (const at of ["activeTab", "firstSheet"]) {
      const m = new RegExp(`\\s${at}="(\\d+)"`).exec(raw);
      if (!m) continue;
      const name = oldNames[Number(m[1])];
      const i = name === undefined ? 0 : Math.max(0, newNames.indexOf(name));
      raw = raw.replace(m[0], ` ${at}="${i}"`);
    }
    if (active >= 0) raw = raw.replace(/ activeTab="\d+"|(?=\s*\/?>$)/, ` activeTab="${active}"`);
    edits.push({ start: t.start, end: t.end, text: raw });
  }
  if (active >= 0 && edits.length === 0)
    edits.push({
      start: sheetsStart,
      end: sheetsStart,
      text: `<${q}bookViews><${q}workbookView activeTab="${active}"/></${q}bookViews>`,
    });
  return edits;
}
