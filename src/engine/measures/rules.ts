/**
 * Scoring rules of a measure: the workbook formula and its reference computation, side by side (the
 * LibreOffice test compares them over a table of generated cases).
 *
 * Sources. The indicator model (formula, unit of measure, polarity, baseline, target per year, value
 * reached) is the one of the Dipartimento della Funzione Pubblica: Linee guida per il Piano della
 * performance n. 1/2017 (§ 4, indicatori e target) and Linee guida per il Sistema di misurazione e
 * valutazione della performance n. 2/2017, taken up by the PIAO portal's indicator form. The guidance leaves
 * the arithmetic of the degree of achievement to each body's SMVP (art. 7 D.Lgs. 150/2009); the rules
 * below are the usual ones in SMVPs [M]:
 * - `crescente` (higher is better): with a baseline `(valore − baseline) / (target − baseline)`, without
 *   `valore / target`;
 * - `decrescente` (lower is better): 1 when `valore ≤ target`; otherwise with a baseline above the target
 *   `(baseline − valore) / (baseline − target)`, without `target / valore`;
 * - `scadenza` (deadline): 1 on or before the target date, else a linear decay over the tolerance in days
 *   (`PIAO_TolleranzaScadenza`, default 0: late is 0);
 * - `sì/no`: 1 for yes, 0 for no;
 * - `fasce`: the bands of `PIAO_Fasce` applied to the linear ratio (`valore / target`, or `target / valore`
 *   when the polarity is `decrescente`).
 * Every result is clamped to 0–1. An empty value, a text where a number is needed, or an unknown rule gives
 * no achievement (an empty cell).
 */
import { MEASURE_PARAMETERS, MEASURE_RULES, SCORING_NAMES } from "../core/contract";
import type { Scalar } from "../core/snapshot";

export interface MeasureParameters {
  /** Days after the target date over which a `scadenza` achievement decays linearly to 0 (0: none). */
  deadlineTolerance: number;
  /** Lower edges of the bands of `PIAO Parametri`, ascending (the objectives' bands). */
  bandEdges: number[];
}

export const DEFAULT_DEADLINE_TOLERANCE = 0;

/** The cells a rule reads, as the workbook holds them. */
export interface RuleInputs {
  rule: Scalar;
  polarity: Scalar;
  target: Scalar;
  baseline: Scalar;
  value: Scalar;
}

const YES_WORDS = ["sì", "si", "x", "fatto", "yes"];
const NO_WORDS = ["no"];

const clamp = (x: number) => Math.max(0, Math.min(1, x));
const isRule = (r: Scalar) => typeof r === "string" && (MEASURE_RULES as readonly string[]).includes(r);

function yesNo(v: Scalar): number | undefined {
  const word = String(v).trim().toLowerCase();
  if (v === 1 || YES_WORDS.includes(word)) return 1;
  if (v === 0 || NO_WORDS.includes(word)) return 0;
  return undefined;
}

/** Reference achievement of one measure (fraction 0–1), or undefined where the formula shows `""`. */
export function measureAchievement(c: RuleInputs, p: MeasureParameters): number | undefined {
  if (c.value === null || c.value === "" || !isRule(c.rule)) return undefined;
  if (c.rule === "sì/no") return yesNo(c.value);
  if (typeof c.value !== "number" || typeof c.target !== "number") return undefined;
  const v = c.value;
  const t = c.target;
  const b = typeof c.baseline === "number" ? c.baseline : null;
  const upRatio = () => (t > 0 ? v / t : v >= t ? 1 : 0);
  const downRatio = () => (v <= t ? 1 : v > 0 ? t / v : 0);
  switch (c.rule) {
    case "crescente":
      return clamp(b === null ? upRatio() : t !== b ? (v - b) / (t - b) : v >= t ? 1 : 0);
    case "decrescente":
      return clamp(v <= t ? 1 : b !== null && b > t ? (b - v) / (b - t) : downRatio());
    case "scadenza":
      return clamp(v <= t ? 1 : p.deadlineTolerance > 0 ? 1 - (v - t) / p.deadlineTolerance : 0);
    default: {
      const ratio = clamp(c.polarity === "decrescente" ? downRatio() : upRatio());
      let band = 0;
      for (const e of p.bandEdges) if (ratio >= e) band = e;
      return band;
    }
  }
}

/** A1 references of the cells one row's achievement formula reads. */
export interface RuleRefs {
  rule: string;
  polarity: string;
  target: string;
  baseline: string;
  value: string;
}

/** The workbook formula of one measure's achievement, the twin of `measureAchievement`. */
export function achievementFormula(r: RuleRefs): string {
  const { rule: R, polarity: P, target: T, baseline: B, value: V } = r;
  const tol = MEASURE_PARAMETERS.deadlineTolerance;
  const word = `LOWER(TRIM(${V}))`;
  const yes = `OR(${V}=1,${YES_WORDS.map((w) => `${word}="${w}"`).join(",")})`;
  const no = `OR(${V}=0,${NO_WORDS.map((w) => `${word}="${w}"`).join(",")})`;
  const upRatio = `IF(${T}>0,${V}/${T},IF(${V}>=${T},1,0))`;
  const downRatio = `IF(${V}<=${T},1,IF(${V}>0,${T}/${V},0))`;
  const up = `IF(ISNUMBER(${B}),IF(${T}<>${B},(${V}-${B})/(${T}-${B}),IF(${V}>=${T},1,0)),${upRatio})`;
  const down = `IF(${V}<=${T},1,IF(AND(ISNUMBER(${B}),${B}>${T}),(${B}-${V})/(${B}-${T}),${downRatio}))`;
  const deadline = `IF(${V}<=${T},1,IF(${tol}>0,1-(${V}-${T})/${tol},0))`;
  const clamp01 = (x: string) => `MAX(0,MIN(1,${x}))`;
  const bands = `LOOKUP(${clamp01(`IF(${P}="decrescente",${downRatio},${upRatio})`)},${SCORING_NAMES.bands})`;
  const numeric =
    `IF(OR(NOT(ISNUMBER(${V})),NOT(ISNUMBER(${T}))),"",` +
    `IF(${R}="crescente",${clamp01(up)},IF(${R}="decrescente",${clamp01(down)},` +
    `IF(${R}="scadenza",${clamp01(deadline)},IF(${R}="fasce",${bands},"")))))`;
  return `=IF(${V}="","",IF(${R}="sì/no",IF(${yes},1,IF(${no},0,"")),${numeric}))`;
}

/** One measure of an objective, for the weighted mean: its `Peso misura` cell and its achievement. */
export interface WeightedAchievement {
  weight: Scalar;
  achievement: number | undefined;
}

/**
 * Reference of `Raggiungimento calcolato`: the measure-weighted mean of the objective's measures, equal
 * weights when none is given (a measure without weight counts 0 when its siblings have weights). Empty
 * until every measure of the objective has an achievement.
 */
export function objectiveAchievement(rows: WeightedAchievement[]): number | undefined {
  if (rows.length === 0 || rows.some((r) => r.achievement === undefined)) return undefined;
  const anyWeight = rows.some((r) => typeof r.weight === "number");
  const used = rows.map((r) => (typeof r.weight === "number" ? r.weight : anyWeight ? 0 : 1));
  const total = used.reduce((a, w) => a + w, 0);
  if (total === 0) return undefined;
  return rows.reduce((a, r, i) => a + r.achievement! * used[i], 0) / total;
}
