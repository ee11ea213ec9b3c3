/**
 * Reference computation of the staff-spending threshold (art. 33 D.L. 34/2019; D.M. 17/3/2020 for
 * comuni, D.M. 11/1/2022 for province and città metropolitane) and of the c. 557-quater cap
 * (art. 1 c. 557-quater L. 296/2006). The `PIAO Spesa personale` sheet computes the same with formulas;
 * tests require both to agree to the cent.
 */
import { BANDS, INCREASES, type Band, type BodyType } from "./rules";

export interface SpendingInputs {
  body: BodyType | null;
  population: number | null;
  year: number | null;
  /** Current revenue (titles I–III) of the last three approved rendiconti, oldest first. */
  revenue: [number | null, number | null, number | null];
  fcde: number | null;
  spending: number | null;
  /** Base-year spending for the yearly increase cap: 2018 for comuni, 2019 for the others. */
  baseSpending: number | null;
  spending2011_2013: [number | null, number | null, number | null];
  spending557: number | null;
}

/** A fresh set of empty inputs (a new object each time: callers fill it in). */
export function emptyInputs(): SpendingInputs {
  return {
    body: null,
    population: null,
    year: null,
    revenue: [null, null, null],
    fcde: null,
    spending: null,
    baseSpending: null,
    spending2011_2013: [null, null, null],
    spending557: null,
  };
}

export const EMPTY_INPUTS: Readonly<SpendingInputs> = Object.freeze(emptyInputs());

export type Outcome = "under" | "between" | "above";

export interface SpendingOutputs {
  netRevenue: number | null;
  ratio: number | null;
  band: string | null;
  threshold: number | null;
  returnThreshold: number | null;
  maxSpending: number | null;
  increaseLimit: number | null;
  margin: number | null;
  outcome: Outcome | null;
  limit557: number | null;
  margin557: number | null;
  respected557: boolean | null;
}

/** The words of each outcome, as the workbook shows them (PIAO_Esito, PIAO_Esito557). */
export const OUTCOME_TEXT = {
  under: "Sotto soglia: assunzioni possibili entro il margine",
  between: "Tra le due soglie: il rapporto non può aumentare",
  aboveComune: "Sopra la soglia di rientro: ridurre il rapporto (turnover al 30% dal 2025)",
  above: "Sopra la soglia: rientrare sotto il valore soglia (turnover al 30% dal 2025)",
  respected: "Limite rispettato",
  exceeded: "Limite superato",
};

export function outcomeText(o: SpendingOutputs, body: BodyType | null): string {
  if (!o.outcome) return "";
  if (o.outcome === "above") return body === "Comune" ? OUTCOME_TEXT.aboveComune : OUTCOME_TEXT.above;
  return OUTCOME_TEXT[o.outcome];
}

/**
 * Round half away from zero to `d` decimals, as Excel's and LibreOffice's ROUND do on the decimal value
 * (toPrecision(15) first, so that 1.005 is treated as the 1.005 the user sees).
 */
export function roundHalfAway(x: number, d = 2): number {
  const f = 10 ** d;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / f;
}

/** Average of three figures, or null when one is missing. */
function average3(xs: readonly (number | null)[]): number | null {
  if (xs.some((x) => x === null)) return null;
  const [a, b, c] = xs as number[];
  return (a + b + c) / 3;
}

export function findBand(body: BodyType | null, population: number | null): Band | null {
  if (!body || population === null) return null;
  return (
    BANDS.find((b) => b.body === body && population >= b.from && (b.to === null || population < b.to)) ?? null
  );
}

/** The yearly increase cap's rate, or null when no cap applies to that year (none from 2025). */
export function increaseRate(body: BodyType | null, band: string | null, year: number | null): number | null {
  if (!body || !band || year === null) return null;
  const row = INCREASES.find(
    (r) => r.body === body && (r.band === null || r.band === band) && r.year === year,
  );
  return row ? row.rate : null;
}

export function computeSpending(i: SpendingInputs): SpendingOutputs {
  const avgRevenue = average3(i.revenue);
  const netRevenue = avgRevenue !== null && i.fcde !== null ? roundHalfAway(avgRevenue - i.fcde) : null;
  const ratio = netRevenue !== null && netRevenue > 0 && i.spending !== null ? i.spending / netRevenue : null;
  const band = findBand(i.body, i.population);
  const threshold = band ? band.threshold : null;
  const returnThreshold = band ? band.returnThreshold : null;
  const maxSpending =
    threshold !== null && netRevenue !== null ? roundHalfAway(threshold * netRevenue) : null;
  const rate = increaseRate(i.body, band?.band ?? null, i.year);
  const increaseLimit =
    rate !== null && i.baseSpending !== null ? roundHalfAway(i.baseSpending * (1 + rate)) : null;
  const margin =
    maxSpending !== null && i.spending !== null
      ? roundHalfAway(
          (increaseLimit !== null ? Math.min(maxSpending, increaseLimit) : maxSpending) - i.spending,
        )
      : null;
  let outcome: Outcome | null = null;
  if (ratio !== null && threshold !== null) {
    if (ratio <= threshold) outcome = "under";
    else if (returnThreshold !== null && ratio <= returnThreshold) outcome = "between";
    else outcome = "above";
  }
  const avg557 = average3(i.spending2011_2013);
  const limit557 = avg557 !== null ? roundHalfAway(avg557) : null;
  const margin557 =
    limit557 !== null && i.spending557 !== null ? roundHalfAway(limit557 - i.spending557) : null;
  return {
    netRevenue,
    ratio,
    band: band?.band ?? null,
    threshold,
    returnThreshold,
    maxSpending,
    increaseLimit,
    margin,
    outcome,
    limit557,
    margin557,
    respected557: margin557 === null ? null : margin557 >= 0,
  };
}
