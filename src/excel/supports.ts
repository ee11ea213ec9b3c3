/**
 * Requirement-set detection. The adapter needs ExcelApi 1.8 (data validation); anything newer is used
 * only when `supports("1.x")` says the host has it.
 */

/** Answers `isSetSupported("ExcelApi", version)`; `version` is e.g. "1.9". */
export type Supports = (version: string) => boolean;

/** The real host's answer; false outside Office (tests, Node). */
export const officeSupports: Supports = (version) => {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
};
