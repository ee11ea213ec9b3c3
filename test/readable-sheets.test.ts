/**
 * What people see in the converted example, read from the plan: honest charts, headers every reader draws,
 * widths from content, no developer documents cited, the workbook opening on PIAO Riepilogo.
 */
import * as path from "path";
import { convert, type ConversionResult } from "../src/engine/convert";
import { valueWidth, wrappedLines } from "../src/engine/core/columns";
import { cellAddress, parseRange } from "../src/engine/core/address";
import { isFormula, type SheetPlan } from "../src/engine/core/plan";
import type { Indicator } from "../src/engine/indicators/model";
import { indicatorCharts, indicatorsSheet } from "../src/engine/indicators/indicators-sheet";
import { snapshotsOfFile } from "./helpers/xlsx";

const EXAMPLE = path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");
let result: ConversionResult;
const sheet = (name: string): SheetPlan => result.plan.sheets.find((s) => s.name === name)!;

beforeAll(() => {
  result = convert(snapshotsOfFile(EXAMPLE), { sourceName: path.basename(EXAMPLE) });
});

test("the workbook opens on PIAO Riepilogo", () => {
  expect(result.plan.activeSheet).toBe("PIAO Riepilogo");
});

test("summary charts: axes from zero in the figures' format, only categories with a number", () => {
  const charts = sheet("PIAO Riepilogo").charts;
  expect(charts.map((c) => [c.title, c.valueAxis])).toEqual([
    ["Somma dei pesi per unità", { min: 0, numberFormat: "#,##0" }],
    ["Spesa di personale e spesa massima", { min: 0, numberFormat: '#,##0 "€"' }],
    ["Rapporto spesa / entrate e valore soglia", { min: 0, numberFormat: "0%" }],
  ]);
  // The increase limit is not computable for this example: its empty bar is left out.
  expect(result.spending.outputs.increaseLimit).toBeNull();
  expect(charts[1].series[0].categories).toBe("'PIAO Riepilogo'!$A$16:$A$17");
  const labels = sheet("PIAO Riepilogo")
    .blocks.find((b) => b.at === "A16")!
    .rows.map((r) => r[0]);
  expect(labels.slice(0, 2)).toEqual(["Spesa di personale", "Spesa massima"]);
});

test("no chart of indicators without values: one line says where to enter them", () => {
  expect(result.indicators.length).toBeGreaterThan(0);
  expect(sheet("PIAO Riepilogo").charts).toHaveLength(3);
  const notes = sheet("PIAO Riepilogo").blocks.find((b) => b.at === "A24")!.rows;
  expect(notes).toEqual([["Indicatori senza valori: inserirli in PIAO Indicatori e rieseguire."]]);
});

test("indicator charts: only series with a number, full titles and names, taller for long ones", () => {
  const base = {
    strategicLine: "",
    manager: "",
    unitOfMeasure: "",
    polarity: "crescente",
    ratio: null,
    target: null,
    targetYear: null,
    source: { sheet: "S", row: 0, col: 0 },
    origin: "strategic",
  } as const;
  const long = "Perseguire la migliore fruibilità della viabilità provinciale e regionale, ".repeat(3).trim();
  const indicators: Indicator[] = [
    { ...base, name: "Con valori", objective: long, objectiveCode: "B", values: { 2023: 1, 2024: 3 } },
    { ...base, name: "Senza valori", objective: long, objectiveCode: "B", values: {} },
    { ...base, name: "Altro", objective: "Vuoto", objectiveCode: "C", values: {} },
    { ...base, name: "Negativo", objective: "Saldo", objectiveCode: "D", values: { 2023: -2 } },
  ];
  const { layout } = indicatorsSheet(indicators, [2023, 2024]);
  const charts = indicatorCharts(indicators, layout);
  expect(charts.map((c) => c.title)).toEqual([`B – ${long}`, "D – Saldo"]);
  expect(charts[0].series.map((s) => s.name)).toEqual(["Con valori"]);
  expect(charts[0].valueAxis).toEqual({ min: 0, numberFormat: "General" });
  // Values below zero: the axis is left to the program.
  expect(charts[1].valueAxis).toEqual({ numberFormat: "General" });
  expect(charts[0].heightRows).toBeGreaterThan(charts[1].heightRows);
  // Side by side on one row of the grid.
  expect(charts.map((c) => c.at)).toEqual(["N4", "W4"]);
});

test("every table header is styled for every reader, aligned like its column", () => {
  for (const s of result.plan.sheets)
    for (const t of s.tables) {
      const r = parseRange(t.ref);
      for (let c = r.left; c <= r.right; c++) {
        const style = s.rangeStyles.find((x) => x.range === cellAddress(r.top, c));
        expect(style?.style).toMatchObject({
          bold: true,
          fill: "#4472C4",
          borderBottom: "#1F3864",
          wrap: true,
        });
      }
    }
  const header = (name: string) => {
    const obj = sheet("PIAO Obiettivi");
    const row = obj.blocks[0].rows.findIndex((r) => r.includes(name));
    const col = obj.blocks[0].rows[row].indexOf(name);
    return obj.rangeStyles.find((x) => x.range === cellAddress(row, col))!.style;
  };
  expect(header("Peso").align).toBe("right");
  expect(header("Obiettivo").align).toBe("left");
});

test("columns as wide as their content: codes whole, no ### for large numbers, long text wrapped", () => {
  const findings = sheet("PIAO Verifica");
  const longest = Math.max(...result.findings.map((f) => f.code.length));
  const width = (s: SheetPlan, col: number) => s.columnWidths.find((w) => w.col === col)!.width;
  expect(width(findings, 1)).toBeGreaterThanOrEqual(longest);
  const params = sheet("PIAO Parametri");
  expect(width(params, 4)).toBeGreaterThanOrEqual("1,000,000,000,000".length);
  expect(params.rangeStyles.some((r) => r.style.wrap && r.range.startsWith("C"))).toBe(true);
  for (const s of result.plan.sheets) for (const w of s.columnWidths) expect(w.width).toBeLessThanOrEqual(90);
  // Rows with wrapped text are given the height it needs.
  expect(sheet("PIAO Obiettivi").rowHeights.length).toBeGreaterThan(10);
});

test("a number with thousands separators is as wide as Excel writes it, from 0 to past 1e21", () => {
  const numbers = [0, 7, -7, 999, 1000, -1000, 123456.78, 1234567, -99999999.5, 1e15, 9.99e20, 1e21, -2.5e22];
  const written = (n: number) => Math.trunc(Math.abs(n)).toLocaleString("en-US").length + (n < 0 ? 1 : 0);
  expect(numbers.map((n) => valueWidth(n, "#,##0"))).toEqual(numbers.map(written));
});

test("links look like links; sources cite laws, never the project's documents", () => {
  const link = sheet("PIAO Verifica").rangeStyles.find((r) => r.style.fontColor === "#0563C1");
  expect(link?.range).toMatch(/^E\d+:E\d+$/);
  // Coloured and underlined, like Excel's Hyperlink cell style.
  expect(link?.style.underline).toBe(true);
  expect(sheet("PIAO Verifica").links.length).toBeGreaterThan(0);
  for (const s of result.plan.sheets)
    for (const b of s.blocks)
      for (const row of b.rows)
        for (const v of row) {
          const text = isFormula(v) ? v.f : String(v);
          expect(text).not.toMatch(/\.md\b|domain\.md|§\d/);
        }
});

test.each([
  ["corto", 10, 1],
  ["due parole lunghe", 12, 2],
  ["riga\nseconda", 40, 2],
  ["x".repeat(30), 10, 3],
])("wrappedLines(%j, %i) = %i", (text, width, lines) => expect(wrappedLines(text, width)).toBe(lines));
