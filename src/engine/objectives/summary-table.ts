/**
 * The PIAO's summary table of section 2.2 ("SETTORE/STAFF | PERFORMANCE INDIVIDUALE | PERFORMANCE DI
 * UNITÀ ORGANIZZATIVA"): how many individual and unit objectives (weight > 0) each unit has. When it
 * disagrees with the cards, the plan contradicts itself and the user is warned (domain.md §2).
 */
import type { Finding } from "../core/findings";
import { finding, MESSAGES } from "../core/messages";
import type { SourceRef } from "../core/model";
import { readNumber } from "../core/numbers";
import type { SheetSnapshot } from "../core/snapshot";
import { normalizeLabel } from "../core/text";
import type { UnitSummary } from "./weights";

export interface SummaryRow {
  label: string;
  individual: number;
  unit: number;
  at: SourceRef;
}

const isIndividual = (s: string) => /^(performance|obiettivi) individual[ie]$|^individuali$/.test(s);
const isUnit = (s: string) =>
  /^(performance|obiettivi) di unita organizzativa$|^unita organizzativa$/.test(s);

export function detectSummaryTable(sheet: SheetSnapshot): SummaryRow[] {
  const out: SummaryRow[] = [];
  for (let i = 0; i < sheet.values.length; i++) {
    const row = sheet.values[i] ?? [];
    const ci = row.findIndex((v) => typeof v === "string" && isIndividual(normalizeLabel(v)));
    if (ci < 0) continue;
    const cu = row.findIndex((v) => typeof v === "string" && isUnit(normalizeLabel(v)));
    if (cu < 0) continue;
    const labelCol = Math.min(ci, cu) - 1;
    if (labelCol < 0) continue;
    for (let k = i + 1; k < sheet.values.length; k++) {
      const r = sheet.values[k] ?? [];
      const label = r[labelCol];
      if (label === null || label === undefined || label === "") {
        if (r.every((v) => v === null || v === "")) continue; // blank lines inside the table (PDF noise)
        break;
      }
      const a = readNumber(r[ci] ?? null);
      const b = readNumber(r[cu] ?? null);
      if (typeof label !== "string" || !a || !b) break;
      out.push({
        label: label.trim(),
        individual: a.value,
        unit: b.value,
        at: { sheet: sheet.name, row: sheet.top + k, col: sheet.left + labelCol },
      });
    }
  }
  return out;
}

/** Words that identify a unit: `settore 1`, `staff`, `area tecnica`… */
function unitKey(label: string): string {
  const s = normalizeLabel(label);
  const numbered = /\b(settore|area|servizio|direzione|dipartimento) (\d+)\b/.exec(s);
  if (numbered) return `${numbered[1]} ${numbered[2]}`;
  if (/\bstaff\b/.test(s)) return "staff";
  return s;
}

export function compareSummary(rows: SummaryRow[], units: UnitSummary[]): Finding[] {
  const out: Finding[] = [];
  for (const row of rows) {
    const key = unitKey(row.label);
    const unit = units.find((u) => unitKey(u.unit) === key);
    if (!unit) continue;
    if (unit.byType.I === row.individual && unit.byType.UO === row.unit) continue;
    out.push(
      finding(
        "warning",
        "RIEPILOGO_DIVERSO",
        MESSAGES.summaryDiffers(unit.unit, row.individual, row.unit, unit.byType.I, unit.byType.UO),
        row.at,
        unit.unit,
      ),
    );
  }
  return out;
}
