/**
 * The one synonym dictionary: every header and label variant the recognisers accept, in normalised form
 * (see `normalizeLabel`). A new variant is a new line here, not a regex elsewhere.
 */
import { nearMiss, type NearMiss } from "./near-miss";
import { normalizeLabel } from "./text";

export type ObjectiveField =
  | "code"
  | "name"
  | "type"
  | "weight"
  | "indicator"
  | "unit"
  | "manager"
  | "strategicLine"
  | "costCenter"
  | "missionProgram";

const OBJECTIVE_HEADERS: Record<ObjectiveField, string[]> = {
  code: [
    "n",
    "nr",
    "num",
    "numero",
    "cod",
    "codice",
    "codice obiettivo",
    "id",
    "code",
    "objective code",
    "no",
  ],
  name: [
    "denominazione obiettivo",
    "denominazione",
    "obiettivo",
    "obiettivi",
    "obiettivi strategici",
    "obiettivo strategico",
    "obiettivi operativi",
    "obiettivi di performance",
    "descrizione obiettivo",
    "obiettivo operativo",
    "obiettivo di performance",
    "titolo obiettivo",
    "objective",
    "objective name",
    "description",
  ],
  type: [
    "ind org uo",
    "ind org un org",
    "ind org u o",
    "tipologia",
    "tipo",
    "tipo obiettivo",
    "tipologia obiettivo",
    "type",
    "objective type",
  ],
  weight: [
    "peso",
    "pesi",
    "peso ponderale",
    "peso obiettivo",
    "peso percentuale",
    "pesatura",
    "ponderazione",
    "weight",
    "weight %",
  ].map(normalizeLabel),
  indicator: [
    "indicatore",
    "indicatori",
    "indicatore di risultato",
    "indicatore di performance",
    "indicator",
    "indicators",
    "kpi",
  ],
  unit: [
    "unita",
    "settore",
    "area",
    "servizio",
    "unita organizzativa",
    "struttura",
    "ufficio",
    "direzione",
    "unit",
    "department",
    "organisational unit",
    "organizational unit",
  ],
  manager: ["dirigente", "dirigente responsabile", "responsabile", "responsabili", "manager", "owner"],
  strategicLine: ["linea strategica", "strategic line", "obiettivo strategico di riferimento"],
  costCenter: ["centro di costo", "cost centre", "cost center"],
  missionProgram: [
    "miss programma",
    "missione programma",
    "riferimento al dup missione programma",
    "missione e programma",
    "mission programme",
  ],
};

/** Every objective field, e.g. to validate a stored review choice. */
export const OBJECTIVE_FIELDS = Object.keys(OBJECTIVE_HEADERS) as readonly ObjectiveField[];

const HEADER_INDEX = new Map<string, ObjectiveField>();
for (const [field, variants] of Object.entries(OBJECTIVE_HEADERS) as [ObjectiveField, string[]][]) {
  for (const v of variants) HEADER_INDEX.set(normalizeLabel(v), field);
}

/**
 * Columns of an objectives table that are known but read by other parts or by no one yet (measures: targets,
 * values at 31/12, achievement; notes): never taken for a near-miss of another column, never "unknown".
 */
const OTHER_OBJECTIVE_COLUMNS =
  /^(target|valore|valori|risultato|risultati|baseline|valore atteso|note|nota|stato|fonte|formula|modalita di calcolo|grado di raggiungimento|raggiungimento|percentuale di raggiungimento|scadenza|tempi|tempistica|anno|anni|azioni|attivita|value|result|notes|status|deadline|source)\b/;

/** What a text can be in the header row of an objectives table: each reading that applies. */
export interface HeaderCell {
  /** The objective column it names (`Peso (%)` → weight). */
  field?: ObjectiveField;
  /** `Azioni 2025`, `Target 2024`: the kind and the year. */
  year?: { kind: "actions" | "target"; year: number };
  /** The measure column it names (`Valore al 31/12` → valueDec). */
  measure?: MeasureField;
  /** Almost a known objective column (`Pseo`, `Respons.`, `Dir.`), when it is none of the above. */
  near?: NearMiss<ObjectiveField>;
}

/**
 * The readings of a cell's text as a header (`HeaderCell`), worked out once per text: every row of a sheet is
 * tried as a header, so the same texts (unit names, types) come back thousands of times, and one look-up per
 * cell replaces four.
 */
export function headerCell(text: string): HeaderCell {
  let found = HEADER_CELLS.get(text);
  if (found === undefined) {
    const label = normalizeLabel(text);
    const field = HEADER_INDEX.get(label);
    const year = yearColumn(label);
    const measure = MEASURE_INDEX.get(label);
    const near =
      field || year || measure
        ? undefined
        : nearMiss(text, HEADER_INDEX, (s) => OTHER_OBJECTIVE_COLUMNS.test(s));
    // Every reading has the same four properties, so the code reading them sees one shape of object.
    found = field || year || measure || near ? { field, year, measure, near } : NOTHING;
    // The cap holds a large workbook's texts (as text.ts normalizeLabel's): a smaller one is emptied on every pass.
    if (HEADER_CELLS.size >= 200_000) HEADER_CELLS.clear();
    HEADER_CELLS.set(text, found);
  }
  return found;
}
const HEADER_CELLS = new Map<string, HeaderCell>();
/** The readings of most texts: none (one object for all of them, never changed). */
const NOTHING: HeaderCell = { field: undefined, year: undefined, measure: undefined, near: undefined };

/** Every known objective header label (normalised), for "closest known header" suggestions. */
export function objectiveLabels(): string[] {
  return [...HEADER_INDEX.keys()];
}

const YEAR_COLUMN = /^(azioni|attivita|actions|target|risultato atteso)\s+(?:anno\s+)?((?:19|20)\d\d)$/;

/** `azioni 2025`, `target 2024` (normalised labels) → the kind and the year. */
function yearColumn(label: string): HeaderCell["year"] {
  const m = YEAR_COLUMN.exec(label);
  if (!m) return undefined;
  return {
    kind: m[1] === "target" || m[1] === "risultato atteso" ? "target" : "actions",
    year: Number(m[2]),
  };
}

/** Labels of the context rows above an objective card. */
export const CARD_CONTEXT = new Map<
  string,
  "strategicLine" | "costCenter" | "missionProgram" | "manager" | "unit"
>([
  ["linea strategica", "strategicLine"],
  ["centro di costo", "costCenter"],
  ["miss programma", "missionProgram"],
  ["missione programma", "missionProgram"],
  ["riferimento al dup missione programma", "missionProgram"],
  ["dirigente", "manager"],
  ["dirigente responsabile", "manager"],
  ["settore", "unit"],
]);

/** `Anno | Azioni` header of a card's yearly actions. */
export function isActionsHeader(a: string, b: string): boolean {
  return normalizeLabel(a) === "anno" && /^(azioni|attivita|actions)$/.test(normalizeLabel(b));
}

/** `Stato di avanzamento dell'obiettivo alla data del 30 settembre 2023` */
export function isProgressRow(s: string): boolean {
  return normalizeLabel(s).startsWith("stato di avanzamento");
}

/**
 * A unit title (`Settore: Settore 1 Amministrativo Finanziario`, `Obiettivi Settore Tecnico`,
 * `Obiettivi Uffici di Staff`, `Area Servizi`) → the unit's name, or undefined.
 */
export function unitTitle(raw: string): string | undefined {
  const s = raw
    .replace(/<[^>]*>/g, " ")
    .replace(/\*+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const m =
    /^(?:obiettivi\s+(?:del(?:la|l')?\s+|dell['’]\s*)?)?(?:settore\s*:\s*)?((?:settore|area|servizio|staff|uffici\s+di\s+staff|ufficio|direzione|dipartimento|unit[àa]\s+organizzativa)\b.*)$/i.exec(
      s,
    );
  if (!m) return undefined;
  const name = m[1].trim();
  if (name.length > 120) return undefined;
  return name;
}

// ---------------------------------------------------------------------------------------------------------
// Indicator series and the strategic-objectives table (PIAO section 2.1), read by detect-indicators.ts.

export type IndicatorField =
  | "indicator"
  | "strategicObjective"
  | "objective"
  | "code"
  | "strategicLine"
  | "manager"
  | "unitOfMeasure"
  | "polarity"
  | "target"
  | "targetYear"
  | "numerator"
  | "denominator"
  | "factor"
  | "year"
  | "value";

const INDICATOR_HEADERS: Record<IndicatorField, string[]> = {
  indicator: [
    "indicatore",
    "indicatori",
    "nome indicatore",
    "descrizione indicatore",
    "denominazione indicatore",
    "indicatore di impatto",
    "indicatori di impatto",
    "indicatore di valore pubblico",
    "indicatori di valore pubblico",
    "indicatore di outcome",
    "indicator",
    "indicators",
    "kpi",
  ],
  strategicObjective: [
    "obiettivi strategici",
    "obiettivo strategico",
    "obiettivi di valore pubblico",
    "obiettivo di valore pubblico",
    "strategic objective",
    "strategic objectives",
  ],
  objective: ["obiettivo", "obiettivi", "descrizione obiettivo", "objective", "objectives"],
  code: ["n", "nr", "n ro", "numero", "cod", "codice", "codice obiettivo", "id", "code", "no"],
  strategicLine: ["linea strategica", "linee strategiche", "area strategica", "strategic line"],
  manager: ["dirigente", "dirigente responsabile", "dirigenti responsabili", "responsabile", "manager"],
  unitOfMeasure: ["unita di misura", "u m", "um", "unita misura", "misura", "unit of measure"],
  polarity: [
    "polarita",
    "polarity",
    "verso",
    "direzione",
    "direzione attesa",
    "andamento atteso",
    "tendenza attesa",
    "verso di miglioramento",
  ],
  target: ["target", "valore target", "valore obiettivo", "valore atteso", "target value"],
  targetYear: ["anno target", "anno obiettivo", "anno del target", "target year", "entro l anno"],
  numerator: ["numeratore", "numerator", "num"],
  denominator: ["denominatore", "denominator", "den"],
  factor: ["fattore", "fattore di scala", "moltiplicatore", "factor", "scale factor"],
  year: ["anno", "year", "annualita", "esercizio", "anno di riferimento"],
  value: ["valore", "valori", "value", "dato", "valore rilevato", "valore indicatore", "risultato"],
};

const INDICATOR_INDEX = new Map<string, IndicatorField>();
for (const [field, variants] of Object.entries(INDICATOR_HEADERS) as [IndicatorField, string[]][]) {
  for (const v of variants) INDICATOR_INDEX.set(normalizeLabel(v), field);
}

/** The indicator-table field a header names, if any (`Unità di misura` → unitOfMeasure). */
export function indicatorField(header: string): IndicatorField | undefined {
  return INDICATOR_INDEX.get(normalizeLabel(header));
}

/**
 * A year-headed column of an indicator series: `2019`, `Anno 2019` (a value), `Numeratore 2019`,
 * `Denominatore 2019`, `Target 2025`. A year is a four-digit number from 1990 to 2099.
 */
export function indicatorYearColumn(
  header: string,
): { kind: "value" | "numerator" | "denominator" | "target"; year: number } | undefined {
  const m =
    /^(?:(anno|year|valore|value|numeratore|num|numerator|denominatore|den|denominator|target|valore atteso|valore target)\s+)?(?:anno\s+)?((?:199|20\d)\d)$/.exec(
      normalizeLabel(header),
    );
  if (!m) return undefined;
  const w = m[1] ?? "";
  const kind = /^num/.test(w)
    ? "numerator"
    : /^den/.test(w)
      ? "denominator"
      : /^(target|valore atteso|valore target)$/.test(w)
        ? "target"
        : "value";
  return { kind, year: Number(m[2]) };
}

/** `crescente` (higher is better) or `decrescente` from the words users write in a polarity column. */
export function polarityWord(raw: string): "crescente" | "decrescente" | undefined {
  const t = raw.trim();
  if (/^(\+|↑|▲|⬆)$/.test(t)) return "crescente";
  if (/^(-|–|↓|▼|⬇)$/.test(t)) return "decrescente";
  const s = normalizeLabel(t);
  if (
    /^(crescente|positiva|positivo|aumento|in aumento|maggiore e meglio|piu alto e meglio|valore alto|alto|higher is better|higher|increasing|up)$/.test(
      s,
    )
  )
    return "crescente";
  if (
    /^(decrescente|negativa|negativo|diminuzione|in diminuzione|riduzione|minore e meglio|piu basso e meglio|valore basso|basso|lower is better|lower|decreasing|down)$/.test(
      s,
    )
  )
    return "decrescente";
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Measures of the objectives: indicator fields written next to an objective (flat tables and cards), read by
// objectives/detect.ts into the measures of `PIAO Misure`. Names follow the PIAO portal's indicator model.

export type MeasureField =
  | "target"
  | "valueSep"
  | "valueDec"
  | "baseline"
  | "unitOfMeasure"
  | "polarity"
  | "weight"
  | "dimension"
  | "formula"
  | "dataSource";

const MEASURE_HEADERS: Record<MeasureField, string[]> = {
  target: [
    "target",
    "valore atteso",
    "valore target",
    "valore obiettivo",
    "risultato atteso",
    "target atteso",
    "expected value",
    "target value",
  ],
  valueDec: [
    "valore al 31/12",
    "valore al 31 dicembre",
    "valore 31/12",
    "consuntivo",
    "consuntivo al 31/12",
    "valore consuntivo",
    "valore raggiunto",
    "risultato raggiunto",
    "valore a consuntivo",
    "actual",
    "actual value",
    "value at 31/12",
  ],
  valueSep: [
    "valore al 30/09",
    "valore al 30 settembre",
    "valore 30/09",
    "consuntivo al 30/09",
    "valore intermedio",
    "value at 30/09",
  ],
  baseline: [
    "baseline",
    "base line",
    "valore di partenza",
    "valore iniziale",
    "valore base",
    "starting value",
  ],
  unitOfMeasure: ["unità di misura", "u.m.", "um", "unità misura", "unit of measure"],
  polarity: [
    "polarità",
    "polarity",
    "verso",
    "direzione attesa",
    "andamento atteso",
    "verso di miglioramento",
  ],
  weight: ["peso indicatore", "peso misura", "peso dell'indicatore", "peso della misura", "indicator weight"],
  dimension: ["dimensione", "dimensione della performance", "tipologia indicatore", "dimension"],
  formula: ["formula", "formula di calcolo", "modalità di calcolo", "metodo di calcolo", "calculation"],
  dataSource: ["fonte", "fonte dati", "fonte dei dati", "fonte del dato", "data source"],
};

const MEASURE_INDEX = new Map<string, MeasureField>();
for (const [field, variants] of Object.entries(MEASURE_HEADERS) as [MeasureField, string[]][]) {
  for (const v of variants) MEASURE_INDEX.set(normalizeLabel(v), field);
}
