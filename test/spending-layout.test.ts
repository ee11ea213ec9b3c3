/**
 * What a user sees of `PIAO Spesa personale` (issue 15), read from the plan of the converted example and of
 * hand-made inputs: no service row in sight, tables not squeezed under a wide explanation column, outcomes
 * given the height their longest text needs, explanations that match how the revenue was found.
 */
import * as path from "path";
import { cellAddress, parseCell, parseRange } from "../src/engine/core/address";
import { LINE_HEIGHT, wrappedHeight, wrappedLines } from "../src/engine/core/columns";
import { SPENDING_NAMES } from "../src/engine/core/contract";
import { MESSAGES } from "../src/engine/core/messages";
import type { PlanValue, SheetPlan } from "../src/engine/core/plan";
import { convert } from "../src/engine/convert";
import { OUTCOME_TEXT, possibleOutcomeTexts } from "../src/engine/spending/compute";
import { FORM, VALUE_WIDTH } from "../src/engine/spending/form";
import { OUTPUT_LINES } from "../src/engine/spending/outputs";
import { outputCell, spendingSheet } from "../src/engine/spending/spending-sheet";
import { inputs } from "./helpers/spending";
import { snapshotsOfFile } from "./helpers/xlsx";

const EXAMPLE = path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");
let sheet: SheetPlan;
let names: { name: string; ref: string }[];
let statement557: string | null;

beforeAll(() => {
  const result = convert(snapshotsOfFile(EXAMPLE), { sourceName: path.basename(EXAMPLE) });
  sheet = result.plan.sheets.find((s) => s.name === "PIAO Spesa personale")!;
  names = result.plan.names;
  statement557 = result.spending.inputs.statement557;
});

/** Every cell the plan writes on the sheet, by 0-based row: column → value. */
function cells(s: SheetPlan): Map<number, Map<number, PlanValue>> {
  const out = new Map<number, Map<number, PlanValue>>();
  for (const b of s.blocks) {
    const at = parseCell(b.at);
    b.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) return;
        if (!out.has(at.row + i)) out.set(at.row + i, new Map());
        out.get(at.row + i)!.set(at.col + j, v);
      }),
    );
  }
  return out;
}

const rowOf = (a1: string) => parseCell(a1).row;
const width = (s: SheetPlan, col: number) => s.columnWidths.find((w) => w.col === col)?.width ?? 8.43;

test("no visible row shows a service calculation; the service cells are on hidden rows, names unchanged", () => {
  const hidden = new Set(sheet.hiddenRows ?? []);
  const visibleTexts = [...cells(sheet)]
    .filter(([r]) => !hidden.has(r))
    .flatMap(([, row]) => [...row.values()].filter((v): v is string => typeof v === "string"));
  expect(visibleTexts.length).toBeGreaterThan(50);
  expect(visibleTexts.filter((t) => /calcolo di servizio/i.test(t))).toEqual([]);
  // The service rows are there (formulas and formats read them), hidden.
  expect([...hidden].sort((a, b) => a - b)).toEqual([
    rowOf(outputCell("bandRow")),
    rowOf(outputCell("outcomeCode")),
  ]);
  const ref = (n: string) => names.find((x) => x.name === n)!.ref;
  expect(ref(SPENDING_NAMES.outcomeCode)).toBe(
    `'PIAO Spesa personale'!$D$${rowOf(outputCell("outcomeCode")) + 1}`,
  );
  expect(ref(SPENDING_NAMES.bandRow)).toBe(`'PIAO Spesa personale'!$D$${rowOf(outputCell("bandRow")) + 1}`);
  // The outcome's colours compare the code cell, not the words.
  const code = outputCell("outcomeCode").replace(/(\d+)$/, "$$$1");
  const outcomeFormats = sheet.conditionalFormats.filter((c) => c.range === outputCell("outcome"));
  expect(outcomeFormats.map((c) => c.formula)).toEqual([
    `=$${code}="SOTTO"`,
    `=$${code}="TRA"`,
    `=OR($${code}="SOPRA",$${code}="ENTRATE")`,
  ]);
});

test("the tables are not squeezed: long labels and explanations are merged over table columns, widths from content", () => {
  // Every label (A:C) and explanation (E:L) of the form is merged and wraps; none widens a table column.
  const merges = new Set(sheet.merges);
  const firstTable = Math.min(...sheet.tables.map((t) => parseRange(t.ref).top));
  const formRows = [...cells(sheet)].filter(
    ([r, row]) => r < firstTable - 1 && row.has(FORM.explain) && row.has(FORM.label),
  );
  expect(formRows.length).toBeGreaterThan(45);
  for (const [r] of formRows) {
    expect(merges.has(`${cellAddress(r, FORM.label)}:${cellAddress(r, FORM.labelEnd)}`)).toBe(true);
    expect(merges.has(`${cellAddress(r, FORM.explain)}:${cellAddress(r, FORM.explainEnd)}`)).toBe(true);
  }
  // No column is wider than its table content asks (the old layout had column C at 70 for explanations).
  const tableCols = new Set(
    sheet.tables.flatMap((t) => {
      const r = parseRange(t.ref);
      return Array.from({ length: r.right - r.left + 1 }, (_, i) => r.left + i);
    }),
  );
  expect(tableCols.size).toBe(13);
  // The widest is the triennium's Esito, for its longest text ("Tra le due soglie: margine 0 (provvisorio)").
  for (const c of tableCols) expect(width(sheet, c)).toBeLessThanOrEqual(45);
  expect(width(sheet, FORM.value)).toBe(VALUE_WIDTH);
  // The texts formulas put in the triennium fit their columns (no cut "non verificabile").
  expect(width(sheet, 8)).toBeGreaterThanOrEqual("non verificabile".length);
  // A wrapped explanation gets the height it needs over its merged width.
  const netRow = rowOf(outputCell("netRevenue"));
  const explain = cells(sheet).get(netRow)!.get(FORM.explain) as string;
  let merged = 0;
  for (let c = FORM.explain; c <= FORM.explainEnd; c++) merged += width(sheet, c);
  const lines = wrappedLines(explain, merged);
  expect(lines).toBeGreaterThan(1);
  expect(sheet.rowHeights.find((h) => h.row === netRow)?.height).toBe(lines * LINE_HEIGHT);
});

test("outcomes wrap on rows tall enough for their longest text, computed by one helper", () => {
  const height = (key: "outcome" | "outcome557") =>
    sheet.rowHeights.find((h) => h.row === rowOf(outputCell(key)))?.height;
  const wraps = (key: "outcome" | "outcome557") =>
    sheet.rangeStyles.some((s) => s.range === outputCell(key) && s.style.wrap);
  expect(wraps("outcome")).toBe(true);
  expect(wraps("outcome557")).toBe(true);
  expect(height("outcome")).toBe(wrappedHeight(possibleOutcomeTexts(), VALUE_WIDTH));
  // The example states the c. 557 limit ("rispettato nel 2022"): the text is longer than one line.
  expect(statement557).toBe("rispettato nel 2022");
  const stated = OUTCOME_TEXT.stated + statement557!;
  expect(wrappedLines(stated, VALUE_WIDTH)).toBe(2);
  expect(height("outcome557")).toBe(2 * LINE_HEIGHT);
  expect(wrappedHeight(["a", "b c"], 10)).toBe(LINE_HEIGHT);
});

test("revenue found already net: the explanations say so and cite the rule; gross revenue keeps the gross ones", () => {
  const explain = (s: SheetPlan, key: string) => {
    const line = OUTPUT_LINES.findIndex((l) => l.key === key);
    const r = rowOf(outputCell("netRevenue")) - OUTPUT_LINES.findIndex((l) => l.key === "netRevenue") + line;
    return cells(s).get(r)!.get(FORM.explain) as string;
  };
  // The example's source gives the revenue already net (PIAO Verifica says it too).
  expect(explain(sheet, "netRevenue")).toBe(MESSAGES.spendingExplainNetRevenueNet().it);
  expect(explain(sheet, "netRevenue")).toMatch(
    /già nette.*art\. 33 c\. 2 D\.L\. 34\/2019; art\. 2 D\.M\. 17\/3\/2020/,
  );
  const sheetTexts = (s: SheetPlan) =>
    [...cells(s).values()].flatMap((row) => [...row.values()].filter((v) => typeof v === "string"));
  expect(sheetTexts(sheet)).toContain(MESSAGES.spendingExplainRevenueNet().it);
  expect(sheetTexts(sheet)).toContain(MESSAGES.spendingExplainFcdeNet().it);
  expect(sheetTexts(sheet)).not.toContain(MESSAGES.spendingExplainRevenue().it);

  const gross = spendingSheet(inputs({ body: "Comune", revenue: [1e6, 1.1e6, 1.2e6], fcde: 5000 }), {}).sheet;
  expect(explain(gross, "netRevenue")).toBe(MESSAGES.spendingExplainNetRevenue().it);
  expect(sheetTexts(gross)).toContain(MESSAGES.spendingExplainRevenue().it);
  expect(sheetTexts(gross)).toContain(MESSAGES.spendingExplainFcde().it);
  expect(sheetTexts(gross)).not.toContain(MESSAGES.spendingExplainRevenueNet().it);
  // English texts exist for the same ids (the sheets are Italian; the catalogue is complete).
  expect(MESSAGES.spendingExplainNetRevenueNet().en).toMatch(/already net/);
});
