/**
 * Formula truth for the measures (issue 17), in one soffice run:
 * - a workbook whose objectives carry targets (`<= 30 gg`, `>= 40%`, `entro il 30/04/2025`, `>= 200.000 €`,
 *   `Sì`) and year-end values, in a flat table and in cards: each measure's achievement, each objective's
 *   calculated achievement and each unit's score as the weighted sum; then a typed override with its reason
 *   takes precedence after a re-run, and an override without a reason is a warning;
 * - a table of generated cases typed into PIAO Misure (every rule, baseline or not, values at, below and
 *   above the target, empty, text, dates), with deadline tolerance 0 and 10 days: every formula of PIAO
 *   Misure, PIAO Obiettivi and PIAO Pesi equals the engine's reference computation.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { MEASURE_COLUMNS as M, OBJECTIVE_COLUMNS as O, SHEETS } from "../src/engine/core/contract";
import type { Finding } from "../src/engine/core/findings";
import type { Measure } from "../src/engine/measures/model";
import { measuredObjectives } from "../src/engine/measures/part";
import { measureAchievement, objectiveAchievement } from "../src/engine/measures/rules";
import { unitScore } from "../src/engine/objectives/scoring";
import { formatConversion } from "../src/cli/summary";
import { checkFile, convertFile } from "../src/app/convert-file";
import { measureCases, type MeasureCase } from "./helpers/measure-cases";
import { readCachedValues, recalculate, type CellResult } from "./helpers/recalc";
import { tmpDir, writeWorkbook, type TestCell } from "./helpers/workbooks";
import { MEASURED_FLAT_SHEET } from "./helpers/measured-sheet";
import { WrittenWorkbooks } from "./helpers/validate";
import { columnNamesAsRanges } from "./helpers/xlsx";
import { loadPackage } from "../src/xlsx/file";
import { readWorkbookNames } from "../src/xlsx/read-names";

const written = new WrittenWorkbooks();

const dir = tmpDir();
type Values = Map<string, Map<string, CellResult>>;

/** Column letter of a header in row 1 of a recalculated sheet. */
function colOf(v: Values, sheet: string, header: string): string {
  const s = v.get(sheet)!;
  const hit = [...s.entries()].find(([k, x]) => /^[A-Z]+1$/.test(k) && x === header);
  if (!hit) throw new Error(`${sheet}: no column ${header}`);
  return hit[0].replace(/1$/, "");
}
const cell = (v: Values, sheet: string, header: string, row: number) =>
  v.get(sheet)!.get(`${colOf(v, sheet, header)}${row}`) ?? null;

async function edit(file: string, out: string, change: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  change(wb);
  columnNamesAsRanges(wb, readWorkbookNames(loadPackage(file)).names);
  await wb.xlsx.writeFile(out);
  return out;
}

function header(ws: ExcelJS.Worksheet): (h: string) => number {
  const hs = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  return (h) => hs.indexOf(h) + 1;
}

// ---------------------------------------------------------------------------------------------------------
// The issue's workbook

const cardRows = (
  code: string,
  name: string,
  weight: number,
  target: string,
  value: TestCell,
): TestCell[][] => [
  ["Dirigente", "Ing. Bianchi"],
  ["N.", "Denominazione obiettivo", "Ind/Org/ Un. Org.", "Peso %", "Indicatore", "Target", "Consuntivo"],
  [code, name, "I", weight, `Indicatore ${code}`, target, value],
  [],
  ["Anno", "Azioni"],
  [2025, "Azioni dell'anno"],
  [],
];

async function issueWorkbook(): Promise<string> {
  return writeWorkbook([
    MEASURED_FLAT_SHEET,
    {
      name: "Settore 2",
      rows: [
        ["Obiettivi Settore 2 Tecnico"],
        ...cardRows("B.1", "Manutenzioni", 60, ">= 100 interventi", 80),
        ...cardRows("B.2", "Piano neve", 40, "Sì", "No"),
      ],
    },
  ]);
}

// ---------------------------------------------------------------------------------------------------------

const CASES = measureCases(17);
let issue: { first: Values; rerun: Values; findings: Finding[]; checked: Finding[] };
let generated: Values[];
let typoValues: Values;
let summary: string;

function typeCases(wb: ExcelJS.Workbook, tolerance: number) {
  const ws = wb.getWorksheet(SHEETS.measures)!;
  const col = header(ws);
  CASES.forEach((c: MeasureCase, i) => {
    const r = i + 2;
    const set = (h: string, v: unknown) =>
      (ws.getCell(r, col(h)).value = (v === "" ? null : v) as ExcelJS.CellValue);
    set(M.code, c.code);
    set(M.rule, c.rule);
    set(M.polarity, c.polarity);
    set(M.target, c.target);
    set(M.baseline, c.baseline);
    set(M.valueSep, c.valueSep);
    set(M.valueDec, c.valueDec);
    set(M.weight, c.weight);
  });
  wb.getWorksheet(SHEETS.parameters)!.eachRow((row) => {
    if (String(row.getCell(1).value ?? "").startsWith("Tolleranza sulle scadenze"))
      row.getCell(2).value = tolerance;
  });
}

beforeAll(async () => {
  // The issue's workbook: converted, then a user types two overrides (one with its reason) and re-runs.
  const first = path.join(dir, "issue.xlsx");
  const r1 = await convertFile(await issueWorkbook(), written.file(first));
  summary = formatConversion("issue.xlsx", first, r1, "it");
  const edited = await edit(first, path.join(dir, "issue-edited.xlsx"), (wb) => {
    const ws = wb.getWorksheet(SHEETS.objectives)!;
    const col = header(ws);
    for (let r = 2; r <= ws.rowCount; r++) {
      const code = ws.getCell(r, col(O.code)).value;
      if (code === "A.3") {
        ws.getCell(r, col(O.achievementDec)).value = 0.6;
        ws.getCell(r, col(O.reason)).value = "Ritardo dovuto al parere della Regione";
      }
      if (code === "B.2") ws.getCell(r, col(O.achievementDec)).value = 0.5;
    }
  });
  const checked = (await checkFile(edited)).findings;
  const rerun = path.join(dir, "issue-rerun.xlsx");
  const r = await convertFile(edited, written.file(rerun));

  // The generated cases: one source objective per case, so PIAO Misure has a row for each.
  const source = await writeWorkbook([
    {
      name: "Casi",
      rows: [
        ["Codice", "Obiettivo", "Tipo", "Peso", "Indicatore", "Target", "Azioni 2025"],
        ...CASES.map((_, i) => [`C.${i + 1}`, `Obiettivo ${i + 1}`, "I", 1, `Misura ${i + 1}`, ">= 10", "x"]),
      ],
    },
    // A code repeated in a unit (warning CODICE_DUPLICATO): its measures count for its last row.
    {
      name: "Doppi",
      rows: [
        ["Codice", "Obiettivo", "Tipo", "Peso", "Indicatore", "Target", "Consuntivo"],
        ["D.1", "Primo D.1", "I", 50, "Misura D.1 a", ">= 10", 5],
        ["D.1", "Secondo D.1", "I", 50, "Misura D.1 b", ">= 10", 10],
      ],
    },
  ]);
  const converted = path.join(dir, "cases.xlsx");
  await convertFile(source, written.file(converted));
  const files = await Promise.all(
    [0, 10].map((tol) => edit(converted, path.join(dir, `cases-${tol}.xlsx`), (wb) => typeCases(wb, tol))),
  );
  // A measure row whose code no objective has (a typo): it counts for no objective, and the summary says so.
  const typo = await edit(converted, path.join(dir, "cases-typo.xlsx"), (wb) => {
    typeCases(wb, 0);
    const ws = wb.getWorksheet(SHEETS.measures)!;
    ws.getCell(2, header(ws)(M.code)).value = "Z.99";
  });
  const values = await Promise.all(recalculate([first, rerun, ...files, typo]).map(readCachedValues));
  issue = { first: values[0], rerun: values[1], findings: r.findings, checked };
  generated = values.slice(2, 4);
  typoValues = values[4];
}, 300000);

test("the issue's targets and year-end values: each measure's achievement by its rule", () => {
  const v = issue.first;
  const rows = [2, 3, 4, 5, 6, 7, 8].map((r) => [
    cell(v, SHEETS.measures, M.code, r),
    cell(v, SHEETS.measures, M.rule, r),
    cell(v, SHEETS.measures, M.achievementDec, r),
  ]);
  expect(rows.map(([code, rule]) => [code, rule])).toEqual([
    ["A.1", "decrescente"],
    ["A.2", "crescente"],
    ["A.3", "scadenza"],
    ["A.4", "crescente"],
    ["A.5", "sì/no"],
    ["B.1", "crescente"],
    ["B.2", "sì/no"],
  ]);
  [1, 0.875, 0, 0.9, 1, 0.8, 0].forEach((a, i) => expect(rows[i][2] as number).toBeCloseTo(a, 12));
  expect(cell(v, SHEETS.measures, M.target, 2)).toBe(30);
  expect(cell(v, SHEETS.measures, M.target, 5)).toBe(200000);
});

test("each unit's score is the weighted sum of the calculated achievements", () => {
  const v = issue.first;
  expect(cell(v, SHEETS.objectives, O.calculatedDec, 3) as number).toBeCloseTo(0.875, 12);
  expect(cell(v, SHEETS.weights, "Punteggio 31/12", 2) as number).toBeCloseTo(
    20 * (1 + 0.875 + 0 + 0.9 + 1),
    9,
  );
  expect(cell(v, SHEETS.weights, "Punteggio 31/12", 3) as number).toBeCloseTo(60 * 0.8, 9);
});

test("piao convert prints, per unit, the objectives measured, those with values and the score", () => {
  expect(summary).toContain(
    "Settore 1          5 obiettivi misurati su 5, 5 con i valori al 31/12, punteggio 75,5",
  );
  expect(summary).toContain(
    "Settore 2 Tecnico  2 obiettivi misurati su 2, 2 con i valori al 31/12, punteggio 48",
  );
});

test("a typed override with its reason takes precedence; without a reason it is a warning", () => {
  const v = issue.rerun;
  expect(cell(v, SHEETS.objectives, O.reason, 4)).toBe("Ritardo dovuto al parere della Regione");
  expect(cell(v, SHEETS.objectives, O.calculatedDec, 4)).toBe(0);
  expect(cell(v, SHEETS.weights, "Punteggio 31/12", 2) as number).toBeCloseTo(
    20 * (1 + 0.875 + 0.6 + 0.9 + 1),
    9,
  );
  expect(cell(v, SHEETS.weights, "Punteggio 31/12", 3) as number).toBeCloseTo(60 * 0.8 + 40 * 0.5, 9);
  for (const findings of [issue.findings, issue.checked]) {
    const missing = findings.filter((f) => f.code === "MISURA_MOTIVAZIONE_MANCANTE");
    expect(missing.map((f) => [f.severity, f.unit])).toEqual([["warning", "Settore 2 Tecnico"]]);
    expect(missing[0].message.it).toContain("B.2");
  }
});

test.each([
  [0, 0],
  [1, 10],
])(
  "generated cases (set %d), deadline tolerance %d days: every PIAO Misure formula equals the reference",
  (k, tolerance) => {
    const v = generated[k];
    const p = { deadlineTolerance: tolerance, bandEdges: [0, 0.5, 0.75, 1] };
    const expected = (c: MeasureCase, value: "valueSep" | "valueDec") =>
      measureAchievement(
        { rule: c.rule, polarity: c.polarity, target: c.target, baseline: c.baseline, value: c[value] },
        p,
      );
    let compared = 0;
    CASES.forEach((c, i) => {
      for (const [value, header] of [
        ["valueSep", M.achievementSep],
        ["valueDec", M.achievementDec],
      ] as const) {
        const want = expected(c, value);
        const got = cell(v, SHEETS.measures, header, i + 2);
        if (want === undefined) expect([i, got]).toEqual([i, ""]);
        else expect([i, got as number]).toEqual([i, expect.closeTo(want, 9)]);
        compared++;
      }
    });
    expect(compared).toBe(CASES.length * 2);
    // The generated table covers every outcome: full, partial, zero and empty achievements.
    const outcomes = CASES.map((c) => expected(c, "valueDec"));
    expect(outcomes.filter((a) => a === 1).length).toBeGreaterThan(20);
    expect(outcomes.filter((a) => a !== undefined && a > 0 && a < 1).length).toBeGreaterThan(20);
    expect(outcomes.filter((a) => a === 0).length).toBeGreaterThan(10);
    expect(outcomes.filter((a) => a === undefined).length).toBeGreaterThan(10);
  },
);

test.each([
  [0, 0],
  [1, 10],
])(
  "generated cases (set %d), deadline tolerance %d days: calculated achievements, scores and the unit score equal the reference",
  (k, tolerance) => {
    const v = generated[k];
    const p = { deadlineTolerance: tolerance, bandEdges: [0, 0.5, 0.75, 1] };
    const items: { weight: number; achievement: number | undefined }[] = [];
    CASES.forEach((_, i) => {
      const code = `C.${i + 1}`;
      const own = CASES.filter((c) => c.code === code);
      const mean = (value: "valueSep" | "valueDec") =>
        objectiveAchievement(
          own.map((c) => ({
            weight: c.weight,
            achievement: measureAchievement({ ...c, value: c[value] }, p),
          })),
        );
      const row = i + 2;
      expect(cell(v, SHEETS.objectives, O.code, row)).toBe(code);
      for (const [value, header] of [
        ["valueSep", O.calculatedSep],
        ["valueDec", O.calculatedDec],
      ] as const) {
        const want = mean(value);
        const got = cell(v, SHEETS.objectives, header, row);
        if (want === undefined) expect([code, got]).toEqual([code, ""]);
        else expect([code, got as number]).toEqual([code, expect.closeTo(want, 9)]);
      }
      const dec = mean("valueDec");
      const score = cell(v, SHEETS.objectives, O.scoreDec, row);
      if (dec === undefined) expect(score).toBe("");
      else expect(score as number).toBeCloseTo(Math.min(dec, 1), 9);
      items.push({ weight: 1, achievement: dec });
    });
    expect(items.filter((o) => o.achievement !== undefined).length).toBeGreaterThan(20);
    expect(cell(v, SHEETS.weights, "Punteggio 31/12", 2) as number).toBeCloseTo(unitScore(items)!, 9);
  },
);

test("a code repeated in a unit: its measures give the mean on its last row, as the engine computes it", () => {
  const v = generated[0];
  const rows = [CASES.length + 2, CASES.length + 3];
  expect(rows.map((r) => cell(v, SHEETS.objectives, O.name, r))).toEqual(["Primo D.1", "Secondo D.1"]);
  expect(rows.map((r) => cell(v, SHEETS.measures, M.objectiveRow, r))).toEqual([rows[1], rows[1]]);
  expect(cell(v, SHEETS.objectives, O.calculatedDec, rows[0])).toBe("");
  expect(cell(v, SHEETS.objectives, O.calculatedDec, rows[1]) as number).toBeCloseTo((0.5 + 1) / 2, 12);
  const measure = (valueDec: number): Measure => ({
    ...{ unit: "Doppi", code: "D.1", objective: "", indicator: "", dimension: "", formula: "" },
    ...{ unitOfMeasure: "", polarity: "crescente", baseline: null, targets: {}, target: 10, valueSep: null },
    ...{ valueDec, rule: "crescente", weight: null, dataSource: "", format: null, origin: null },
  });
  const objectives = [0, 1].map(() => ({ unit: "Doppi", code: "D.1" }));
  const engine = measuredObjectives(objectives, [measure(5), measure(10)], {
    deadlineTolerance: 0,
    bandEdges: [],
  });
  expect(engine.map((o) => o.calculated)).toEqual([undefined, 0.75]);
});

test("a measure row linked to no objective (code Z.99) is counted on PIAO Riepilogo, and its objective loses it", () => {
  const unlinked = (v: Values) => {
    const summary = v.get(SHEETS.summary)!;
    const label = [...summary.entries()].find(([, x]) => x === "Misure non collegate a un obiettivo")![0];
    return summary.get(label.replace(/^A/, "B"));
  };
  expect(unlinked(generated[0])).toBe(0);
  expect(unlinked(typoValues)).toBe(1);
  expect(cell(typoValues, SHEETS.measures, M.objectiveRow, 2)).toBe(0);
  // C.1 had one measure, the row now coded Z.99: nothing left to calculate its achievement from.
  expect(cell(typoValues, SHEETS.objectives, O.code, 2)).toBe("C.1");
  expect(cell(typoValues, SHEETS.objectives, O.calculatedDec, 2)).toBe("");
});

written.test(3);
