/**
 * PIAO Verifica lists every error and warning, and up to 20 informational findings of each code; the rest of
 * a code is one row whose `Casi` says how many it stands for, pointing at the first case left out. The
 * summary's counts, recalculated in LibreOffice, still equal the engine's.
 */
import * as path from "path";
import { SHEETS } from "../src/engine/core/contract";
import { countBySeverity } from "../src/engine/core/findings";
import { INFOS_LISTED_PER_CODE } from "../src/engine/workbook/findings-sheet";
import { convertFile } from "../src/app/convert-file";
import { readCachedValues, recalculate, type CellResult } from "./helpers/recalc";
import { tmpDir, writeWorkbook, type TestCell } from "./helpers/workbooks";
import { WrittenWorkbooks } from "./helpers/validate";

const written = new WrittenWorkbooks();
const dir = tmpDir();
const OBJECTIVES = 45;

type Sheet = Map<string, CellResult>;
let verifica: Sheet;
let summary: Sheet;
let counts: Record<"error" | "warning" | "info", number>;
let typeNotes: number;

beforeAll(async () => {
  // 45 objectives of type "Organizzativa" (each read as "O": an info), weighing 3 each: the unit's sum, 135,
  // is a finding of its own.
  const rows: TestCell[][] = [["Codice", "Obiettivo", "Tipo", "Peso", "Indicatore"]];
  for (let i = 1; i <= OBJECTIVES; i++)
    rows.push([`A.${i}`, `Obiettivo ${i}`, "Organizzativa", 3, `Indicatore ${i}`]);
  const source = await writeWorkbook([{ name: "Settore 1", rows }]);
  const out = path.join(dir, "out.xlsx");
  const r = await convertFile(source, written.file(out));
  counts = countBySeverity(r.findings);
  typeNotes = r.findings.filter((f) => f.code === "TIPO_NORMALIZZATO").length;
  const values = await readCachedValues(recalculate([out])[0]);
  verifica = values.get(SHEETS.findings)!;
  summary = values.get(SHEETS.summary)!;
}, 120000);

/** The rows of PIAO Verifica as [Gravità, Codice, Messaggio, Unità, Cella, Casi]. */
function verificaRows(): CellResult[][] {
  const out: CellResult[][] = [];
  for (let r = 2; verifica.get(`A${r}`) != null && verifica.get(`A${r}`) !== ""; r++)
    out.push(["A", "B", "C", "D", "E", "F"].map((c) => verifica.get(`${c}${r}`) ?? null));
  return out;
}

test("the infos of one code past the first 20 are one row, with their number and the first cell left out", () => {
  expect(typeNotes).toBe(OBJECTIVES);
  const rows = verificaRows().filter((r) => r[1] === "TIPO_NORMALIZZATO");
  expect(rows).toHaveLength(INFOS_LISTED_PER_CODE + 1);
  expect(rows.slice(0, INFOS_LISTED_PER_CODE).every((r) => r[5] === 1)).toBe(true);
  const gathered = rows[INFOS_LISTED_PER_CODE];
  expect(gathered[5]).toBe(OBJECTIVES - INFOS_LISTED_PER_CODE);
  // Objective 21 is on row 22 of the source; the last, 45, on row 46; the type is in column C.
  expect(gathered[4]).toBe("'Settore 1'!C22");
  expect(gathered[2]).toContain(`Altri ${OBJECTIVES - INFOS_LISTED_PER_CODE} casi`);
  expect(gathered[2]).toContain("'Settore 1'!C46");
});

test("errors and warnings are listed one per row, and Casi sums to the engine's counts in the summary", () => {
  const rows = verificaRows();
  for (const [label, n] of [
    ["Errore", counts.error],
    ["Avviso", counts.warning],
    ["Informazione", counts.info],
  ] as const) {
    const mine = rows.filter((r) => r[0] === label);
    expect([label, mine.reduce((a, r) => a + (r[5] as number), 0)]).toEqual([label, n]);
    if (label !== "Informazione") expect(mine.every((r) => r[5] === 1)).toBe(true);
  }
  expect(counts.info).toBeGreaterThanOrEqual(OBJECTIVES);
  expect(counts.error + counts.warning).toBeGreaterThan(0);
  const labelRow = (text: string) =>
    [...summary.entries()].find(([, v]) => v === text)![0].replace(/^[A-Z]+/, "");
  const valueOf = (text: string) => {
    const r = labelRow(text);
    return [...summary.entries()].find(
      ([k, v]) => k.endsWith(r) && !k.startsWith("A") && typeof v === "number",
    )?.[1];
  };
  expect(valueOf("Segnalazioni: errori")).toBe(counts.error);
  expect(valueOf("Segnalazioni: avvisi")).toBe(counts.warning);
  expect(valueOf("Segnalazioni: informazioni")).toBe(counts.info);
});

written.test(1);
