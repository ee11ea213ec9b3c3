/**
 * Office.js adapter: reads the open workbook into SheetSnapshots and writes WorkbookPlans into it.
 * It knows Excel, not PIAO. Requires ExcelApi 1.8; newer APIs are feature-detected.
 */

export { readWorkbook, MAX_READ_CELLS, type ReadOptions, type SkippedSheet } from "./read";
export { applyPlan, type ApplyOptions } from "./apply";
export { removeSheets, selectCell, type RemoveOptions } from "./sheets";
export {
  describeExcelError,
  excelErrorCode,
  ExcelAdapterError,
  SheetTooLargeError,
  type ExcelErrorDescription,
} from "./errors";
export { officeSupports, type Supports } from "./supports";
export { DEFAULT_MAX_REQUEST_BYTES } from "./payload";
export { assertValidPlan } from "./validate";
export { needsTextFormat } from "./cells";
