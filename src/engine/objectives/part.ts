/**
 * Objectives' entry point, shared by `convert` and `check`: detection on every sheet, normalisation, fraction
 * weights scaled to 100, and the weight rules per unit (domain.md §2).
 */
import type { Finding } from "../core/findings";
import { finding, MESSAGES } from "../core/messages";
import type { SheetSnapshot } from "../core/snapshot";
import { detectObjectives, type SheetMapping } from "./detect";
import type { Objective } from "./model";
import { normalizeObjectives } from "./normalise";
import { checkWeights, scaleFractionUnits, type UnitSummary } from "./weights";

/** Something detection could not determine with confidence: the task pane asks the user. */
export type ReviewItem =
  | { kind: "unit"; sheet: string; current: string; objectives: number }
  | { kind: "weightColumn"; sheet: string; row: number; options: { col: number; text: string }[] };

export interface ObjectivesPart {
  objectives: Objective[];
  units: UnitSummary[];
  findings: Finding[];
  review: ReviewItem[];
  /** Per sheet name: the objectives found there and how many header rows were seen. */
  perSheet: Map<string, { objectives: Objective[]; headers: number }>;
}

export function objectivesPart(
  sheets: SheetSnapshot[],
  mapping: Record<string, SheetMapping> = {},
): ObjectivesPart {
  const findings: Finding[] = [];
  const objectives: Objective[] = [];
  const review: ReviewItem[] = [];
  const perSheet: ObjectivesPart["perSheet"] = new Map();
  for (const sheet of sheets) {
    const det = detectObjectives(sheet, mapping[sheet.name] ?? {});
    const fromSheetName = det.objectives.filter(
      (o) => o.unitSource === "sheet" || o.unitSource === "mapping",
    );
    if (fromSheetName.length > 0)
      review.push({
        kind: "unit",
        sheet: sheet.name,
        current: fromSheetName[0].unit,
        objectives: fromSheetName.length,
      });
    for (const h of det.hiddenColumns)
      findings.push(
        finding("info", "COLONNA_NASCOSTA", MESSAGES.hiddenColumn(h.header), {
          sheet: sheet.name,
          row: h.row,
          col: h.col,
        }),
      );
    for (const h of det.headersWithoutWeight)
      review.push({ kind: "weightColumn", sheet: sheet.name, row: h.row, options: h.cells });
    const norm = normalizeObjectives(det.objectives);
    objectives.push(...norm.objectives);
    findings.push(...norm.findings);
    perSheet.set(sheet.name, { objectives: norm.objectives, headers: det.headers });
  }
  findings.push(...scaleFractionUnits(objectives));
  const checked = checkWeights(objectives);
  findings.push(...checked.findings);
  return { objectives, units: checked.units, findings, review, perSheet };
}
