/**
 * Errors of the Office.js adapter and a mapper from Excel's error codes to messages a user can act on.
 * Branch on `code`, never on `message`: Excel localises its messages (office-js #1199).
 */

import type { Finding, FindingCode } from "../engine/core/findings";
import type { Text } from "../engine/core/i18n";
import { EXCEL_MESSAGES } from "./messages";
import type { ExcelCatalogue } from "./i18n/it";
import type { AdapterNotice } from "./notices";

/** An error raised by the adapter itself (before or instead of an Excel call). */
export class ExcelAdapterError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: string[] = [],
  ) {
    super(details.length ? `${message}\n- ${details.join("\n- ")}` : message);
    this.name = "ExcelAdapterError";
  }
}

/** A sheet whose used range exceeds the 5,000,000-cell read limit. */
export class SheetTooLargeError extends ExcelAdapterError {
  constructor(
    readonly sheet: string,
    readonly cells: number,
    readonly limit: number,
  ) {
    super(
      "SheetTooLarge",
      `The sheet '${sheet}' has ${cells} cells in use; Excel reads at most ${limit} at once.`,
    );
    this.name = "SheetTooLargeError";
  }
}

/**
 * A build that failed and whose previous generated sheets could not be put back (the error that stopped
 * it, e.g. `InactiveWorkbook`, also refused the restore): they are parked under the names listed, with
 * their data, and the next build restores them first.
 */
export class BuildInterruptedError extends ExcelAdapterError {
  constructor(
    readonly reason: unknown,
    readonly parked: string,
  ) {
    super(
      excelErrorCode(reason) ?? "Unknown",
      `The build was interrupted; previous sheets parked as ${parked}.`,
    );
    this.name = "BuildInterruptedError";
  }
}

export interface ExcelErrorDescription {
  code: string;
  it: string;
  en: string;
}

/** Excel's error codes (and the adapter's own): the message that says what to do, and the finding code. */
const ERRORS: Record<string, { message: keyof ExcelCatalogue; finding: FindingCode }> = {
  AccessDenied: { message: "errorAccessDenied", finding: "EXCEL_FOGLIO_PROTETTO" },
  InvalidOperation: { message: "errorInvalidOperation", finding: "EXCEL_OPERAZIONE_NON_CONSENTITA" },
  InvalidOperationInCellEditMode: { message: "errorCellEditMode", finding: "EXCEL_MODIFICA_CELLA_IN_CORSO" },
  RequestPayloadSizeLimitExceeded: { message: "errorRequestTooLarge", finding: "EXCEL_LIMITE_DATI" },
  // Focus moved to another workbook while the add-in was working (Windows and Mac):
  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-troubleshooting
  InactiveWorkbook: { message: "errorInactiveWorkbook", finding: "EXCEL_CARTELLA_NON_ATTIVA" },
  MergedRangeConflict: { message: "errorMergedRangeConflict", finding: "EXCEL_CELLE_UNITE" },
  FormulaLengthExceedsLimit: { message: "errorFormulaTooLong", finding: "EXCEL_DIFETTO_COMPONENTE" },
  ResponsePayloadSizeLimitExceeded: { message: "errorResponseTooLarge", finding: "EXCEL_LIMITE_DATI" },
  ItemAlreadyExists: { message: "errorItemAlreadyExists", finding: "EXCEL_NOME_IN_USO" },
  NameConflict: { message: "errorNameConflict", finding: "EXCEL_NOME_IN_USO" },
  ItemNotFound: { message: "errorItemNotFound", finding: "EXCEL_ELEMENTO_NON_TROVATO" },
  InvalidArgument: { message: "errorInvalidArgument", finding: "EXCEL_DIFETTO_COMPONENTE" },
  InvalidPlan: { message: "errorInvalidPlan", finding: "EXCEL_DIFETTO_COMPONENTE" },
  SheetTooLarge: { message: "errorSheetTooLarge", finding: "EXCEL_TROPPE_CELLE" },
  ApiNotFound: { message: "errorApiNotFound", finding: "EXCEL_VERSIONE_NON_SUPPORTATA" },
  Conflict: { message: "errorConflict", finding: "EXCEL_CONFLITTO_MODIFICHE" },
  RequestAborted: { message: "errorRequestAborted", finding: "EXCEL_RICHIESTA_INTERROTTA" },
  GeneralException: { message: "errorGeneralException", finding: "EXCEL_ERRORE_INTERNO" },
};

/** The error code of an `OfficeExtension.Error` (or of our own errors), if any. */
export function excelErrorCode(e: unknown): string | undefined {
  if (!e || typeof e !== "object") return undefined;
  const o = e as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof o.code === "string" && o.code) return o.code;
  if (typeof o.debugInfo?.code === "string" && o.debugInfo.code) return o.debugInfo.code;
  return undefined;
}

/** Maps an error thrown by Excel (or by this adapter) to Italian and English messages saying what to do. */
export function describeExcelError(e: unknown): ExcelErrorDescription {
  const code = excelErrorCode(e) ?? "Unknown";
  const known = ERRORS[code];
  if (e instanceof BuildInterruptedError) return { code, ...EXCEL_MESSAGES.errorBuildInterrupted(e.parked) };
  const m = known ? (EXCEL_MESSAGES[known.message] as () => Text)() : EXCEL_MESSAGES.errorGeneric(code);
  return { code, ...m };
}

/** The generic finding code, for Excel errors without a specific one. */
export const EXCEL_GENERIC_FINDING: FindingCode = "EXCEL_ERRORE";

/** The sheet an error is about, when it says (our own errors do; Excel's do not, and are localised). */
function sheetOfError(e: unknown): string | undefined {
  const s = e && typeof e === "object" ? (e as { sheet?: unknown }).sheet : undefined;
  return typeof s === "string" && s ? s : undefined;
}

/**
 * An error thrown by Excel or by this adapter as an engine Finding (severity error) that the task pane
 * can list with the conversion's findings: a stable code, what happened and what to do in Italian and
 * English, and the sheet when it is known (from the error, or from `where.sheet` given by the caller,
 * who knows which sheet it was working on).
 */
export function excelErrorFinding(e: unknown, where: { sheet?: string } = {}): Finding {
  const d = describeExcelError(e);
  const sheet = where.sheet ?? sheetOfError(e);
  const code =
    e instanceof BuildInterruptedError
      ? "EXCEL_COSTRUZIONE_ANNULLATA"
      : (ERRORS[d.code]?.finding ?? EXCEL_GENERIC_FINDING);
  const prefix = sheet ? EXCEL_MESSAGES.sheetPrefix(sheet) : { it: "", en: "" };
  return {
    severity: "error",
    code,
    message: { it: `${prefix.it}${d.it}`, en: `${prefix.en}${d.en}` },
    ...(sheet ? { sheet } : {}),
  };
}

/** A notice of the adapter (a feature this host lacks) as a warning Finding for the task pane. */
export function noticeFinding(n: AdapterNotice): Finding {
  return { severity: "warning", code: n.code, message: { it: n.it, en: n.en } };
}
