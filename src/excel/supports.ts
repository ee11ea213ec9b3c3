/**
 * Requirement-set detection. The writer needs ExcelApi 1.4 (defined names); anything newer is used only
 * when `supports("1.x")` says the host has it, and what is left out is reported as a notice. (The
 * manifest asks for ExcelApi 1.8, so Office does not even offer the add-in on older hosts; the
 * adapter's own floor is lower so that it degrades rather than fails if that ever changes.)
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
