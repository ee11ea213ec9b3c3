/** The builder's report on the console: what was parsed, from which lines, and what looked odd. */
import type { CardObjective, Unit } from "./parse-cards";
import type { ParsedReference } from "./parse-reference";
import { type TextWeight, weightNumber } from "./weights";

/** The extraction writes the types O and I as the digits 0 and 1. */
const TYPE_LETTER: Record<string, string> = { 0: "O", 1: "I" };

interface TypeTally {
  n: number;
  nPositive: number;
  w: number;
}

function objectivesOf(unit: Unit): CardObjective[] {
  return unit.cards.flatMap((c) => (c.objective ? [c.objective] : []));
}

/** One line per unit (cards, weight sum, counts by type), preceded by its gate objectives (weight 0). */
function unitLines(unit: Unit): { lines: string[]; zero: number } {
  const lines: string[] = [];
  const objectives = objectivesOf(unit);
  const sum = objectives.reduce((s, o) => s + weightNumber(o.weight), 0);
  const byType: Record<string, TypeTally> = {};
  let zero = 0;
  for (const o of objectives) {
    const w = weightNumber(o.weight);
    const t = TYPE_LETTER[o.type] || o.type;
    byType[t] = byType[t] || { n: 0, nPositive: 0, w: 0 };
    byType[t].n++;
    if (w > 0) byType[t].nPositive++;
    byType[t].w += w;
    if (w === 0) {
      zero++;
      lines.push(`  weight 0: ${unit.sheetName} ${o.code} "${o.name}" (line ${o.line})`);
    }
  }
  const types = Object.entries(byType)
    .map(([t, v]) => `${t}: ${v.n} (${v.nPositive} with weight > 0), weight ${v.w}`)
    .join("; ");
  lines.push(
    `${unit.sheetName} (${unit.fullName}): ${unit.cards.length} cards, weight sum ${sum} — ${types}`,
  );
  return { lines, zero };
}

export function report(parsed: ParsedReference, textWeights: readonly TextWeight[], written: string): string {
  const out: string[] = [];
  out.push(`Cards: lines ${parsed.cardRange[0]}-${parsed.cardRange[1]} of the reference`);
  let total = 0;
  let zero = 0;
  for (const u of parsed.units) {
    const unit = unitLines(u);
    out.push(...unit.lines);
    zero += unit.zero;
    total += u.cards.length;
  }
  out.push(`Total: ${total} cards, ${zero} with weight 0`);
  out.push(
    `Weights written as text: ${textWeights.map((t) => `${t.sheet} ${t.code} "${t.weight}"`).join(", ")}`,
  );
  out.push(
    `Summary table (line ${parsed.summary.line}): ${parsed.summary.rows
      .map((r) => `${r.unit} ${r.individual}/${r.unitLevel}`)
      .join("; ")}`,
  );
  out.push(
    `Strategic objectives: ${parsed.strategic.rows.map((r) => `${r.code} (l. ${r.line})`).join(", ")}`,
  );
  out.push("Spending figures:");
  for (const f of parsed.spending.figures) out.push(`  ${f.label}: ${f.value} (line ${f.line})`);
  for (const w of [...parsed.cardWarnings, ...parsed.spending.warnings]) out.push(`  note: ${w}`);
  out.push(written);
  return out.join("\n");
}
