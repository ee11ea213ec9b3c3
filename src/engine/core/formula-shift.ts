/**
 * Formulas moved as a spreadsheet moves them when a formula is filled or shared: relative references
 * shift, absolute ones (`$`) stay; strings, quoted sheet names and structured references are left alone.
 * Both adapters use it: the file writer to share a column's formula, the task pane's writer to know a
 * table column holds one formula filled down.
 */
import { columnIndex, columnLetters } from "./address";

/** A formula cut at its references: text, a column of a reference, a row of a reference. */
export type Piece = string | { colAbs: string; letters: string } | { rowAbs: string; digits: string };

const REFERENCES =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\]|(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w.(!])|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w.(!])|(\$?)(\d+):(\$?)(\d+)(?![\w.(!])/g;

/** The formula's pieces: strings, quoted sheet names and structured references stay text. */
export function pieces(f: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  const col = (colAbs: string, letters: string): Piece => ({ colAbs, letters });
  const row = (rowAbs: string, digits: string): Piece => ({ rowAbs, digits });
  f.replace(REFERENCES, (m: string, ...g: (string | number | undefined)[]) => {
    const at = g[12] as number;
    if (at > 0 && /[\w.$]/.test(f[at - 1])) return m;
    const s = (i: number) => g[i] as string;
    let refs: Piece[] | undefined;
    if (g[1] !== undefined) refs = [col(s(0), s(1)), row(s(2), s(3))];
    else if (g[5] !== undefined) refs = [col(s(4), s(5)), ":", col(s(6), s(7))];
    else if (g[9] !== undefined) refs = [row(s(8), s(9)), ":", row(s(10), s(11))];
    if (refs) {
      out.push(f.slice(last, at), ...refs);
      last = at + m.length;
    }
    return m;
  });
  out.push(f.slice(last));
  return out;
}

/** The pieces put together `dr` rows and `dc` columns away: relative references move, `$` ones stay. */
export function render(ps: Piece[], dr: number, dc: number): string {
  let out = "";
  for (const p of ps) {
    if (typeof p === "string") out += p;
    else if ("letters" in p)
      out +=
        p.colAbs || dc === 0 ? p.colAbs + p.letters : columnLetters(Math.max(0, columnIndex(p.letters) + dc));
    else out += p.rowAbs || dr === 0 ? p.rowAbs + p.digits : String(Number(p.digits) + dr);
  }
  return out;
}

/**
 * A shared formula's text for a cell `dr` rows and `dc` columns away from the anchor: relative references
 * move, absolute ones (`$`) stay; strings, quoted sheet names and structured references are left alone.
 */
export function shiftFormula(f: string, dr: number, dc: number): string {
  return dr === 0 && dc === 0 ? f : render(pieces(f), dr, dc);
}

/** Every formula is the first one moved down to its row (`formulas[k]` is `k` rows below the first). */
export function filledDown(formulas: string[]): boolean {
  if (formulas.length === 0) return false;
  const ps = pieces(formulas[0]);
  return formulas.every((f, k) => render(ps, k, 0) === f);
}
