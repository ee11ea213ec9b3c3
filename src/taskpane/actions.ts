/**
 * What the task pane asks of the rest of the add-in. Plain data only: the pane's components know nothing
 * about Office.js; `office-actions.ts` implements PaneActions over Excel, tests pass their own.
 */
import type { ObjectiveField } from "../engine/core/synonyms";

export type Severity = "error" | "warning" | "info";

export type Language = "it" | "en";

/** A text in both UI languages, as the engine produces it. */
export interface LocalizedText {
  it: string;
  en: string;
}

export interface FindingView {
  severity: Severity;
  /** Stable machine code, e.g. `PESO_SOMMA`. */
  code: string;
  message: LocalizedText;
  /** Source sheet and cell (A1, e.g. `D22`), when the finding points at a cell. */
  sheet?: string;
  address?: string;
  /** Ready to show, e.g. `'Settore 1'!D22`. */
  location?: string;
  /** The unit (settore) the finding belongs to, when it has one. */
  unit?: string;
}

/** One of the user's sheets and what detection made of it. */
export interface SheetView {
  name: string;
  /** `tooLarge`: left out of the read (over Excel's 5,000,000-cell limit for one read). */
  status: "recognised" | "unrecognised" | "tooLarge";
  /** What was found, or why nothing was (engine text); absent for `tooLarge`. */
  summary?: LocalizedText;
  /** How the sheet's non-empty rows were read (objectives, headers, totals, notes, legends, ignored). */
  rowsSummary?: LocalizedText;
  objectives: number;
  units: string[];
  indicators: number;
  spendingFigures: number;
  /** Used cells, for `tooLarge`. */
  cells?: number;
  hidden?: boolean;
}

export interface UnitView {
  unit: string;
  manager: string;
  objectives: number;
  weightSum: number;
  ok: boolean;
  /** Objectives with weight 0 ("gate" objectives). */
  gates: number;
}

/** Outcome code of the staff-spending threshold (`PIAO_CodiceEsito`). */
export type SpendingOutcome = "SOTTO" | "TRA" | "SOPRA" | "ENTRATE";
/** State of the hiring conditions (`PIAO_Condizioni`). */
export type HiringConditions = "verificate" | "da verificare" | "non rispettate";

/** Per unit, the measures of the objectives (`PIAO Misure`): monitoring state and score. */
export interface MeasuresUnitView {
  unit: string;
  objectives: number;
  /** Objectives with a measure that has a rule and a target. */
  measured: number;
  /** Measured objectives whose measures all have a value at 31/12. */
  withValues: number;
  /** Unit score (100 scale) once every objective has an achievement, else null. */
  score: number | null;
}

export interface SpendingView {
  /** Spending figures found in the workbook (0: the user fills in the sheet). */
  found: number;
  outcome: SpendingOutcome | null;
  /** The yearly cap could not be checked (its base year is missing): the outcome is provisional. */
  provisional: boolean;
  conditions: HiringConditions;
  /** The plan years of `PIAO_Triennio`. */
  years: { year: number; margin: number | null; outcome: SpendingOutcome | null; provisional: boolean }[];
  ratio: number | null;
  threshold: number | null;
  band: string | null;
  maxSpending: number | null;
  margin: number | null;
}

/** Something detection could not determine with confidence: the review step asks the user. */
export type ReviewItemView =
  | { kind: "unit"; sheet: string; current: string; objectives: number }
  | {
      kind: "weightColumn";
      sheet: string;
      /** 0-based row of the header without a weight column. */
      row: number;
      options: { col: number; letter: string; text: string }[];
    }
  | {
      /** A header cell that almost names several columns (`Dir.`): the user says which. */
      kind: "column";
      sheet: string;
      row: number;
      col: number;
      letter: string;
      text: string;
      options: { field: ObjectiveField; label: string }[];
    };

/** The user's review choices for one sheet (stored in the workbook's settings). */
export interface SheetChoice {
  unit?: string;
  /** 0-based column. */
  weightColumn?: number;
  /** Reading of ambiguous header cells: 0-based column → objective field (`manager`, `unit`, …). */
  columns?: Record<number, ObjectiveField>;
}

export type Mapping = Record<string, SheetChoice>;

export interface AnalysisView {
  /** The user's sheets, in tab order. */
  sheets: SheetView[];
  objectives: number;
  /** Indicator series found (PIAO section 2.1). */
  indicators: number;
  units: UnitView[];
  measures: MeasuresUnitView[];
  findings: FindingView[];
  review: ReviewItemView[];
  /** The choices stored in the workbook, as used for this analysis. */
  mapping: Mapping;
  spending: SpendingView;
  /** The add-in's sheets present in the workbook at the time of the analysis. */
  generated: string[];
}

export interface BuildView extends AnalysisView {
  /** Names of the PIAO sheets written (created or regenerated). */
  sheetsWritten: string[];
  /** Rows of a previous run whose key disappeared, moved to the archive sheet. */
  archived: number;
}

export interface Progress {
  phase: "read" | "analyze" | "write";
  /** For `write`: estimated bytes written so far and in total. */
  done?: number;
  total?: number;
}

export interface RunOptions {
  /** Language of the texts written into the generated sheets. */
  language: Language;
  onProgress?: (progress: Progress) => void;
}

export interface PaneActions {
  analyze(opts: RunOptions): Promise<AnalysisView>;
  build(opts: RunOptions): Promise<BuildView>;
  /** Activates `sheet` and selects `address` (A1) on it. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Removes the add-in's sheets (and only them); returns the names removed. */
  removeGenerated(): Promise<{ removed: string[] }>;
  loadMapping(): Promise<Mapping>;
  saveMapping(mapping: Mapping): Promise<void>;
}

/**
 * A failure explained for the user: `text` says what happened and what to do, in both languages.
 * Without `text` the pane shows its own message for `code` (or a generic one). Never carries a stack
 * to show.
 */
export class PaneError extends Error {
  constructor(
    readonly code: string,
    readonly text?: LocalizedText,
    /** Names the user can act on (e.g. the table whose name clashes). */
    readonly details: string[] = [],
  ) {
    super(text?.en ?? code);
    this.name = "PaneError";
  }
}

/** Thrown when the pane runs outside Excel (Office.js missing or no Excel host). */
export class HostUnavailableError extends Error {
  constructor() {
    super("Excel is not available");
    this.name = "HostUnavailableError";
  }
}

/** Used when the page is not running inside Excel: every action says so instead of failing obscurely. */
export const noHostActions: PaneActions = {
  analyze: () => Promise.reject(new HostUnavailableError()),
  build: () => Promise.reject(new HostUnavailableError()),
  selectCell: () => Promise.reject(new HostUnavailableError()),
  removeGenerated: () => Promise.reject(new HostUnavailableError()),
  loadMapping: () => Promise.reject(new HostUnavailableError()),
  saveMapping: () => Promise.reject(new HostUnavailableError()),
};
