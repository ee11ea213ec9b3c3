/**
 * Weight rules per unit (domain.md §2). D.Lgs. 150/2009 leaves the numbers to each body's evaluation
 * system (SMVP); these are the rules in practice: weights 0–100 summing to 100 per unit (tolerance 0.01),
 * weight 0 = gate objective (art. 4-bis D.L. 13/2023), fractions summing to 1 are scaled.
 */
import type { Finding } from "../core/findings";
import { finding, MESSAGES } from "../core/messages";
import type { Objective } from "./model";
import { tidy } from "../core/numbers";
import { append } from "../core/append";

export const WEIGHT_TOLERANCE = 0.01;

export interface UnitSummary {
  unit: string;
  /** The unit's manager: the most frequent Dirigente other than shared ones ("Tutti i Dirigenti"). */
  manager: string;
  objectives: number;
  weightSum: number;
  ok: boolean;
  /** Objectives with weight > 0 by type, as in the PIAO's summary table. */
  byType: { I: number; O: number; UO: number };
  gates: number;
}

export function unitsInOrder(objectives: Objective[]): string[] {
  return [...new Set(objectives.map((o) => o.unit))];
}

function mainManager(list: Objective[]): string {
  const counts = new Map<string, number>();
  for (const o of list) {
    if (!o.manager || /^tutti\b/i.test(o.manager)) continue;
    counts.set(o.manager, (counts.get(o.manager) ?? 0) + 1);
  }
  let best = "";
  let n = 0;
  for (const [m, c] of counts) if (c > n) [best, n] = [m, c];
  return best;
}

/** Scale units given as fractions (all weights ≤ 1, sum 1) to 100; returns the notices. Mutates weights. */
export function scaleFractionUnits(objectives: Objective[]): Finding[] {
  const out: Finding[] = [];
  for (const unit of unitsInOrder(objectives)) {
    const list = objectives.filter((o) => o.unit === unit);
    const ws = list.map((o) => o.weight);
    if (ws.length < 2 || ws.some((w) => w === null || w < 0 || w > 1)) continue;
    const sum = ws.reduce<number>((a, w) => a + (w ?? 0), 0);
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE / 100) continue;
    for (const o of list) o.weight = tidy((o.weight ?? 0) * 100);
    out.push(finding("info", "PESI_SCALATI", MESSAGES.fractionsScaled(unit), list[0].weightCell, unit));
  }
  return out;
}

export function checkWeights(objectives: Objective[]): { units: UnitSummary[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const units: UnitSummary[] = [];
  for (const o of objectives) {
    if (o.weight === null) continue;
    if (o.weight < 0)
      findings.push(
        finding("error", "PESO_NEGATIVO", MESSAGES.weightNegative(o.weight), o.weightCell, o.unit),
      );
    else if (o.weight > 100)
      findings.push(
        finding("error", "PESO_ECCESSIVO", MESSAGES.weightTooLarge(o.weight), o.weightCell, o.unit),
      );
    else if (o.weight === 0)
      findings.push(finding("info", "OBIETTIVO_CANCELLO", MESSAGES.gate(o.code), o.weightCell, o.unit));
  }
  for (const unit of unitsInOrder(objectives)) {
    const list = objectives.filter((o) => o.unit === unit);
    const sum = tidy(list.reduce((a, o) => a + (o.weight ?? 0), 0));
    const ok = Math.abs(sum - 100) <= WEIGHT_TOLERANCE;
    if (!ok)
      findings.push(
        finding(
          "error",
          "PESO_SOMMA",
          MESSAGES.unitSum(unit, sum),
          list[0].weightCell ?? list[0].source,
          unit,
        ),
      );
    const seen = new Map<string, number>();
    for (const o of list) {
      if (!o.code) continue;
      const n = (seen.get(o.code) ?? 0) + 1;
      seen.set(o.code, n);
      if (n === 2)
        findings.push(
          finding("warning", "CODICE_DUPLICATO", MESSAGES.duplicateCode(unit, o.code), o.source, unit),
        );
    }
    const positive = list.filter((o) => (o.weight ?? 0) > 0);
    units.push({
      unit,
      manager: mainManager(list),
      objectives: list.length,
      weightSum: sum,
      ok,
      byType: {
        I: positive.filter((o) => o.type === "I").length,
        O: positive.filter((o) => o.type === "O").length,
        UO: positive.filter((o) => o.type === "UO").length,
      },
      gates: list.filter((o) => o.weight === 0).length,
    });
  }
  append(findings, caseVariants(objectives));
  return { units, findings };
}

/**
 * Units whose names differ only in case ("Settore 1", "SETTORE 1") are separate units, here and in the
 * `PIAO Pesi` formulas (which match names exactly): say so, since they are often the same office.
 */
function caseVariants(objectives: Objective[]): Finding[] {
  const byKey = new Map<string, string[]>();
  for (const unit of unitsInOrder(objectives)) {
    const key = unit.toLocaleLowerCase("it");
    byKey.set(key, [...(byKey.get(key) ?? []), unit]);
  }
  return [...byKey.values()]
    .filter((names) => names.length > 1)
    .map((names) => {
      const first = objectives.find((o) => o.unit === names[1])!;
      return finding("warning", "UNITA_SIMILI", MESSAGES.unitsDifferInCase(names), first.source, names[1]);
    });
}
