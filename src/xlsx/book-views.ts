/** `<bookViews>` of the written workbook: which tab is active and which is first. */
import type { Tag } from "./xml";

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
