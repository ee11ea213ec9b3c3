/**
 * Formula truth for the objectives sheets: the converted example, with achievements filled in as a user
 * would, recalculated by LibreOffice headless, must show the engine's reference values. One soffice run
 * recalculates every workbook of this file.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { OBJECTIVE_COLUMNS as C, SHEETS } from "../src/engine/core/contract";
import { unitScore } from "../src/engine/objectives/scoring";
import { convertFile } from "../src/app/convert-file";
import { rng } from "./helpers/random";
import { readCachedValues, recalculate, type CellResult } from "./helpers/recalc";
import { tmpDir } from "./helpers/workbooks";
import { WrittenWorkbooks } from "./helpers/validate";

const written = new WrittenWorkbooks();

const EXAMPLE = path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");

interface Edited {
  file: string;
  achievements: (number | undefined)[];
  weights: (number | null)[];
}

/** Open the converted workbook like a user: type achievements (and optionally change one weight). */
async function edit(
  converted: string,
  out: string,
  seed: number,
  changeWeightRow?: number,
  scoring?: { floor: number; bands: boolean },
): Promise<Edited> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(converted);
  if (scoring) {
    // The user edits the scoring parameters in PIAO Parametri.
    wb.getWorksheet(SHEETS.parameters)!.eachRow((row) => {
      const label = String(row.getCell(1).value ?? "");
      if (label.startsWith("Soglia minima di raggiungimento")) row.getCell(2).value = scoring.floor;
      if (label.startsWith("Punteggio a fasce attivo")) row.getCell(2).value = scoring.bands ? "Sì" : "No";
    });
  }
  const ws = wb.getWorksheet(SHEETS.objectives)!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const col = (h: string) => header.indexOf(h) + 1;
  const random = rng(seed);
  const achievements: (number | undefined)[] = [];
  const weights: (number | null)[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const a = random() < 0.2 ? undefined : Math.round(random() * 120) / 100; // some above 100%, some empty
    achievements.push(a);
    if (a !== undefined) ws.getCell(r, col(C.achievementDec)).value = a;
    if (changeWeightRow === r) ws.getCell(r, col(C.weight)).value = 7;
    const w = ws.getCell(r, col(C.weight)).value;
    weights.push(typeof w === "number" ? w : null);
  }
  await wb.xlsx.writeFile(out);
  return { file: out, achievements, weights };
}

const dir = tmpDir();
let edited: Edited;
let changed: Edited;
let banded: Edited;
const BANDED = { floor: 0.5, bands: true, bandEdges: [0, 0.5, 0.75, 1] };
let values: Map<string, Map<string, CellResult>>[];
// The engine's own view of the example: the reference for every formula value below.
const result = { units: [] as string[], objectivesUnit: [] as string[], changedRow: 0 };

beforeAll(async () => {
  const converted = path.join(dir, "converted.xlsx");
  const r = await convertFile(EXAMPLE, written.file(converted));
  result.units = r.units.map((u) => u.unit);
  result.objectivesUnit = r.objectives.map((o) => o.unit);
  edited = await edit(converted, path.join(dir, "edited.xlsx"), 42);
  // Change the weight of Settore 2's first objective, as a user would in Excel.
  result.changedRow = result.objectivesUnit.indexOf(result.units[2]) + 2;
  changed = await edit(converted, path.join(dir, "changed.xlsx"), 7, result.changedRow);
  banded = await edit(converted, path.join(dir, "banded.xlsx"), 99, undefined, BANDED);
  const recalculated = recalculate([edited.file, changed.file, banded.file]);
  values = await Promise.all(recalculated.map(readCachedValues));
}, 180000);

function pesiRows(v: Map<string, Map<string, CellResult>>) {
  const s = v.get(SHEETS.weights)!;
  return result.units.map((_, i) => {
    const r = i + 2;
    return ["A", "C", "D", "E", "F", "G", "H", "I", "J", "K"].map((c) => s.get(`${c}${r}`));
  });
}

test.each([
  ["proportional scoring", 0],
  ["a 50% floor and 100/75/50/0 bands set in PIAO Parametri", 2],
])(
  "recalculated in LibreOffice with %s: sums, counts, Esito and scores equal the engine's reference",
  (_label, k) => {
    const run = k === 0 ? edited : banded;
    const params = k === 0 ? undefined : BANDED;
    const rows = pesiRows(values[k]);
    result.units.forEach((unit, i) => {
      const idx = result.objectivesUnit.map((u, j) => (u === unit ? j : -1)).filter((j) => j >= 0);
      const score = unitScore(
        idx.map((j) => ({ weight: run.weights[j], achievement: run.achievements[j] })),
        params,
      );
      const [name, n, sum, gap, esito, punteggio] = rows[i];
      expect(name).toBe(unit);
      expect(n).toBe(idx.length);
      expect(sum).toBe(100);
      expect(gap).toBe(0);
      expect(esito).toBe("OK");
      expect(score).toBeDefined();
      expect(punteggio as number).toBeCloseTo(score!, 9);
    });
    // Counts by type with weight > 0 and gate objectives, as in the PIAO's summary table.
    expect(rows.map((r) => r.slice(6))).toEqual([
      [5, 4, 3, 2],
      [11, 4, 3, 2],
      [18, 4, 3, 2],
      [25, 4, 3, 2],
    ]);
  },
);

test("each objective's score is weight × achievement capped at 100%", () => {
  const s = values[0].get(SHEETS.objectives)!;
  const header = [...s.entries()].filter(([k]) => /^[A-Z]+1$/.test(k));
  const colOf = (h: string) => header.find(([, v]) => v === h)![0].replace(/1$/, "");
  const scoreCol = colOf(C.scoreDec);
  edited.achievements.forEach((a, j) => {
    const got = s.get(`${scoreCol}${j + 2}`);
    if (a === undefined) expect(got).toBe("");
    else expect(got as number).toBeCloseTo(edited.weights[j]! * Math.min(a, 1), 9);
  });
});

test("a weight changed by a user turns Esito to ERRORE for that unit only", () => {
  const rows = pesiRows(values[1]);
  expect(rows.map((r) => r[4])).toEqual(["OK", "OK", "ERRORE", "OK"]);
  const before = edited.weights[result.changedRow - 2]!;
  expect(before).not.toBe(7);
  expect(rows[2][2]).toBe(100 - before + 7);
  expect(values[1].get(SHEETS.summary)!.get("B8")).toBe(1); // "Unità con errori nei pesi"
});

written.test(1);
