/** Every finding message the engine emits, in Italian and English, in one place. */
import type { Finding, Severity } from "./findings";
import { sheetCellRef } from "./address";

type Msg = { it: string; en: string };

const fmt = (n: number) => String(Math.round(n * 100) / 100).replace(".", ",");
const fmtEn = (n: number) => String(Math.round(n * 100) / 100);

export const MESSAGES = {
  codeNormalized: (from: string, to: string): Msg => ({
    it: `Codice "${from}" letto come "${to}".`,
    en: `Code "${from}" read as "${to}".`,
  }),
  typeNormalized: (from: string, to: string): Msg => ({
    it: `Tipo "${from}" letto come "${to}".`,
    en: `Type "${from}" read as "${to}".`,
  }),
  typeUnknown: (from: string): Msg => ({
    it: from
      ? `Tipo "${from}" non riconosciuto: usare I (individuale), O (organizzativa) o UO (unità organizzativa).`
      : `Tipo mancante: indicare I (individuale), O (organizzativa) o UO (unità organizzativa).`,
    en: from
      ? `Type "${from}" not recognised: use I (individual), O (organisational) or UO (organisational unit).`
      : `Type missing: use I (individual), O (organisational) or UO (organisational unit).`,
  }),
  weightText: (raw: string, value: number): Msg => ({
    it: `Peso scritto come testo ("${raw}") letto come numero ${fmt(value)}.`,
    en: `Weight stored as text ("${raw}") read as the number ${fmtEn(value)}.`,
  }),
  weightPercentFormat: (value: number): Msg => ({
    it: `Peso in formato percentuale letto come ${fmt(value)} (su 100).`,
    en: `Weight in percent format read as ${fmtEn(value)} (out of 100).`,
  }),
  weightMissing: (): Msg => ({ it: "Peso mancante.", en: "Weight missing." }),
  weightNotNumber: (raw: string): Msg => ({
    it: `Peso "${raw}" non numerico.`,
    en: `Weight "${raw}" is not a number.`,
  }),
  weightDate: (): Msg => ({
    it: "Nella cella del peso c'è una data: indicare un numero da 0 a 100.",
    en: "The weight cell holds a date: enter a number from 0 to 100.",
  }),
  weightNegative: (v: number): Msg => ({
    it: `Peso negativo (${fmt(v)}): deve essere tra 0 e 100.`,
    en: `Negative weight (${fmtEn(v)}): it must be between 0 and 100.`,
  }),
  weightTooLarge: (v: number): Msg => ({
    it: `Peso ${fmt(v)} oltre 100: deve essere tra 0 e 100.`,
    en: `Weight ${fmtEn(v)} above 100: it must be between 0 and 100.`,
  }),
  gate: (code: string): Msg => ({
    it: `Obiettivo ${code} con peso 0: obiettivo "cancello" (es. tempi di pagamento, art. 4-bis D.L. 13/2023), non conta nei 100 punti.`,
    en: `Objective ${code} weighs 0: a "gate" objective (e.g. payment times, art. 4-bis D.L. 13/2023), outside the 100 points.`,
  }),
  unitSum: (unit: string, sum: number): Msg => ({
    it: `${unit}: la somma dei pesi è ${fmt(sum)}, deve essere 100.`,
    en: `${unit}: the weights sum to ${fmtEn(sum)}, they must sum to 100.`,
  }),
  fractionsScaled: (unit: string): Msg => ({
    it: `${unit}: pesi espressi come frazioni con somma 1, riportati su 100.`,
    en: `${unit}: weights given as fractions summing to 1, scaled to 100.`,
  }),
  duplicateCode: (unit: string, code: string): Msg => ({
    it: `${unit}: il codice ${code} compare più volte.`,
    en: `${unit}: code ${code} appears more than once.`,
  }),
  textCleaned: (): Msg => ({
    it: "Testo ripulito da etichette HTML o elenchi puntati.",
    en: "Text cleaned of HTML tags or bullets.",
  }),
  hiddenRow: (): Msg => ({
    it: "Obiettivo in una riga nascosta: letto comunque.",
    en: "Objective in a hidden row: read anyway.",
  }),
  errorValue: (v: string): Msg => ({
    it: `Valore di errore ${v} nella cella: ignorato.`,
    en: `Error value ${v} in the cell: ignored.`,
  }),
  noObjectiveName: (): Msg => ({
    it: "Riga con codice ma senza denominazione dell'obiettivo.",
    en: "Row with a code but no objective name.",
  }),
};

export function finding(
  severity: Severity,
  code: string,
  message: Msg,
  at?: { sheet: string; row: number; col: number },
  unit?: string,
): Finding {
  return {
    severity,
    code,
    message,
    ...(at ? { sheet: at.sheet, row: at.row, col: at.col } : {}),
    ...(unit ? { unit } : {}),
  };
}

/** `'Settore 1'!B12` for a finding, or empty. */
export function findingRef(f: Finding): string {
  return f.sheet !== undefined && f.row !== undefined && f.col !== undefined
    ? sheetCellRef(f.sheet, f.row, f.col)
    : "";
}

/** Messages of the indicator series and strategic objectives (PIAO section 2.1). */
export const INDICATOR_MESSAGES = {
  valuesAsText: (name: string, count: number): Msg => ({
    it: `${name}: ${count} valori scritti come testo letti come numeri.`,
    en: `${name}: ${count} value(s) stored as text read as numbers.`,
  }),
  valueNotNumber: (name: string, raw: string): Msg => ({
    it: `${name}: valore "${raw}" non numerico, l'anno resta vuoto.`,
    en: `${name}: value "${raw}" is not a number, the year is left empty.`,
  }),
  percentValues: (name: string): Msg => ({
    it: `${name}: valori percentuali riportati in punti percentuali (unità di misura "%").`,
    en: `${name}: percentage values written as percentage points (unit of measure "%").`,
  }),
  duplicateYear: (name: string, year: number): Msg => ({
    it: `${name}: più valori per l'anno ${year}, tenuto il primo.`,
    en: `${name}: several values for ${year}, the first one is kept.`,
  }),
  invalidYear: (name: string, raw: string): Msg => ({
    it: `${name}: anno "${raw}" non valido, riga ignorata.`,
    en: `${name}: year "${raw}" is not valid, row ignored.`,
  }),
  polarityUnknown: (name: string, raw: string): Msg => ({
    it: `${name}: polarità "${raw}" non riconosciuta, impostata "crescente" (usare crescente o decrescente).`,
    en: `${name}: polarity "${raw}" not recognised, set to "crescente" (use crescente or decrescente).`,
  }),
  polarityDefault: (count: number): Msg => ({
    it: `${count} indicatori senza polarità: impostata "crescente" (più alto è meglio), da verificare nel foglio PIAO Indicatori.`,
    en: `${count} indicator(s) without polarity: set to "crescente" (higher is better), to be checked in the PIAO Indicatori sheet.`,
  }),
  targetNotNumber: (name: string, raw: string): Msg => ({
    it: `${name}: target "${raw}" non numerico, lasciato vuoto.`,
    en: `${name}: target "${raw}" is not a number, left empty.`,
  }),
  split: (count: number): Msg => ({
    it: `Cella con ${count} indicatori distinti: una riga per indicatore.`,
    en: `Cell with ${count} distinct indicators: one row each.`,
  }),
  ratio: (numerator: string, denominator: string, factor: number): Msg => ({
    it: `Indicatore a rapporto: "${numerator}" / "${denominator}" × ${String(factor).replace(".", ",")}; numeratore e denominatore si inseriscono per anno.`,
    en: `Ratio indicator: "${numerator}" / "${denominator}" × ${factor}; numerator and denominator are entered per year.`,
  }),
  noName: (): Msg => ({
    it: "Riga con valori ma senza nome dell'indicatore: ignorata.",
    en: "Row with values but no indicator name: ignored.",
  }),
  ambiguous: (name: string, count: number): Msg => ({
    it: `${name}: il nome corrisponde a ${count} indicatori degli obiettivi strategici, serie riportata in una riga a parte.`,
    en: `${name}: the name matches ${count} strategic-objective indicators, the series gets a row of its own.`,
  }),
  noYears: (): Msg => ({
    it: "Nessun anno trovato (né serie né anni del piano): il foglio PIAO Indicatori non ha colonne per anno.",
    en: "No years found (no series, no plan years): the PIAO Indicatori sheet has no year columns.",
  }),
};
