import { plural } from "../../engine/core/i18n";
import type { Counts, Strings } from "./types";

const counts = ({ error, warning, info }: Counts) =>
  [
    plural(error, "error", "errors"),
    plural(warning, "warning", "warnings"),
    plural(info, "note", "notes"),
  ].join(", ");

export const en: Strings = {
  htmlLang: "en",
  numberLocale: "en-GB",
  appTitle: "PIAO Sheets",
  appDescription:
    "Analyses the sheets in this workbook and creates structured PIAO sheets with native Excel formulas.",
  safetyNote: "Your sheets are never changed: the add-in writes only to the PIAO sheets it creates.",

  languageLabel: "Language",
  languageNames: { it: "Italiano", en: "English" },

  analyzeHeading: "1. Analysis",
  analyze: "Analyse workbook",
  analyzeHint: "Reads every sheet and shows what was recognised.",
  progressRead: "Reading the sheets…",
  progressAnalyze: "Analysing the contents…",
  progressWrite: (p) => `Writing the PIAO sheets… ${p}%`,
  working: "Working…",
  analysisDone: (sheets, f) => `Analysis complete: ${plural(sheets, "sheet", "sheets")}; ${counts(f)}.`,
  sheetsSummary: (c) =>
    [
      `${plural(c.sheets, "sheet", "sheets")} scanned`,
      c.withObjectives
        ? `${c.withObjectives} with objectives (${plural(c.objectives, "objective", "objectives")} in ${plural(c.units, "unit", "units")})`
        : "",
      c.withIndicators
        ? `${c.withIndicators} with indicators (${plural(c.indicators, "indicator", "indicators")})`
        : "",
      c.withSpending ? `${c.withSpending} with spending figures` : "",
      c.unrecognised ? `${c.unrecognised} not recognised` : "",
    ]
      .filter(Boolean)
      .join(", ") + ".",
  sheetStatus: { recognised: "Recognised", unrecognised: "Nothing recognised", tooLarge: "Not read" },
  sheetTooLarge: (cells) =>
    `Sheet too large to read at once (${cells} used cells, Excel's limit is 5,000,000): shrink its used area by deleting empty trailing rows and columns.`,
  hiddenSheet: "hidden sheet",
  generatedPresent: (names) => `PIAO sheets already present (they will be updated): ${names}.`,
  nothingRecognisedTitle: "No PIAO content recognised",
  nothingRecognised:
    "There are no PIAO sheets to create. The add-in needs a header row with Objective and Weight or Type (objective cards or tables), indicator series by year, or labelled staff-spending figures. The reason for each sheet is shown above.",

  reviewHeading: "2. Review",
  reviewNothing: "Columns and units were recognised with confidence: nothing to choose.",
  reviewNothingRecognised: "No PIAO content recognised: there is nothing to review (see step 1).",
  reviewInterpreted: (n) =>
    `${plural(n, "header", "headers")} read by resemblance (e.g. “Pseo” as “Peso”): check the warnings in step 4.`,
  reviewBefore:
    "After the analysis, choose here the columns and units that could not be recognised with confidence.",
  reviewIntro: (open) =>
    open === 1
      ? "One item could not be determined with confidence: confirm or correct the choice before creating the sheets."
      : `${open} items could not be determined with confidence: confirm or correct the choices before creating the sheets.`,
  reviewAllConfirmed: "The choices stored in the workbook have been applied.",
  unitLabel: (sheet) => `Unit of the objectives on sheet “${sheet}”`,
  unitHint: (n, current) =>
    `${plural(n, "objective", "objectives")} without a Unit column or title: the unit is “${current}” for now, taken from the sheet name.`,
  unitConfirmedHint: (n) => `Stored choice, used for ${plural(n, "objective", "objectives")}.`,
  weightLabel: (sheet) => `Weight column on sheet “${sheet}”`,
  weightHint: (rows) => `No weight column recognised in the header (row ${rows}).`,
  weightChoose: "Choose the column…",
  weightOption: (letter, text) => `${letter}: ${text}`,
  columnLabel: (sheet, letter, text) => `Column ${letter} “${text}” on sheet “${sheet}”`,
  columnHint: (row) => `Ambiguous header (row ${row}): the column is not read until you choose.`,
  storedColumn: (letter, label) => `column ${letter} read as “${label}”`,
  fieldNames: {
    code: "Code",
    name: "Objective",
    type: "Type",
    weight: "Weight",
    indicator: "Indicator",
    unit: "Unit",
    manager: "Manager",
    strategicLine: "Strategic line",
    costCenter: "Cost centre",
    missionProgram: "Mission/Programme",
  },
  saveChoices: "Save choices and analyse again",
  choicesSaved: "Choices stored in the workbook: they will be used next time too.",
  storedChoices: "Choices stored in the workbook",
  storedUnit: (unit) => `unit “${unit}”`,
  storedWeight: (letter) => `weight in column ${letter}`,
  forgetChoices: "Forget the stored choices",
  choicesForgotten: "Stored choices removed from the workbook.",

  buildHeading: "3. PIAO sheets",
  build: "Create PIAO sheets",
  buildHint: "Creates or updates the PIAO sheets; keeps what was typed into the monitoring columns.",
  buildNeedsAnalysis: "Analyse the workbook first.",
  buildNothing: "No PIAO content recognised: there is nothing to create.",
  buildOpenReview: (open) =>
    open === 1
      ? "One choice is waiting in step 2: you can create the sheets anyway and correct it later."
      : `${open} choices are waiting in step 2: you can create the sheets anyway and correct them later.`,
  buildDone: (sheets, f) => `PIAO sheets created: ${plural(sheets, "sheet", "sheets")}; ${counts(f)}.`,
  sheetsWritten: (n, names) => `${plural(n, "sheet", "sheets")} written: ${names}.`,
  unitsHeading: "Units and weight sums",
  noUnits: "No objective found.",
  unitLine: (n, sum) => `${plural(n, "objective", "objectives")}, weight sum ${sum}`,
  gatesLine: (g) => `${plural(g, "gate objective", "gate objectives")} (weight 0)`,
  measuresHeading: "Measures of the objectives",
  measuresLine: ({ objectives, measured, withValues, score }) =>
    `${measured} of ${objectives} objectives measured, ${withValues} with values at 31/12` +
    (score !== undefined ? `; score ${score}` : ""),
  unitOk: "correct",
  unitWrong: "must be 100",
  findingsTotals: counts,
  showProblems: "Go to the problems",
  spendingHeading: "Staff spending",
  spendingNotFound: "No spending figures found in the workbook: fill in the PIAO Spesa personale sheet.",
  spendingIncomplete: "Incomplete figures: complete the PIAO Spesa personale sheet.",
  spendingFigures: (p) =>
    [
      p.ratio ? `ratio ${p.ratio}` : "",
      p.threshold ? `threshold ${p.threshold}` : "",
      p.band ? `band\u00a0${p.band}` : "",
      p.max ? `maximum spending ${p.max}` : "",
      p.margin ? `headroom ${p.margin}` : "",
    ]
      .filter(Boolean)
      .join(" · "),
  spendingOutcome: {
    SOTTO: "Under the threshold: headroom available.",
    TRA: "Between the two thresholds: the ratio must not increase (headroom 0).",
    SOPRA: "Above the threshold: the ratio must come down (30% turnover from 2025).",
    ENTRATE: "Net current revenue not positive: ratio, maximum spending and headroom cannot be computed.",
  },
  spendingProvisional: "Provisional outcome: the yearly increase cap cannot be checked.",
  spendingConditions: {
    verificate: "Hiring conditions verified: hiring possible within the headroom.",
    "da verificare": "Hiring conditions to be checked: no hiring until they are.",
    "non rispettate": "Hiring conditions not met: no hiring.",
  },
  spendingYear: (year, outcome, margin) => `${year}: ${margin ? `headroom ${margin} — ` : ""}${outcome}`,
  archived: (n) => `${plural(n, "row", "rows")} moved to PIAO Archivio.`,

  problemsHeading: "4. Problems",
  problemsCount: (shown, total) =>
    shown === total ? `${plural(total, "finding", "findings")}.` : `${shown} of ${total} findings.`,
  noProblems: "No findings.",
  noProblemsFiltered: "No findings with these filters.",
  severityFilter: "Severity",
  unitFilter: "Unit",
  allSeverities: "All",
  seriousSeverities: "Errors and warnings",
  showNotes: (n) => (n === 1 ? "Show the note too" : `Show the ${n} notes too`),
  allUnits: "All units",
  noUnit: "No unit",
  severity: { error: "Error", warning: "Warning", info: "Note" },
  severityPlural: { error: "Errors", warning: "Warnings", info: "Notes" },
  goToCell: "Go to cell",
  goToCellLabel: (location) => `Go to cell ${location}`,
  showMore: (n) => `Show ${n} more`,
  recheck: "Check again",
  recheckHint: "After correcting the cells, check the workbook again.",
  recheckDone: (f) => `Checked again: ${counts(f)}.`,
  problemsBeforeAnalysis: "Analyse the workbook to see the problems.",

  removeHeading: "5. Removal",
  remove: "Remove generated sheets",
  removeHint:
    "Deletes only the sheets the add-in created (PIAO …). Changes made by add-ins cannot always be undone with Ctrl+Z.",
  removeNone:
    "Nothing to remove: the button turns on when the analysis finds PIAO sheets or after you create them.",
  removeConfirmTitle: "Remove the generated sheets?",
  removeConfirmBody:
    "The PIAO sheets created by the add-in will be deleted, with what was typed into their monitoring columns. Your own sheets stay as they are.",
  removeConfirmList: (names) => `Sheets present at the last analysis: ${names}.`,
  removeConfirm: "Remove",
  cancel: "Cancel",
  removed: (n, names) => `${plural(n, "sheet", "sheets")} removed: ${names}.`,
  nothingRemoved: "No generated sheet to remove.",

  errorTitle: "The operation failed",
  errorCode: (code) => `Code: ${code}`,
  errorDetails: "Items concerned:",
  unexpectedError:
    "An unexpected error occurred in the add-in. Try again; if it happens again, save the file, reopen it and report the problem, saying what you were doing.",
  officeMissing: "Excel is not available: open this pane from inside Excel.",
  dismiss: "Dismiss",
};
