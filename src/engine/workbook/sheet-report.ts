/** What detection says about each user sheet, so that nothing is ignored silently. */
import type { RowCounts, SheetReport } from "../core/model";
import { MESSAGES as M } from "../core/messages";
import type { SheetSnapshot } from "../core/snapshot";

export interface SheetFound {
  objectives: number;
  units: string[];
  headers: number;
  figures: number;
  indicators: number;
  summaryRows: number;
  /** What each recognised non-empty row was read as, by 0-based sheet row; any other one is ignored. */
  kinds: Map<number, Exclude<keyof RowCounts, "ignored">>;
}

/** Every non-empty row of the sheet counted once: as what it was read as, or as ignored. */
function countRows(sheet: SheetSnapshot, kinds: SheetFound["kinds"]): RowCounts {
  const counts: RowCounts = {
    objectives: 0,
    headers: 0,
    totals: 0,
    notes: 0,
    legends: 0,
    other: 0,
    ignored: 0,
  };
  sheet.values.forEach((values, i) => {
    if (!values.some((v) => v !== null && v !== undefined && String(v).trim() !== "")) return;
    counts[kinds.get(sheet.top + i) ?? "ignored"]++;
  });
  return counts;
}

export function sheetReport(sheet: SheetSnapshot, found: SheetFound): SheetReport {
  const rows = countRows(sheet, found.kinds);
  const base = {
    sheet: sheet.name,
    objectives: found.objectives,
    units: found.units,
    indicators: found.indicators,
    spendingFigures: found.figures,
    rows,
    rowsSummary: M.reportRows(rows),
  };
  const parts = [
    found.objectives > 0 ? M.reportObjectives(found.objectives, found.units) : null,
    found.indicators > 0 ? M.reportIndicators(found.indicators) : null,
    found.figures > 0 ? M.reportFigures(found.figures) : null,
    // The PIAO's own summary table: compared with the cards, not a source of objectives.
    found.summaryRows > 0 ? M.reportSummaryTable(found.summaryRows) : null,
  ].filter((p) => p !== null);
  if (parts.length > 0)
    return {
      ...base,
      summary: { it: parts.map((p) => p.it).join("; ") + ".", en: parts.map((p) => p.en).join("; ") + "." },
    };
  const why =
    sheet.values.length === 0 ? M.whyEmpty() : found.headers > 0 ? M.whyHeaderWithoutRows() : M.whyNoHeader();
  return { ...base, summary: { it: M.reportNothing(why.it).it, en: M.reportNothing(why.en).en } };
}
