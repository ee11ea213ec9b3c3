/**
 * Staff spending's entry point (art. 33 D.L. 34/2019 and its decrees; c. 557-quater L. 296/2006): the
 * figures found on every user sheet pre-fill `PIAO Spesa personale`, whose outputs are formulas; the engine
 * computes the same outputs as the reference.
 */
import type { Finding } from "../core/findings";
import type { ParameterSection } from "../core/parameters";
import type { DefinedNamePlan, SheetPlan } from "../core/plan";
import type { SheetSnapshot } from "../core/snapshot";
import { computeSpending, outcomeText, type SpendingInputs, type SpendingOutputs } from "./compute";
import { detectSpending, spendingInputs } from "./detect";
import { spendingSections, spendingSheet } from "./spending-sheet";

export interface SpendingPart {
  inputs: SpendingInputs;
  outputs: SpendingOutputs;
  outcome: string;
  /** How many figures were found in the user's sheets. */
  found: number;
  /** Per sheet name: how many figures were found there (for the sheet report). */
  perSheet: Map<string, number>;
  findings: Finding[];
  sheet: SheetPlan;
  names: DefinedNamePlan[];
  parameterSections: ParameterSection[];
}

export function spendingPart(sheets: SheetSnapshot[]): SpendingPart {
  const perSheet = new Map<string, number>();
  const figures = sheets.flatMap((sheet) => {
    const found = detectSpending(sheet);
    perSheet.set(sheet.name, found.length);
    return found;
  });
  const prefill = spendingInputs(figures);
  const written = spendingSheet(prefill.inputs, prefill.sources);
  const outputs = computeSpending(prefill.inputs);
  return {
    inputs: prefill.inputs,
    outputs,
    outcome: outcomeText(outputs, prefill.inputs.body),
    found: prefill.found,
    perSheet,
    findings: prefill.findings,
    sheet: written.sheet,
    names: written.names,
    parameterSections: spendingSections(),
  };
}
