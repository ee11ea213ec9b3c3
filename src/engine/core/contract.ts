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

/** Whether `name` is one of the generated sheets' standard names (exactly; see `SHEET_MARKER` for ownership). */
export function isGeneratedSheet(name: string): boolean {
  return GENERATED_SHEETS.includes(name);
}

export type SheetRole = keyof typeof SHEETS;

/**
 * The marker of a generated sheet: a hidden workbook-scope name per sheet, `PIAO_Foglio_<role>`, that refers
 * to the sheet's A1 (`'PIAO Obiettivi'!$A$1`). Excel and LibreOffice update the reference when the sheet is
 * renamed, so a renamed generated sheet is still recognised; a sheet with a generated name but no marker is
 * the user's.
 */
export const SHEET_MARKER_PREFIX = "PIAO_Foglio_";

export function sheetMarker(role: SheetRole): string {
  return SHEET_MARKER_PREFIX + role;
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

/** Header of the `Azioni AAAA` column of a plan year in `PIAO_Obiettivi`. */
export const actionsHeader = (year: number): string => `Azioni ${year}`;

/** The headers of `PIAO_Obiettivi` in the order the add-in writes them, one `Azioni AAAA` per plan year. */
export function objectiveHeaders(years: readonly number[]): string[] {
  const C = OBJECTIVE_COLUMNS;
  return [
    C.code,
    C.name,
    C.type,
    C.weight,
    C.indicator,
    C.unit,
    C.manager,
    C.strategicLine,
    C.costCenter,
    C.missionProgram,
    ...years.map(actionsHeader),
    C.achievementSep,
    C.achievementDec,
    C.calculatedSep,
    C.calculatedDec,
    C.reason,
    C.scoreDec,
    C.source,
  ];
}

/** The header order a previous run wrote, from its header row (the `Azioni AAAA` years it holds). */
export function objectiveHeadersOf(captions: readonly string[]): string[] {
  return objectiveHeaders(captions.flatMap((c) => /^Azioni (\d{4})$/.exec(c)?.slice(1).map(Number) ?? []));
}

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

export const FINDING_COLUMNS = ["Gravità", "Codice", "Messaggio", "Unità", "Cella", "Casi"] as const;

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

// — staff spending: defined names and tables of `PIAO Spesa personale` and its parameters in `PIAO Parametri`

/** Defined names of `PIAO Spesa personale` (inputs, outputs, service cells) and of its parameters. */
export const SPENDING_NAMES = {
  // inputs
  body: "PIAO_TipoEnte",
  population: "PIAO_Popolazione",
  populationDate: "PIAO_DataPopolazione",
  year: "PIAO_AnnoPiano",
  lastRendiconto: "PIAO_AnnoUltimoRendiconto",
  revenue1: "PIAO_Entrate1",
  revenue2: "PIAO_Entrate2",
  revenue3: "PIAO_Entrate3",
  fcde: "PIAO_FCDE",
  spending: "PIAO_SpesaPersonale",
  baseSpending: "PIAO_SpesaBase",
  resti: "PIAO_RestiAssunzionali",
  regime: "PIAO_RegimeLimite",
  spending2011: "PIAO_Spesa2011",
  spending2012: "PIAO_Spesa2012",
  spending2013: "PIAO_Spesa2013",
  spending2008: "PIAO_Spesa2008",
  spending557: "PIAO_Spesa557",
  hires33: "PIAO_AssunzioniArt33",
  statement557: "PIAO_Dichiarazione557",
  conditionAnswers: "PIAO_CondizioniRisposte",
  // outputs
  netRevenue: "PIAO_EntrateNette",
  ratio: "PIAO_Rapporto",
  bandRow: "PIAO_RigaSoglia",
  band: "PIAO_Fascia",
  threshold: "PIAO_Soglia",
  returnThreshold: "PIAO_SogliaRientro",
  maxSpending: "PIAO_SpesaMassima",
  returnSpending: "PIAO_SpesaRientro",
  increaseRate: "PIAO_PercentualeIncremento",
  increaseLimit: "PIAO_LimiteIncremento",
  restiLimit: "PIAO_LimiteResti",
  yearLimit: "PIAO_LimiteAnnuo",
  capState: "PIAO_StatoLimiteAnnuo",
  margin: "PIAO_Margine",
  outcomeCode: "PIAO_CodiceEsito",
  outcome: "PIAO_Esito",
  conditions: "PIAO_Condizioni",
  limit557: "PIAO_Limite557",
  spending557Net: "PIAO_Spesa557Netta",
  margin557: "PIAO_Margine557",
  outcome557: "PIAO_Esito557",
  // parameters (PIAO Parametri): contribution rates of the cost of a hire
  rateCpdel: "PIAO_AliquotaCPDEL",
  rateTfr: "PIAO_AliquotaTFR",
  rateInail: "PIAO_AliquotaINAIL",
  rateIrap: "PIAO_AliquotaIRAP",
} as const;

/** Regulatory tables in `PIAO Parametri` read by the spending formulas. */
export const SPENDING_TABLES = {
  bands: "PIAO_Soglie",
  increases: "PIAO_Incrementi",
  rates: "PIAO_AliquoteCosti",
} as const;

/** Column headers of the staff-spending tables (`TABLES.triennium`, `hiringPlan`, `departures`, `areaCosts`). */
export const TRIENNIUM_COLUMNS = {
  year: "Anno",
  growth: "Crescita entrate",
  netRevenue: "Entrate correnti nette",
  spending: "Spesa di personale",
  departures: "Cessazioni",
  hires: "Assunzioni",
  ratio: "Rapporto",
  threshold: "Soglia",
  capState: "Stato limite",
  yearLimit: "Limite di incremento",
  margin: "Margine",
  code: "Codice esito",
  outcome: "Esito",
} as const;

export const HIRING_COLUMNS = {
  year: "Anno",
  area: "Area",
  profile: "Profilo",
  count: "Numero",
  months: "Mesi nell'anno",
  mode: "Modalità",
  annualCost: "Costo annuo",
  yearCost: "Costo nell'anno",
  fullCost: "Costo annuo totale",
} as const;

export const DEPARTURE_COLUMNS = {
  year: "Anno",
  area: "Area",
  count: "Numero",
  months: "Mesi",
  saving: "Risparmio",
  fullSaving: "Risparmio annuo totale",
} as const;

export const AREA_COST_COLUMNS = {
  area: "Area",
  salary: "Retribuzione tabellare annua",
  thirteenth: "Tredicesima",
  charges: "Oneri riflessi",
  irap: "IRAP",
  cost: "Costo annuo",
  cost557: "Costo annuo con IRAP",
  source: "Fonte",
  mark: "Verifica",
} as const;

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
  objectiveRow: "Riga obiettivo",
  usedWeight: "Peso usato",
  pointsSep: "Punti 30/09",
  pointsDec: "Punti 31/12",
  origin: "Origine",
} as const;

/**
 * Defined names over the table columns that the per-row formulas of another table read, each a structured
 * reference to its whole column (it grows with the table, as the reference does). A formula that reads the
 * columns through these names holds no structured reference, so it is one text, shifted row by row, that the
 * file writer stores once as a shared formula: Excel shares no formula with a structured reference
 * (xlsx/shared-formulas.ts), and 10,000 objectives wrote 14 MB of these formulas one by one.
 */
export const COLUMN_NAMES = {
  objectiveUnit: { name: "PIAO_Obiettivi_Unita", table: TABLES.objectives, column: OBJECTIVE_COLUMNS.unit },
  objectiveCode: { name: "PIAO_Obiettivi_Codice", table: TABLES.objectives, column: OBJECTIVE_COLUMNS.code },
  measureObjectiveRow: {
    name: "PIAO_Misure_RigaObiettivo",
    table: TABLES.measures,
    column: MEASURE_COLUMNS.objectiveRow,
  },
  measureWeight: { name: "PIAO_Misure_PesoMisura", table: TABLES.measures, column: MEASURE_COLUMNS.weight },
  measureUsedWeight: {
    name: "PIAO_Misure_PesoUsato",
    table: TABLES.measures,
    column: MEASURE_COLUMNS.usedWeight,
  },
  measurePointsSep: {
    name: "PIAO_Misure_Punti3009",
    table: TABLES.measures,
    column: MEASURE_COLUMNS.pointsSep,
  },
  measurePointsDec: {
    name: "PIAO_Misure_Punti3112",
    table: TABLES.measures,
    column: MEASURE_COLUMNS.pointsDec,
  },
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
