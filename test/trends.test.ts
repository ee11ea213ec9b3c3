/**
 * The reference trend computations (src/engine/trends.ts) on series checked by hand. The same definitions
 * are the sheet's formulas, checked against these in formulas-indicators.test.ts.
 */
import {
  computeTrend,
  leastSquaresSlope,
  linearForecast,
  type TrendInput,
  type TrendSettings,
} from "../src/engine/indicators/trends";

const S: TrendSettings = { stabilityThreshold: 0.01, projectionYear: 2025 };
const trend = (values: Record<number, number>, more: Partial<TrendInput> = {}, settings = S) =>
  computeTrend({ values, polarity: "crescente", target: null, targetYear: null, ...more }, settings);

describe("rising series, higher is better", () => {
  // 100 → 110 → 121: +10% a year.
  const r = trend({ 2019: 100, 2020: 110, 2021: 121 }, { target: 150, targetYear: 2025 });
  test("change, % change and CAGR between the available years", () => {
    expect(r.count).toBe(3);
    expect([r.firstYear, r.lastYear, r.lastValue]).toEqual([2019, 2021, 121]);
    expect(r.change).toBe(11);
    expect(r.changePct).toBeCloseTo(0.1, 12);
    expect(r.cagr).toBeCloseTo(0.1, 12);
  });
  test("slope, projection, direction and target", () => {
    // x̄ = 2020, ȳ = 331/3; Σdx·dy = (−1)(−31/3) + 0 + (1)(32/3) = 21, Σdx² = 2.
    expect(r.slope).toBeCloseTo(10.5, 12);
    // ȳ + 10.5 × (2025 − 2020)
    expect(r.projection).toBeCloseTo(331 / 3 + 52.5, 10);
    expect(r.direction).toBe("in miglioramento");
    expect(r.targetOutcome).toBe("previsto raggiungimento");
  });
});

describe("falling series", () => {
  const values = { 2020: 50, 2021: 40, 2022: 30 };
  test("lower is better: improving, target reached", () => {
    const r = trend(values, { polarity: "decrescente", target: 35 });
    expect(r.change).toBe(-10);
    expect(r.changePct).toBeCloseTo(-0.25, 12);
    expect(r.cagr).toBeCloseTo(Math.sqrt(0.6) - 1, 12);
    expect(r.slope).toBeCloseTo(-10, 12);
    expect(r.direction).toBe("in miglioramento");
    expect(r.targetOutcome).toBe("raggiunto");
  });
  test("higher is better: worsening, target not reached (projection 40 − 10 × 4 = 0)", () => {
    const r = trend(values, { target: 35 });
    expect(r.direction).toBe("in peggioramento");
    expect(r.projection).toBeCloseTo(0, 10);
    expect(r.targetOutcome).toBe("non raggiunto");
  });
  test("lower is better, target not yet reached but reached by the projection", () => {
    const r = trend(values, { polarity: "decrescente", target: 10, targetYear: 2024 });
    expect(r.projection).toBeCloseTo(10, 10);
    expect(r.targetOutcome).toBe("previsto raggiungimento");
  });
});

describe("flat and nearly flat series", () => {
  test("constant values: slope 0, stable, no change, CAGR 0", () => {
    const r = trend({ 2019: 5, 2020: 5, 2022: 5 });
    expect(r.slope).toBe(0);
    expect(r.change).toBe(0);
    expect(r.changePct).toBe(0);
    expect(r.cagr).toBe(0);
    expect(r.direction).toBe("stabile");
    expect(r.projection).toBe(5);
  });
  test("stable when |slope| ≤ 1% of the mean, in either direction and polarity", () => {
    // slope 0.5, mean 100.5: 0.5 ≤ 1.005
    expect(trend({ 2019: 100, 2020: 100.5, 2021: 101 }).direction).toBe("stabile");
    expect(trend({ 2019: 101, 2020: 100.5, 2021: 100 }, { polarity: "decrescente" }).direction).toBe(
      "stabile",
    );
    // slope 1.5, mean 101.5: 1.5 > 1.015
    expect(trend({ 2019: 100, 2020: 101.5, 2021: 103 }).direction).toBe("in miglioramento");
  });
  test("the threshold is a parameter", () => {
    expect(
      trend({ 2019: 100, 2020: 101.5, 2021: 103 }, {}, { ...S, stabilityThreshold: 0.02 }).direction,
    ).toBe("stabile");
  });
  test("all zeros: mean 0 and slope 0 is stable", () => {
    expect(trend({ 2020: 0, 2021: 0 }).direction).toBe("stabile");
  });
});

describe("series with gaps: an empty year is skipped, not read as 0", () => {
  const r = trend({ 2016: 2, 2019: 8, 2020: 9 });
  test("change on the previous available year, CAGR over the available span", () => {
    expect(r.change).toBe(1);
    expect(r.changePct).toBeCloseTo(0.125, 12);
    expect(r.cagr).toBeCloseTo(Math.pow(4.5, 1 / 4) - 1, 12);
    expect([r.firstYear, r.lastYear]).toEqual([2016, 2020]);
  });
  test("slope over the available years only", () => {
    // x̄ = 6055/3, ȳ = 19/3; Σdx·dy = 47/3, Σdx² = 26/3 → 47/26.
    expect(r.slope).toBeCloseTo(47 / 26, 12);
    // Reading the gaps as zeros would give a different slope.
    expect(
      leastSquaresSlope([2016, 2017, 2018, 2019, 2020].map((x, i) => ({ x, y: [2, 0, 0, 8, 9][i] }))),
    ).not.toBeCloseTo(47 / 26, 3);
  });
  test("projection at the target year", () => {
    const p = trend({ 2016: 2, 2019: 8, 2020: 9 }, { targetYear: 2023 }).projection!;
    expect(p).toBeCloseTo(19 / 3 + (47 / 26) * (2023 - 6055 / 3), 10);
  });
});

describe("one value, no value", () => {
  test("one value: last value only, not enough data for a trend; target compares the last value", () => {
    const r = trend({ 2021: 7 }, { target: 5 });
    expect([r.count, r.firstYear, r.lastYear, r.lastValue]).toEqual([1, 2021, 2021, 7]);
    expect([r.change, r.changePct, r.cagr, r.slope, r.projection]).toEqual([null, null, null, null, null]);
    expect(r.direction).toBe("dati insufficienti");
    expect(r.targetOutcome).toBe("raggiunto");
    expect(trend({ 2021: 7 }, { target: 10 }).targetOutcome).toBe("non raggiunto");
  });
  test("no value: everything empty, even with a target", () => {
    const r = trend({}, { target: 10, targetYear: 2025 });
    expect(r.count).toBe(0);
    expect([r.firstYear, r.lastYear, r.lastValue, r.projection, r.targetOutcome]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(r.direction).toBe("dati insufficienti");
  });
});

describe("zero and negative values", () => {
  test("negative previous value: % change on its absolute value; CAGR undefined with a non-positive end", () => {
    const r = trend({ 2019: 0, 2020: -4, 2021: 2 });
    expect(r.change).toBe(6);
    expect(r.changePct).toBeCloseTo(1.5, 12);
    expect(r.cagr).toBeNull();
    // x̄ = 2020, ȳ = −2/3: Σdx·dy = (−1)(2/3) + (1)(8/3) = 2, Σdx² = 2.
    expect(r.slope).toBeCloseTo(1, 12);
    expect(r.direction).toBe("in miglioramento");
  });
  test("previous value 0: no % change; CAGR from the first and last values", () => {
    const r = trend({ 2020: 3, 2021: 0, 2022: 5 });
    expect(r.change).toBe(5);
    expect(r.changePct).toBeNull();
    expect(r.cagr).toBeCloseTo(Math.sqrt(5 / 3) - 1, 12);
  });
  test("a negative or zero last value makes CAGR empty", () => {
    expect(trend({ 2020: 4, 2021: -1 }).cagr).toBeNull();
    expect(trend({ 2020: 4, 2021: 0 }).cagr).toBeNull();
  });
});

describe("target outcome and projection year", () => {
  test("a target year already past is not rescued by the projection", () => {
    // Falling, higher is better: the line gives 20 at 2020, but 2020 is before the last value (2021).
    const r = trend({ 2020: 20, 2021: 10 }, { target: 15, targetYear: 2020 });
    expect(r.projection).toBeCloseTo(20, 10);
    expect(r.targetOutcome).toBe("non raggiunto");
  });
  test("without a target year the projection uses the default projection year; without both, none", () => {
    expect(trend({ 2020: 1, 2021: 2 }).projection).toBeCloseTo(6, 10);
    expect(trend({ 2020: 1, 2021: 2 }, {}, { ...S, projectionYear: null }).projection).toBeNull();
    expect(trend({ 2020: 1, 2021: 2 }, { target: 9 }, { ...S, projectionYear: null }).targetOutcome).toBe(
      "non raggiunto",
    );
  });
  test("reaching exactly the target counts as reached, for both polarities", () => {
    expect(trend({ 2020: 1, 2021: 5 }, { target: 5 }).targetOutcome).toBe("raggiunto");
    expect(trend({ 2020: 9, 2021: 5 }, { target: 5, polarity: "decrescente" }).targetOutcome).toBe(
      "raggiunto",
    );
  });
  test("an empty or unknown polarity reads as crescente", () => {
    expect(trend({ 2020: 1, 2021: 5 }, { polarity: "" }).direction).toBe("in miglioramento");
  });
});

test("least squares helpers: FORECAST is ȳ + slope × (x − x̄); fewer than two points give null", () => {
  const pts = [
    { x: 1, y: 2 },
    { x: 2, y: 4 },
    { x: 4, y: 5 },
  ];
  // x̄ = 7/3, ȳ = 11/3; Σdx·dy = 20/9 − 1/9 + 20/9 = 13/3, Σdx² = 42/9 = 14/3 → 13/14.
  expect(leastSquaresSlope(pts)).toBeCloseTo(13 / 14, 12);
  expect(linearForecast(5, pts)).toBeCloseTo(11 / 3 + (13 / 14) * (5 - 7 / 3), 12);
  expect(leastSquaresSlope(pts.slice(0, 1))).toBeNull();
  expect(linearForecast(3, [])).toBeNull();
});
