/**
 * Notices: what the adapter left out or did differently because the host lacks an ExcelApi requirement
 * set, or because of a state of the workbook the user should know about (manual calculation). Nothing fails for an optional feature: the work is done without it and the notice says what is
 * missing and what the user can do (update Excel, or use the command line, which writes everything).
 */
import type { FindingCode } from "../engine/core/findings";

export interface AdapterNotice {
  /** Stable code, e.g. `EXCEL_API_CONVALIDA`. */
  code: FindingCode;
  it: string;
  en: string;
}

const UPDATE = {
  it: "Aggiorna Excel (Microsoft 365 o Excel 2021 e successivi) oppure usa la riga di comando (piao), che scrive tutto.",
  en: "Update Excel (Microsoft 365, or Excel 2021 and later) or use the command line (piao), which writes everything.",
};

type Build = (n: number) => { it: string; en: string };

/** `api`: the requirement set whose absence the notice is about (none for a state of the workbook). */
const CATALOGUE: Partial<Record<FindingCode, { api?: string; build: Build }>> = {
  EXCEL_API_CONVALIDA: {
    api: "1.8",
    build: (n) => ({
      it: `${n} regole di convalida dei dati non applicate: questa versione di Excel non le supporta (serve ExcelApi 1.8). I valori inseriti nelle celle di input non saranno controllati.`,
      en: `${n} data-validation rule(s) not applied: this version of Excel does not support them (ExcelApi 1.8 needed). Values typed into the input cells will not be checked.`,
    }),
  },
  EXCEL_API_FORMATI_CONDIZIONALI: {
    api: "1.6",
    build: (n) => ({
      it: `${n} formati condizionali non applicati (serve ExcelApi 1.6): gli esiti non saranno colorati, ma le formule e i valori sono corretti.`,
      en: `${n} conditional format(s) not applied (ExcelApi 1.6 needed): outcomes will not be coloured, but formulas and values are correct.`,
    }),
  },
  EXCEL_API_CALCOLO: {
    api: "1.6",
    build: () => ({
      it: "Il ricalcolo non è stato sospeso durante la scrittura (serve ExcelApi 1.6): la scrittura può essere più lenta.",
      en: "Recalculation was not suspended while writing (ExcelApi 1.6 needed): writing may be slower.",
    }),
  },
  EXCEL_API_AGGIORNAMENTO_SCHERMO: {
    api: "1.9",
    build: () => ({
      it: "L'aggiornamento dello schermo non è stato sospeso durante la scrittura (serve ExcelApi 1.9): la scrittura può essere più lenta e lo schermo può lampeggiare.",
      en: "Screen updating was not suspended while writing (ExcelApi 1.9 needed): writing may be slower and the screen may flicker.",
    }),
  },
  EXCEL_API_COLORE_SCHEDA: {
    api: "1.7",
    build: (n) => ({
      it: `Colore della scheda non impostato su ${n} fogli (serve ExcelApi 1.7).`,
      en: `Tab colour not set on ${n} sheet(s) (ExcelApi 1.7 needed).`,
    }),
  },
  EXCEL_API_BLOCCA_RIQUADRI: {
    api: "1.7",
    build: (n) => ({
      it: `Riquadri non bloccati su ${n} fogli (serve ExcelApi 1.7): le intestazioni scorrono con i dati; puoi bloccarle da Visualizza › Blocca riquadri.`,
      en: `Panes not frozen on ${n} sheet(s) (ExcelApi 1.7 needed): headers scroll with the data; freeze them from View › Freeze Panes.`,
    }),
  },
  EXCEL_API_GRAFICI: {
    api: "1.7",
    build: (n) => ({
      it: `${n} grafici non creati (serve ExcelApi 1.7 per impostarne le serie): i dati restano nei fogli.`,
      en: `${n} chart(s) not created (ExcelApi 1.7 needed to set their series): the data stays in the sheets.`,
    }),
  },
  EXCEL_API_COLLEGAMENTI: {
    api: "1.7",
    build: (n) => ({
      it: `${n} collegamenti alle celle di origine non creati (serve ExcelApi 1.7): le celle mostrano comunque l'indirizzo di origine.`,
      en: `${n} link(s) to source cells not created (ExcelApi 1.7 needed): the cells still show the source address.`,
    }),
  },
  EXCEL_CALCOLO_MANUALE: {
    build: () => ({
      it: "La cartella di lavoro è in calcolo manuale: i fogli generati sono stati ricalcolati una volta, ma dopo ogni modifica premi F9 (o Formule › Calcola ora) per aggiornare i risultati.",
      en: "The workbook is in manual calculation: the generated sheets were recalculated once, but after each change press F9 (or Formulas › Calculate Now) to update the results.",
    }),
  },
  EXCEL_API_CELLE_UNITE: {
    api: "1.13",
    build: () => ({
      it: "Le celle unite dei tuoi fogli non sono state lette (serve ExcelApi 1.13): un titolo su celle unite vale solo per la sua prima cella. Controlla le unità riconosciute.",
      en: "Merged cells of your sheets were not read (ExcelApi 1.13 needed): a title on merged cells counts for its first cell only. Check the units recognised.",
    }),
  },
};

/** The requirement set a notice is about, e.g. `1.8`. */
export function noticeApi(code: FindingCode): string | undefined {
  return CATALOGUE[code]?.api;
}

/** A notice of the catalogue; `count` is how many items were skipped, where that applies. */
export function notice(code: FindingCode, count = 0): AdapterNotice {
  const entry = CATALOGUE[code];
  if (!entry) throw new Error(`Unknown notice ${code}`);
  const m = entry.build(count);
  if (!entry.api) return { code, ...m };
  return { code, it: `${m.it} ${UPDATE.it}`, en: `${m.en} ${UPDATE.en}` };
}
