/**
 * Names of the generated workbook that users and other people's checks rely on
 * (../shared/docs/workbook-contract.md, and docs/workbook-contract.md for additions). Keep them stable.
 */

export const SHEETS = {
  objectives: "PIAO Obiettivi",
  weights: "PIAO Pesi",
  indicators: "PIAO Indicatori",
  spending: "PIAO Spesa personale",
  parameters: "PIAO Parametri",
  findings: "PIAO Verifica",
  summary: "PIAO Riepilogo",
  archive: "PIAO Archivio",
} as const;

/** Every sheet the add-in may create; these, and only these, are regenerated or removed by it. */
export const GENERATED_SHEETS: readonly string[] = Object.values(SHEETS);

export function isGeneratedSheet(name: string): boolean {
  return GENERATED_SHEETS.includes(name);
}

export const TABLES = {
  objectives: "PIAO_Obiettivi",
  weights: "PIAO_Pesi",
  indicators: "PIAO_Indicatori",
  findings: "PIAO_Verifica",
  scoring: "PIAO_Punteggio",
  bands: "PIAO_FascePunteggio",
  archive: "PIAO_Archivio",
} as const;

/** Column headers of `PIAO_Obiettivi`, in order; `Azioni AAAA` columns go after `Missione/Programma`. */
export const OBJECTIVE_COLUMNS = {
  code: "Codice",
  name: "Obiettivo",
  type: "Tipo",
  weight: "Peso",
  indicator: "Indicatore",
  unit: "Unità",
  manager: "Dirigente",
  strategicLine: "Linea strategica",
  costCenter: "Centro di costo",
  missionProgram: "Missione/Programma",
  achievementSep: "Raggiungimento 30/09",
  achievementDec: "Raggiungimento 31/12",
  scoreDec: "Punteggio 31/12",
  source: "Origine",
} as const;

export const WEIGHT_COLUMNS = [
  "Unità",
  "Dirigente",
  "N. obiettivi",
  "Somma pesi",
  "Scarto",
  "Esito",
  "Punteggio 31/12",
  "N. individuali (I)",
  "N. organizzativi (O)",
  "N. unità organizzativa (UO)",
  "N. obiettivi cancello (peso 0)",
] as const;

export const FINDING_COLUMNS = ["Gravità", "Codice", "Messaggio", "Unità", "Cella"] as const;

/** Defined names of the scoring parameters in `PIAO Parametri`. */
export const SCORING_NAMES = {
  floor: "PIAO_SogliaMinimaRaggiungimento",
  bandsOn: "PIAO_FasceAttive",
  bands: "PIAO_Fasce",
} as const;
