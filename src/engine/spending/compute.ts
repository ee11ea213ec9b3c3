/**
 * Reference computation of the staff-spending threshold (art. 33 cc. 1-bis and 2 D.L. 34/2019; D.M. 17/3/2020
 * for comuni, D.M. 11/1/2022 for province and città metropolitane) and of the c. 557-quater / c. 562 cap
 * (art. 1 L. 296/2006). The `PIAO Spesa personale` sheet computes the same with formulas; tests require both
 * to agree to the cent.
 */
import { conditionsState, type ConditionAnswer, type ConditionsState } from "./costs";
import { roundHalfAway } from "./round";
import { BANDS, INCREASES, type Band, type BodyType } from "./rules";

/** Which older cap applies: c. 557-quater (average 2011–2013) or c. 562 (2008 amount). */
export type Regime = "c. 557-quater" | "c. 562";
export const REGIMES: Regime[] = ["c. 557-quater", "c. 562"];

export interface PlannedHire {
  year: number;
  area: string;
  profile: string;
  count: number;
  /** Months of service in the year (blank = 12). */
  months: number | null;
  mode: string;
}

export interface PlannedDeparture {
  year: number;
  /** Area of the departing staff, null when the source does not say (the saving stays empty until chosen). */
  area: string | null;
  count: number;
  /** Months of saving in the year (blank = 12). */
  months: number | null;
}

export interface SpendingInputs {
  body: BodyType | null;
  population: number | null;
  /** Date of the population figure, as written in the source (e.g. `31/12/2021`). */
  populationDate: string | null;
  /** First year of the plan. */
  year: number | null;
  /** Year of the most recent of the three rendiconti. */
  lastRendiconto: number | null;
  /** Current revenue (titles I–III) of the last three approved rendiconti, oldest first. */
  revenue: [number | null, number | null, number | null];
  fcde: number | null;
  spending: number | null;
  /** Base-year spending for the yearly increase cap: 2018 for comuni, 2019 for the others. */
  baseSpending: number | null;
  /** Unused capacity of earlier years ("resti assunzionali"), an alternative to the yearly cap. */
  resti: number | null;
  regime: Regime;
  spending2011_2013: [number | null, number | null, number | null];
  spending2008: number | null;
  spending557: number | null;
  /** Spending of hires made under art. 33, excluded from the c. 557/562 limit (art. 7 c. 1 D.M. 17/3/2020). */
  hires33: number | null;
  /** What the source states about the c. 557 limit (e.g. `rispettato nel 2022`). */
  statement557: string | null;
  /** One answer per hiring precondition (`CONDITIONS`), null when blank. */
  conditions: (ConditionAnswer | null)[];
  /** Revenue growth of the second and third plan year, as fractions. */
  growth: [number, number];
  hires: PlannedHire[];
  departures: PlannedDeparture[];
}

/** A fresh set of empty inputs (a new object each time: callers fill it in). */
export function emptyInputs(): SpendingInputs {
  return {
    body: null,
    population: null,
    populationDate: null,
    year: null,
    lastRendiconto: null,
    revenue: [null, null, null],
    fcde: null,
    spending: null,
    baseSpending: null,
    resti: null,
    regime: "c. 557-quater",
    spending2011_2013: [null, null, null],
    spending2008: null,
    spending557: null,
    hires33: null,
    statement557: null,
    conditions: [],
    growth: [0, 0],
    hires: [],
    departures: [],
  };
}

export const EMPTY_INPUTS: Readonly<SpendingInputs> = Object.freeze(emptyInputs());

/** The outcome as a code (`PIAO_CodiceEsito`): conditional formats and other formulas compare codes. */
export type OutcomeCode = "SOTTO" | "TRA" | "SOPRA" | "ENTRATE";

/** The yearly cap for a year: not applicable (no cap from 2025), applied, or unknown (base missing). */
export type CapState = "non previsto" | "applicato" | "non verificabile";

export interface SpendingOutputs {
  netRevenue: number | null;
  ratio: number | null;
  band: string | null;
  threshold: number | null;
  returnThreshold: number | null;
  maxSpending: number | null;
  returnSpending: number | null;
  increaseLimit: number | null;
  restiLimit: number | null;
  yearLimit: number | null;
  capState: CapState | null;
  margin: number | null;
  outcome: OutcomeCode | null;
  conditions: ConditionsState;
  limit557: number | null;
  spending557Net: number | null;
  margin557: number | null;
  respected557: boolean | null;
}

/** The words of the workbook's outcomes (PIAO_Esito, PIAO_Esito557, the Esito column of PIAO_Triennio). */
export const OUTCOME_TEXT = {
  under: "Sotto soglia",
  underVerified: ": assunzioni possibili entro il margine",
  underToCheck: ": margine disponibile, assunzioni solo dopo aver verificato le condizioni",
  underNotMet: ": condizioni per assumere non rispettate, nessuna assunzione",
  provisional: " (provvisorio: limite annuo di incremento non verificabile)",
  provisionalShort: " (provvisorio)",
  between: "Tra le due soglie: il rapporto non può aumentare (margine 0)",
  aboveComune: "Sopra la soglia di rientro (Tabella 3): ridurre il rapporto, turnover al 30% dal 2025",
  above: "Sopra la soglia: rientrare sotto il valore soglia, turnover al 30% dal 2025",
  noRevenue: "Entrate correnti nette non positive: rapporto, spesa massima e margine non calcolabili",
  respected: "Limite rispettato",
  exceeded: "Limite superato",
  stated: "Dichiarato nella fonte: ",
};

/** The short outcome of a plan year (`PIAO_Triennio[Esito]`), by code. */
export const YEAR_OUTCOME_TEXT: Record<OutcomeCode, string> = {
  SOTTO: "Sotto soglia",
  TRA: "Tra le due soglie: margine 0",
  SOPRA: "Sopra la soglia: rientro",
  ENTRATE: "Entrate nette non positive",
};

export function outcomeText(
  outcome: OutcomeCode | null,
  body: BodyType | null,
  conditions: ConditionsState,
  capState: CapState | null,
): string {
  if (!outcome) return "";
  if (outcome === "ENTRATE") return OUTCOME_TEXT.noRevenue;
  if (outcome === "TRA") return OUTCOME_TEXT.between;
  if (outcome === "SOPRA") return body === "Comune" ? OUTCOME_TEXT.aboveComune : OUTCOME_TEXT.above;
  const tail =
    conditions === "verificate"
      ? OUTCOME_TEXT.underVerified
      : conditions === "non rispettate"
        ? OUTCOME_TEXT.underNotMet
        : OUTCOME_TEXT.underToCheck;
  return OUTCOME_TEXT.under + tail + (capState === "non verificabile" ? OUTCOME_TEXT.provisional : "");
}

/** Every text `PIAO_Esito` can show (the summary sizes its row for the longest). */
export function possibleOutcomeTexts(): string[] {
  const under = [OUTCOME_TEXT.underVerified, OUTCOME_TEXT.underNotMet, OUTCOME_TEXT.underToCheck].flatMap(
    (t) => [OUTCOME_TEXT.under + t, OUTCOME_TEXT.under + t + OUTCOME_TEXT.provisional],
  );
  return [
    OUTCOME_TEXT.noRevenue,
    OUTCOME_TEXT.between,
    OUTCOME_TEXT.aboveComune,
    OUTCOME_TEXT.above,
    ...under,
  ];
}

/** `PIAO_Esito557`: computed when the figures are there, else what the source states, else empty. */
export function outcome557Text(o: SpendingOutputs, statement: string | null): string {
  if (o.respected557 !== null) return o.respected557 ? OUTCOME_TEXT.respected : OUTCOME_TEXT.exceeded;
  return statement ? OUTCOME_TEXT.stated + statement : "";
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

/** The yearly cap of a year: the cap itself, the resti alternative, the more favourable of the two. */
export interface YearCap {
  state: CapState | null;
  increaseLimit: number | null;
  restiLimit: number | null;
  /** The spending the cap allows: the more favourable of cap and resti (art. 5 c. 2 of both decrees). */
  limit: number | null;
}

export function yearCap(i: SpendingInputs, band: string | null, year: number | null): YearCap {
  const rate = increaseRate(i.body, band, year);
  if (rate === null)
    return {
      state: band && year !== null ? "non previsto" : null,
      increaseLimit: null,
      restiLimit: null,
      limit: null,
    };
  const increaseLimit = i.baseSpending !== null ? roundHalfAway(i.baseSpending * (1 + rate)) : null;
  const restiLimit = i.resti !== null && i.spending !== null ? roundHalfAway(i.spending + i.resti) : null;
  if (increaseLimit === null) return { state: "non verificabile", increaseLimit, restiLimit, limit: null };
  return {
    state: "applicato",
    increaseLimit,
    restiLimit,
    limit: restiLimit !== null ? Math.max(increaseLimit, restiLimit) : increaseLimit,
  };
}

/** Classify a ratio: under Tabella 1 / the threshold, between (comuni), above. */
export function classify(ratio: number, threshold: number, returnThreshold: number | null): OutcomeCode {
  if (ratio <= threshold) return "SOTTO";
  if (returnThreshold !== null && ratio <= returnThreshold) return "TRA";
  return "SOPRA";
}

/**
 * The spending the rules allow in a year (before subtracting the spending): under the threshold the lower of
 * maximum spending and the yearly cap (when known); between the thresholds the current spending (art. 6 c. 3
 * D.M. 17/3/2020: the ratio may not rise); above, the return threshold (Tabella 3, art. 6 c. 1 and art. 33 c. 2
 * D.L. 34/2019) for comuni, the threshold for the others.
 */
export function allowedSpending(
  code: OutcomeCode,
  netRevenue: number,
  spending: number,
  threshold: number,
  returnThreshold: number | null,
  capLimit: number | null,
): number {
  if (code === "TRA") return spending;
  const max = roundHalfAway(threshold * netRevenue);
  if (code === "SOPRA") return returnThreshold !== null ? roundHalfAway(returnThreshold * netRevenue) : max;
  return capLimit !== null ? Math.min(max, capLimit) : max;
}

export function computeSpending(i: SpendingInputs): SpendingOutputs {
  const avgRevenue = average3(i.revenue);
  const netRevenue = avgRevenue !== null && i.fcde !== null ? roundHalfAway(avgRevenue - i.fcde) : null;
  const positive = netRevenue !== null && netRevenue > 0;
  const ratio = positive && i.spending !== null ? i.spending / netRevenue : null;
  const band = findBand(i.body, i.population);
  const threshold = band ? band.threshold : null;
  const returnThreshold = band ? band.returnThreshold : null;
  const maxSpending = threshold !== null && positive ? roundHalfAway(threshold * netRevenue) : null;
  const returnSpending =
    returnThreshold !== null && positive ? roundHalfAway(returnThreshold * netRevenue) : null;
  const cap = yearCap(i, band?.band ?? null, i.year);
  let outcome: OutcomeCode | null = null;
  let margin: number | null = null;
  if (netRevenue !== null && !positive) outcome = "ENTRATE";
  else if (ratio !== null && threshold !== null) {
    outcome = classify(ratio, threshold, returnThreshold);
    const allowed = allowedSpending(outcome, netRevenue!, i.spending!, threshold, returnThreshold, cap.limit);
    margin = roundHalfAway(allowed - i.spending!);
  }
  const limitBase = i.regime === "c. 562" ? i.spending2008 : average3(i.spending2011_2013);
  const limit557 = limitBase !== null ? roundHalfAway(limitBase) : null;
  const spending557Net = i.spending557 !== null ? roundHalfAway(i.spending557 - (i.hires33 ?? 0)) : null;
  const margin557 =
    limit557 !== null && spending557Net !== null ? roundHalfAway(limit557 - spending557Net) : null;
  return {
    netRevenue,
    ratio,
    band: band?.band ?? null,
    threshold,
    returnThreshold,
    maxSpending,
    returnSpending,
    increaseLimit: cap.increaseLimit,
    restiLimit: cap.restiLimit,
    yearLimit: cap.limit,
    capState: cap.state,
    margin,
    outcome,
    conditions: conditionsState(i.conditions),
    limit557,
    spending557Net,
    margin557,
    respected557: margin557 === null ? null : margin557 >= 0,
  };
}
