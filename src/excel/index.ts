/**
 * Office.js adapter: reads the open workbook into SheetSnapshots and writes WorkbookPlans into it.
 * It knows Excel, not PIAO. Needs ExcelApi 1.4; newer APIs are feature-detected, and what a host
 * lacks is left out with a notice (see notices.ts).
 */

export {
  readWorkbook,
  MAX_READ_CELLS,
  DEFAULT_MAX_RESPONSE_BYTES,
  type ReadOptions,
  type SkippedSheet,
} from "./read";
export { applyPlan, MIN_EXCEL_API, type ApplyOptions, type ApplyResult } from "./apply";
export { removeSheets, selectCell, type RemoveOptions } from "./sheets";
export { queueRestore } from "./park";
export {
  describeExcelError,
  excelErrorCode,
  excelErrorFinding,
  noticeFinding,
  EXCEL_GENERIC_FINDING,
  BuildInterruptedError,
  ExcelAdapterError,
  SheetTooLargeError,
  type ExcelErrorDescription,
} from "./errors";
export { notice, type AdapterNotice } from "./notices";
export { officeSupports, type Supports } from "./supports";
export { DEFAULT_MAX_REQUEST_BYTES } from "./payload";
export { runInExcel } from "./run";
export { assertValidPlan } from "./validate";
export { needsTextFormat } from "./cells";
