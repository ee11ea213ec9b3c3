/**
 * `piao check`: the state of a workbook as it is now. On a converted workbook the structured table
 * `PIAO Obiettivi` is what people edit (weights changed, rows added), so it is what gets checked; on a
 * workbook never converted, the user's own sheets are.
 */
import { SHEETS } from "./core/contract";
import { sortFindings, type Finding } from "./core/findings";
import { finding, MESSAGES } from "./core/messages";
import type { SheetSnapshot, WorkbookNames } from "./core/snapshot";
import { checkMeasures } from "./measures/part";
import type { Objective } from "./objectives/model";
import { ignoredRowFindings, objectivesPart } from "./objectives/part";
import type { UnitSummary } from "./objectives/weights";
import { ownership } from "./workbook/ownership";
import { append } from "./core/append";

export interface CheckResult {
  /** Which sheets were checked: the structured sheet of a converted workbook, or the user's sheets. */
  checked: "converted" | "source";
  objectives: Objective[];
  units: UnitSummary[];
  findings: Finding[];
}

/**
 * `wb`: the workbook's names and tables, by which the add-in's sheets are told from the user's (a sheet the
 * user called `PIAO Obiettivi` is a source); without it the standard sheet names decide.
 */
export function check(snapshots: SheetSnapshot[], wb?: WorkbookNames): CheckResult {
  const own = ownership(snapshots, wb);
  const structured = own.generated.get(SHEETS.objectives);
  const part = objectivesPart(structured ? [structured] : own.user);
  // Normalisation notices are about the source's noise; on a converted workbook they would repeat.
  const findings = structured ? part.findings.filter((f) => f.severity !== "info") : [...part.findings];
  for (const [sheet, found] of part.perSheet)
    append(findings, ignoredRowFindings(sheet, found.detection, new Set()));
  // Nothing to check is a failed check, never an all-clear.
  if (part.objectives.length === 0)
    findings.push(finding("error", "NESSUN_CONTENUTO_PIAO", MESSAGES.noObjectives()));
  // A typed achievement that overrides the one calculated from the measures needs its reason.
  append(findings, checkMeasures(structured, own.generated.get(SHEETS.measures)));
  return {
    checked: structured ? "converted" : "source",
    objectives: part.objectives,
    units: part.units,
    findings: sortFindings(findings),
  };
}
