/**
 * Errors of the Office.js adapter and a mapper from Excel's error codes to messages a user can act on.
 * Branch on `code`, never on `message`: Excel localises its messages (office-js #1199).
 */

import type { Finding, FindingCode } from "../engine/core/findings";
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

export interface ExcelErrorDescription {
  code: string;
  it: string;
  en: string;
}

const MESSAGES: Record<string, { it: string; en: string }> = {
  AccessDenied: {
    it: "Excel ha negato l'operazione: il foglio o la cartella di lavoro è protetto, oppure il file è di sola lettura. Rimuovi la protezione (Revisione › Rimuovi protezione foglio) o salva una copia modificabile, poi riprova.",
    en: "Excel denied the operation: the sheet or workbook is protected, or the file is read-only. Unprotect it (Review › Unprotect Sheet) or save an editable copy, then try again.",
  },
  InvalidOperation: {
    it: "Excel non consente questa operazione nello stato attuale (spesso perché un foglio è protetto, o perché una tabella o celle unite si sovrappongono). Rimuovi la protezione o le celle unite nell'area interessata e riprova.",
    en: "Excel does not allow this operation right now (often because a sheet is protected, or a table or merged cells overlap). Remove the protection or the merged cells in that area and try again.",
  },
  InvalidOperationInCellEditMode: {
    it: "Excel è in modalità modifica cella. Premi Invio o Esc per uscire dalla cella, poi riprova.",
    en: "Excel is in cell-edit mode. Press Enter or Esc to leave the cell, then try again.",
  },
  RequestPayloadSizeLimitExceeded: {
    it: "I dati da scrivere superano il limite di 5 MB per richiesta di Excel per il web, anche dopo aver riprovato con blocchi più piccoli. Usa Excel desktop o la riga di comando (piao).",
    en: "The data to write exceeds Excel on the web's 5 MB request limit, even after retrying with smaller requests. Use Excel desktop or the command line (piao).",
  },
  // Focus moved to another workbook while the add-in was working (Windows and Mac):
  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-troubleshooting
  InactiveWorkbook: {
    it: "È stata attivata un'altra cartella di lavoro mentre il componente scriveva. Torna su questa cartella, non cambiare finestra durante la creazione dei fogli e riprova.",
    en: "Another workbook became active while the add-in was writing. Go back to this workbook, stay on it while the sheets are built, and try again.",
  },
  MergedRangeConflict: {
    it: "Excel non può scrivere su celle unite in quel punto. Separa le celle unite nell'area indicata (Home › Unisci e allinea al centro) e riprova.",
    en: "Excel cannot write over merged cells there. Unmerge the cells in that area (Home › Merge & Center) and try again.",
  },
  FormulaLengthExceedsLimit: {
    it: "Una formula supera il limite di lunghezza di Excel (8.192 caratteri). È un difetto del componente: segnalalo allegando il file, se possibile.",
    en: "A formula exceeds Excel's length limit (8,192 characters). This is a bug in the add-in: please report it, attaching the file if you can.",
  },
  ResponsePayloadSizeLimitExceeded: {
    it: "I dati da leggere superano il limite di 5 MB per risposta di Excel per il web. Escludi i fogli molto grandi dalla lettura, oppure usa Excel desktop o la riga di comando (piao).",
    en: "The data to read exceeds Excel on the web's 5 MB response limit. Exclude very large sheets, or use Excel desktop or the command line (piao).",
  },
  ItemAlreadyExists: {
    it: "Esiste già un elemento con lo stesso nome (foglio, tabella o nome definito). Rinomina o elimina quello esistente, poi riprova.",
    en: "An item with the same name already exists (sheet, table or defined name). Rename or delete the existing one, then try again.",
  },
  NameConflict: {
    it: "Un nome che il componente deve creare è già usato da una tabella o da un nome definito in un tuo foglio. Rinomina l'elemento indicato, poi riprova.",
    en: "A name the add-in needs is already used by a table or defined name on one of your sheets. Rename the item listed, then try again.",
  },
  ItemNotFound: {
    it: "Un foglio o un elemento non esiste più (forse è stato rinominato o eliminato nel frattempo). Aggiorna e riprova.",
    en: "A sheet or item no longer exists (it may have been renamed or deleted meanwhile). Refresh and try again.",
  },
  InvalidArgument: {
    it: "Excel ha rifiutato un valore o un indirizzo non valido. È probabilmente un difetto del componente: segnalalo allegando il file, se possibile.",
    en: "Excel rejected an invalid value or address. This is probably a bug in the add-in: please report it, attaching the file if you can.",
  },
  InvalidPlan: {
    it: "Il contenuto da scrivere non è valido (nomi di fogli o tabelle, elenchi troppo lunghi, riferimenti). È un difetto del componente: segnalalo.",
    en: "The content to write is invalid (sheet or table names, lists too long, references). This is a bug in the add-in: please report it.",
  },
  SheetTooLarge: {
    it: "Un foglio è troppo grande per essere letto da Excel in una volta (oltre 5.000.000 di celle usate). Escludilo o riduci l'area usata (elimina righe e colonne vuote in fondo).",
    en: "A sheet is too large for Excel to read at once (over 5,000,000 used cells). Exclude it or shrink its used area (delete empty trailing rows and columns).",
  },
  ApiNotFound: {
    it: "Questa versione di Excel non supporta una funzione necessaria. Aggiorna Excel (serve almeno Excel 2021 o Microsoft 365) oppure usa la riga di comando (piao).",
    en: "This version of Excel lacks a feature the add-in needs. Update Excel (Excel 2021 or Microsoft 365 at least) or use the command line (piao).",
  },
  Conflict: {
    it: "Un'altra persona sta modificando la stessa parte della cartella di lavoro. Attendi qualche istante e riprova.",
    en: "Someone else is editing the same part of the workbook. Wait a moment and try again.",
  },
  RequestAborted: {
    it: "Excel ha interrotto la richiesta. Riprova; se succede ancora, chiudi e riapri il file.",
    en: "Excel aborted the request. Try again; if it happens again, close and reopen the file.",
  },
  GeneralException: {
    it: "Excel ha segnalato un errore interno. Salva il file, chiudilo e riaprilo, poi riprova; se l'errore persiste, usa la riga di comando (piao).",
    en: "Excel reported an internal error. Save, close and reopen the file, then try again; if it persists, use the command line (piao).",
  },
};

const GENERIC = {
  it: "Excel ha restituito un errore imprevisto. Riprova; se succede ancora, salva e riapri il file o usa la riga di comando (piao).",
  en: "Excel returned an unexpected error. Try again; if it happens again, save and reopen the file or use the command line (piao).",
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
  const m = MESSAGES[code];
  if (m) return { code, ...m };
  return { code, it: `${GENERIC.it} (codice: ${code})`, en: `${GENERIC.en} (code: ${code})` };
}

/** Finding codes for Excel's error codes (and the adapter's own), as the task pane lists them. */
const FINDING_CODES: Record<string, FindingCode> = {
  AccessDenied: "EXCEL_FOGLIO_PROTETTO",
  InvalidOperation: "EXCEL_OPERAZIONE_NON_CONSENTITA",
  InvalidOperationInCellEditMode: "EXCEL_MODIFICA_CELLA_IN_CORSO",
  InactiveWorkbook: "EXCEL_CARTELLA_NON_ATTIVA",
  MergedRangeConflict: "EXCEL_CELLE_UNITE",
  FormulaLengthExceedsLimit: "EXCEL_DIFETTO_COMPONENTE",
  RequestPayloadSizeLimitExceeded: "EXCEL_LIMITE_DATI",
  ResponsePayloadSizeLimitExceeded: "EXCEL_LIMITE_DATI",
  SheetTooLarge: "EXCEL_TROPPE_CELLE",
  ItemAlreadyExists: "EXCEL_NOME_IN_USO",
  NameConflict: "EXCEL_NOME_IN_USO",
  ItemNotFound: "EXCEL_ELEMENTO_NON_TROVATO",
  InvalidArgument: "EXCEL_DIFETTO_COMPONENTE",
  InvalidPlan: "EXCEL_DIFETTO_COMPONENTE",
  ApiNotFound: "EXCEL_VERSIONE_NON_SUPPORTATA",
  Conflict: "EXCEL_CONFLITTO_MODIFICHE",
  RequestAborted: "EXCEL_RICHIESTA_INTERROTTA",
  GeneralException: "EXCEL_ERRORE_INTERNO",
};

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
  const code = FINDING_CODES[d.code] ?? EXCEL_GENERIC_FINDING;
  return {
    severity: "error",
    code,
    message: {
      it: sheet ? `Foglio «${sheet}»: ${d.it}` : d.it,
      en: sheet ? `Sheet '${sheet}': ${d.en}` : d.en,
    },
    ...(sheet ? { sheet } : {}),
  };
}

/** A notice of the adapter (a feature this host lacks) as a warning Finding for the task pane. */
export function noticeFinding(n: AdapterNotice): Finding {
  return { severity: "warning", code: n.code, message: { it: n.it, en: n.en } };
}
