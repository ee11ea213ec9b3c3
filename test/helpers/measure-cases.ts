/**
 * Generated cases for the measures' formulas: every rule, with and without baseline, values below, at and
 * above the target, empty values, text values, dates, yes/no words; grouped into objectives of 1–3 measures
 * with given, missing, mixed and text weights. Deterministic (seeded), so a failure reproduces.
 */
import type { Scalar } from "../../src/engine/core/snapshot";
import { dateSerial } from "../../src/engine/measures/targets";
import { rng } from "./random";

export interface MeasureCase {
  code: string;
  rule: string | null;
  polarity: string | null;
  target: Scalar;
  baseline: Scalar;
  valueSep: Scalar;
  valueDec: Scalar;
  weight: number | string | null;
}

const DEADLINE = dateSerial(2025, 4, 30)!;

function numericValues(t: number, random: () => number): Scalar[] {
  const r = Math.round(random() * 100) / 100;
  return [t * 0.7, t, t * 1.3, t * r, 0, null, "in corso", "12 gg"];
}

/** The inputs of one measure row per case, before grouping. */
function inputs(random: () => number): Omit<MeasureCase, "code" | "weight">[] {
  const out: Omit<MeasureCase, "code" | "weight">[] = [];
  const push = (
    rule: string | null,
    polarity: string | null,
    target: Scalar,
    baseline: Scalar,
    values: Scalar[],
  ) =>
    values.forEach((v, i) =>
      out.push({ rule, polarity, target, baseline, valueDec: v, valueSep: values[(i + 3) % values.length] }),
    );
  for (const t of [40, 0.4, 200000, 0]) {
    const vs = numericValues(t === 0 ? 5 : t, random);
    push("crescente", "crescente", t, null, vs);
    push("crescente", "crescente", t, t / 2, [...vs, t / 4]); // below the baseline too
    push("crescente", "crescente", t, t, [t, t * 0.9]); // baseline equal to the target
    push("decrescente", "decrescente", t, null, vs);
    push("decrescente", "decrescente", t, t * 1.5 + 1, [...vs, t * 2 + 2]);
    push("decrescente", "decrescente", t, t / 2, vs); // baseline below the target: no baseline formula
    push("fasce", "crescente", t, null, vs);
    push("fasce", "decrescente", t, null, vs);
  }
  push(
    "scadenza",
    "scadenza",
    DEADLINE,
    null,
    [-10, 0, 1, 5, 15, 40].map((d) => DEADLINE + d),
  );
  push("scadenza", "scadenza", DEADLINE, null, [null, "in ritardo"]);
  push("sì/no", "sì/no", 1, null, ["Sì", "SI", "si", "x", "fatto", "No", 1, 0, "forse", null, 2]);
  push("", "crescente", 10, null, [5]); // rule left to choose
  push("altro", "crescente", 10, null, [5]); // not a rule
  push("crescente", "crescente", "≥ 10 pratiche", null, [5]); // target kept as text
  return out;
}

/** Cases with objective codes `C.1`, `C.2`, … (objectives after the last code have no measure). */
export function measureCases(seed: number): MeasureCase[] {
  const random = rng(seed);
  const rows = inputs(random);
  const cases: MeasureCase[] = [];
  let i = 0;
  let k = 0;
  while (i < rows.length) {
    const size = 1 + (k % 3);
    const code = `C.${k + 1}`;
    const weighting = k % 4; // 0: none; 1: none but a text ("n.d.", not a weight); 2: all given; 3: mixed
    for (let j = 0; j < size && i < rows.length; j++, i++)
      cases.push({
        ...rows[i],
        code,
        weight:
          weighting === 2 || (weighting === 3 && j > 0)
            ? 1 + Math.floor(random() * 5)
            : weighting === 1 && j === 0
              ? "n.d."
              : null,
      });
    k++;
  }
  return cases;
}
