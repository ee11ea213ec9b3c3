/**
 * Objectives' entry point, shared by `convert` and `check`: detection on every sheet, normalisation, fraction
 * weights scaled to 100, and the weight rules per unit (domain.md §2). What detection only almost read is
 * said out loud: near-miss headers, ambiguous headers (asked in the review), totals that disagree.
 */
import type { Finding } from "../core/findings";
import { finding, MESSAGES } from "../core/messages";
import { tidy } from "../core/numbers";
import type { SheetSnapshot } from "../core/snapshot";
import type { ObjectiveField } from "../core/synonyms";
import { detectObjectives, type ObjectiveDetection, type SheetMapping } from "./detect";
import type { Objective } from "./model";
import { normalizeObjectives } from "./normalise";
import { readWeight } from "./values";
import { checkWeights, scaleFractionUnits, WEIGHT_TOLERANCE, type UnitSummary } from "./weights";
import { append } from "../core/append";

/** Something detection could not determine with confidence: the task pane asks the user. */
export type ReviewItem =
  | { kind: "unit"; sheet: string; current: string; objectives: number }
  | { kind: "weightColumn"; sheet: string; row: number; options: { col: number; text: string }[] }
  | {
      kind: "column";
      sheet: string;
      row: number;
      col: number;
      text: string;
      options: { field: ObjectiveField; label: string }[];
    };

export interface ObjectivesPart {
  objectives: Objective[];
  units: UnitSummary[];
  findings: Finding[];
  review: ReviewItem[];
  /** Per sheet name: the objectives found there and what detection made of its rows. */
  perSheet: Map<string, { objectives: Objective[]; detection: ObjectiveDetection }>;
}

/** A total row's stated weight against the objectives above it (since the previous total, or the table). */
function totalFindings(sheet: string, det: ObjectiveDetection, objectives: Objective[]): Finding[] {
  const weightAt = new Map(objectives.map((o) => [o.source.row, o.weight ?? 0]));
  const sum = (rows: number[]) => tidy(rows.reduce((a, r) => a + (weightAt.get(r) ?? 0), 0));
  const out: Finding[] = [];
  for (const t of det.totals) {
    const stated = readWeight(t.stated, t.nf);
    if (!stated.ok) continue;
    const near = (n: number) => Math.abs(n - stated.value) <= WEIGHT_TOLERANCE;
    if (near(sum(t.above)) || near(sum(t.table))) continue;
    const unit = objectives.find((o) => o.source.row === t.above[0])?.unit;
    out.push(
      finding(
        "warning",
        "TOTALE_DIVERSO",
        MESSAGES.totalDiffers(stated.value, sum(t.above)),
        { ...t.at, sheet },
        unit,
      ),
    );
  }
  return out;
}

function headerFindings(
  sheet: string,
  det: ObjectiveDetection,
): { findings: Finding[]; review: ReviewItem[] } {
  const findings: Finding[] = [];
  const review: ReviewItem[] = [];
  for (const h of det.hiddenColumns)
    findings.push(
      finding("info", "COLONNA_NASCOSTA", MESSAGES.hiddenColumn(h.header), { sheet, row: h.row, col: h.col }),
    );
  for (const h of det.interpreted)
    findings.push(
      finding("warning", "INTESTAZIONE_INTERPRETATA", MESSAGES.headerInterpreted(h.text, h.label), {
        sheet,
        row: h.row,
        col: h.col,
      }),
    );
  for (const h of det.ambiguous) {
    findings.push(
      finding("warning", "INTESTAZIONE_AMBIGUA", MESSAGES.headerAmbiguous(h.text, h.labels), {
        sheet,
        row: h.row,
        col: h.col,
      }),
    );
    review.push({
      kind: "column",
      sheet,
      row: h.row,
      col: h.col,
      text: h.text,
      options: h.fields.map((field, i) => ({ field, label: h.labels[i] })),
    });
  }
  for (const h of det.headersWithoutWeight)
    review.push({ kind: "weightColumn", sheet, row: h.row, options: h.cells });
  return { findings, review };
}

/**
 * Rows inside (or right after) an objectives table that nothing read, each a warning at its cell. `claimed`
 * holds rows that another part of the engine read (indicators, spending figures, the summary table).
 */
export function ignoredRowFindings(sheet: string, det: ObjectiveDetection, claimed: Set<number>): Finding[] {
  return det.ignored
    .filter((r) => !claimed.has(r.row) && !(r.afterTable && claimed.has(r.row + 1)))
    .map((r) =>
      finding(
        "warning",
        "RIGA_IGNORATA",
        (r.afterTable ? MESSAGES.rowAfterTable : MESSAGES.rowIgnored)(r.row + 1, r.text.slice(0, 60)),
        { sheet, row: r.row, col: r.col },
      ),
    );
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
    const headers = headerFindings(sheet.name, det);
    append(findings, headers.findings);
    append(review, headers.review);
    const norm = normalizeObjectives(det.objectives);
    append(objectives, norm.objectives);
    append(findings, norm.findings, totalFindings(sheet.name, det, norm.objectives));
    perSheet.set(sheet.name, { objectives: norm.objectives, detection: det });
  }
  append(findings, scaleFractionUnits(objectives));
  const checked = checkWeights(objectives);
  append(findings, checked.findings);
  return { objectives, units: checked.units, findings, review, perSheet };
}
