/** What detection says about each user sheet, so that nothing is ignored silently. */
import type { SheetReport } from "../core/model";
import { MESSAGES as M } from "../core/messages";
import type { SheetSnapshot } from "../core/snapshot";

export interface SheetFound {
  objectives: number;
  units: string[];
  headers: number;
  figures: number;
  indicators: number;
  summaryRows: number;
}

export function sheetReport(sheet: SheetSnapshot, found: SheetFound): SheetReport {
  const base = {
    sheet: sheet.name,
    objectives: found.objectives,
    units: found.units,
    indicators: found.indicators,
    spendingFigures: found.figures,
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
