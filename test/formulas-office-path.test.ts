/**
 * Formula truth on the Office.js path: the bundled example is read with `readWorkbook` from an Excel
 * fake seeded with its sheets, converted, written back with `applyPlan`; then, as a user would in
 * Excel, achievements at 31/12 are typed into PIAO Obiettivi and the reference PIAO's spending inputs
 * into the named cells of PIAO Spesa personale (through the fake, so protection and unlocked input
 * cells are exercised too). The fake's workbook is exported to .xlsx (test/fakes/fake-to-xlsx.ts),
 * recalculated by LibreOffice and compared with the engine's reference computations: unitScore for
 * PIAO Pesi, computeSpending for the spending outputs.
 */
import { REFERENCE_SPENDING } from "./helpers/spending";
import ExcelJS from "exceljs";
import * as path from "path";
import { OBJECTIVE_COLUMNS as C, SHEETS, SPENDING_NAMES, WEIGHT_COLUMNS } from "../src/engine/core/contract";
import { convert, type ConversionResult } from "../src/engine/convert";
import { unitScore } from "../src/engine/objectives/scoring";
import { INPUT_LINES } from "../src/engine/spending/inputs";
import { OUTPUT_LINES } from "../src/engine/spending/outputs";
import { computeSpending, outcomeText, type SpendingInputs } from "../src/engine/spending/compute";
import { applyPlan, readWorkbook } from "../src/excel";
import { snapshotWorkbook } from "./helpers/xlsx";
import { type ExportedWorkbook, createFakeExcel } from "./fakes/fake-excel";
import { writeFakeXlsx } from "./fakes/fake-to-xlsx";
import { type CellResult, readCachedValues, recalculate } from "./helpers/recalc";
import { tmpDir } from "./helpers/workbooks";

const EXAMPLE = path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");

const REFERENCE: SpendingInputs = REFERENCE_SPENDING;

/** The value each spending input name gets (every other input is cleared). */
const TYPED: Record<string, string | number> = {
  PIAO_TipoEnte: "Provincia",
  PIAO_Popolazione: 188483,
  PIAO_AnnoPiano: 2023,
  PIAO_Entrate1: 21893172.4,
  PIAO_Entrate2: 21893172.4,
  PIAO_Entrate3: 21893172.4,
  PIAO_FCDE: 0,
  PIAO_SpesaPersonale: 4375560.4,
};

/** Deterministic pseudo-random numbers (mulberry32), so failures can be reproduced. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const colIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const letterOf = (addr: string) => /^[A-Z]+/.exec(addr)![0];
const rowOf = (addr: string) => Number(/\d+$/.exec(addr)![0]);

/** Column letters of a table header row (row 1) by header text. */
function headerColumns(state: ExportedWorkbook, sheet: string): Map<string, string> {
  const cells = state.sheets.find((s) => s.name === sheet)!.cells;
  const out = new Map<string, string>();
  for (const [addr, c] of Object.entries(cells))
    if (rowOf(addr) === 1 && typeof c.value === "string") out.set(c.value, letterOf(addr));
  return out;
}

/** `'PIAO Spesa personale'!$B$5` → sheet and local address. */
function nameTarget(state: ExportedWorkbook, name: string): { sheet: string; address: string } {
  const f = state.names.find((n) => n.name === name)!.formula;
  const m = /^='?(.+?)'?!(\$?[A-Z]+\$?\d+)$/.exec(f)!;
  return { sheet: m[1].replace(/''/g, "'"), address: m[2].replace(/\$/g, "") };
}

interface Run {
  result: ConversionResult;
  exceljsPlanEqual: boolean;
  readSyncs: number;
  units: string[];
  rows: { unit: string; weight: number | null; achievement: number | undefined }[];
  values: Map<string, Map<string, CellResult>>;
  state: ExportedWorkbook;
}

let run: Run;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  const seeds = await snapshotWorkbook(wb);
  const fake = createFakeExcel(seeds);

  // Read through Office.js, convert, write through Office.js.
  const snapshots = await readWorkbook(fake.context, { supports: fake.supports });
  const readSyncs = fake.stats.syncs;
  const opts = { sourceName: path.basename(EXAMPLE) };
  const result = convert(snapshots, opts);
  const exceljsPlanEqual = JSON.stringify(result.plan) === JSON.stringify(convert(seeds, opts).plan);
  await applyPlan(fake.context, result.plan, { supports: fake.supports });

  // The user types achievements at 31/12 (some above 100%, some left empty) and the spending inputs.
  let state = fake.exportState();
  const cols = headerColumns(state, SHEETS.objectives);
  const obiettivi = state.sheets.find((s) => s.name === SHEETS.objectives)!;
  const last = Math.max(...Object.keys(obiettivi.cells).map(rowOf));
  const random = rng(2023);
  const rows: Run["rows"] = [];
  const typed: (number | null)[][] = [];
  for (let r = 2; r <= last; r++) {
    const a = random() < 0.2 ? undefined : Math.round(random() * 120) / 100;
    const w = obiettivi.cells[`${cols.get(C.weight)}${r}`]?.value;
    const unit = obiettivi.cells[`${cols.get(C.unit)}${r}`]?.value;
    rows.push({ unit: String(unit), weight: typeof w === "number" ? w : null, achievement: a });
    typed.push([a ?? null]);
  }
  const dec = cols.get(C.achievementDec)!;
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(SHEETS.objectives).getRange(`${dec}2:${dec}${last}`).values = typed;
    for (const line of INPUT_LINES) {
      const name = SPENDING_NAMES[line.key];
      const { sheet, address } = nameTarget(state, name);
      ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[TYPED[name] ?? ""]];
    }
  });
  state = fake.exportState();

  const dir = tmpDir("piao-office-path-");
  const file = path.join(dir, "office-path.xlsx");
  await writeFakeXlsx(state, file);
  const [recalculated] = recalculate([file]);
  const units = [...new Set(rows.map((r) => r.unit))];
  run = {
    result,
    exceljsPlanEqual,
    readSyncs,
    units,
    rows,
    values: await readCachedValues(recalculated),
    state,
  };
}, 180000);

test("reading through Office.js gives the plan that reading the file with exceljs gives", () => {
  expect(run.exceljsPlanEqual).toBe(true);
  expect(run.readSyncs).toBe(2);
  expect(run.result.objectives.length).toBe(95);
});

test("PIAO Pesi recalculated by LibreOffice: counts, sums, Esito and scores equal the engine's reference", () => {
  const pesi = run.values.get(SHEETS.weights)!;
  const col = (h: (typeof WEIGHT_COLUMNS)[number]) => String.fromCharCode(65 + WEIGHT_COLUMNS.indexOf(h));
  expect(run.units).toHaveLength(4);
  run.units.forEach((unit, i) => {
    const r = i + 2;
    const items = run.rows.filter((x) => x.unit === unit);
    const score = unitScore(items);
    expect(pesi.get(`${col("Unità")}${r}`)).toBe(unit);
    expect(pesi.get(`${col("N. obiettivi")}${r}`)).toBe(items.length);
    expect(pesi.get(`${col("Somma pesi")}${r}`)).toBe(100);
    expect(pesi.get(`${col("Scarto")}${r}`)).toBe(0);
    expect(pesi.get(`${col("Esito")}${r}`)).toBe("OK");
    expect(score).toBeDefined();
    expect(pesi.get(`${col("Punteggio 31/12")}${r}`) as number).toBeCloseTo(score!, 9);
  });
});

test("each objective's score at 31/12 is weight × achievement capped at 100%", () => {
  const s = run.values.get(SHEETS.objectives)!;
  const scoreCol = headerColumns(run.state, SHEETS.objectives).get(C.scoreDec)!;
  expect(colIndex(scoreCol)).toBeGreaterThan(0);
  run.rows.forEach((x, j) => {
    const got = s.get(`${scoreCol}${j + 2}`);
    if (x.achievement === undefined) expect(got).toBe("");
    else expect(got as number).toBeCloseTo(x.weight! * Math.min(x.achievement, 1), 9);
  });
});

test("PIAO Spesa personale recalculated: threshold 20,80%, maximum 4.553.779,86, headroom 178.219,46", () => {
  const at = (name: string) => {
    const { sheet, address } = nameTarget(run.state, name);
    return run.values.get(sheet)!.get(address) ?? "";
  };
  const o = computeSpending(REFERENCE);
  const want: Record<string, CellResult> = {
    PIAO_EntrateNette: o.netRevenue,
    PIAO_Rapporto: o.ratio,
    PIAO_Fascia: o.band,
    PIAO_Soglia: o.threshold,
    PIAO_SpesaMassima: o.maxSpending,
    PIAO_Margine: o.margin,
    PIAO_Esito: outcomeText(o.outcome, REFERENCE.body, o.conditions, o.capState),
    PIAO_LimiteIncremento: "", // no base-year spending typed
    PIAO_Limite557: "",
  };
  for (const [name, v] of Object.entries(want)) {
    expect(OUTPUT_LINES.some((l) => SPENDING_NAMES[l.key] === name)).toBe(true);
    if (typeof v === "number") expect([name, at(name) as number]).toEqual([name, expect.closeTo(v, 9)]);
    else expect([name, at(name)]).toEqual([name, v]);
  }
  expect(at("PIAO_Soglia")).toBe(0.208);
  expect(at("PIAO_SpesaMassima")).toBe(4553779.86);
  expect(at("PIAO_Margine")).toBe(178219.46);
  expect(Math.round((at("PIAO_Rapporto") as number) * 10000) / 100).toBe(19.99);
  expect(at("PIAO_Esito")).toMatch(/^Sotto soglia/);
});
