/**
 * Unit names that a COUNTIF/SUMIF criterion would misread (wildcards, operators, quotes, case variants):
 * after LibreOffice recalculation, `PIAO Pesi` shows for every unit exactly the engine's count, weight sum
 * and outcome.
 */
import * as path from "path";
import { SHEETS } from "../src/engine/core/contract";
import { convertFile } from "../src/app/convert-file";
import { readCachedValues, recalculate, type CellResult } from "./helpers/recalc";
import { tmpDir, writeWorkbook, type TestCell } from "./helpers/workbooks";
import { WrittenWorkbooks } from "./helpers/validate";

const written = new WrittenWorkbooks();

const UNITS = [
  "Settore Tecnico (*)",
  "Settore Tecnico (A)",
  "Servizi ~ Cultura",
  "*",
  "<>",
  "=1",
  ">0",
  "?",
  "a?c",
  "abc",
  "Settore 1",
  "SETTORE 1",
  'Ufficio "Stampa"',
  "Dell'Ente",
];

// Two objectives per unit; "abc" sums to 90 so that one unit is wrong, the others are right.
const rows: TestCell[][] = [
  ["Unità", "Codice", "Obiettivo", "Tipo", "Peso"],
  ...UNITS.flatMap((u, i) => [
    [u, `A.${i}.1`, `Primo obiettivo di ${u}`, "I", 40],
    [u, `A.${i}.2`, `Secondo obiettivo di ${u}`, "O", u === "abc" ? 50 : 60],
  ]),
];

let engine: Awaited<ReturnType<typeof convertFile>>;
let pesi: Map<string, CellResult>;

beforeAll(async () => {
  const dir = tmpDir();
  const input = await writeWorkbook([{ name: "Obiettivi", rows }], path.join(dir, "units.xlsx"));
  const output = path.join(dir, "units-piao.xlsx");
  engine = await convertFile(input, written.file(output));
  const [recalculated] = recalculate([output]);
  pesi = (await readCachedValues(recalculated)).get(SHEETS.weights)!;
}, 180000);

test("the engine keeps every awkward name as its own unit, and warns about case variants", () => {
  expect(engine.units.map((u) => u.unit)).toEqual(UNITS);
  expect(engine.units.map((u) => u.weightSum)).toEqual(UNITS.map((u) => (u === "abc" ? 90 : 100)));
  const similar = engine.findings.filter((f) => f.code === "UNITA_SIMILI");
  expect(similar).toHaveLength(1);
  expect(similar[0].message.it).toContain("«Settore 1», «SETTORE 1»");
});

test("PIAO Pesi formulas agree with the engine for every unit name", () => {
  const seen = UNITS.map((_, i) => {
    const r = i + 2;
    return [pesi.get(`A${r}`), pesi.get(`C${r}`), pesi.get(`D${r}`), pesi.get(`F${r}`), pesi.get(`H${r}`)];
  });
  const expected = engine.units.map((u) => [
    u.unit,
    u.objectives,
    u.weightSum,
    u.ok ? "OK" : "ERRORE",
    u.byType.I,
  ]);
  expect(seen).toEqual(expected);
});

written.test(1);
