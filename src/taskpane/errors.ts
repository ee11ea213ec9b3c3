/**
 * Turning any failure into something the pane can show: what happened and what to do, in both
 * languages, and the code for support. Pure (Excel's error codes are mapped by src/excel/errors.ts,
 * which makes no Office.js call); a raw message or stack is never shown.
 */
import { ExcelAdapterError, describeExcelError, excelErrorCode } from "../excel/errors";
import { HostUnavailableError, PaneError } from "./actions";

/** Code of the PaneError thrown when a build finds nothing to convert. */
export const NOTHING_RECOGNISED = "NothingRecognised";

/** Any failure → PaneError (Excel's codes get Excel's explanation; anything else the generic one). */
export function toPaneError(e: unknown): PaneError | HostUnavailableError {
  if (e instanceof PaneError || e instanceof HostUnavailableError) return e;
  const code = excelErrorCode(e);
  if (!code) {
    // A defect, not an Excel condition: the details go to the developer console only.
    console.error("PIAO Sheets: unexpected error", e);
    return new PaneError("Unexpected");
  }
  const d = describeExcelError(e);
  const details = e instanceof ExcelAdapterError && code === "NameConflict" ? e.details : [];
  return new PaneError(d.code, { it: d.it, en: d.en }, details);
}
