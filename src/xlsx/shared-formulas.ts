/**
 * Shared formulas (ECMA-376 part 1, §18.3.1.40): a formula written once at the top of a run of cells in one
 * column, the cells below holding only its id. The reader expands them; the writer shares a generated
 * column whose formulas are the same formula moved down one row at a time — a 10,000-row sheet then carries
 * each long formula once instead of 10,000 times.
 */
import { cellAddress, columnIndex } from "../engine/core/address";

/** A formula cut at its references: text, a column of a reference, a row of a reference. */
type Piece = string | { colAbs: string; letters: string } | { rowAbs: string; digits: string };

const REFERENCES =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\]|(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w.(!])|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w.(!])|(\$?)(\d+):(\$?)(\d+)(?![\w.(!])/g;

/** The formula's pieces: strings, quoted sheet names and structured references stay text. */
function pieces(f: string): Piece[] {
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
function render(ps: Piece[], dr: number, dc: number): string {
  let out = "";
  for (const p of ps) {
    if (typeof p === "string") out += p;
    else if ("letters" in p)
      out += p.colAbs || dc === 0 ? p.colAbs + p.letters : columnLetter(columnIndex(p.letters) + dc);
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

const columnLetter = (c: number) => cellAddress(0, Math.max(0, c)).replace(/\d+$/, "");

/**
 * Formulas Excel accepts as shared: none of the tokens its shared-formula record excludes ([MS-XLS]
 * 2.5.198.118 SharedParsedFormula: references to other sheets, intersections, range operators, array
 * constants, error references) nor structured references. Checked outside string literals, conservatively:
 * a sheet name (`!`, `'`), a space, any `:`, `{`, `[` or `#` excludes the formula. (Unions, `(A1,B1)`,
 * are not told from argument lists here: the engine writes none.)
 */
export function shareable(f: string): boolean {
  const bare = f.replace(/"(?:[^"]|"")*"/g, '""');
  return !/[!'[{# :]/.test(bare);
}

/** How a cell's formula is written: the anchor of a run (with its range) or a member of one. */
export type SharedRole = { si: number; ref: string } | { si: number };

/**
 * The runs of shared formulas in `columns` (per column, the formulas of consecutive rows, top to bottom):
 * a cell joins the run above when its formula is the run's first formula shifted to its row, as the reader
 * would expand it. Runs of one cell stay ordinary formulas.
 */
export function sharedRuns<K>(
  columns: Iterable<{ col: number; cells: { row: number; formula: string; key: K }[] }>,
): Map<K, SharedRole> {
  const roles = new Map<K, SharedRole>();
  let si = 0;
  for (const { col, cells } of columns) {
    let i = 0;
    while (i < cells.length) {
      const first = cells[i];
      let j = i + 1;
      // The anchor is cut into pieces once; each cell below is compared with the pieces put together.
      const ps = shareable(first.formula) ? pieces(first.formula) : undefined;
      if (ps)
        while (
          j < cells.length &&
          cells[j].row === cells[j - 1].row + 1 &&
          render(ps, cells[j].row - first.row, 0) === cells[j].formula
        )
          j++;
      if (j - i > 1) {
        const ref = `${cellAddress(first.row, col)}:${cellAddress(cells[j - 1].row, col)}`;
        roles.set(first.key, { si, ref });
        for (let k = i + 1; k < j; k++) roles.set(cells[k].key, { si });
        si++;
      }
      i = j;
    }
  }
  return roles;
}
