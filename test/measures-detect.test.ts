/**
 * The measure fields next to an objective, in a flat table and in cards, as the engine reads them into
 * PIAO Misure; and series of PIAO Indicatori that name an objective's code.
 */
import { MEASURE_COLUMNS as M, SHEETS } from "../src/engine/core/contract";
import { convert } from "../src/engine/convert";
import type { PlanValue } from "../src/engine/core/plan";
import { snapshotsOf } from "./helpers/workbooks";

function measureRows(plan: ReturnType<typeof convert>["plan"]): Record<string, PlanValue>[] {
  const sheet = plan.sheets.find((s) => s.name === SHEETS.measures)!;
  const [header, ...rows] = sheet.blocks[0].rows;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

test("a flat table with per-year targets, baseline, polarity, unit of measure and values", async () => {
  const r = convert(
    await snapshotsOf([
      {
        name: "Obiettivi",
        rows: [
          [
            "Settore",
            "Cod.",
            "Obiettivo",
            "Tipo",
            "Peso",
            "Indicatore",
            "Unità di misura",
            "Polarità",
            "Baseline",
            "Target 2025",
            "Target 2026",
            "Valore al 30/09",
            "Valore al 31/12",
            "Peso indicatore",
            "Fonte dati",
          ],
          [
            "Settore 1",
            "A.1",
            "Pratiche",
            "I",
            100,
            "Pratiche evase",
            "n.",
            "crescente",
            80,
            "120",
            "140",
            90,
            "110 pratiche",
            2,
            "Protocollo",
          ],
        ],
      },
    ]),
  );
  const [m] = measureRows(r.plan);
  expect(m).toMatchObject({
    [M.unit]: "Settore 1",
    [M.code]: "A.1",
    [M.indicator]: "Pratiche evase",
    [M.unitOfMeasure]: "n.",
    [M.polarity]: "crescente",
    [M.baseline]: 80,
    "Target 2025": "120",
    "Target 2026": "140",
    [M.target]: 120,
    [M.valueSep]: 90,
    [M.valueDec]: 110,
    [M.rule]: "crescente",
    [M.weight]: 2,
    [M.dataSource]: "Protocollo",
  });
  expect(r.measures.units).toEqual([
    { unit: "Settore 1", objectives: 1, measured: 1, withValues: 1, score: 75 }, // (110 − 80) / (120 − 80)
  ]);
});

test("a polarity column turns a plain number into a lower-is-better target; an operator wins over it", async () => {
  const r = convert(
    await snapshotsOf([
      {
        name: "Settore 2",
        rows: [
          ["Codice", "Obiettivo", "Tipo", "Peso", "Indicatore", "Polarità", "Valore atteso", "Consuntivo"],
          ["B.1", "Tempi", "I", 50, "Giorni medi", "decrescente", "30 gg", 45],
          ["B.2", "Quota", "I", 50, "Quota", "decrescente", ">= 40%", "in corso"],
        ],
      },
    ]),
  );
  const rows = measureRows(r.plan);
  expect(rows.map((m) => [m[M.polarity], m[M.rule], m[M.target], m[M.valueDec]])).toEqual([
    ["decrescente", "decrescente", 30, 45],
    ["crescente", "crescente", 0.4, "in corso"],
  ]);
  expect(r.findings.filter((f) => f.code === "MISURA_VALORE_NON_RICONOSCIUTO").map((f) => f.row)).toEqual([
    2,
  ]);
});

test("a series of PIAO Indicatori that names an objective's code becomes a measure of that objective", async () => {
  const r = convert(
    await snapshotsOf([
      {
        name: "Obiettivi",
        rows: [
          ["Codice", "Obiettivo", "Tipo", "Peso", "Indicatore", "Azioni 2024"],
          ["C.1", "Sicurezza ponti", "I", 100, "Ponti sicuri", "Verifiche"],
        ],
      },
      {
        name: "Indicatori",
        rows: [
          ["Codice obiettivo", "Indicatore", "Polarità", "2022", "2023", "2024", "Target", "Anno target"],
          ["C.1", "Ponti verificati", "crescente", 10, 12, 15, 20, 2024],
        ],
      },
    ]),
  );
  const rows = measureRows(r.plan);
  expect(
    rows.map((m) => [m[M.code], m[M.indicator], m[M.baseline], m[M.target], m[M.valueDec], m[M.dataSource]]),
  ).toEqual([["C.1", "Ponti verificati", 12, 20, 15, "PIAO Indicatori"]]);
});
