/**
 * The committed example workbook (built by scripts/build-example.ts from the real PIAO 2023-2025 of the
 * Provincia di Massa-Carrara) still holds the facts of the reference document and its real noise.
 * The cards are read directly from the cells, not through the project's engine.
 */
import ExcelJS from "exceljs";
import * as path from "path";

const EXAMPLE = path.resolve(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");
const UNIT_SHEETS = ["Staff", "Settore 1", "Settore 2", "Settore 3"];

interface Card {
  sheet: string;
  row: number;
  col: number;
  code: ExcelJS.CellValue;
  name: ExcelJS.CellValue;
  type: ExcelJS.CellValue;
  weight: ExcelJS.CellValue;
  years: number[];
  status: boolean;
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  return String(v);
}

/** A weight as a number: numbers as they are, numeric text ("3", "10 ") parsed; NaN otherwise. */
function weightOf(v: ExcelJS.CellValue): number {
  if (typeof v === "number") return v;
  const s = text(v).trim().replace(",", ".");
  return s !== "" && /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

/** Every card of a unit sheet: the row under each "N. | Denominazione obiettivo" header, wherever it is. */
function cardsOf(ws: ExcelJS.Worksheet): Card[] {
  const cards: Card[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    for (let c = 1; c <= ws.columnCount; c++) {
      if (text(ws.getCell(r, c).value).trim() !== "N.") continue;
      if (!text(ws.getCell(r, c + 1).value).startsWith("Denominazione")) continue;
      const o = (k: number) => ws.getCell(r + 1, c + k).value;
      const years: number[] = [];
      let status = false;
      // "Anno | Azioni" right under the objective row, then one row per year, then the status row.
      if (text(ws.getCell(r + 2, c).value) === "Anno") {
        let y = r + 3;
        while (typeof ws.getCell(y, c).value === "number") years.push(ws.getCell(y++, c).value as number);
        status = text(ws.getCell(y, c).value).startsWith("Stato di avanzamento");
      }
      cards.push({
        sheet: ws.name,
        row: r + 1,
        col: c,
        code: o(0),
        name: o(1),
        type: o(2),
        weight: o(3),
        years,
        status,
      });
    }
  }
  return cards;
}

describe("examples/piao-massa-carrara-2023-2025.xlsx", () => {
  const wb = new ExcelJS.Workbook();
  let cards: Card[] = [];

  beforeAll(async () => {
    await wb.xlsx.readFile(EXAMPLE);
    for (const name of UNIT_SHEETS) {
      const ws = wb.getWorksheet(name);
      if (!ws) throw new Error(`missing sheet ${name}`);
      cards = cards.concat(cardsOf(ws));
    }
  });

  it("has the expected sheets", () => {
    const names = wb.worksheets.map((ws) => ws.name);
    for (const name of ["Obiettivi strategici", ...UNIT_SHEETS, "Riepilogo", "Spesa personale"]) {
      expect(names).toContain(name);
    }
  });

  it("holds 95 objective cards, 14 + 20 + 27 + 34", () => {
    expect(cards).toHaveLength(95);
    expect(UNIT_SHEETS.map((s) => cards.filter((c) => c.sheet === s).length)).toEqual([14, 20, 27, 34]);
  });

  it("puts the Settore cards in column B and the Staff cards in column A", () => {
    expect(new Set(cards.filter((c) => c.sheet === "Staff").map((c) => c.col))).toEqual(new Set([1]));
    expect(new Set(cards.filter((c) => c.sheet !== "Staff").map((c) => c.col))).toEqual(new Set([2]));
  });

  it("gives every card the years 2023-2025 and a status row", () => {
    for (const c of cards) {
      expect({ at: `${c.sheet}!${c.row}`, years: c.years, status: c.status }).toEqual({
        at: `${c.sheet}!${c.row}`,
        years: [2023, 2024, 2025],
        status: true,
      });
    }
  });

  it.each(UNIT_SHEETS)("has weights summing to 100 in %s", (sheet) => {
    const weights = cards.filter((c) => c.sheet === sheet).map((c) => weightOf(c.weight));
    expect(weights.every((w) => Number.isFinite(w))).toBe(true);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
  });

  it("has exactly 8 weight-0 objectives, all on the payment times", () => {
    const zero = cards.filter((c) => weightOf(c.weight) === 0);
    expect(zero).toHaveLength(8);
    for (const c of zero) expect(text(c.name)).toBe("Rispetto dei tempi medi di pagamento");
    for (const sheet of UNIT_SHEETS) expect(zero.filter((c) => c.sheet === sheet)).toHaveLength(2);
  });

  it("keeps the real noise: types 0 and 1 as numbers, codes with spaces, weights as text", () => {
    expect(cards.some((c) => c.type === 0)).toBe(true);
    expect(cards.some((c) => c.type === 1)).toBe(true);
    expect(cards.some((c) => /^A 1\. \d$/.test(text(c.code)))).toBe(true);
    expect(cards.some((c) => typeof c.weight === "string")).toBe(true);
    expect(cards.some((c) => typeof c.weight === "string" && c.weight !== c.weight.trim())).toBe(true);
  });

  it("has the summary table with the four units", () => {
    const ws = wb.getWorksheet("Riepilogo")!;
    expect(text(ws.getCell("A1").value)).toBe("SETTORE/STAFF");
    const rows: Record<string, [unknown, unknown]> = {};
    for (let r = 2; r <= 5; r++)
      rows[text(ws.getCell(r, 1).value)] = [ws.getCell(r, 2).value, ws.getCell(r, 3).value];
    expect(rows).toEqual({
      "Settore 1 Amministrativo Finanziario": [11, 3],
      "Settore 2 Edilizia scolastica Patrimonio": [18, 3],
      "Settore 3 Tecnico": [25, 3],
      "Staff Supporto Organi e Segreteria Generale": [5, 3],
    });
  });

  it("has the strategic objectives A-D", () => {
    const ws = wb.getWorksheet("Obiettivi strategici")!;
    const codes: string[] = [];
    ws.eachRow((row) => codes.push(text(row.getCell(1).value)));
    for (const code of ["A.1", "A.5", "B", "C", "D.1", "D.4"]) expect(codes).toContain(code);
  });

  it("has the staff-spending figures stated in section 3.3", () => {
    const ws = wb.getWorksheet("Spesa personale")!;
    const values: unknown[] = [];
    ws.eachRow((row) => values.push(row.getCell(2).value));
    expect(values).toEqual(
      expect.arrayContaining(["Provincia", 188483, 0.208, 4553779.86, 0.1999, 178219.46]),
    );
  });
});
