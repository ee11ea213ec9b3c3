/**
 * The cost of a hire by area of the CCNL Funzioni Locali 16/11/2022 (new classification in force from
 * 1/4/2023, art. 78 c. 3), the contribution rates that make it up, and the preconditions the law puts before
 * any hire. Data with source and mark (domain.md §4), written to `PIAO Parametri` and to the checklist of
 * `PIAO Spesa personale`; the formulas read them from there.
 */
import type { Mark } from "../core/parameters";
import { roundHalfAway as round2 } from "./round";

export interface AreaCost {
  area: string;
  /** Initial annual tabellare (12 months), or null when not verified in any source (the user fills it in). */
  salary: number | null;
  source: string;
  mark: Mark;
}

const CCNL = "CCNL Funzioni Locali 16/11/2022, tabellare iniziale dal 1/4/2023";

export const AREA_COSTS: AreaCost[] = [
  // € 23.212 read (rounded to the euro) in a specialist source; the cents are the commonly cited ones [M].
  { area: "Funzionari ed Elevata Qualificazione", salary: 23212.35, source: `${CCNL} (ex D1)`, mark: "[M]" },
  // € 21.392,87 (ex C1) in a specialist source (lexplain.it) [S].
  { area: "Istruttori", salary: 21392.87, source: `${CCNL} (ex C1)`, mark: "[S]" },
  // Not found in any source: left empty for the finance office to fill in [M].
  { area: "Operatori esperti", salary: null, source: `${CCNL} (ex B1): da inserire`, mark: "[M]" },
  // € 18.283,31, Tabella G (the old A2 revalued, not the ex-A1 € 18.044,37), NT+ Enti locali [S].
  { area: "Operatori", salary: 18283.31, source: `${CCNL}, Tabella G (art. 78 c. 3)`, mark: "[S]" },
];

export interface Rate {
  key: "rateCpdel" | "rateTfr" | "rateInail" | "rateIrap";
  label: string;
  /** Fraction, or null when it depends on the body (filled in by the user). */
  value: number | null;
  source: string;
  mark: Mark;
}

/**
 * Employer's contribution rates on tabellare + tredicesima. None was read in an official text during issue 14:
 * all are the widely cited figures [M]. INAIL depends on the body's tariff, so it is left empty (0).
 */
export const RATES: Rate[] = [
  {
    key: "rateCpdel",
    label: "Contributo pensionistico CPDEL a carico dell'ente",
    value: 0.238,
    source: "INPS, gestione CPDEL (aliquota a carico del datore di lavoro)",
    mark: "[M]",
  },
  {
    key: "rateTfr",
    label: "Contributo INADEL/TFR a carico dell'ente (3,60% sull'80% della retribuzione)",
    value: 0.0288,
    source: "INPS, ex INADEL (TFS/TFR)",
    mark: "[M]",
  },
  {
    key: "rateInail",
    label: "Premio INAIL (tariffa dell'ente: da inserire)",
    value: null,
    source: "INAIL, tariffa dei premi dell'ente",
    mark: "[M]",
  },
  {
    key: "rateIrap",
    label: "IRAP (metodo retributivo)",
    value: 0.085,
    source: "artt. 10-bis e 16 c. 2 D.Lgs. 446/1997",
    mark: "[M]",
  },
];

/** Annual cost of one hire of an area: the art. 33 aggregate excludes IRAP, the c. 557 aggregate includes it. */
export interface AreaCostFigures {
  thirteenth: number;
  charges: number;
  irap: number;
  cost: number;
  cost557: number;
}

/** The cost of an area as the `PIAO_CostiAree` formulas compute it, or null without a tabellare. */
export function areaCost(area: string | null): AreaCostFigures | null {
  const row = AREA_COSTS.find((a) => a.area === area);
  if (!row || row.salary === null) return null;
  const rate = (k: Rate["key"]) => RATES.find((r) => r.key === k)?.value ?? 0;
  const thirteenth = round2(row.salary / 12);
  const gross = row.salary + thirteenth;
  const charges = round2(gross * (rate("rateCpdel") + rate("rateTfr") + rate("rateInail")));
  const irap = round2(gross * rate("rateIrap"));
  const cost = round2(gross + charges);
  return { thirteenth, charges, irap, cost, cost557: round2(cost + irap) };
}

export type ConditionAnswer = "Sì" | "No" | "da verificare";
export const CONDITION_ANSWERS: ConditionAnswer[] = ["Sì", "No", "da verificare"];

export interface Condition {
  label: string;
  source: string;
  mark: Mark;
}

/** The preconditions of any hire (domain.md §4; sources and marks from the notes of issue 14). */
export const CONDITIONS: Condition[] = [
  {
    label: "Rispetto pluriennale dell'equilibrio di bilancio asseverato dall'organo di revisione",
    source: "art. 33 cc. 1-bis e 2 D.L. 34/2019; art. 5 c. 1 D.M. 17/3/2020; artt. 4 c. 3 e 5 D.M. 11/1/2022",
    mark: "[V]",
  },
  {
    label:
      "Bilancio di previsione, rendiconto e consolidato approvati nei termini e inviati alla BDAP entro 30 giorni",
    source: "art. 9 c. 1-quinquies D.L. 113/2016",
    mark: "[V]",
  },
  {
    label: "Ricognizione annuale delle eccedenze di personale effettuata",
    source: "art. 33 D.Lgs. 165/2001 (richiamato dall'art. 6 c. 2)",
    mark: "[S]",
  },
  {
    label: "Piano triennale dei fabbisogni di personale adottato",
    source: "art. 6 D.Lgs. 165/2001",
    mark: "[S]",
  },
  {
    label: "Piano delle azioni positive adottato",
    source: "art. 48 c. 1 D.Lgs. 198/2006 (sanzione dell'art. 6 c. 6 D.Lgs. 165/2001)",
    mark: "[S]",
  },
  {
    label: "Certificazione dei crediti commerciali (piattaforma PCC)",
    source: "art. 9 c. 3-bis D.L. 185/2008",
    mark: "[M]",
  },
];

export type ConditionsState = "verificate" | "da verificare" | "non rispettate";

/** `PIAO_Condizioni`: any No → not met; all Sì → verified; otherwise (any unknown or blank) to be checked. */
export function conditionsState(answers: readonly (ConditionAnswer | null)[]): ConditionsState {
  if (answers.includes("No")) return "non rispettate";
  return answers.length === CONDITIONS.length && answers.every((a) => a === "Sì")
    ? "verificate"
    : "da verificare";
}
