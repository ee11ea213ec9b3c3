/**
 * `piao check`: the state of a workbook as it is now. On a converted workbook the structured table
 * `PIAO Obiettivi` is what people edit (weights changed, rows added), so it is what gets checked; on a
 * workbook never converted, the user's own sheets are.
 */
import { SHEETS, isGeneratedSheet } from "./core/contract";
import { detectObjectives } from "./objectives/detect";
import { sortFindings, type Finding } from "./core/findings";
import type { Objective } from "./objectives/model";
import { normalizeObjectives } from "./objectives/normalise";
import type { SheetSnapshot } from "./core/snapshot";
import { checkWeights, scaleFractionUnits, type UnitSummary } from "./objectives/weights";

export interface CheckResult {
  /** Which sheets were checked: the structured sheet of a converted workbook, or the user's sheets. */
  checked: "converted" | "source";
  objectives: Objective[];
  units: UnitSummary[];
  findings: Finding[];
}

export function check(snapshots: SheetSnapshot[]): CheckResult {
  const structured = snapshots.find((s) => s.name === SHEETS.objectives);
  const sheets = structured ? [structured] : snapshots.filter((s) => !isGeneratedSheet(s.name));
  const norm = normalizeObjectives(sheets.flatMap((s) => detectObjectives(s).objectives));
  // Normalisation notices are about the source's noise; on a converted workbook they would repeat.
  const findings = structured ? norm.findings.filter((f) => f.severity !== "info") : norm.findings;
  findings.push(...scaleFractionUnits(norm.objectives));
  const checked = checkWeights(norm.objectives);
  findings.push(...checked.findings);
  return {
    checked: structured ? "converted" : "source",
    objectives: norm.objectives,
    units: checked.units,
    findings: sortFindings(findings),
  };
}
