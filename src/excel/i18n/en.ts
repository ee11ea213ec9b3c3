/** The Office.js adapter's messages in English: the same ids and arguments as `it.ts`. */
import type { ExcelCatalogue } from "./it";

export const en: ExcelCatalogue = {
  // — notices
  noticeUpdate: () =>
    "Update Excel (Microsoft 365, or Excel 2021 and later) or use the command line (piao), which writes everything.",
  noticeValidation: (n: number) =>
    `${n} data-validation rule(s) not applied: this version of Excel does not support them (ExcelApi 1.8 needed). Values typed into the input cells will not be checked.`,
  noticeConditionalFormats: (n: number) =>
    `${n} conditional format(s) not applied (ExcelApi 1.6 needed): outcomes will not be coloured, but formulas and values are correct.`,
  noticeCalculation: () =>
    "Recalculation was not suspended while writing (ExcelApi 1.6 needed): writing may be slower.",
  noticeScreenUpdating: () =>
    "Screen updating was not suspended while writing (ExcelApi 1.9 needed): writing may be slower and the screen may flicker.",
  noticeTabColor: (n: number) => `Tab colour not set on ${n} sheet(s) (ExcelApi 1.7 needed).`,
  noticeFreeze: (n: number) =>
    `Panes not frozen on ${n} sheet(s) (ExcelApi 1.7 needed): headers scroll with the data; freeze them from View › Freeze Panes.`,
  noticeCharts: (n: number) =>
    `${n} chart(s) not created (ExcelApi 1.7 needed to set their series): the data stays in the sheets.`,
  noticeLinks: (n: number) =>
    `${n} link(s) to source cells not created (ExcelApi 1.7 needed): the cells still show the source address.`,
  noticeManualCalculation: () =>
    "The workbook is in manual calculation: the generated sheets were recalculated once, but after each change press F9 (or Formulas › Calculate Now) to update the results.",
  noticeMergesApi: () =>
    "Merged cells of your sheets were not read (ExcelApi 1.13 needed): a title on merged cells counts for its first cell only. Check the units recognised.",
  noticeTooManyMerges: (sheets: string) =>
    `Too many merged cells to read on the sheet(s) ${sheets} (Excel returns at most 512 per read): the analysis goes on without them, and a title on merged cells counts for its first cell only. Check the units recognised on those sheets.`,

  // — errors
  sheetPrefix: (sheet: string) => `Sheet '${sheet}': `,
  errorAccessDenied: () =>
    "Excel denied the operation: the sheet or workbook is protected, or the file is read-only. Unprotect it (Review › Unprotect Sheet) or save an editable copy, then try again.",
  errorInvalidOperation: () =>
    "Excel does not allow this operation right now (often because a sheet is protected, or a table or merged cells overlap). Remove the protection or the merged cells in that area and try again.",
  errorCellEditMode: () =>
    "Excel is in cell-edit mode. Press Enter or Esc to leave the cell, then try again.",
  errorRequestTooLarge: () =>
    "The data to write exceeds Excel on the web's 5 MB request limit, even after retrying with smaller requests. Use Excel desktop or the command line (piao).",
  errorInactiveWorkbook: () =>
    "Another workbook became active while the add-in was writing. Go back to this workbook, stay on it while the sheets are built, and try again.",
  errorMergedRangeConflict: () =>
    "Excel cannot write over merged cells there. Unmerge the cells in that area (Home › Merge & Center) and try again.",
  errorFormulaTooLong: () =>
    "A formula exceeds Excel's length limit (8,192 characters). This is a bug in the add-in: please report it, attaching the file if you can.",
  errorResponseTooLarge: () =>
    "The data to read exceeds Excel on the web's 5 MB response limit. Exclude very large sheets, or use Excel desktop or the command line (piao).",
  errorItemAlreadyExists: () =>
    "An item with the same name already exists (sheet, table or defined name). Rename or delete the existing one, then try again.",
  errorNameConflict: () =>
    "A name the add-in needs is already used by a table or defined name on one of your sheets. Rename the item listed, then try again.",
  errorItemNotFound: () =>
    "A sheet or item no longer exists (it may have been renamed or deleted meanwhile). Refresh and try again.",
  errorInvalidArgument: () =>
    "Excel rejected an invalid value or address. This is probably a bug in the add-in: please report it, attaching the file if you can.",
  errorInvalidPlan: () =>
    "The content to write is invalid (sheet or table names, lists too long, references). This is a bug in the add-in: please report it.",
  errorSheetTooLarge: () =>
    "A sheet is too large for Excel to read at once (over 5,000,000 used cells). Exclude it or shrink its used area (delete empty trailing rows and columns).",
  errorApiNotFound: () =>
    "This version of Excel lacks a feature the add-in needs. Update Excel (Excel 2021 or Microsoft 365 at least) or use the command line (piao).",
  errorConflict: () => "Someone else is editing the same part of the workbook. Wait a moment and try again.",
  errorRequestAborted: () =>
    "Excel aborted the request. Try again; if it happens again, close and reopen the file.",
  errorGeneralException: () =>
    "Excel reported an internal error. Save, close and reopen the file, then try again; if it persists, use the command line (piao).",
  errorBuildInterrupted: (sheets: string) =>
    `Building the sheets was interrupted and the previous sheets could not be put back: they are still in the workbook, with the data you had typed, named ${sheets}. Go back to this workbook and build the sheets again: that restores them before writing.`,
  errorGeneric: (code: string) =>
    `Excel returned an unexpected error. Try again; if it happens again, save and reopen the file or use the command line (piao). (code: ${code})`,
};
