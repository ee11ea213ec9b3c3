/**
 * The engine on the bundled example (built from the reference PIAO): every one of the 95 cards found,
 * compared field by field with an independent parse of the reference text (scripts/build-example.ts).
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { convert, type ConversionResult } from "../src/engine/convert";
import { cleanText } from "../src/engine/core/text";
import { compareSummary, detectSummaryTable } from "../src/engine/objectives/summary-table";
import { snapshotWorkbook } from "./helpers/xlsx";
import { parseReference } from "../scripts/build-example";

const ROOT = path.join(__dirname, "..");
const REF_TEXT = path.join(ROOT, "..", "shared", "reference", "piao-provincia-massa-carrara-2023-2025.txt");

interface RefCard {
  objective: { code: string; name: string; type: string; weight: string; indicator: string };
  actions: { year: number; text: string }[];
}

let result: ConversionResult;
let refUnits: { sheetName: string; cards: RefCard[] }[];

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(ROOT, "examples", "piao-massa-carrara-2023-2025.xlsx"));
  result = convert(await snapshotWorkbook(wb));
  refUnits = referenceUnits(fs.readFileSync(REF_TEXT, "utf8"));
});

/** The builder's parse of the reference; a card it could not complete fails here rather than later. */
function referenceUnits(text: string): { sheetName: string; cards: RefCard[] }[] {
  return parseReference(text).units.map((u) => ({
    sheetName: u.sheetName ?? u.title,
    cards: u.cards.map((c) => {
      if (!c.objective) throw new Error(`Reference card at line ${c.line} has no objective row`);
      return { objective: c.objective, actions: c.actions };
    }),
  }));
}

const squash = (s: string) => cleanText(s).text.replace(/\s+/g, " ").trim();

test("all 95 objectives are found, in 4 units summing to 100", () => {
  expect(result.objectives).toHaveLength(95);
  expect(result.units.map((u) => [u.unit, u.objectives, u.weightSum, u.ok])).toEqual([
    ["Uffici di Staff", 14, 100, true],
    ["Settore 1 Amministrativo Finanziario", 20, 100, true],
    ["Settore 2 Edilizia scolastica e Patrimonio", 27, 100, true],
    ["Settore 3 – Tecnico", 34, 100, true],
  ]);
  // The only warning: the 2023–2024 yearly cap needs the 2019 spending, which the reference PIAO does not give.
  expect(result.findings.filter((f) => f.severity !== "info").map((f) => f.code)).toEqual([
    "SPESA_LIMITE_NON_VERIFICABILE",
  ]);
});

test("every card matches the reference text: unit, code, type, weight, indicator, yearly actions", () => {
  const expected = refUnits.flatMap((u, ui) =>
    u.cards.map((c) => ({
      unit: result.units[ui].unit,
      sheet: u.sheetName,
      code: c.objective.code.replace(/\s+/g, "").replace(/^([A-Z])\.?/, "$1."),
      type: { "0": "O", "1": "I" }[c.objective.type.trim()] ?? c.objective.type.trim(),
      weight: Number(c.objective.weight.trim().replace(",", ".")),
      name: squash(c.objective.name),
      indicator: squash(c.objective.indicator),
      actions: Object.fromEntries(c.actions.map((a) => [a.year, squash(a.text.replace(/^-{3,}$/, ""))])),
    })),
  );
  const actual = result.objectives.map((o) => ({
    unit: o.unit,
    sheet: o.source.sheet,
    code: o.code,
    type: o.type,
    weight: o.weight,
    name: squash(o.name),
    indicator: squash(o.indicator),
    actions: Object.fromEntries(Object.entries(o.actions).map(([y, a]) => [y, squash(a)])),
  }));
  expect(actual).toEqual(expected);
});

test("the 8 payment-time objectives are gate objectives (weight 0), two per unit", () => {
  const gates = result.objectives.filter((o) => o.weight === 0);
  expect(gates).toHaveLength(8);
  expect(new Set(gates.map((o) => o.code))).toEqual(new Set(["A.1.4", "A.1.8"]));
  expect(gates.every((o) => /tempi medi di pagamento/i.test(o.name))).toBe(true);
  expect(result.findings.filter((f) => f.code === "OBIETTIVO_CANCELLO")).toHaveLength(8);
  expect(result.units.map((u) => u.gates)).toEqual([2, 2, 2, 2]);
});

test("counts by type with weight > 0 match the PIAO's summary table", () => {
  expect(result.units.map((u) => [u.byType.I, u.byType.UO])).toEqual([
    [5, 3],
    [11, 3],
    [18, 3],
    [25, 3],
  ]);
  // The 4 organisational objectives of the whole body, repeated in every unit.
  expect(result.units.map((u) => u.byType.O)).toEqual([4, 4, 4, 4]);
});

test("every type and code correction is listed, with its cell", () => {
  const typeFixes = result.findings.filter((f) => f.code === "TIPO_NORMALIZZATO");
  const writtenAsDigit = result.objectives.filter((o) => /^[01]$/.test(o.typeRaw));
  expect(typeFixes).toHaveLength(writtenAsDigit.length);
  expect(writtenAsDigit.length).toBeGreaterThanOrEqual(18);
  const codeFixes = result.findings.filter((f) => f.code === "CODICE_NORMALIZZATO");
  expect(codeFixes.map((f) => f.message.it)).toEqual(
    expect.arrayContaining(['Codice "A 1. 4" letto come "A.1.4".', 'Codice "A 1.8" letto come "A.1.8".']),
  );
  for (const f of [...typeFixes, ...codeFixes]) {
    expect(f.sheet).toMatch(/^(Staff|Settore [123])$/);
    expect(f.row).toBeGreaterThan(0);
  }
  expect(result.findings.filter((f) => f.code === "PESO_TESTO").length).toBeGreaterThan(0);
});

test("the PIAO's summary table (4 rows) is found and agrees with the cards", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(ROOT, "examples", "piao-massa-carrara-2023-2025.xlsx"));
  const rows = (await snapshotWorkbook(wb)).flatMap(detectSummaryTable);
  expect(rows.map((r) => [r.individual, r.unit])).toEqual([
    [11, 3],
    [18, 3],
    [25, 3],
    [5, 3],
  ]);
  expect(compareSummary(rows, result.units)).toEqual([]);
});
