/** The reader's options, their defaults, and the cell cap every sheet is checked against. */

import { SheetTooLargeError } from "./errors";
import type { AdapterNotice } from "./notices";
import { type Supports, officeSupports } from "./supports";

/** Excel returns null (or fails) for reads of more than 5,000,000 cells in one range. */
export const MAX_READ_CELLS = 5_000_000;

/** Rows/columns probed one by one for their hidden flag when a sheet has some hidden (bounded cost). */
export const DEFAULT_HIDDEN_PROBE_LIMIT = 2_000;

/** Excel on the web rejects responses over 5 MB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export interface SkippedSheet {
  name: string;
  cells: number;
  reason: "too-large";
}

export interface ReadOptions {
  /** Sheets not to read; asked once per sheet, in tab order (hinted names first with `sheetNames`). */
  skipSheets?: (name: string) => boolean;
  /**
   * Called for a sheet left out because its used range exceeds `maxCells`. Without it, such a sheet
   * makes the read fail with `SheetTooLargeError` (nothing is skipped silently).
   */
  onSkip?: (info: SkippedSheet) => void;
  /** Default 5,000,000 (Excel's limit for one read). */
  maxCells?: number;
  hiddenProbeLimit?: number;
  supports?: Supports;
  /**
   * The workbook's sheet names as the caller last saw them (any order). With them the read takes one
   * sync; without, two. Wrong or stale names cost a sync or two more, never a wrong result.
   */
  sheetNames?: string[];
  /** Response budget per sync, used to size row slices in the fallback (default 5 MB). */
  maxResponseBytes?: number;
  /** Told what could not be read on this host (e.g. merged areas below ExcelApi 1.13). */
  onNotice?: (notice: AdapterNotice) => void;
}

/** The options with their defaults filled in. */
export interface Resolved {
  supports: Supports;
  maxCells: number;
  probeLimit: number;
  maxResponse: number;
  skip: (name: string) => boolean;
  onSkip?: (info: SkippedSheet) => void;
  onNotice?: (notice: AdapterNotice) => void;
}

export const lc = (s: string) => s.toLowerCase();

export function resolveOptions(opts: ReadOptions): Resolved {
  return {
    supports: opts.supports ?? officeSupports,
    maxCells: opts.maxCells ?? MAX_READ_CELLS,
    probeLimit: opts.hiddenProbeLimit ?? DEFAULT_HIDDEN_PROBE_LIMIT,
    maxResponse: opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    skip: once(opts.skipSheets),
    onSkip: opts.onSkip,
    onNotice: opts.onNotice,
  };
}

/** `skipSheets` asked once per sheet name (callers may record the names they are shown). */
function once(skip: ((name: string) => boolean) | undefined): (name: string) => boolean {
  if (!skip) return () => false;
  const memo = new Map<string, boolean>();
  return (name) => {
    let r = memo.get(lc(name));
    if (r === undefined) {
      r = skip(name);
      memo.set(lc(name), r);
    }
    return r;
  };
}

/** Checks the cell cap; returns false when the sheet is skipped (throws when there is no onSkip). */
export function withinCap(name: string, cells: number, o: Resolved): boolean {
  if (cells <= o.maxCells) return true;
  if (!o.onSkip) throw new SheetTooLargeError(name, cells, o.maxCells);
  o.onSkip({ name, cells, reason: "too-large" });
  return false;
}
