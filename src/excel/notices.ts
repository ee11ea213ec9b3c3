/**
 * Notices: what the adapter left out or did differently because the host lacks an ExcelApi requirement
 * set, or because of a state of the workbook the user should know about (manual calculation, sheets with
 * too many merged areas to read). Nothing fails for an optional feature: the work is done without it and
 * the notice says what is missing and what the user can do (update Excel, or use the command line, which
 * writes everything). The texts are in the adapter's catalogues (`i18n/`).
 */
import type { FindingCode } from "../engine/core/findings";
import type { Text } from "../engine/core/i18n";
import type { ExcelCatalogue } from "./i18n/it";
import { EXCEL_MESSAGES } from "./messages";

export interface AdapterNotice extends Text {
  /** Stable code, e.g. `EXCEL_API_CONVALIDA`. */
  code: FindingCode;
}

/** `api`: the requirement set whose absence the notice is about (none for a state of the workbook), named by the update advice. */
const CATALOGUE: Partial<Record<FindingCode, { api?: string; message: keyof ExcelCatalogue }>> = {
  EXCEL_API_CONVALIDA: { api: "1.8", message: "noticeValidation" },
  EXCEL_API_FORMATI_CONDIZIONALI: { api: "1.6", message: "noticeConditionalFormats" },
  EXCEL_API_CALCOLO: { api: "1.6", message: "noticeCalculation" },
  EXCEL_API_AGGIORNAMENTO_SCHERMO: { api: "1.9", message: "noticeScreenUpdating" },
  EXCEL_API_COLORE_SCHEDA: { api: "1.7", message: "noticeTabColor" },
  EXCEL_API_BLOCCA_RIQUADRI: { api: "1.7", message: "noticeFreeze" },
  EXCEL_API_GRAFICI: { api: "1.7", message: "noticeCharts" },
  EXCEL_API_COLLEGAMENTI: { api: "1.7", message: "noticeLinks" },
  EXCEL_API_CELLE_UNITE: { api: "1.13", message: "noticeMergesApi" },
  EXCEL_CALCOLO_MANUALE: { message: "noticeManualCalculation" },
  EXCEL_CELLE_UNITE_TROPPE: { message: "noticeTooManyMerges" },
};

/**
 * A notice of the catalogue; `arg` is what its message takes: how many items were skipped, or the sheets
 * it is about.
 */
export function notice(code: FindingCode, arg: number | string = 0): AdapterNotice {
  const entry = CATALOGUE[code];
  if (!entry) throw new Error(`Unknown notice ${code}`);
  const m = (EXCEL_MESSAGES[entry.message] as (a: number | string) => Text)(arg);
  if (!entry.api) return { code, ...m };
  const u = EXCEL_MESSAGES.noticeUpdate();
  return { code, it: `${m.it} ${u.it}`, en: `${m.en} ${u.en}` };
}
