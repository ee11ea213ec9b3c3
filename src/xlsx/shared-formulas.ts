/**
 * Shared formulas (ECMA-376 part 1, §18.3.1.40): a formula written once at the top of a run of cells in one
 * column, the cells below holding only its id. The reader expands them; the writer shares a generated
 * column whose formulas are the same formula moved down one row at a time — a 10,000-row sheet then carries
 * each long formula once instead of 10,000 times.
 */
import { cellAddress } from "../engine/core/address";
import { pieces, render } from "../engine/core/formula-shift";

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
