import type { Strings } from "./types";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const en: Strings = {
  htmlLang: "en",
  appTitle: "PIAO Sheets",
  appDescription:
    "Analyses the sheets in this workbook and creates structured PIAO sheets with native Excel formulas.",
  safetyNote: "Your existing sheets are never changed: the add-in writes only to the sheets it creates.",

  languageLabel: "Language",
  languageNames: { it: "Italiano", en: "English" },

  actionsLabel: "Actions",
  analyze: "Analyse workbook",
  analyzeHint: "Scans the sheets and reports what will be converted.",
  analyzing: "Analysing…",
  build: "Create PIAO sheets",
  buildHint: "Creates or updates the PIAO sheets from the existing sheets.",
  building: "Creating the sheets…",

  notAvailable: "Not available yet in this version.",
  failed: "The operation failed.",
  officeMissing: "Excel is not available: open this pane from inside Excel.",

  analysisTitle: "Analysis result",
  analysisSummary: (sheets) => `${plural(sheets, "sheet", "sheets")} scanned.`,
  buildTitle: "Sheets created",
  buildSummary: (sheets) => `${plural(sheets, "PIAO sheet", "PIAO sheets")} written.`,
  sheetsHeading: "Sheets",
  findingsHeading: "Findings",
  noFindings: "No findings.",
  findingsCount: ({ error, warning, info }) =>
    [
      plural(error, "error", "errors"),
      plural(warning, "warning", "warnings"),
      plural(info, "note", "notes"),
    ].join(", "),
  severity: { error: "Error", warning: "Warning", info: "Info" },
};
