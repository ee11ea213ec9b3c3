/** Shapes every feature shares: where a value came from, what detection says about a sheet. */
import type { Scalar } from "./snapshot";

/** Where a value came from: sheet and 0-based cell. */
export interface SourceRef {
  sheet: string;
  row: number;
  col: number;
}

/** How a sheet's non-empty rows were read: every one is counted once. */
export interface RowCounts {
  objectives: number;
  headers: number;
  totals: number;
  notes: number;
  legends: number;
  /** Recognised otherwise: card details, titles, indicators, spending figures, the summary table. */
  other: number;
  ignored: number;
}

/** What detection says about one user sheet, shown to the user so nothing is ignored silently. */
export interface SheetReport {
  sheet: string;
  objectives: number;
  units: string[];
  indicators: number;
  spendingFigures: number;
  rows: RowCounts;
  /** Italian and English one-line summary of what was found or why nothing was. */
  summary: { it: string; en: string };
  /** The row accounting in words (`Righe non vuote: 10 obiettivi, …`). */
  rowsSummary: { it: string; en: string };
}

/** A cell found next to an objective: its value, 0-based column and number format. */
export interface FoundCell {
  v: Scalar;
  col: number;
  nf: string | null;
}
