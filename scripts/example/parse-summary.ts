/**
 * The summary table of section 2.2, before the cards: "SETTORE/STAFF | individual | unit-level" objectives
 * per unit, and the note on the body-wide organisational objectives that follows it.
 */
import { fieldsOf, isBlank } from "./lines";

export interface SummaryRow {
  unit: string;
  individual: number;
  unitLevel: number;
  line: number;
}

export interface SummaryNote {
  text: string;
  /** How many body-wide organisational objectives the note announces. */
  count: number;
  line: number;
}

export interface SummaryTable {
  header: string[];
  rows: SummaryRow[];
  note: SummaryNote | null;
  /** 1-based line of the header. */
  line: number;
}

export function parseSummary(lines: readonly string[]): SummaryTable {
  const at = lines.findIndex((l) => /^SETTORE\/STAFF\t/.test(l));
  if (at < 0) throw new Error("Summary table (SETTORE/STAFF …) not found");
  const header = fieldsOf(lines[at]).map((f) => f.trim());
  const rows: SummaryRow[] = [];
  let note: SummaryNote | null = null;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    const f = fieldsOf(line).map((x) => x.trim());
    if (f.length >= 3 && /^\d+$/.test(f[1]) && /^\d+$/.test(f[2])) {
      rows.push({ unit: f[0], individual: Number(f[1]), unitLevel: Number(f[2]), line: i + 1 });
      continue;
    }
    const extra = /n\.\s*(\d+)\s+obiettivi di performance organizzativa di Ente/i.exec(line);
    if (extra) note = { text: line.trim(), count: Number(extra[1]), line: i + 1 };
    break;
  }
  return { header, rows, note, line: at + 1 };
}
