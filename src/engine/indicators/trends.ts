/**
 * Reference computations of the trend columns of `PIAO_Indicatori` (domain.md §3), in TypeScript.
 *
 * The sheet computes the same quantities with worksheet formulas (sheets/indicators-sheet.ts); the formula
 * tests recalculate the written workbook in LibreOffice and require both to agree. The definitions here are
 * therefore written to follow the formulas step by step, including the order of the arithmetic where it
 * changes the last bits of a double (least squares in two passes around the means, as SLOPE and FORECAST
 * do in LibreOffice and Excel).
 *
 * Definitions (an empty year is skipped, never read as 0; "available" = a year with a number):
 * - `change`: last available value − previous available value (needs two values);
 * - `changePct`: change / |previous value|, empty when the previous value is 0 (dividing by the absolute
 *   value keeps the sign of the change when the previous value is negative);
 * - `cagr`: (last / first)^(1 / (last year − first year)) − 1, between the first and the last available
 *   year; empty with fewer than two values or when either end point is ≤ 0;
 * - `slope`: least-squares slope of value on year over the available years (SLOPE);
 * - `projection`: the least-squares line at the target year, or at the default projection year (the last
 *   plan year) when the indicator has no target year (FORECAST); needs two values;
 * - `direction`: `dati insufficienti` with fewer than two values; `stabile` when |slope| ≤ threshold ×
 *   |mean of the values|; otherwise `in miglioramento` when the slope goes the way of the polarity
 *   (up for `crescente`, down for `decrescente`), `in peggioramento` when it goes against it;
 * - `targetOutcome` (only with a target and at least one value): `raggiunto` when the last available value
 *   reaches the target (≥ for `crescente`, ≤ for `decrescente`); otherwise `previsto raggiungimento` when
 *   the projection year lies after the last available year and the projection reaches the target;
 *   otherwise `non raggiunto`.
 */

export type Polarity = "crescente" | "decrescente";

export type Direction = "in miglioramento" | "in peggioramento" | "stabile" | "dati insufficienti";

export type TargetOutcome = "raggiunto" | "non raggiunto" | "previsto raggiungimento";

export const DIRECTIONS: readonly Direction[] = [
  "in miglioramento",
  "in peggioramento",
  "stabile",
  "dati insufficienti",
];

/** Default of `PIAO_SogliaStabilita`: a slope within 1% of the mean (per year) counts as stable. */
export const DEFAULT_STABILITY_THRESHOLD = 0.01;

export interface TrendSettings {
  /** |slope| ≤ threshold × |mean| → `stabile` (`PIAO_SogliaStabilita`). */
  stabilityThreshold: number;
  /** Projection year for indicators without `Anno target` (`PIAO_AnnoProiezione`), or null. */
  projectionYear: number | null;
}

export interface TrendInput {
  /** Value per year; years without a value are simply absent. */
  values: Record<number, number>;
  /** `decrescente` = lower is better; anything else counts as `crescente`, as in the formulas. */
  polarity: Polarity | string;
  target: number | null;
  targetYear: number | null;
}

export interface TrendResult {
  count: number;
  firstYear: number | null;
  lastYear: number | null;
  lastValue: number | null;
  change: number | null;
  changePct: number | null;
  cagr: number | null;
  slope: number | null;
  direction: Direction;
  projection: number | null;
  targetOutcome: TargetOutcome | null;
}

export interface Point {
  x: number;
  y: number;
}

/** The available (year, value) pairs in year order. */
export function availablePoints(values: Record<number, number>): Point[] {
  return Object.entries(values)
    .map(([k, v]) => ({ x: Number(k), y: v }))
    .filter((p) => Number.isFinite(p.x) && typeof p.y === "number" && Number.isFinite(p.y))
    .sort((a, b) => a.x - b.x);
}

function means(points: Point[]): { mx: number; my: number } {
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    sx += p.x;
    sy += p.y;
  }
  return { mx: sx / points.length, my: sy / points.length };
}

/** Σ(x − x̄)(y − ȳ) and Σ(x − x̄)², the two sums SLOPE and FORECAST are built on. */
function deviationSums(points: Point[]): { mx: number; my: number; sxy: number; sxx: number } {
  const { mx, my } = means(points);
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    const dx = p.x - mx;
    sxy += dx * (p.y - my);
    sxx += dx * dx;
  }
  return { mx, my, sxy, sxx };
}

/** Least-squares slope (SLOPE); null with fewer than two points or a single distinct x. */
export function leastSquaresSlope(points: Point[]): number | null {
  if (points.length < 2) return null;
  const { sxy, sxx } = deviationSums(points);
  return sxx === 0 ? null : sxy / sxx;
}

/** Value of the least-squares line at `x` (FORECAST): ȳ + slope × (x − x̄). */
export function linearForecast(x: number, points: Point[]): number | null {
  if (points.length < 2) return null;
  const { mx, my, sxy, sxx } = deviationSums(points);
  if (sxx === 0) return null;
  return my + (sxy / sxx) * (x - mx);
}

/** −1 for `decrescente`, 1 otherwise (an empty or unknown polarity reads as `crescente`). */
export function polaritySign(polarity: string): 1 | -1 {
  return polarity.trim().toLowerCase() === "decrescente" ? -1 : 1;
}

export function computeTrend(input: TrendInput, settings: TrendSettings): TrendResult {
  const pts = availablePoints(input.values);
  const n = pts.length;
  const sign = polaritySign(String(input.polarity ?? ""));
  const first = n > 0 ? pts[0] : null;
  const last = n > 0 ? pts[n - 1] : null;
  const prev = n > 1 ? pts[n - 2] : null;

  const change = last && prev ? last.y - prev.y : null;
  const changePct = change !== null && prev && prev.y !== 0 ? change / Math.abs(prev.y) : null;
  const cagr =
    n >= 2 && first && last && first.y > 0 && last.y > 0
      ? Math.pow(last.y / first.y, 1 / (last.x - first.x)) - 1
      : null;
  const slope = n >= 2 ? leastSquaresSlope(pts) : null;

  let direction: Direction = "dati insufficienti";
  if (n >= 2 && slope !== null) {
    const mean = pts.reduce((s, p) => s + p.y, 0) / n;
    if (Math.abs(slope) <= settings.stabilityThreshold * Math.abs(mean)) direction = "stabile";
    else direction = slope * sign > 0 ? "in miglioramento" : "in peggioramento";
  }

  const projectionYear = input.targetYear ?? settings.projectionYear;
  const projection = n >= 2 && projectionYear !== null ? linearForecast(projectionYear, pts) : null;

  let targetOutcome: TargetOutcome | null = null;
  if (input.target !== null && last) {
    if ((last.y - input.target) * sign >= 0) targetOutcome = "raggiunto";
    else if (
      projection !== null &&
      projectionYear !== null &&
      projectionYear > last.x &&
      (projection - input.target) * sign >= 0
    )
      targetOutcome = "previsto raggiungimento";
    else targetOutcome = "non raggiunto";
  }

  return {
    count: n,
    firstYear: first ? first.x : null,
    lastYear: last ? last.x : null,
    lastValue: last ? last.y : null,
    change,
    changePct,
    cagr,
    slope,
    direction,
    projection,
    targetOutcome,
  };
}
