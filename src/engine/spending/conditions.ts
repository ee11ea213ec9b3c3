/**
 * The checklist of the preconditions the law puts before any hire (`CONDITIONS`, each with its source): one
 * answer cell each (Sì / No / da verificare), the answers' range named `PIAO_CondizioniRisposte`, which
 * `PIAO_Condizioni` reads.
 */
import { cellAddress, sheetCellRef } from "../core/address";
import { SHEETS, SPENDING_NAMES } from "../core/contract";
import { STYLE } from "../core/layout";
import type { DefinedNamePlan, SheetPlan } from "../core/plan";
import { CONDITION_ANSWERS, CONDITIONS, type ConditionAnswer } from "./costs";
import { FORM, formLayout, formRow, valueCell, writeFormRow } from "./form";

/** Writes the header at 0-based row `at` and one row per condition below; returns the answers' range and name. */
export function writeConditions(
  sheet: SheetPlan,
  at: number,
  answers: readonly (ConditionAnswer | null)[],
): { range: string; name: DefinedNamePlan } {
  writeFormRow(sheet, at, formRow("Condizione per assumere", "Risposta", "Fonte normativa", "Verifica"), {
    style: STYLE.label,
  });
  sheet.blocks.push({
    at: cellAddress(at + 1, 0),
    rows: CONDITIONS.map((c, k) => formRow(c.label, answers[k] ?? "da verificare", c.source, c.mark)),
  });
  formLayout(sheet, at, at + CONDITIONS.length);
  const range = `${valueCell(at + 1)}:${valueCell(at + CONDITIONS.length)}`;
  sheet.validations.push({
    range,
    type: "list",
    values: CONDITION_ANSWERS,
    allowBlank: true,
    error: "Rispondere Sì, No o da verificare.",
  });
  sheet.conditionalFormats.push(
    { range, formula: `=$${valueCell(at + 1)}="No"`, style: STYLE.error },
    { range, formula: `=$${valueCell(at + 1)}="Sì"`, style: STYLE.ok },
  );
  const first = sheetCellRef(SHEETS.spending, at + 1, FORM.value, true);
  const last = sheetCellRef(SHEETS.spending, at + CONDITIONS.length, FORM.value, true).split("!")[1];
  return { range, name: { name: SPENDING_NAMES.conditionAnswers, ref: `${first}:${last}` } };
}
