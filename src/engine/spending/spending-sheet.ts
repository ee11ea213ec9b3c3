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
import { wrappedHeight } from "../core/columns";
import { OUTCOME_TEXT, possibleOutcomeTexts, type SpendingInputs } from "./compute";
import { FORM, formLayout, formRow, valueCell, VALUE_WIDTH, writeFormRow } from "./form";
import { writeConditions } from "./conditions";
import { CONDITIONS } from "./costs";
import { INPUT_LINES, writeInputs, type InputSources } from "./inputs";
import { OUTPUT_LINES, type OutputKey } from "./outputs";
import { planRowsOf, writePlanTables, type PlanRows, type PlanTablesLayout } from "./plan-tables";
import { PLAN_YEARS } from "./projection";

export const FIRST_INPUT_ROW = 4; // 0-based: row 5
export const FIRST_OUTPUT_ROW = FIRST_INPUT_ROW + INPUT_LINES.length + 2;
/** 0-based row of the conditions' header. */
export const CONDITIONS_ROW = FIRST_OUTPUT_ROW + OUTPUT_LINES.length + 1;
const PLAN_TABLES_ROW = CONDITIONS_ROW + CONDITIONS.length + 2;

/** A1 address of an output's value cell. */
export function outputCell(key: OutputKey): string {
  return valueCell(FIRST_OUTPUT_ROW + OUTPUT_LINES.findIndex((l) => l.key === key));
}

/** Green / amber / red by outcome code (never by the words of the outcome). */
function outcomeFormats(sheet: SheetPlan, range: string, codeCell: string): void {
  sheet.conditionalFormats.push(
    { range, formula: `=${codeCell}="SOTTO"`, style: STYLE.ok },
    { range, formula: `=${codeCell}="TRA"`, style: STYLE.warning },
    { range, formula: `=OR(${codeCell}="SOPRA",${codeCell}="ENTRATE")`, style: STYLE.error },
  );
}

/** An outcome cell wraps, on a row tall enough for the longest text its formula can show. */
function outcomeRow(sheet: SheetPlan, key: OutputKey, texts: string[]): void {
  sheet.rangeStyles.push({ range: outputCell(key), style: { wrap: true } });
  const row = FIRST_OUTPUT_ROW + OUTPUT_LINES.findIndex((l) => l.key === key);
  sheet.rowHeights.push({ row, height: wrappedHeight(texts, VALUE_WIDTH) });
}

/**
 * The sheet; `revenueNet`: the revenue was found already net of the FCDE (the explanations of the revenue,
 * the FCDE and the net revenue say so); `rows`: the hiring plan's and departures' input cells (default: the
 * inputs' own, as found in the source).
 */
export function spendingSheet(
  inputs: SpendingInputs,
  sources: InputSources,
  revenueNet = false,
  rows: PlanRows = planRowsOf(inputs),
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
  );
  const header = (r: number, cells: [string, string, string, string?]) =>
    writeFormRow(sheet, r - 1, formRow(...cells), { style: STYLE.label });
  header(FIRST_INPUT_ROW, ["Dato di ingresso", "Valore", "Come si ottiene", "Origine"]);
  header(FIRST_OUTPUT_ROW, ["Risultato", "Valore", "Come si ottiene"]);
  const names = writeInputs(sheet, FIRST_INPUT_ROW, inputs, sources, revenueNet);
  formLayout(sheet, FIRST_INPUT_ROW - 1, FIRST_INPUT_ROW + INPUT_LINES.length - 1);
  OUTPUT_LINES.forEach((line, k) => {
    const r = FIRST_OUTPUT_ROW + k;
    const explain = revenueNet && line.explainNet ? line.explainNet : line.explain;
    writeFormRow(sheet, r, formRow(line.label, { f: line.formula }, explain), { format: line.format });
    // Service cells (the thresholds' row, the outcome code) stay on the sheet, next to the outputs that
    // read them, on hidden rows: formulas, formats and their defined names work as before.
    if (line.service) (sheet.hiddenRows ??= []).push(r);
    names.push({ name: SPENDING_NAMES[line.key], ref: sheetCellRef(SHEETS.spending, r, FORM.value, true) });
  });
  formLayout(sheet, FIRST_OUTPUT_ROW - 1, FIRST_OUTPUT_ROW + OUTPUT_LINES.length - 1);
  const code = outputCell("outcomeCode").replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  outcomeFormats(sheet, outputCell("outcome"), code);
  outcomeRow(sheet, "outcome", possibleOutcomeTexts());
  const stated = inputs.statement557 ? [OUTCOME_TEXT.stated + inputs.statement557] : [];
  outcomeRow(sheet, "outcome557", [OUTCOME_TEXT.respected, OUTCOME_TEXT.exceeded, ...stated]);
  const conditions = writeConditions(sheet, CONDITIONS_ROW, inputs.conditions);
  names.push(conditions.name);
  const plan = writePlanTables(sheet, PLAN_TABLES_ROW, inputs, rows);
  const tri = plan.layout.trienniumAt;
  const col = (name: string) => (Object.values(TC) as string[]).indexOf(name);
  outcomeFormats(
    sheet,
    `${cellAddress(tri + 1, col(TC.outcome))}:${cellAddress(tri + PLAN_YEARS, col(TC.outcome))}`,
    `$${cellAddress(tri + 1, col(TC.code))}`,
  );
  const inputRange = `${valueCell(FIRST_INPUT_ROW)}:${valueCell(FIRST_INPUT_ROW + INPUT_LINES.length - 1)}`;
  for (const range of [inputRange, conditions.range, ...plan.unlocked])
    sheet.rangeStyles.push({ range, style: STYLE.input });
  // The other widths come from the tables' content (core/columns fitColumns, run on every sheet).
  sheet.columnWidths.push({ col: FORM.value, width: VALUE_WIDTH });
  // No protection: the hiring plan and departures are tables users extend and sort (a protected sheet holds
  // no table: docs/architecture.md, Decisions). Inputs are shaded; the rest are formulas.
  return { sheet, names, layout: plan.layout };
}
