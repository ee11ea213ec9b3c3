/** Findings: every problem or notice the engine reports, with a link to its cell. */

import type { Lang, Text } from "./i18n";

export type Severity = "error" | "warning" | "info";

export const FINDING_CODES = [
  // objectives (detection, normalisation, weights, summary table)
  "CODICE_NORMALIZZATO",
  "CODICE_DUPLICATO",
  "TIPO_NORMALIZZATO",
  "TIPO_SCONOSCIUTO",
  "PESO_TESTO",
  "PESO_PERCENTUALE",
  "PESO_MANCANTE",
  "PESO_NON_NUMERICO",
  "PESO_NEGATIVO",
  "PESO_ECCESSIVO",
  "PESO_SOMMA",
  "UNITA_SIMILI",
  "PESI_SCALATI",
  "OBIETTIVO_CANCELLO",
  "OBIETTIVO_SENZA_NOME",
  "TESTO_PULITO",
  "RIGA_NASCOSTA",
  "COLONNA_NASCOSTA",
  "VALORE_ERRORE",
  "RIEPILOGO_DIVERSO",
  "FOGLIO_NON_RICONOSCIUTO",
  "INTESTAZIONE_INTERPRETATA",
  "INTESTAZIONE_AMBIGUA",
  "RIGA_IGNORATA",
  "TOTALE_DIVERSO",
  "TABELLA_NON_RICONOSCIUTA",
  "NESSUN_CONTENUTO_PIAO",
  // workbook: the user's names and the previous run's sheets
  "NOME_FOGLIO_IN_USO",
  "NOME_IN_USO",
  "FOGLIO_GENERATO_RINOMINATO",
  // re-runs: what the user typed in a generated sheet against the new source
  "MODIFICA_SOSTITUITA_DA_ORIGINE",
  "RIGA_PIANO_NON_CONTATA",
  "FORMULA_SOVRASCRITTA",
  "VALORE_UTENTE_MANTENUTO",
  "INTESTAZIONE_GENERATA_RINOMINATA",
  "INTESTAZIONE_GENERATA_MANCANTE",
  // indicators
  "INDICATORE_VALORE_TESTO",
  "INDICATORE_VALORE_NON_NUMERICO",
  "INDICATORE_PERCENTUALE",
  "INDICATORE_ANNO_DUPLICATO",
  "INDICATORE_ANNO_NON_VALIDO",
  "INDICATORE_POLARITA_SCONOSCIUTA",
  "INDICATORE_POLARITA_PREDEFINITA",
  "INDICATORE_TARGET_NON_NUMERICO",
  "INDICATORI_SEPARATI",
  "INDICATORE_RAPPORTO",
  "INDICATORE_SENZA_NOME",
  "INDICATORE_NON_ABBINATO",
  "INDICATORI_SENZA_ANNI",
  // staff spending
  "SPESA_MEDIA_557",
  "SPESA_ENTRATE_NETTE",
  "SPESA_ANNO_BASE_INCERTO",
  "SPESA_LIMITE_NON_VERIFICABILE",
  "SPESA_ENTRATE_NON_POSITIVE",
  // measures of the objectives
  "MISURA_TARGET_NON_RICONOSCIUTO",
  "MISURA_VALORE_NON_RICONOSCIUTO",
  "MISURA_MOTIVAZIONE_MANCANTE",
  // Excel host (the task pane's adapter: errors and missing requirement sets)
  "EXCEL_VERSIONE_NON_SUPPORTATA",
  "EXCEL_TROPPE_CELLE",
  "EXCEL_RICHIESTA_INTERROTTA",
  "EXCEL_OPERAZIONE_NON_CONSENTITA",
  "EXCEL_MODIFICA_CELLA_IN_CORSO",
  "EXCEL_FOGLIO_PROTETTO",
  "EXCEL_ERRORE_INTERNO",
  "EXCEL_ERRORE",
  "EXCEL_ELEMENTO_NON_TROVATO",
  "EXCEL_CONFLITTO_MODIFICHE",
  "EXCEL_NOME_IN_USO",
  "EXCEL_LIMITE_DATI",
  "EXCEL_DIFETTO_COMPONENTE",
  "EXCEL_API_GRAFICI",
  "EXCEL_API_FORMATI_CONDIZIONALI",
  "EXCEL_API_CONVALIDA",
  "EXCEL_API_COLORE_SCHEDA",
  "EXCEL_API_CELLE_UNITE",
  "EXCEL_API_CALCOLO",
  "EXCEL_API_BLOCCA_RIQUADRI",
  "EXCEL_API_AGGIORNAMENTO_SCHERMO",
  "EXCEL_API_COLLEGAMENTI",
  "EXCEL_CALCOLO_MANUALE",
  "EXCEL_CARTELLA_NON_ATTIVA",
  "EXCEL_CELLE_UNITE",
  "EXCEL_CELLE_UNITE_TROPPE",
  "EXCEL_COSTRUZIONE_ANNULLATA",
] as const;

/** Stable machine code of a finding (docs/workbook-contract.md lists them): compare codes, never texts. */
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  severity: Severity;
  code: FindingCode;
  message: Text;
  /** Source sheet and 0-based cell, when the finding points at a cell. */
  sheet?: string;
  row?: number;
  col?: number;
  /** Unit (settore) the finding belongs to, when it has one. */
  unit?: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  it: { error: "Errore", warning: "Avviso", info: "Informazione" },
  en: { error: "Error", warning: "Warning", info: "Info" },
};

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      // Most findings of a large workbook share a sheet: equal names are not handed to the collator.
      (a.sheet === b.sheet ? 0 : (a.sheet ?? "").localeCompare(b.sheet ?? "")) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0),
  );
}
