/**
 * Reference computation of `PIAO_Triennio`: one row per plan year. The first year is the sheet's; each later
 * year starts from the previous one's spending plus the full annual cost of its hires minus the full annual
 * saving of its departures, and its revenue grows by the year's input rate. A year's margin is the spending
 * its rule allows (see `allowedSpending`) minus its spending after that year's departures and hires, so one
 * hire lowers that year's margin by exactly its cost in the year.
 */
import { areaCost } from "./costs";
import {
  allowedSpending,
  classify,
  findBand,
  yearCap,
  OUTCOME_TEXT,
  YEAR_OUTCOME_TEXT,
  type CapState,
  type OutcomeCode,
  type PlannedDeparture,
  type PlannedHire,
  type SpendingInputs,
} from "./compute";
import { roundHalfAway } from "./round";

export const PLAN_YEARS = 3;

export interface YearRow {
  year: number | null;
  netRevenue: number | null;
  spending: number | null;
  departures: number;
  hires: number;
  ratio: number | null;
  threshold: number | null;
  yearLimit: number | null;
  capState: CapState | null;
  margin: number | null;
  outcome: OutcomeCode | null;
}

const monthsOf = (m: number | null) => m ?? 12;

/** Cost of a planned hire in its year (`Costo nell'anno`), null when its area has no cost. */
export function hireYearCost(h: PlannedHire): number | null {
  const c = areaCost(h.area);
  return c ? roundHalfAway((h.count * c.cost * monthsOf(h.months)) / 12) : null;
}

/** Saving of a planned departure in its year (`Risparmio`), null when its area is not known. */
export function departureSaving(d: PlannedDeparture): number | null {
  const c = areaCost(d.area);
  return c ? roundHalfAway((d.count * c.cost * monthsOf(d.months)) / 12) : null;
}

const sum = (xs: (number | null)[]) => roundHalfAway(xs.reduce<number>((a, x) => a + (x ?? 0), 0));

export function computeTriennium(i: SpendingInputs, netRevenue: number | null): YearRow[] {
  const band = findBand(i.body, i.population);
  const rows: YearRow[] = [];
  for (let k = 0; k < PLAN_YEARS; k++) {
    const prev = rows[k - 1];
    const year = i.year !== null ? i.year + k : null;
    const revenue =
      k === 0
        ? netRevenue
        : prev.netRevenue !== null
          ? roundHalfAway(prev.netRevenue * (1 + i.growth[k - 1]))
          : null;
    const spending =
      k === 0
        ? i.spending
        : prev.spending !== null
          ? roundHalfAway(
              prev.spending +
                sum(i.hires.filter((h) => h.year === prev.year).map((h) => fullCost(h))) -
                sum(i.departures.filter((d) => d.year === prev.year).map((d) => fullCost(d))),
            )
          : null;
    const departures = sum(i.departures.filter((d) => d.year === year).map(departureSaving));
    const hires = sum(i.hires.filter((h) => h.year === year).map(hireYearCost));
    const cap = yearCap(i, band?.band ?? null, year);
    const threshold = band?.threshold ?? null;
    let ratio: number | null = null;
    let outcome: OutcomeCode | null = null;
    let margin: number | null = null;
    if (revenue !== null && revenue <= 0) outcome = "ENTRATE";
    else if (revenue !== null && spending !== null && threshold !== null && band) {
      const after = spending - departures + hires;
      ratio = after / revenue;
      outcome = classify(spending / revenue, threshold, band.returnThreshold);
      const allowed = allowedSpending(outcome, revenue, spending, threshold, band.returnThreshold, cap.limit);
      margin = roundHalfAway(allowed - after);
    }
    rows.push({
      year,
      netRevenue: revenue,
      spending,
      departures,
      hires,
      ratio,
      threshold,
      yearLimit: cap.limit,
      capState: cap.state,
      margin,
      outcome,
    });
  }
  return rows;
}

/** Full annual cost of a hire or saving of a departure (carried into the following year). */
function fullCost(x: { area: string | null; count: number }): number | null {
  const c = areaCost(x.area);
  return c ? roundHalfAway(x.count * c.cost) : null;
}

/** The `Esito` of a plan year, as the triennium's formula writes it. */
export function yearOutcomeText(y: YearRow): string {
  if (!y.outcome) return "";
  return (
    YEAR_OUTCOME_TEXT[y.outcome] + (y.capState === "non verificabile" ? OUTCOME_TEXT.provisionalShort : "")
  );
}
