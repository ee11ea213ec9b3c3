import type { ObjectiveField } from "../../engine/core/synonyms";
import type { HiringConditions, Severity, SpendingOutcome } from "../actions";

export type Counts = Record<Severity, number>;

/**
 * Every string the task pane shows. One catalogue per language: it.ts, en.ts. The engine's own texts
 * (findings, sheet summaries) arrive in both languages with the data.
 */
export interface Strings {
  /** BCP 47 tag of the catalogue, set on the pane's root element as `lang`. */
  htmlLang: string;
  /** Locale for numbers (Intl). */
  numberLocale: string;
  appTitle: string;
  appDescription: string;
  safetyNote: string;

  languageLabel: string;
  languageNames: { it: string; en: string };

  // Step 1: analysis
  analyzeHeading: string;
  analyze: string;
  analyzeHint: string;
  progressRead: string;
  progressAnalyze: string;
  progressWrite: (percent: number) => string;
  working: string;
  analysisDone: (sheets: number, findings: Counts) => string;
  sheetsSummary: (c: {
    sheets: number;
    withObjectives: number;
    objectives: number;
    units: number;
    withIndicators: number;
    indicators: number;
    withSpending: number;
    unrecognised: number;
  }) => string;
  sheetStatus: { recognised: string; unrecognised: string; tooLarge: string };
  sheetTooLarge: (cells: string) => string;
  hiddenSheet: string;
  generatedPresent: (names: string) => string;
  nothingRecognisedTitle: string;
  nothingRecognised: string;

  // Step 2: review
  reviewHeading: string;
  /** Step 2 when the analysis left nothing to choose. */
  reviewNothing: string;
  /** Step 2 when nothing was recognised: there is nothing to choose, and nothing was confirmed either. */
  reviewNothingRecognised: string;
  /** Step 2 when headers were read by resemblance (`Pseo` as Peso): they are listed among the problems. */
  reviewInterpreted: (headers: number) => string;
  /** Step 2 before any analysis. */
  reviewBefore: string;
  reviewIntro: (open: number) => string;
  reviewAllConfirmed: string;
  unitLabel: (sheet: string) => string;
  unitHint: (objectives: number, current: string) => string;
  unitConfirmedHint: (objectives: number) => string;
  weightLabel: (sheet: string) => string;
  weightHint: (rows: string) => string;
  weightChoose: string;
  weightOption: (letter: string, text: string) => string;
  columnLabel: (sheet: string, letter: string, text: string) => string;
  columnHint: (row: number) => string;
  storedColumn: (letter: string, label: string) => string;
  /** Names of the objective columns, for stored column choices. */
  fieldNames: Record<ObjectiveField, string>;
  saveChoices: string;
  choicesSaved: string;
  storedChoices: string;
  storedUnit: (unit: string) => string;
  storedWeight: (letter: string) => string;
  forgetChoices: string;
  choicesForgotten: string;

  // Step 3: build
  buildHeading: string;
  build: string;
  buildHint: string;
  buildNeedsAnalysis: string;
  buildNothing: string;
  buildOpenReview: (open: number) => string;
  buildDone: (sheets: number, findings: Counts) => string;
  sheetsWritten: (count: number, names: string) => string;
  unitsHeading: string;
  noUnits: string;
  unitLine: (objectives: number, sum: string) => string;
  gatesLine: (gates: number) => string;
  measuresHeading: string;
  measuresLine: (p: { objectives: number; measured: number; withValues: number; score?: string }) => string;
  unitOk: string;
  unitWrong: string;
  findingsTotals: (counts: Counts) => string;
  showProblems: string;
  spendingHeading: string;
  spendingNotFound: string;
  spendingIncomplete: string;
  spendingFigures: (p: {
    ratio?: string;
    threshold?: string;
    band?: string;
    max?: string;
    margin?: string;
  }) => string;
  spendingOutcome: Record<SpendingOutcome, string>;
  spendingProvisional: string;
  spendingConditions: Record<HiringConditions, string>;
  spendingYear: (year: number, outcome: string, margin?: string) => string;
  archived: (rows: number) => string;

  // Step 4: problems
  problemsHeading: string;
  problemsCount: (shown: number, total: number) => string;
  noProblems: string;
  noProblemsFiltered: string;
  severityFilter: string;
  unitFilter: string;
  allSeverities: string;
  /** The filter the list opens on when there are errors or warnings. */
  seriousSeverities: string;
  /** Shows the informational notes too, from the errors-and-warnings filter. */
  showNotes: (n: number) => string;
  allUnits: string;
  noUnit: string;
  severity: Record<Severity, string>;
  severityPlural: Record<Severity, string>;
  goToCell: string;
  goToCellLabel: (location: string) => string;
  showMore: (n: number) => string;
  recheck: string;
  recheckHint: string;
  recheckDone: (findings: Counts) => string;
  problemsBeforeAnalysis: string;

  // Step 5: removal
  removeHeading: string;
  remove: string;
  removeHint: string;
  /** Why removing is not possible: no generated sheet at the last analysis (or no analysis yet). */
  removeNone: string;
  removeConfirmTitle: string;
  removeConfirmBody: string;
  removeConfirmList: (names: string) => string;
  removeConfirm: string;
  cancel: string;
  removed: (count: number, names: string) => string;
  nothingRemoved: string;

  // Errors
  errorTitle: string;
  errorCode: (code: string) => string;
  errorDetails: string;
  unexpectedError: string;
  officeMissing: string;
  dismiss: string;
}
