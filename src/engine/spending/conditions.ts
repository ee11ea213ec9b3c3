/**
 * The checklist of the preconditions the law puts before any hire (`CONDITIONS`, each with its source): one
 * answer cell each (Sì / No / da verificare), the answers' range named `PIAO_CondizioniRisposte`, which
 * `PIAO_Condizioni` reads.
 */
import { sheetCellRef } from "../core/address";
import { SHEETS, SPENDING_NAMES } from "../core/contract";
import { STYLE } from "../core/layout";
import type { DefinedNamePlan, SheetPlan } from "../core/plan";
import { CONDITION_ANSWERS, CONDITIONS, type ConditionAnswer } from "./costs";

/** Writes the header at 0-based row `at` and one row per condition below; returns the answers' range and name. */
export function writeConditions(
  sheet: SheetPlan,
  at: number,
  answers: readonly (ConditionAnswer | null)[],
): { range: string; name: DefinedNamePlan } {
  sheet.blocks.push(
    {
      at: `A${at + 1}`,
      rows: [["Condizione per assumere", "Risposta", "Fonte normativa", "Verifica"]],
      style: STYLE.label,
    },
    {
      at: `A${at + 2}`,
      rows: CONDITIONS.map((c, k) => [c.label, answers[k] ?? "da verificare", c.source, c.mark]),
    },
  );
  const range = `B${at + 2}:B${at + 1 + CONDITIONS.length}`;
  sheet.validations.push({
    range,
    type: "list",
    values: CONDITION_ANSWERS,
    allowBlank: true,
    error: "Rispondere Sì, No o da verificare.",
  });
  sheet.conditionalFormats.push(
    { range, formula: `=$B${at + 2}="No"`, style: STYLE.error },
    { range, formula: `=$B${at + 2}="Sì"`, style: STYLE.ok },
  );
  const first = sheetCellRef(SHEETS.spending, at + 1, 1, true);
  const last = sheetCellRef(SHEETS.spending, at + CONDITIONS.length, 1, true).split("!")[1];
  return { range, name: { name: SPENDING_NAMES.conditionAnswers, ref: `${first}:${last}` } };
}
