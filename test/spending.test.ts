/**
 * Staff-spending threshold: the engine's reference computation on hand-checked cases, then the same
 * table of cases written as workbooks through the real xlsx adapter, recalculated by LibreOffice in one
 * run, and compared output by output (issue: "the values recalculated in LibreOffice equal the engine's
 * reference computation").
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { cellAddress } from "../src/engine/core/address";
import { parametersSheet } from "../src/engine/workbook/parameters-sheet";
import {
  FIRST_OUTPUT_ROW,
  OUTPUT_LINES,
  spendingSections,
  spendingSheet,
} from "../src/engine/spending/spending-sheet";
import {
  computeSpending,
  EMPTY_INPUTS,
  outcomeText,
  roundHalfAway,
  type SpendingInputs,
  type SpendingOutputs,
} from "../src/engine/spending/compute";
import { BANDS, type BodyType } from "../src/engine/spending/rules";
import { applyPlan } from "./helpers/xlsx";
import { inputs, REFERENCE_SPENDING } from "./helpers/spending";
import { readCachedValues, recalculate, type CellResult } from "./helpers/recalc";
import { tmpDir } from "./helpers/workbooks";

const REFERENCE = REFERENCE_SPENDING;

describe("reference computation", () => {
  test("the reference PIAO's figures, to the cent", () => {
    const o = computeSpending(REFERENCE);
    expect(o.netRevenue).toBe(21893172.4);
    expect(o.band).toBe("a");
    expect(o.threshold).toBe(0.208);
    expect(o.maxSpending).toBe(4553779.86);
    expect(roundHalfAway(o.ratio! * 100, 2)).toBe(19.99);
    expect(o.margin).toBe(178219.46);
    expect(outcomeText(o, "Provincia")).toMatch(/^Sotto soglia/);
  });

  test("net revenue is the average of three rendiconti minus the FCDE", () => {
    const o = computeSpending(inputs({ revenue: [100, 200, 330], fcde: 10.005 }));
    expect(o.netRevenue).toBe(200); // 210 - 10.005 = 199.995 → 200.00, half away from zero
  });

  test.each([
    ["Provincia", 249999, "a"],
    ["Provincia", 250000, "b"],
    ["Provincia", 699999, "d"],
    ["Provincia", 700000, "e"],
    ["Città metropolitana", 749999, "a"],
    ["Città metropolitana", 750000, "b"],
    ["Città metropolitana", 1500000, "c"],
    ["Comune", 999, "a"],
    ["Comune", 1000, "b"],
    ["Comune", 59999, "f"],
    ["Comune", 60000, "g"],
    ["Comune", 1500000, "i"],
  ])("%s with %i inhabitants is band %s", (body, population, band) => {
    expect(computeSpending(inputs({ body: body as BodyType, population })).band).toBe(band);
  });

  test("comuni: under Tabella 1, between the thresholds, above Tabella 3", () => {
    const base = {
      body: "Comune" as BodyType,
      population: 20000,
      revenue: [1e6, 1e6, 1e6] as SpendingInputs["revenue"],
      fcde: 0,
    };
    expect(computeSpending(inputs({ ...base, spending: 270000 })).outcome).toBe("under"); // 27.0% = Tabella 1
    expect(computeSpending(inputs({ ...base, spending: 290000 })).outcome).toBe("between");
    expect(computeSpending(inputs({ ...base, spending: 310000 })).outcome).toBe("between"); // 31.0% = Tabella 3
    expect(computeSpending(inputs({ ...base, spending: 320000 })).outcome).toBe("above");
  });

  test("yearly increase cap: Tabella 2 for comuni 2020–2024, art. 5 for province 2022–2024, none from 2025", () => {
    const comune = (year: number) =>
      computeSpending(inputs({ body: "Comune", population: 20000, year, baseSpending: 100000 }))
        .increaseLimit;
    expect([2019, 2020, 2021, 2022, 2023, 2024, 2025].map(comune)).toEqual([
      null,
      109000,
      116000,
      119000,
      121000,
      122000,
      null,
    ]);
    const prov = (year: number) =>
      computeSpending(inputs({ body: "Provincia", population: 188483, year, baseSpending: 100000 }))
        .increaseLimit;
    expect([2021, 2022, 2023, 2024, 2025].map(prov)).toEqual([null, 122000, 124000, 125000, null]);
  });

  test("the margin is taken against the lower of maximum spending and the increase cap", () => {
    const o = computeSpending(inputs({ ...REFERENCE, baseSpending: 3500000 }));
    expect(o.increaseLimit).toBe(4340000); // 3.5M × 1.24 (2023)
    expect(o.margin).toBe(-35560.4); // 4,340,000.00 - 4,375,560.40, below the cap
  });

  test("c. 557-quater: average 2011–2013, margin, outcome", () => {
    const o = computeSpending(
      inputs({ spending2011_2013: [5000000, 5100000, 5200000], spending557: 5050000.5 }),
    );
    expect(o.limit557).toBe(5100000);
    expect(o.margin557).toBe(49999.5);
    expect(o.respected557).toBe(true);
  });

  test("missing inputs give empty outputs, never errors", () => {
    const o = computeSpending(EMPTY_INPUTS);
    expect(Object.values(o).every((v) => v === null)).toBe(true);
  });
});

/** Every case of the table, each a small workbook; all recalculated in one LibreOffice run. */
function cases(): { label: string; inputs: SpendingInputs }[] {
  const out: { label: string; inputs: SpendingInputs }[] = [{ label: "reference PIAO", inputs: REFERENCE }];
  const money = {
    revenue: [10_000_000, 10_500_000, 11_000_000] as SpendingInputs["revenue"],
    fcde: 250_000.37,
  };
  for (const b of BANDS) {
    if (b.from === 0) continue;
    for (const population of [b.from - 1, b.from, b.from + 1]) {
      out.push({
        label: `${b.body} ${population}`,
        inputs: inputs({
          body: b.body,
          population,
          year: 2023,
          ...money,
          spending: 2_500_000.55,
          baseSpending: 2_000_000,
        }),
      });
    }
  }
  const comune = {
    body: "Comune" as BodyType,
    population: 20000,
    revenue: [1e6, 1e6, 1e6] as SpendingInputs["revenue"],
    fcde: 0,
  };
  for (const spending of [269999.99, 270000, 290000, 310000, 310000.01, 400000])
    out.push({ label: `comune spending ${spending}`, inputs: inputs({ ...comune, spending }) });
  for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026])
    out.push({
      label: `comune cap ${year}`,
      inputs: inputs({ ...comune, year, spending: 200000, baseSpending: 180000.25 }),
    });
  for (const year of [2021, 2022, 2023, 2024, 2025])
    out.push({
      label: `provincia cap ${year}`,
      inputs: inputs({ ...REFERENCE, year, baseSpending: 3_600_000 }),
    });
  out.push({ label: "provincia above", inputs: inputs({ ...REFERENCE, spending: 5_000_000 }) });
  out.push({
    label: "città metropolitana above",
    inputs: inputs({ ...REFERENCE, body: "Città metropolitana", population: 800000 }),
  });
  out.push({ label: "all empty", inputs: EMPTY_INPUTS });
  out.push({ label: "only body and population", inputs: inputs({ body: "Comune", population: 5000 }) });
  out.push({ label: "revenue without FCDE", inputs: inputs({ ...REFERENCE, fcde: null }) });
  out.push({ label: "zero revenue", inputs: inputs({ ...REFERENCE, revenue: [0, 0, 0] }) });
  out.push({
    label: "c. 557 exceeded",
    inputs: inputs({ spending2011_2013: [1000000, 1000001, 1000003], spending557: 1000001.34 }),
  });
  out.push({
    label: "c. 557 one year missing",
    inputs: inputs({ spending2011_2013: [1, null, 3], spending557: 1 }),
  });
  return out;
}

function expected(o: SpendingOutputs, body: BodyType | null): Record<string, CellResult> {
  const v = (x: number | string | null) => (x === null ? "" : x);
  return {
    PIAO_EntrateNette: v(o.netRevenue),
    PIAO_Rapporto: v(o.ratio),
    PIAO_Fascia: v(o.band),
    PIAO_Soglia: v(o.threshold),
    PIAO_SogliaRientro: v(o.returnThreshold),
    PIAO_SpesaMassima: v(o.maxSpending),
    PIAO_LimiteIncremento: v(o.increaseLimit),
    PIAO_Margine: v(o.margin),
    PIAO_Esito: outcomeText(o, body),
    PIAO_Limite557: v(o.limit557),
    PIAO_Margine557: v(o.margin557),
    PIAO_Esito557: o.respected557 === null ? "" : o.respected557 ? "Limite rispettato" : "Limite superato",
  };
}

describe("recalculated in LibreOffice", () => {
  const all = cases();
  let recalculated: Map<string, Map<string, CellResult>>[];

  beforeAll(async () => {
    const dir = tmpDir("piao-spending-");
    const files: string[] = [];
    for (const [k, c] of all.entries()) {
      const spending = spendingSheet(c.inputs, {});
      const params = parametersSheet(spendingSections());
      const bytes = await applyPlan(new ExcelJS.Workbook(), {
        sheets: [spending.sheet, params.sheet],
        names: [...spending.names, ...params.names],
      });
      const file = path.join(dir, `case-${k}.xlsx`);
      fs.writeFileSync(file, bytes);
      files.push(file);
    }
    recalculated = await Promise.all(recalculate(files).map(readCachedValues));
  }, 300000);

  test(`${cases().length} cases: every output equals the engine's reference (money to the cent, ratios to 1e-12)`, () => {
    expect(all.length).toBeGreaterThan(50);
    const mismatches: string[] = [];
    all.forEach((c, k) => {
      const sheet = recalculated[k].get("PIAO Spesa personale")!;
      const want = expected(computeSpending(c.inputs), c.inputs.body);
      OUTPUT_LINES.forEach((line, j) => {
        if (!(line.name in want)) return;
        const got = sheet.get(cellAddress(FIRST_OUTPUT_ROW + j, 1)) ?? "";
        const exp = want[line.name];
        const same =
          typeof exp === "number" && typeof got === "number"
            ? Math.abs(got - exp) <= Math.max(1e-12 * Math.abs(exp), line.name === "PIAO_Rapporto" ? 0 : 1e-9)
            : got === exp;
        if (!same)
          mismatches.push(
            `${c.label}: ${line.name} = ${JSON.stringify(got)}, expected ${JSON.stringify(exp)}`,
          );
      });
    });
    expect(mismatches).toEqual([]);
  });

  test("the reference PIAO recalculates to threshold 20,80%, maximum 4.553.779,86, ratio 19,99%, headroom 178.219,46", () => {
    const sheet = recalculated[0].get("PIAO Spesa personale")!;
    const at = (name: string) =>
      sheet.get(cellAddress(FIRST_OUTPUT_ROW + OUTPUT_LINES.findIndex((l) => l.name === name), 1));
    expect(at("PIAO_Soglia")).toBe(0.208);
    expect(at("PIAO_SpesaMassima")).toBe(4553779.86);
    expect(Math.round((at("PIAO_Rapporto") as number) * 10000) / 100).toBe(19.99);
    expect(at("PIAO_Margine")).toBe(178219.46);
    expect(at("PIAO_Esito")).toMatch(/^Sotto soglia/);
  });

  test("with empty inputs no output is an error value", () => {
    const k = all.findIndex((c) => c.label === "all empty");
    const values = [...recalculated[k].get("PIAO Spesa personale")!.values()];
    expect(values.filter((v) => typeof v === "string" && v.startsWith("#"))).toEqual([]);
  });
});
