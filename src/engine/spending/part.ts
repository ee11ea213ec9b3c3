/**
 * Staff spending's entry point (art. 33 D.L. 34/2019 and its decrees; cc. 557-quater/562 L. 296/2006): the
 * figures found on every user sheet pre-fill `PIAO Spesa personale`, whose outputs are formulas; the engine
 * computes the same outputs and the triennium as the reference, and reports what a rule needs but is missing.
 */
import type { Finding } from "../core/findings";
import { finding, MESSAGES } from "../core/messages";
import type { ParameterSection } from "../core/parameters";
import type { DefinedNamePlan, SheetPlan } from "../core/plan";
import type { ArchivedRow } from "../core/carryover";
import type { SheetSnapshot } from "../core/snapshot";
import { carriedGrowth, carryPlanRows } from "./carryover";
import { computeSpending, outcomeText, type SpendingInputs, type SpendingOutputs } from "./compute";
import { detectSpending, spendingInputs } from "./detect";
import { computeTriennium, type YearRow } from "./projection";
import { baseYear } from "./rules";
import { spendingSections } from "./sections";
import { spendingSheet } from "./spending-sheet";
import { planRowsOf } from "./plan-tables";

/** What convert reports about staff spending (CLI summary, task pane). */
export interface SpendingSummary {
  inputs: SpendingInputs;
  outputs: SpendingOutputs;
  outcome: string;
  /** How many figures were found in the user's sheets. */
  found: number;
  /** The plan years of `PIAO_Triennio`. */
  years: YearRow[];
}

export interface SpendingPart extends SpendingSummary {
  /** Per sheet name: how many figures were found there (for the sheet report). */
  perSheet: Map<string, number>;
  /** Per sheet name: the rows where figures were read (so that they are not reported as ignored). */
  rows: Map<string, number[]>;
  findings: Finding[];
  sheet: SheetPlan;
  names: DefinedNamePlan[];
  parameterSections: ParameterSection[];
  /** Plan rows of the previous run whose typed values the source contradicted (`PIAO Archivio`). */
  archived: ArchivedRow[];
}

/** Warnings for rules that cannot be applied: a yearly cap without its base year, a meaningless revenue base. */
function ruleFindings(i: SpendingInputs, o: SpendingOutputs, years: YearRow[]): Finding[] {
  const out: Finding[] = [];
  const unknown = years.filter((y) => y.capState === "non verificabile").map((y) => y.year!);
  if (unknown.length && i.body)
    out.push(
      finding(
        "warning",
        "SPESA_LIMITE_NON_VERIFICABILE",
        MESSAGES.spendingCapUnknown(unknown, baseYear(i.body)),
      ),
    );
  if (o.outcome === "ENTRATE")
    out.push(finding("warning", "SPESA_ENTRATE_NON_POSITIVE", MESSAGES.spendingRevenueNotPositive()));
  return out;
}

/** `previous`: the previous run's `PIAO Spesa personale`, whose typed hires and departures are kept. */
export function spendingPart(sheets: SheetSnapshot[], previous?: SheetSnapshot): SpendingPart {
  const perSheet = new Map<string, number>();
  const rows = new Map<string, number[]>();
  const figures = sheets.flatMap((sheet) => {
    const found = detectSpending(sheet);
    perSheet.set(sheet.name, found.length);
    rows.set(
      sheet.name,
      found.map((f) => f.at.row),
    );
    return found;
  });
  const prefill = spendingInputs(figures);
  const carried = carryPlanRows(previous, planRowsOf(prefill.inputs));
  const growth = carriedGrowth(previous);
  const inputs = {
    ...prefill.inputs,
    hires: carried.hires,
    departures: carried.departures,
    ...(growth ? { growth: growth.growth } : {}),
  };
  const typed = growth ? { ...carried.rows, growth: growth.cells } : carried.rows;
  const written = spendingSheet(inputs, prefill.sources, prefill.revenueNet, typed);
  const outputs = computeSpending(inputs);
  const years = computeTriennium(inputs, outputs.netRevenue);
  return {
    inputs,
    outputs,
    outcome: outcomeText(outputs.outcome, inputs.body, outputs.conditions, outputs.capState),
    found: prefill.found,
    years,
    perSheet,
    rows,
    findings: [...prefill.findings, ...carried.findings, ...ruleFindings(inputs, outputs, years)],
    sheet: written.sheet,
    names: written.names,
    parameterSections: spendingSections(),
    archived: carried.archived,
  };
}
