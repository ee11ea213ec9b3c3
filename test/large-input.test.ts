/**
 * A sheet far larger than any plan, within the reader's caps (5,000,000 cells a sheet): 130,000 objectives, each
 * with three findings (code and type read in another form, weight 0). Every list of findings and objectives
 * was once joined with `push(...items)`, which passes each item as an argument: past about 120,000 of them
 * Node throws "Maximum call stack size exceeded", and `piao convert` ended with "errore imprevisto" (exit 3) on
 * a valid file. Built in memory: the engine alone, no file to write.
 */
import { check } from "../src/engine/check";
import { convert } from "../src/engine/convert";
import type { Scalar, SheetSnapshot } from "../src/engine/core/snapshot";

const N = 130_000;

function bigSheet(): SheetSnapshot {
  const values: Scalar[][] = [["Unità", "Codice", "Obiettivo", "Tipo", "Peso"]];
  for (let i = 0; i < N; i++)
    values.push([
      `Settore ${1 + (i % 4)}`,
      `A ${1 + (i % 4)}.${i + 1}`,
      `Obiettivo ${i + 1}`,
      "Individuale",
      0,
    ]);
  return { name: "Obiettivi", top: 0, left: 0, values, merges: [], hiddenRows: [], hiddenCols: [] };
}

test(`${N.toLocaleString("en")} objectives with three findings each are converted and checked`, () => {
  const sheet = bigSheet();
  const r = convert([sheet], { sourceName: "grande.xlsx" });
  expect(r.objectives).toHaveLength(N);
  const count = (code: string) => r.findings.filter((f) => f.code === code).length;
  expect([count("CODICE_NORMALIZZATO"), count("TIPO_NORMALIZZATO")]).toEqual([N, N]);
  const checked = check([sheet]);
  expect(checked.findings.length).toBeGreaterThanOrEqual(2 * N);
}, 120_000);
