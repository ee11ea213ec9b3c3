/**
 * Monitoring scores (domain.md §2): achievement at 31/12 (0–100%, capped at 100%) times weight; unit score
 * = Σ(weight × score) / Σ(weight) × 100. Floor and bands come from the body's SMVP (art. 7 D.Lgs.
 * 150/2009) and are parameters in `PIAO Parametri`. These are the reference computations the workbook's
 * formulas must agree with.
 */

export interface ScoringParameters {
  /** Achievement below this fraction scores 0 (0 = plain proportional scoring). */
  floor: number;
  bands: boolean;
  /** Lower edges of the bands, ascending; an achievement scores the highest edge it reaches. */
  bandEdges: number[];
}

/** Plain proportional scoring; many SMVPs use a 50% floor or 100/75/50/0 bands [M] (domain.md §2). */
export const DEFAULT_SCORING: ScoringParameters = { floor: 0, bands: false, bandEdges: [0, 0.5, 0.75, 1] };

/** Reference computation of the score of one achievement, matching the workbook formula. */
export function scoreAchievement(a: number, p: ScoringParameters = DEFAULT_SCORING): number {
  const capped = Math.min(a, 1);
  if (a < p.floor) return 0;
  if (!p.bands) return capped;
  let s = 0;
  for (const e of p.bandEdges) if (capped >= e) s = e;
  return s;
}

/**
 * Reference score of a unit on a 100 scale; `achievement` gives each objective's achievement at 31/12
 * (undefined when not entered). Empty (undefined) until some achievement is entered, as in the workbook.
 */
export function unitScore(
  items: { weight: number | null; achievement: number | undefined }[],
  p: ScoringParameters = DEFAULT_SCORING,
): number | undefined {
  const total = items.reduce((a, o) => a + (o.weight ?? 0), 0);
  if (total === 0 || items.every((o) => o.achievement === undefined)) return undefined;
  let points = 0;
  for (const o of items)
    if (o.weight !== null && o.achievement !== undefined)
      points += o.weight * scoreAchievement(o.achievement, p);
  return (points / total) * 100;
}
