/** Workbooks the tests write themselves, as real .xlsx files through exceljs. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseCell } from "../../src/engine/core/address";
import type { SheetSnapshot } from "../../src/engine/core/snapshot";
import { snapshotsOfFile } from "./xlsx";

export type TestCell = string | number | boolean | null | { formula: string; result?: unknown } | Date;

export interface TestSheet {
  name: string;
  /** Top-left cell of `rows` (default A1). */
  at?: string;
  rows: TestCell[][];
  /** Number formats by cell address, e.g. `{ D3: "0%" }`. */
  formats?: Record<string, string>;
  merges?: string[];
  /** 1-based row numbers to hide. */
  hiddenRows?: number[];
  /** 1-based column numbers to hide. */
  hiddenCols?: number[];
}

export function tmpDir(prefix = "piao-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function buildWorkbook(sheets: TestSheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    const at = parseCell(s.at ?? "A1");
    s.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== undefined)
          ws.getCell(at.row + i + 1, at.col + j + 1).value = v as ExcelJS.CellValue;
      }),
    );
    for (const [addr, fmt] of Object.entries(s.formats ?? {})) ws.getCell(addr).numFmt = fmt;
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
    for (const c of s.hiddenCols ?? []) ws.getColumn(c).hidden = true;
  }
  return wb;
}

export async function writeWorkbook(sheets: TestSheet[], file?: string): Promise<string> {
  const out = file ?? path.join(tmpDir(), "input.xlsx");
  await buildWorkbook(sheets).xlsx.writeFile(out);
  return out;
}

/** Write then read back through the real adapter: what the engine sees for a file on disk. */
export async function snapshotsOf(sheets: TestSheet[]): Promise<SheetSnapshot[]> {
  return snapshotsOfFile(await writeWorkbook(sheets));
}

/** One objective card in the layout of the reference PIAO (section 2.2). */
export function card(o: {
  code: string;
  name: string;
  type: string | number;
  weight: TestCell;
  indicator?: string;
  manager?: string;
  actions?: Record<number, string>;
}): TestCell[][] {
  return [
    ["Linea strategica", "A. Perseguire il miglioramento e la qualità organizzativa"],
    ["Centro di costo", "Finanze e Bilancio"],
    ["Miss./Programma", "01.03"],
    ["Dirigente", o.manager ?? "Dott.ssa Rossi"],
    [],
    ["N.", "Denominazione obiettivo", "Ind/Org/ Un. Org.", "Peso %", "Indicatore"],
    [o.code, o.name, o.type, o.weight, o.indicator ?? "Indicatore"],
    [],
    ["Anno", "Azioni"],
    ...Object.entries(o.actions ?? { 2023: "Azione 2023", 2024: "", 2025: "" }).map(([y, a]) => [
      Number(y),
      a,
    ]),
    ["Stato di avanzamento dell'obiettivo alla data del 30 settembre 2023"],
    ["--"],
    [],
  ];
}
