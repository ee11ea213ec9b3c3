/**
 * `PIAO Spesa personale`: labelled inputs and outputs with the contract's defined names
 * (`SPENDING_NAMES`), the checklist of the hiring conditions, and the triennium with its hiring plan and
 * departures. Every output is a formula reading `PIAO Parametri`; next to each figure a plain-Italian
 * explanation for the auditor. With empty inputs every output shows an empty string, never an error value.
 */
import { cellAddress, sheetCellRef } from "../core/address";
import { SHEETS, SPENDING_NAMES, TRIENNIUM_COLUMNS as TC } from "../core/contract";
import { STYLE } from "../core/layout";
import { emptySheet, type DefinedNamePlan, type SheetPlan } from "../core/plan";
import { LINE_HEIGHT, wrappedLines } from "../core/columns";
import { possibleOutcomeTexts, type SpendingInputs } from "./compute";
import { writeConditions } from "./conditions";
import { CONDITIONS } from "./costs";
import { INPUT_LINES, writeInputs, type InputSources } from "./inputs";
import { OUTPUT_LINES, type OutputKey } from "./outputs";
import { writePlanTables, type PlanTablesLayout } from "./plan-tables";
import { PLAN_YEARS } from "./projection";

export const FIRST_INPUT_ROW = 4; // 0-based: row 5
export const FIRST_OUTPUT_ROW = FIRST_INPUT_ROW + INPUT_LINES.length + 2;
/** 0-based row of the conditions' header. */
export const CONDITIONS_ROW = FIRST_OUTPUT_ROW + OUTPUT_LINES.length + 1;
const PLAN_TABLES_ROW = CONDITIONS_ROW + CONDITIONS.length + 2;

/** A1 address of an output's value cell. */
export function outputCell(key: OutputKey): string {
  return cellAddress(FIRST_OUTPUT_ROW + OUTPUT_LINES.findIndex((l) => l.key === key), 1);
}

/** Width of the value column B, in characters. */
const VALUE_WIDTH = 22;

/** Green / amber / red by outcome code (never by the words of the outcome). */
function outcomeFormats(sheet: SheetPlan, range: string, codeCell: string): void {
  sheet.conditionalFormats.push(
    { range, formula: `=${codeCell}="SOTTO"`, style: STYLE.ok },
    { range, formula: `=${codeCell}="TRA"`, style: STYLE.warning },
    { range, formula: `=OR(${codeCell}="SOPRA",${codeCell}="ENTRATE")`, style: STYLE.error },
  );
}

export function spendingSheet(
  inputs: SpendingInputs,
  sources: InputSources,
): { sheet: SheetPlan; names: DefinedNamePlan[]; layout: PlanTablesLayout } {
  const sheet = emptySheet(SHEETS.spending);
  sheet.tabColor = "#BF8F00";
  sheet.blocks.push(
    { at: "A1", rows: [["PIAO Sheets – Spesa di personale (art. 33 D.L. 34/2019)"]], style: STYLE.title },
    {
      at: "A2",
      rows: [
        [
          "Le celle gialle sono dati da inserire (precompilate quando trovate nella cartella); le altre sono formule che leggono i parametri del foglio PIAO Parametri.",
        ],
      ],
      style: STYLE.note,
    },
    {
      at: `A${FIRST_INPUT_ROW}`,
      rows: [["Dato di ingresso", "Valore", "Come si ottiene", "Origine"]],
      style: STYLE.label,
    },
    { at: `A${FIRST_OUTPUT_ROW}`, rows: [["Risultato", "Valore", "Come si ottiene"]], style: STYLE.label },
  );
  const names = writeInputs(sheet, FIRST_INPUT_ROW, inputs, sources);
  OUTPUT_LINES.forEach((line, k) => {
    const r = FIRST_OUTPUT_ROW + k;
    sheet.blocks.push({
      at: `A${r + 1}`,
      rows: [[line.label, { f: line.formula }, line.explain]],
      columnFormats: [null, line.format ?? null, null],
    });
    names.push({ name: SPENDING_NAMES[line.key], ref: sheetCellRef(SHEETS.spending, r, 1, true) });
  });
  const code = outputCell("outcomeCode").replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  outcomeFormats(sheet, outputCell("outcome"), code);
  // The outcome wraps in its cell, on a row tall enough for the longest outcome text.
  sheet.rangeStyles.push({ range: outputCell("outcome"), style: { wrap: true } });
  const outcomeLines = Math.max(...possibleOutcomeTexts().map((t) => wrappedLines(t, VALUE_WIDTH)));
  sheet.rowHeights.push({
    row: Number(/\d+$/.exec(outputCell("outcome"))![0]) - 1,
    height: outcomeLines * LINE_HEIGHT,
  });
  const conditions = writeConditions(sheet, CONDITIONS_ROW, inputs.conditions);
  names.push(conditions.name);
  const plan = writePlanTables(sheet, PLAN_TABLES_ROW, inputs);
  const tri = plan.layout.trienniumAt;
  const col = (name: string) => (Object.values(TC) as string[]).indexOf(name);
  outcomeFormats(
    sheet,
    `${cellAddress(tri + 1, col(TC.outcome))}:${cellAddress(tri + PLAN_YEARS, col(TC.outcome))}`,
    `$${cellAddress(tri + 1, col(TC.code))}`,
  );
  const inputRange = `B${FIRST_INPUT_ROW + 1}:B${FIRST_INPUT_ROW + INPUT_LINES.length}`;
  for (const range of [inputRange, conditions.range, ...plan.unlocked])
    sheet.rangeStyles.push({ range, style: STYLE.input });
  sheet.columnWidths = [
    { col: 0, width: 58 },
    { col: 1, width: VALUE_WIDTH },
    { col: 2, width: 70 },
    { col: 3, width: 26 },
  ];
  // No protection: the hiring plan and departures are tables users extend and sort (a protected sheet holds
  // no table: docs/architecture.md, Decisions). Inputs are shaded; the rest are formulas.
  return { sheet, names, layout: plan.layout };
}
