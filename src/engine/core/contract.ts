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
  measures: "PIAO Misure",
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
  measures: "PIAO_Misure",
  triennium: "PIAO_Triennio",
  hiringPlan: "PIAO_PianoAssunzioni",
  departures: "PIAO_Cessazioni",
  areaCosts: "PIAO_CostiAree",
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
  /** Measure-weighted mean of the objective's rows in `PIAO_Misure` (formula). */
  calculatedSep: "Raggiungimento calcolato 30/09",
  calculatedDec: "Raggiungimento calcolato 31/12",
  /** Why a typed `Raggiungimento 31/12` overrides the calculated one (required then). */
  reason: "Motivazione",
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
  weightTolerance: "PIAO_TolleranzaPesi",
} as const;

/**
 * Column headers of `PIAO_Indicatori` (the first ones are the contract's; the others are additions).
 * Year columns (`2019`, `2020`, …) go after `Fattore`; `Numeratore AAAA` / `Denominatore AAAA` columns,
 * present only when some indicator is a ratio, go after `Denominatore`.
 */
export const INDICATOR_COLUMNS = {
  indicator: "Indicatore",
  objective: "Obiettivo",
  code: "Codice obiettivo",
  strategicLine: "Linea strategica",
  manager: "Dirigente",
  unitOfMeasure: "Unità di misura",
  polarity: "Polarità",
  factor: "Fattore",
  count: "N. valori",
  firstYear: "Primo anno",
  lastYear: "Ultimo anno",
  lastValue: "Ultimo valore",
  change: "Variazione",
  changePct: "Variazione %",
  cagr: "CAGR",
  slope: "Pendenza",
  direction: "Tendenza",
  target: "Target",
  targetYear: "Anno target",
  projection: "Proiezione",
  targetOutcome: "Esito target",
  source: "Origine",
  numerator: "Numeratore",
  denominator: "Denominatore",
} as const;

/** Trend parameters in `PIAO Parametri` (table `PIAO_ParametriTendenze`) and their defined names. */
export const TREND_PARAMETERS = {
  table: "PIAO_ParametriTendenze",
  stability: "PIAO_SogliaStabilita",
  projectionYear: "PIAO_AnnoProiezione",
} as const;

// — staff spending: defined names and tables of `PIAO Spesa personale` (declared here as they are moved)

// — measures of the objectives: columns of `PIAO_Misure`
/**
 * Column headers of `PIAO_Misure`, in order; one `Target AAAA` per plan year goes after `Baseline`. The first
 * ones follow the indicator model of the Funzione Pubblica's PIAO portal; `Peso usato`, `Punti 30/09`,
 * `Punti 31/12` are the helper columns the objectives' weighted mean reads; `Origine` links the source cell.
 */
export const MEASURE_COLUMNS = {
  unit: "Unità",
  code: "Codice",
  objective: "Obiettivo",
  indicator: "Indicatore",
  dimension: "Dimensione",
  formula: "Formula",
  unitOfMeasure: "Unità di misura",
  polarity: "Polarità",
  baseline: "Baseline",
  target: "Target",
  valueSep: "Valore 30/09",
  valueDec: "Valore 31/12",
  rule: "Regola",
  weight: "Peso misura",
  achievementSep: "Raggiungimento 30/09",
  achievementDec: "Raggiungimento 31/12",
  dataSource: "Fonte",
  usedWeight: "Peso usato",
  pointsSep: "Punti 30/09",
  pointsDec: "Punti 31/12",
  origin: "Origine",
} as const;

/** Polarities of a measure (`Polarità`) and scoring rules (`Regola`), as written in the cells. */
export const MEASURE_POLARITIES = ["crescente", "decrescente", "scadenza", "sì/no"] as const;
export const MEASURE_RULES = ["crescente", "decrescente", "scadenza", "sì/no", "fasce"] as const;

/** The measures' parameters in `PIAO Parametri`. */
export const MEASURE_PARAMETERS = {
  table: "PIAO_ParametriMisure",
  rulesTable: "PIAO_RegoleMisure",
  deadlineTolerance: "PIAO_TolleranzaScadenza",
} as const;
