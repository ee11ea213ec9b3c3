/**
 * Section 2.1 of the reference text: the table
 * "N. | Linea strategica | Obiettivi strategici | Indicatori | Dirigente responsabile".
 *
 * The PDF table has merged cells, so the extraction scatters the line letter and the objective number:
 *   - the letter sits on the middle row of its merged cell (D is on its 2nd objective, so the row
 *     before it, with no letter and no number, is D's 1st objective);
 *   - the objective number is either at the start of the objective text ("1 Valorizzare …") or,
 *     after a page break, alone in the Linea strategica column ("5", "3", "4").
 * Rows without a number under a letter with a single objective (B, C) keep the bare letter.
 */
import { fieldsOf, isBlank, isSeparator } from "./lines";

export interface StrategicRow {
  letter: string;
  number: number | null;
  /** "A.1", or the bare letter ("B") for a single-objective line. */
  code: string;
  lineName: string | null;
  text: string;
  indicators: string;
  manager: string;
  line: number;
}

export interface StrategicTable {
  /** The "2.1 …" heading above the table, when there is one. */
  title: string | null;
  header: string[];
  rows: StrategicRow[];
}

/** A row as extracted, before the letters and numbers are put back in place. */
interface RawRow {
  line: number;
  letter: string | null;
  number: number | null;
  lineName: string | null;
  text: string;
  indicators: string;
  manager: string;
  /** The letter was taken from the next row (see fillFirstOfLetter). */
  letterShifted?: boolean;
}

const HEADER = /^N\.\tLinea strategica\t/;

function trimmedFields(line: string): string[] {
  return fieldsOf(line).map((x) => x.trim());
}

/** The table's rows up to the next section, as extracted. */
function readRawRows(lines: readonly string[], first: number): RawRow[] {
  const raw: RawRow[] = [];
  for (let i = first + 1; i < lines.length; i++) {
    const line = lines[i];
    const t = line.trim();
    if (/^(Sezione|SEZIONE)\b/.test(t) || /^2\.2\s/.test(t)) break;
    if (isBlank(line) || isSeparator(line) || HEADER.test(line)) continue;
    const f = trimmedFields(line);
    if (f.length < 5) continue;
    const letter = /^[A-Z]$/.test(f[0]) ? f[0] : null;
    let number: number | null = null;
    let lineName: string | null = null;
    let text = f[2];
    if (/^\d+$/.test(f[1])) number = Number(f[1]);
    else if (f[1] !== "") lineName = f[1];
    const lead = /^(\d+)\s+(.*)$/s.exec(text);
    if (number === null && lead) {
      number = Number(lead[1]);
      text = lead[2];
    }
    raw.push({ line: i + 1, letter, number, lineName, text, indicators: f[3], manager: f[4] });
  }
  return raw;
}

/** A row with neither letter nor number right before a letter row numbered 2 is that letter's no. 1. */
function fillFirstOfLetter(raw: RawRow[]): void {
  for (let k = 0; k < raw.length - 1; k++) {
    const r = raw[k];
    const next = raw[k + 1];
    if (!r.letter && r.number === null && next.letter && next.number === 2 && next.line - r.line <= 2) {
      r.letter = next.letter;
      r.lineName = next.lineName;
      r.number = 1;
      r.letterShifted = true;
    }
  }
}

/** Carry each letter and line name down its rows and number the rows that have no number. */
function assignCodes(raw: readonly RawRow[]): StrategicRow[] {
  const rows: StrategicRow[] = [];
  let letter: string | null = null;
  let lineName: string | null = null;
  for (const r of raw) {
    if (r.letter && r.letter !== letter) {
      letter = r.letter;
      lineName = r.lineName;
    } else if (r.lineName && !r.letterShifted) {
      lineName = r.lineName;
    }
    if (!letter) continue;
    let number = r.number;
    if (number === null) {
      // No number: a single-objective line (B, C) keeps the bare letter; otherwise follow the previous.
      const last = rows.length ? rows[rows.length - 1] : null;
      const prev = last && last.letter === letter ? last : null;
      number = prev && prev.number !== null ? prev.number + 1 : null;
    }
    rows.push({
      letter,
      number,
      code: number === null ? letter : `${letter}.${number}`,
      lineName: r.lineName || lineName,
      text: r.text,
      indicators: r.indicators,
      manager: r.manager,
      line: r.line,
    });
  }
  return rows;
}

export function parseStrategic(lines: readonly string[]): StrategicTable {
  const first = lines.findIndex((l) => HEADER.test(l));
  if (first < 0) throw new Error("Strategic objectives table (N. | Linea strategica …) not found");
  let title: string | null = null;
  for (let i = first; i >= 0; i--) {
    if (/^2\.1\s/.test(lines[i].trim())) {
      title = lines[i].trim();
      break;
    }
  }
  const raw = readRawRows(lines, first);
  fillFirstOfLetter(raw);
  return { title, header: trimmedFields(lines[first]), rows: assignCodes(raw) };
}
