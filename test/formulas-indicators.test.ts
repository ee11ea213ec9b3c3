/**
 * Formula truth for `PIAO Indicatori`: a plan with 240 seeded random series (gaps, single values, zeros,
 * negative values, ratios, both polarities, targets) written through the real xlsx adapter, recalculated
 * by LibreOffice headless, must show the engine's reference values (trends.ts) in every computed column.
 * A second workbook, converted from the example plus a sheet of series, checks the whole path from
 * detection to formulas. Both are recalculated in one soffice run.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { columnLetters } from "../src/engine/core/address";
import { INDICATOR_COLUMNS as C, SHEETS, TREND_PARAMETERS } from "../src/engine/core/contract";
import type { Indicator } from "../src/engine/indicators/model";
import { indicatorYears, indicatorsPart, referenceTrend } from "../src/engine/indicators/part";
import type { WorkbookPlan } from "../src/engine/core/plan";
import { indicatorsSheet, type IndicatorsLayout } from "../src/engine/indicators/indicators-sheet";
import { parametersSheet } from "../src/engine/workbook/parameters-sheet";
import type { TrendResult, TrendSettings } from "../src/engine/indicators/trends";
import { applyPlan, snapshotWorkbook } from "./helpers/xlsx";
import { rng } from "./helpers/random";
import { readCachedValues, recalculate, type CellResult } from "./helpers/recalc";
import { buildWorkbook, tmpDir } from "./helpers/workbooks";
import { WrittenWorkbooks } from "./helpers/validate";

const written = new WrittenWorkbooks();

const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const PLAN_YEARS = [2023, 2024, 2025];
const SERIES = 240;
const SETTINGS: TrendSettings = { stabilityThreshold: 0.01, projectionYear: 2026 };

function base(name: string, values: Record<number, number>): Indicator {
  return {
    name,
    objective: "Obiettivo di prova",
    objectiveCode: "T.1",
    strategicLine: "Linea di prova",
    manager: "Dirigente",
    unitOfMeasure: "",
    polarity: "crescente",
    values,
    ratio: null,
    target: null,
    targetYear: null,
    source: { sheet: "Serie", row: 0, col: 0 },
    origin: "wide",
  };
}

/** Random series: gaps everywhere, some rows empty or with one value, scales from 0.01 to 10^6. */
function randomIndicators(seed: number): Indicator[] {
  const random = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const out: Indicator[] = [];
  for (let k = 0; k < SERIES; k++) {
    const fill = pick([0, 0.15, 0.4, 0.6, 0.8, 1]);
    const scale = pick([0.01, 1, 100, 5000, 1e6]);
    const shape = pick(["trend", "noise", "flatInt", "signed", "zeros"]);
    const drift = (random() - 0.5) * 0.4;
    const values: Record<number, number> = {};
    const ind = base(`Serie casuale ${k + 1}`, values);
    const isRatio = random() < 0.2;
    if (isRatio)
      ind.ratio = {
        numerator: "casi",
        denominator: "popolazione",
        factor: pick([100, 100000, null, 1000]),
        numerators: {},
        denominators: {},
      };
    YEARS.forEach((y, i) => {
      if (random() >= fill) return;
      if (ind.ratio) {
        const d = random() < 0.1 ? 0 : Math.round(random() * 1000) + 1;
        const n = Math.round(random() * d * 100) / 100;
        if (random() < 0.9) ind.ratio.numerators[y] = n;
        if (random() < 0.9) ind.ratio.denominators[y] = d;
        return;
      }
      let v: number;
      if (shape === "flatInt") v = 42;
      else if (shape === "zeros") v = random() < 0.5 ? 0 : Math.round(random() * 10);
      else if (shape === "signed") v = Math.round((random() - 0.5) * 2 * scale * 100) / 100;
      else if (shape === "noise") v = Math.round(scale * (1 + (random() - 0.5) * 0.03) * 1000) / 1000;
      else v = Math.round(scale * (1 + drift * i + (random() - 0.5) * 0.2) * 100) / 100;
      values[y] = v;
    });
    if (ind.ratio) {
      for (const y of YEARS) {
        const n = ind.ratio.numerators[y];
        const d = ind.ratio.denominators[y];
        if (n !== undefined && d !== undefined && d !== 0) values[y] = (n / d) * (ind.ratio.factor ?? 1);
      }
    }
    ind.polarity = random() < 0.4 ? "decrescente" : "crescente";
    if (random() < 0.6) {
      const vs = Object.values(values);
      const ref = vs.length > 0 ? vs[Math.floor(random() * vs.length)] : scale;
      ind.target = Math.round(ref * (0.8 + random() * 0.4) * 100) / 100;
      if (random() < 0.5) ind.targetYear = pick([2021, 2025, 2026, 2028, 2030]);
    }
    out.push(ind);
  }
  // Hand-made corners: no values, one value, flat, a gap in the middle.
  out.push(base("Vuota", {}), base("Un valore", { 2020: 7 }), base("Piatta", { 2016: 3, 2019: 3, 2025: 3 }));
  return out;
}

const dir = tmpDir();
const indicators = randomIndicators(20240601);
const years = indicatorYears(indicators, PLAN_YEARS);
let layout: IndicatorsLayout;
let cells: Map<string, CellResult>;
let params: Map<string, CellResult>;
let example: { part: ReturnType<typeof indicatorsPart>; cells: Map<string, CellResult> };

async function writePlan(plan: WorkbookPlan, file: string, wb = new ExcelJS.Workbook()): Promise<string> {
  fs.writeFileSync(written.file(file), await applyPlan(wb, plan));
  return file;
}

beforeAll(async () => {
  const built = indicatorsSheet(indicators, years);
  layout = built.layout;
  const p = parametersSheet([
    {
      ...indicatorsPart([], PLAN_YEARS, { settings: SETTINGS }).parameterSection,
    },
  ]);
  const random = await writePlan(
    { sheets: [built.sheet, p.sheet], names: p.names },
    path.join(dir, "random.xlsx"),
  );

  // The example plus a sheet of series, converted by indicatorsPart as convert.ts does.
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx"));
  const extra = buildWorkbook([
    {
      name: "Serie",
      rows: [
        [
          "Indicatore",
          "Polarità",
          "Numeratore 2021",
          "Numeratore 2022",
          "Denominatore 2021",
          "Denominatore 2022",
        ],
        ["trend ponti sicuri/ponti valutati * 100", "crescente", 12, 15, 40, 41],
        [],
        ["Indicatore", "Anno", "Valore", "Polarità", "Target"],
        ["Tasso di assenza", 2020, 8.5, "decrescente", 6],
        [null, 2022, 7.25],
        [null, 2023, 6.5],
      ],
    },
  ]).getWorksheet("Serie")!;
  const copy = source.addWorksheet("Serie");
  extra.eachRow((row, r) => row.eachCell((cell, c) => (copy.getCell(r, c).value = cell.value)));
  const part = indicatorsPart(await snapshotWorkbook(source), PLAN_YEARS);
  const ep = parametersSheet([part.parameterSection]);
  const exampleFile = await writePlan(
    { sheets: [part.sheet, ep.sheet], names: [...ep.names, ...part.names] },
    path.join(dir, "example.xlsx"),
    source,
  );

  const [r1, r2] = recalculate([random, exampleFile]);
  const v1 = await readCachedValues(r1);
  const v2 = await readCachedValues(r2);
  cells = v1.get(SHEETS.indicators)!;
  params = v1.get(SHEETS.parameters)!;
  example = { part, cells: v2.get(SHEETS.indicators)! };
}, 240000);

type NumKey =
  | "count"
  | "firstYear"
  | "lastYear"
  | "lastValue"
  | "change"
  | "changePct"
  | "cagr"
  | "slope"
  | "projection";
const NUMERIC: NumKey[] = [
  "count",
  "firstYear",
  "lastYear",
  "lastValue",
  "change",
  "changePct",
  "cagr",
  "slope",
  "projection",
];
const COLUMN_OF: Record<NumKey | "direction" | "targetOutcome", keyof typeof C> = {
  count: "count",
  firstYear: "firstYear",
  lastYear: "lastYear",
  lastValue: "lastValue",
  change: "change",
  changePct: "changePct",
  cagr: "cagr",
  slope: "slope",
  projection: "projection",
  direction: "direction",
  targetOutcome: "targetOutcome",
};

function relErr(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

function compareRow(
  got: Map<string, CellResult>,
  L: IndicatorsLayout,
  row: number,
  ref: TrendResult,
  failures: string[],
): number {
  const at = (k: keyof typeof C) => got.get(`${columnLetters(L.col[k])}${row + 1}`);
  let worst = 0;
  for (const k of NUMERIC) {
    const expected = ref[k];
    const v = at(COLUMN_OF[k]);
    if (expected === null) {
      if (v !== "") failures.push(`row ${row + 1} ${k}: expected empty, got ${v}`);
      continue;
    }
    if (typeof v !== "number") {
      failures.push(`row ${row + 1} ${k}: expected ${expected}, got ${JSON.stringify(v)}`);
      continue;
    }
    const e = relErr(v, expected);
    worst = Math.max(worst, e);
    if (e > 1e-9) failures.push(`row ${row + 1} ${k}: expected ${expected}, got ${v} (rel. error ${e})`);
  }
  if (at("direction") !== ref.direction)
    failures.push(`row ${row + 1} direction: expected ${ref.direction}, got ${at("direction")}`);
  if (at("targetOutcome") !== (ref.targetOutcome ?? ""))
    failures.push(`row ${row + 1} targetOutcome: expected ${ref.targetOutcome}, got ${at("targetOutcome")}`);
  return worst;
}

test("the random series cover gaps, single values, zeros, negatives, ratios and both polarities", () => {
  const counts = indicators.map((i) => Object.keys(i.values).length);
  expect(indicators.length).toBeGreaterThanOrEqual(200);
  expect(counts.filter((n) => n === 0).length).toBeGreaterThan(5);
  expect(counts.filter((n) => n === 1).length).toBeGreaterThan(5);
  const gapped = indicators.filter((i) => {
    const ys = Object.keys(i.values).map(Number);
    return ys.length >= 2 && Math.max(...ys) - Math.min(...ys) + 1 > ys.length;
  });
  expect(gapped.length).toBeGreaterThan(50);
  expect(indicators.some((i) => Object.values(i.values).some((v) => v < 0))).toBe(true);
  expect(indicators.some((i) => Object.values(i.values).some((v) => v === 0))).toBe(true);
  expect(indicators.filter((i) => i.ratio).length).toBeGreaterThan(20);
  const dirs = new Set(indicators.map((i) => referenceTrend(i, SETTINGS).direction));
  expect([...dirs].sort()).toEqual(["dati insufficienti", "in miglioramento", "in peggioramento", "stabile"]);
  const outcomes = new Set(indicators.map((i) => referenceTrend(i, SETTINGS).targetOutcome));
  expect(outcomes).toEqual(new Set([null, "raggiunto", "non raggiunto", "previsto raggiungimento"]));
});

test("recalculated in LibreOffice, every computed column equals the reference (relative error ≤ 1e-9)", () => {
  expect(params.get("B6")).toBe(SETTINGS.stabilityThreshold);
  const failures: string[] = [];
  let worst = 0;
  indicators.forEach((ind, i) => {
    const row = layout.headerRow + 1 + i;
    worst = Math.max(worst, compareRow(cells, layout, row, referenceTrend(ind, SETTINGS), failures));
    // Year cells: the values, or for ratios the numerator / denominator × factor formula.
    years.forEach((y, k) => {
      const v = cells.get(`${columnLetters(layout.firstYearCol + k)}${row + 1}`);
      const expected = ind.values[y];
      if (expected === undefined) {
        if (v !== undefined && v !== null && v !== "") failures.push(`row ${row + 1} ${y}: got ${v}`);
      } else if (typeof v !== "number" || relErr(v, expected) > 1e-9)
        failures.push(`row ${row + 1} ${y}: expected ${expected}, got ${v}`);
    });
    // Text columns come back as written.
    const text = (k: keyof typeof C) => cells.get(`${columnLetters(layout.col[k])}${row + 1}`);
    if (text("indicator") !== ind.name || text("polarity") !== ind.polarity)
      failures.push(`row ${row + 1}: text columns differ`);
  });
  expect(failures.slice(0, 20)).toEqual([]);
  expect(worst).toBeLessThanOrEqual(1e-9);
});

test("the example's strategic objectives and the series sheet, converted and recalculated", () => {
  const { part, cells: got } = example;
  const L = indicatorsSheet(part.indicators, part.years).layout;
  const failures: string[] = [];
  part.indicators.forEach((ind, i) => {
    compareRow(got, L, L.headerRow + 1 + i, referenceTrend(ind, part.settings), failures);
  });
  expect(failures).toEqual([]);
  const rowOf = (name: string) => L.headerRow + 2 + part.indicators.findIndex((i) => i.name === name);
  const cell = (k: keyof typeof C, name: string) => got.get(`${columnLetters(L.col[k])}${rowOf(name)}`);
  // The ratio series filled the strategic row of objective B: 12/40×100 and 15/41×100.
  const ponti = "trend ponti sicuri/ponti valutati * 100";
  expect(part.indicators.filter((i) => i.name === ponti)).toHaveLength(1);
  expect(cell("code", ponti)).toBe("B");
  expect(got.get(`${columnLetters(L.firstYearCol + part.years.indexOf(2021))}${rowOf(ponti)}`)).toBeCloseTo(
    30,
    9,
  );
  expect(cell("change", ponti) as number).toBeCloseTo((15 / 41) * 100 - 30, 9);
  expect(cell("direction", ponti)).toBe("in miglioramento");
  // The long series, lower is better, target 6 projected to 2025.
  expect(cell("direction", "Tasso di assenza")).toBe("in miglioramento");
  expect(cell("targetOutcome", "Tasso di assenza")).toBe("previsto raggiungimento");
  // Strategic rows without values: ready to fill.
  expect(cell("direction", "Trend n. di servizi accessibili tramite SPID e CIE")).toBe("dati insufficienti");
  expect(cell("count", "Trend n. di servizi accessibili tramite SPID e CIE")).toBe(0);
  expect(TREND_PARAMETERS.stability).toBe("PIAO_SogliaStabilita");
});

written.test(2);
