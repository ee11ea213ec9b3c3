/**
 * Shared formulas (ECMA-376 part 1, §18.3.1.40): a formula written once at the top of a run of cells in one
 * column, the cells below holding only its id. The reader expands them; the writer shares a generated
 * column whose formulas are the same formula moved down one row at a time — a 10,000-row sheet then carries
 * each long formula once instead of 10,000 times.
 */
import { cellAddress } from "../engine/core/address";
import { pieces, render, type Piece } from "../engine/core/formula-shift";
import type { FilledRow, FormulaValue } from "../engine/core/plan";

/** A plan formula as written in a cell element: without its leading `=`. */
export function formulaText(v: FormulaValue): string {
  const f = v.f; // read once: a filled row builds its text on each read
  return f.startsWith("=") ? f.slice(1) : f;
}

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
 * Whether the rows filled from `fill`'s template are its row `fill.row` moved down, as the reader expands a
 * shared formula (`ps`: that row's pieces). Checked one row and 100,000 rows below, where the numbers put in
 * the template have more digits: a template whose row numbers were not whole references fails one of them.
 */
function followsTemplate(fill: FilledRow, ps: Piece[]): boolean {
  return [1, 100_000].every(
    (dr) => render(ps, dr, 0) === formulaText({ f: fill.template.join(String(fill.row + dr)) }),
  );
}

/**
 * The runs of shared formulas in `columns` (per column, the formulas of consecutive rows, top to bottom):
 * a cell joins the run above when its formula is the run's first formula shifted to its row, as the reader
 * would expand it. Runs of one cell stay ordinary formulas. Rows filled from the anchor's template join
 * without their text being built, when the template is seen to follow the reader's shifting from the anchor.
 * Each cell's role is given to `roles.set`.
 */
export function sharedRuns<K>(
  columns: Iterable<{ col: number; cells: { row: number; value: FormulaValue; key: K }[] }>,
  roles: { set(key: K, role: SharedRole): unknown },
): void {
  const unshareable = new Set<readonly string[]>();
  let si = 0;
  for (const { col, cells } of columns) {
    let i = 0;
    while (i < cells.length) {
      const first = cells[i];
      const fill = first.value.fill;
      let j = i + 1;
      // A template's rows are all shareable or none is: the row numbers add none of the excluded tokens.
      const known = fill !== undefined && unshareable.has(fill.template);
      const text = known ? "" : formulaText(first.value);
      // The anchor is cut into pieces once; each cell below is compared with the pieces put together.
      const ps = !known && shareable(text) ? pieces(text) : undefined;
      if (fill && !ps) unshareable.add(fill.template);
      if (ps) {
        const byTemplate = fill !== undefined && followsTemplate(fill, ps);
        while (j < cells.length && cells[j].row === cells[j - 1].row + 1) {
          const dr = cells[j].row - first.row;
          const own = cells[j].value.fill;
          const filled = byTemplate && own?.template === fill!.template && own.row - fill!.row === dr;
          if (!filled && render(ps, dr, 0) !== formulaText(cells[j].value)) break;
          j++;
        }
      }
      if (j - i > 1) {
        const ref = `${cellAddress(first.row, col)}:${cellAddress(cells[j - 1].row, col)}`;
        roles.set(first.key, { si, ref });
        const member = { si }; // one record for the whole run: its cells only read it
        for (let k = i + 1; k < j; k++) roles.set(cells[k].key, member);
        si++;
      }
      i = j;
    }
  }
}
