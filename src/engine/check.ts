/**
 * `piao check`: the state of a workbook as it is now. On a converted workbook the structured table
 * `PIAO Obiettivi` is what people edit (weights changed, rows added), so it is what gets checked; on a
 * workbook never converted, the user's own sheets are.
 */
import { isGeneratedSheet, SHEETS } from "./core/contract";
import { sortFindings, type Finding } from "./core/findings";
import { finding, MESSAGES } from "./core/messages";
import type { SheetSnapshot } from "./core/snapshot";
import { checkMeasures } from "./measures/part";
import type { Objective } from "./objectives/model";
import { ignoredRowFindings, objectivesPart } from "./objectives/part";
import type { UnitSummary } from "./objectives/weights";

export interface CheckResult {
  /** Which sheets were checked: the structured sheet of a converted workbook, or the user's sheets. */
  checked: "converted" | "source";
  objectives: Objective[];
  units: UnitSummary[];
  findings: Finding[];
}

export function check(snapshots: SheetSnapshot[]): CheckResult {
  const structured = snapshots.find((s) => s.name === SHEETS.objectives);
  const part = objectivesPart(structured ? [structured] : snapshots.filter((s) => !isGeneratedSheet(s.name)));
  // Normalisation notices are about the source's noise; on a converted workbook they would repeat.
  const findings = structured ? part.findings.filter((f) => f.severity !== "info") : [...part.findings];
  for (const [sheet, found] of part.perSheet)
    findings.push(...ignoredRowFindings(sheet, found.detection, new Set()));
  // Nothing to check is a failed check, never an all-clear.
  if (part.objectives.length === 0)
    findings.push(finding("error", "NESSUN_CONTENUTO_PIAO", MESSAGES.noObjectives()));
  // A typed achievement that overrides the one calculated from the measures needs its reason.
  findings.push(
    ...checkMeasures(
      structured,
      snapshots.find((s) => s.name === SHEETS.measures),
    ),
  );
  return {
    checked: structured ? "converted" : "source",
    objectives: part.objectives,
    units: part.units,
    findings: sortFindings(findings),
  };
}
