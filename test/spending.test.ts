/**
 * Staff-spending threshold: the engine's reference computation on hand-checked cases, then a table of cases
 * covering every branch written as workbooks through the real xlsx adapter, recalculated by LibreOffice in
 * one run, and compared output by output and plan year by plan year (issue 14). One workbook has a hire typed
 * into `PIAO_PianoAssunzioni` after it was written: that year's margin must fall by exactly its cost.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { cellAddress } from "../src/engine/core/address";
import {
  SPENDING_NAMES,
  TABLES,
  TRIENNIUM_COLUMNS as TC,
  HIRING_COLUMNS as HC,
} from "../src/engine/core/contract";
import { parametersSheet } from "../src/engine/workbook/parameters-sheet";
import { outputCell, spendingSheet } from "../src/engine/spending/spending-sheet";
import { OUTPUT_LINES, type OutputKey } from "../src/engine/spending/outputs";
import { spendingSections } from "../src/engine/spending/sections";
import {
  computeSpending,
  EMPTY_INPUTS,
  outcome557Text,
  outcomeText,
  type SpendingInputs,
  type SpendingOutputs,
} from "../src/engine/spending/compute";
import { roundHalfAway } from "../src/engine/spending/round";
import { areaCost, type ConditionAnswer } from "../src/engine/spending/costs";
import { computeTriennium, yearOutcomeText, type YearRow } from "../src/engine/spending/projection";
import { BANDS, type BodyType } from "../src/engine/spending/rules";
import { inputs, REFERENCE_SPENDING } from "./helpers/spending";
import { applyPlan } from "./helpers/xlsx";
import { readCachedValues, recalculate, type CellResult } from "./helpers/recalc";
import { tmpDir } from "./helpers/workbooks";
import { WrittenWorkbooks } from "./helpers/validate";

const written = new WrittenWorkbooks();

const REFERENCE = REFERENCE_SPENDING;
const ALL_YES: ConditionAnswer[] = Array(6).fill("Sì");
const comune = (population: number, spending: number, o: Partial<SpendingInputs> = {}) =>
  inputs({ body: "Comune", population, revenue: [1e6, 1e6, 1e6], fcde: 0, spending, ...o });

describe("reference computation", () => {
  test("the reference PIAO's figures, to the cent; the yearly cap cannot be checked, conditions to be checked", () => {
    const o = computeSpending(REFERENCE);
    expect(o.netRevenue).toBe(21893172.4);
    expect(o.band).toBe("a");
    expect(o.threshold).toBe(0.208);
    expect(o.maxSpending).toBe(4553779.86);
    expect(roundHalfAway(o.ratio! * 100, 2)).toBe(19.99);
    expect(o.margin).toBe(178219.46);
    expect(o.capState).toBe("non verificabile");
    expect(o.conditions).toBe("da verificare");
    const text = outcomeText(o.outcome, "Provincia", o.conditions, o.capState);
    expect(text).toMatch(/^Sotto soglia: margine disponibile, assunzioni solo dopo.*\(provvisorio/);
    expect(text).not.toMatch(/assunzioni possibili/);
  });

  test("hires are called possible only when every condition is Sì; any No means no hire", () => {
    const base = inputs({ ...REFERENCE, year: 2025 });
    const say = (conditions: (ConditionAnswer | null)[]) => {
      const o = computeSpending({ ...base, conditions });
      return outcomeText(o.outcome, "Provincia", o.conditions, o.capState);
    };
    expect(say(ALL_YES)).toBe("Sotto soglia: assunzioni possibili entro il margine");
    expect(say([...ALL_YES.slice(1), null])).toMatch(/solo dopo aver verificato/);
    expect(say(["No", ...ALL_YES.slice(1)])).toMatch(/non rispettate, nessuna assunzione/);
  });

  test("net revenue is the average of three rendiconti minus the FCDE", () => {
    expect(computeSpending(inputs({ revenue: [100, 200, 330], fcde: 10.005 })).netRevenue).toBe(200);
  });

  test.each([
    ["Provincia", 249999, "a"],
    ["Provincia", 250000, "b"],
    ["Città metropolitana", 750000, "b"],
    ["Comune", 999, "a"],
    ["Comune", 1000, "b"],
    ["Comune", 1500000, "i"],
  ])("%s with %i inhabitants is band %s", (body, population, band) => {
    expect(computeSpending(inputs({ body: body as BodyType, population })).band).toBe(band);
  });

  test("comune between the thresholds: margin 0 (art. 6 c. 3), not the distance to Tabella 1", () => {
    const o = computeSpending(comune(800, 310000)); // 31% between 29.5% and 33.5%
    expect([o.outcome, o.margin]).toEqual(["TRA", 0]);
  });

  test("comune above Tabella 3: the gap to Tabella 3, with the 30% turnover stated", () => {
    const o = computeSpending(comune(20000, 320000)); // 32% > 31.0%
    expect([o.outcome, o.margin, o.returnSpending]).toEqual(["SOPRA", -10000, 310000]);
    expect(outcomeText(o.outcome, "Comune", o.conditions, o.capState)).toMatch(/Tabella 3.*turnover al 30%/);
  });

  test("net revenue not positive: no ratio, no maximum, no margin, and the outcome says why", () => {
    const o = computeSpending(inputs({ ...REFERENCE, fcde: 30_000_000 }));
    expect([o.ratio, o.maxSpending, o.margin, o.outcome]).toEqual([null, null, null, "ENTRATE"]);
  });

  test("resti: the more favourable of cap and resti, both shown", () => {
    const c = comune(20000, 200000, { year: 2022, baseSpending: 180000 }); // cap 180,000 × 1.19 = 214,200
    const less = computeSpending({ ...c, resti: 5000 });
    expect([less.increaseLimit, less.restiLimit, less.yearLimit, less.margin]).toEqual([
      214200, 205000, 214200, 14200,
    ]);
    const more = computeSpending({ ...c, resti: 40000 });
    expect([more.yearLimit, more.margin]).toEqual([240000, 40000]);
    const bounded = computeSpending({ ...c, resti: 500000 });
    expect(bounded.margin).toBe(70000); // still within the threshold: 27% × 1,000,000 − 200,000
  });

  test("c. 557 net of art. 33 hires; c. 562 on the 2008 amount; the source's statement when no figures", () => {
    const o = computeSpending(inputs({ spending2011_2013: [500, 510, 520], spending557: 530, hires33: 30 }));
    expect([o.limit557, o.spending557Net, o.margin557, o.respected557]).toEqual([510, 500, 10, true]);
    const c562 = computeSpending(inputs({ regime: "c. 562", spending2008: 400, spending557: 401 }));
    expect([c562.limit557, c562.respected557]).toEqual([400, false]);
    expect(outcome557Text(computeSpending(EMPTY_INPUTS), "rispettato nel 2022")).toBe(
      "Dichiarato nella fonte: rispettato nel 2022",
    );
  });

  test("yearly cap by year: comuni 2020–2024 on 2018, province 2022–2024 on 2019, none from 2025", () => {
    const cap = (body: BodyType, population: number, year: number) =>
      computeSpending(inputs({ body, population, year, baseSpending: 100000 })).increaseLimit;
    expect([2019, 2020, 2022, 2024, 2025].map((y) => cap("Comune", 20000, y))).toEqual([
      null,
      109000,
      119000,
      122000,
      null,
    ]);
    expect([2021, 2023, 2025].map((y) => cap("Provincia", 188483, y))).toEqual([null, 124000, null]);
  });

  test("the triennium: a hire lowers its year's margin by its cost; the next year carries its full cost", () => {
    const i = comune(20000, 200000, { year: 2025, growth: [0.1, 0] });
    const cost = areaCost("Istruttori")!.cost;
    const before = computeTriennium(i, 1e6);
    const after = computeTriennium(
      { ...i, hires: [{ year: 2025, area: "Istruttori", profile: "", count: 1, months: 6, mode: "" }] },
      1e6,
    );
    expect(before[0].margin! - after[0].margin!).toBeCloseTo(roundHalfAway(cost / 2), 6);
    expect(after[1].spending).toBe(roundHalfAway(200000 + cost));
    expect(after[1].netRevenue).toBe(1.1e6);
  });
});

/** The table of cases: every branch of the rules, each a small workbook, all recalculated in one run. */
function cases(): { label: string; inputs: SpendingInputs }[] {
  const out: { label: string; inputs: SpendingInputs }[] = [{ label: "reference PIAO", inputs: REFERENCE }];
  const add = (label: string, i: SpendingInputs) => out.push({ label, inputs: i });
  const money = {
    revenue: [10_000_000, 10_500_000, 11_000_000] as SpendingInputs["revenue"],
    fcde: 250_000.37,
  };
  for (const b of BANDS.filter((x) => x.from > 0))
    for (const population of [b.from - 1, b.from])
      add(
        `${b.body} ${population}`,
        inputs({ body: b.body, population, year: 2023, ...money, spending: 2_500_000.55 }),
      );
  for (const spending of [269999.99, 270000, 290000, 310000, 310000.01, 400000])
    add(`comune 20000 spending ${spending}`, comune(20000, spending));
  add("comune 800 between", comune(800, 310000));
  add("comune 800 above", comune(800, 340000));
  for (const year of [2020, 2021, 2022, 2023, 2024, 2025, 2026]) {
    add(`comune cap ${year}`, comune(20000, 200000, { year, baseSpending: 180000.25 }));
    add(`comune no base ${year}`, comune(20000, 200000, { year }));
  }
  for (const body of ["Provincia", "Città metropolitana"] as BodyType[])
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026]) {
      const p = { ...REFERENCE, body, population: body === "Provincia" ? 188483 : 800000, year };
      add(`${body} with base ${year}`, inputs({ ...p, baseSpending: 3_600_000 }));
      add(`${body} without base ${year}`, inputs(p));
    }
  add("provincia above", inputs({ ...REFERENCE, spending: 5_000_000 }));
  add("resti less favourable", comune(20000, 200000, { year: 2022, baseSpending: 180000, resti: 5000 }));
  add("resti more favourable", comune(20000, 200000, { year: 2022, baseSpending: 180000, resti: 40000 }));
  add(
    "resti beyond the threshold",
    comune(20000, 200000, { year: 2022, baseSpending: 180000, resti: 500000 }),
  );
  add("provincia resti", inputs({ ...REFERENCE, baseSpending: 3_500_000, resti: 100_000.5 }));
  add("negative net revenue", inputs({ ...REFERENCE, fcde: 30_000_000 }));
  add("zero revenue", inputs({ ...REFERENCE, revenue: [0, 0, 0] }));
  add("revenue without FCDE", inputs({ ...REFERENCE, fcde: null }));
  add("all empty", EMPTY_INPUTS);
  add("only body and population", inputs({ body: "Comune", population: 5000 }));
  add("conditions verified", inputs({ ...REFERENCE, year: 2025, conditions: ALL_YES }));
  add("condition not met", inputs({ ...REFERENCE, conditions: ["Sì", "No"] }));
  add("c. 557 exceeded", inputs({ spending2011_2013: [1000000, 1000001, 1000003], spending557: 1000001.34 }));
  add("c. 557 net of art. 33", inputs({ spending2011_2013: [500, 510, 520], spending557: 530, hires33: 30 }));
  add(
    "c. 557 one year missing",
    inputs({ spending2011_2013: [1, null, 3], spending557: 1, statement557: "rispettato nel 2022" }),
  );
  add("c. 562", inputs({ regime: "c. 562", spending2008: 400.4, spending557: 401 }));
  add("c. 562 without 2008", inputs({ regime: "c. 562", spending2011_2013: [1, 2, 3], spending557: 1 }));
  add(
    "triennium with plan",
    comune(20000, 200000, {
      year: 2023,
      baseSpending: 180000,
      growth: [0.02, -0.01],
      hires: [
        {
          year: 2023,
          area: "Istruttori",
          profile: "Istruttore amministrativo",
          count: 2,
          months: 6,
          mode: "concorso",
        },
        {
          year: 2024,
          area: "Funzionari ed Elevata Qualificazione",
          profile: "",
          count: 1,
          months: null,
          mode: "",
        },
        { year: 2025, area: "Operatori esperti", profile: "", count: 1, months: null, mode: "" },
      ],
      departures: [
        { year: 2023, area: "Operatori", count: 1, months: 3 },
        { year: 2024, area: null, count: 7, months: null },
      ],
    }),
  );
  add(
    "triennium turning above",
    comune(20000, 300000, {
      year: 2024,
      hires: [{ year: 2024, area: "Istruttori", profile: "", count: 1, months: null, mode: "" }],
    }),
  );
  return out;
}

const v = (x: number | string | null): CellResult => (x === null ? "" : x);

function expectedOutputs(i: SpendingInputs, o: SpendingOutputs): Partial<Record<OutputKey, CellResult>> {
  return {
    netRevenue: v(o.netRevenue),
    ratio: v(o.ratio),
    band: v(o.band),
    threshold: v(o.threshold),
    returnThreshold: v(o.returnThreshold),
    maxSpending: v(o.maxSpending),
    returnSpending: v(o.returnSpending),
    capState: v(o.capState),
    increaseLimit: v(o.increaseLimit),
    restiLimit: v(o.restiLimit),
    yearLimit: v(o.yearLimit),
    outcomeCode: v(o.outcome),
    margin: v(o.margin),
    conditions: o.conditions,
    outcome: outcomeText(o.outcome, i.body, o.conditions, o.capState),
    limit557: v(o.limit557),
    spending557Net: v(o.spending557Net),
    margin557: v(o.margin557),
    outcome557: outcome557Text(o, i.statement557),
  };
}

function expectedYear(y: YearRow): Record<string, CellResult> {
  return {
    [TC.year]: v(y.year),
    [TC.netRevenue]: v(y.netRevenue),
    [TC.spending]: v(y.spending),
    [TC.departures]: y.departures,
    [TC.hires]: y.hires,
    [TC.ratio]: v(y.ratio),
    [TC.threshold]: v(y.threshold),
    [TC.capState]: v(y.capState),
    [TC.yearLimit]: v(y.yearLimit),
    [TC.margin]: v(y.margin),
    [TC.code]: v(y.outcome),
    [TC.outcome]: yearOutcomeText(y),
  };
}

const same = (got: CellResult | undefined, exp: CellResult) =>
  typeof exp === "number" && typeof got === "number"
    ? Math.abs(got - exp) <= Math.max(1e-12 * Math.abs(exp), 1e-9)
    : (got ?? "") === exp;

async function writeCase(file: string, i: SpendingInputs) {
  const spending = spendingSheet(i, {});
  const params = parametersSheet(spendingSections());
  const bytes = await applyPlan(new ExcelJS.Workbook(), {
    sheets: [spending.sheet, params.sheet],
    names: [...spending.names, ...params.names],
  });
  fs.writeFileSync(written.file(file), bytes);
  return spending.layout;
}

describe("recalculated in LibreOffice", () => {
  const all = cases();
  const typedYear = 2024;
  const typedInputs = comune(20000, 200000, { year: 2023 });
  let recalculated: Map<string, Map<string, CellResult>>[];
  let typed: { before: Map<string, CellResult>; after: Map<string, CellResult>; marginCell: string };
  /** 1-based rows written hidden in the reference case's file, read back by exceljs. */
  let hiddenRows: number[];

  beforeAll(async () => {
    const dir = tmpDir("piao-spending-");
    const files: string[] = [];
    for (const [k, c] of all.entries()) {
      files.push(path.join(dir, `case-${k}.xlsx`));
      await writeCase(files[k], c.inputs);
    }
    // The hire typed by a user into the first empty row of PIAO_PianoAssunzioni, in the written file.
    const before = path.join(dir, "typed-before.xlsx");
    const after = path.join(dir, "typed-after.xlsx");
    const layout = await writeCase(before, typedInputs);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(before);
    const ws = wb.getWorksheet("PIAO Spesa personale")!;
    hiddenRows = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.hidden) hiddenRows.push(n);
    });
    const hireCol = (c: string) => (Object.values(HC) as string[]).indexOf(c);
    ws.getCell(cellAddress(layout.hiringAt + 1, hireCol(HC.year))).value = typedYear;
    ws.getCell(cellAddress(layout.hiringAt + 1, hireCol(HC.area))).value = "Istruttori";
    ws.getCell(cellAddress(layout.hiringAt + 1, hireCol(HC.count))).value = 1;
    await wb.xlsx.writeFile(after);
    const triCol = (Object.values(TC) as string[]).indexOf(TC.margin);
    const marginCell = cellAddress(layout.trienniumAt + 1 + (typedYear - 2023), triCol);
    const out = await Promise.all(recalculate([...files, before, after]).map(readCachedValues));
    recalculated = out.slice(0, files.length);
    const sheet = (m: Map<string, Map<string, CellResult>>) => m.get("PIAO Spesa personale")!;
    typed = { before: sheet(out[files.length]), after: sheet(out[files.length + 1]), marginCell };
  }, 600000);

  test("every output and every plan year equals the engine's reference (money to the cent)", () => {
    expect(all.length).toBeGreaterThan(70);
    const mismatches: string[] = [];
    all.forEach((c, k) => {
      const sheet = recalculated[k].get("PIAO Spesa personale")!;
      const o = computeSpending(c.inputs);
      const want = expectedOutputs(c.inputs, o);
      OUTPUT_LINES.forEach((line) => {
        if (!(line.key in want)) return;
        const got = sheet.get(outputCell(line.key));
        if (!same(got, want[line.key]!))
          mismatches.push(
            `${c.label}: ${SPENDING_NAMES[line.key]} = ${JSON.stringify(got)}, expected ${JSON.stringify(want[line.key])}`,
          );
      });
      const layout = spendingSheet(c.inputs, {}).layout;
      computeTriennium(c.inputs, o.netRevenue).forEach((y, r) => {
        Object.entries(expectedYear(y)).forEach(([col, exp]) => {
          const got = sheet.get(
            cellAddress(layout.trienniumAt + 1 + r, (Object.values(TC) as string[]).indexOf(col)),
          );
          if (!same(got, exp))
            mismatches.push(
              `${c.label}: ${TABLES.triennium} year ${r + 1} ${col} = ${JSON.stringify(got)}, expected ${JSON.stringify(exp)}`,
            );
        });
      });
    });
    expect(mismatches).toEqual([]);
  });

  test("the reference PIAO recalculates to 20,80%, 4.553.779,86, 19,99%, 178.219,46, provisional, conditions da verificare", () => {
    const sheet = recalculated[0].get("PIAO Spesa personale")!;
    const at = (key: OutputKey) => sheet.get(outputCell(key));
    expect(at("threshold")).toBe(0.208);
    expect(at("maxSpending")).toBe(4553779.86);
    expect(Math.round((at("ratio") as number) * 10000) / 100).toBe(19.99);
    expect(at("margin")).toBe(178219.46);
    expect(at("conditions")).toBe("da verificare");
    expect(at("outcome")).toMatch(/^Sotto soglia: .*provvisorio/);
  });

  test("the service cells sit on hidden rows and still compute: thresholds' row, outcome code", () => {
    const service = OUTPUT_LINES.filter((l) => l.service).map((l) => l.key);
    expect(service).toEqual(["bandRow", "outcomeCode"]);
    expect(hiddenRows).toEqual(service.map((k) => Number(/\d+$/.exec(outputCell(k))![0])));
    const sheet = recalculated[0].get("PIAO Spesa personale")!;
    expect(sheet.get(outputCell("bandRow"))).toEqual(expect.any(Number));
    expect(sheet.get(outputCell("bandRow"))).toBeGreaterThan(0);
    expect(sheet.get(outputCell("outcomeCode"))).toBe("SOTTO");
  });

  test("a hire typed into PIAO_PianoAssunzioni lowers that year's margin by exactly its annual cost", () => {
    const before = typed.before.get(typed.marginCell) as number;
    const after = typed.after.get(typed.marginCell) as number;
    expect(typeof before).toBe("number");
    expect(roundHalfAway(before - after)).toBe(areaCost("Istruttori")!.cost);
  });

  test("with empty inputs no output is an error value", () => {
    const k = all.findIndex((c) => c.label === "all empty");
    const values = [...recalculated[k].get("PIAO Spesa personale")!.values()];
    expect(values.filter((x) => typeof x === "string" && x.startsWith("#"))).toEqual([]);
  });
});

written.test(2);
