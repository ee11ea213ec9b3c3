/**
 * Re-runs keep the inputs users type into named cells of the generated sheets (`PIAO_Popolazione` in `PIAO
 * Spesa personale`, every parameter of `PIAO Parametri`), found by their defined name wherever the previous
 * run put them. The user's value wins over the new source or default: it is the one thing in the cell the
 * user decided, and overwriting it would lose work silently; the warning names both values and says how to
 * take the other one.
 */
import { cellAddress, parseCell, parseRange } from "../core/address";
import { typedAt } from "../core/carryover";
import type { Finding } from "../core/findings";
import { finding, MESSAGES } from "../core/messages";
import { isFormula, type PlanValue, type SheetPlan, type WorkbookPlan } from "../core/plan";
import type { SheetSnapshot, WorkbookNames } from "../core/snapshot";

/** `'PIAO Parametri'!$B$5` → sheet and 0-based cell; null for ranges and anything else. */
function singleCell(ref: string): { sheet: string; row: number; col: number } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(\$?[A-Za-z]{1,3}\$?\d+)$/.exec(ref.trim().replace(/^=/, ""));
  if (!m) return null;
  return { sheet: (m[1] ?? "").replace(/''/g, "'") || (m[2] ?? ""), ...parseCell(m[3]) };
}

/** The blocks of `sheet` that write the cell, with the cell's place in each (later blocks win). */
function blocksAt(
  sheet: SheetPlan,
  row: number,
  col: number,
): { rows: PlanValue[][]; r: number; c: number }[] {
  return sheet.blocks.flatMap((b) => {
    const at = parseRange(b.at);
    const r = row - at.top;
    const c = col - at.left;
    return r >= 0 && r < b.rows.length && c >= 0 && c < (b.rows[r]?.length ?? 0)
      ? [{ rows: b.rows, r, c }]
      : [];
  });
}

const comparable = (v: PlanValue): string | number =>
  v === null ? "" : isFormula(v) ? v.f : typeof v === "number" ? v : String(v);

/**
 * Puts back into `plan` the value or formula the previous run's named input cells hold, where it differs
 * from what this run planned (an input cell, not one of the add-in's formulas), with a warning.
 */
export function keepNamedInputs(
  plan: WorkbookPlan,
  previous: SheetSnapshot[],
  names: WorkbookNames | undefined,
): Finding[] {
  const findings: Finding[] = [];
  for (const n of plan.names) {
    const now = singleCell(n.ref);
    const was = names?.names.find((p) => p.name.toLowerCase() === n.name.toLowerCase());
    const before = was ? singleCell(was.formula) : null;
    const snapshot = previous.find((s) => s.name === before?.sheet);
    const sheet = plan.sheets.find((s) => s.name === now?.sheet);
    if (!now || !before || !snapshot || !sheet) continue;
    const cells = blocksAt(sheet, now.row, now.col);
    const planned = cells.length > 0 ? cells[cells.length - 1] : null;
    const plannedValue = planned ? (planned.rows[planned.r][planned.c] ?? null) : null;
    if (plannedValue !== null && isFormula(plannedValue)) continue;
    const typed = typedAt(snapshot, before.row - snapshot.top, before.col - snapshot.left);
    if (typed === null || typed === "" || comparable(typed) === comparable(plannedValue)) continue;
    if (planned) for (const b of cells) b.rows[b.r][b.c] = typed;
    else sheet.blocks.push({ at: cellAddress(now.row, now.col), rows: [[typed]] });
    findings.push(
      finding(
        "warning",
        "VALORE_UTENTE_MANTENUTO",
        MESSAGES.typedKept(n.name, comparable(typed), comparable(plannedValue)),
        { sheet: now.sheet, row: now.row, col: now.col },
      ),
    );
  }
  return findings;
}
