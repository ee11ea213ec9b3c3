/**
 * Seeded generator of malformed workbooks, as real people send them: merged cells over headers, repeated
 * header rows, error values, numbers as text in every style, 32,767-character cells, formulas and dates
 * and booleans in weight cells, empty sheets, content in column XFD, sheet names with quotes and spaces,
 * text starting with `=`/`@`/`+`/`-`, control characters, right-to-left text; and the messy layouts of
 * clerks' tables: blank rows inside the table, notes, total rows with SUM formulas, legends, typos in headers;
 * and names that collide with the add-in's (sheets, tables and defined names called like the generated ones,
 * in any case) and awkward unit names (wildcards and operators of COUNTIF criteria, quotes, case variants of
 * one another, very long names).
 * Every objective row written is listed, so that the runner can check none is lost silently.
 * The same seed always gives the same workbook.
 */
import ExcelJS from "exceljs";
import { rng } from "../helpers/random";

type Cell = ExcelJS.CellValue;

export const MALFORMATIONS = [
  "mergedHeader",
  "repeatedHeader",
  "errorValues",
  "numbersAsText",
  "hugeCell",
  "formulaWeights",
  "emptySheet",
  "columnXFD",
  "quotedSheetName",
  "formulaLikeText",
  "controlChars",
  "rightToLeft",
  "dateWeights",
  "booleans",
  "blankRows",
  "notes",
  "totalRows",
  "legend",
  "typoHeaders",
  "sheetNameCollision",
  "tableNameCollision",
  "definedNameCollision",
  "awkwardUnitNames",
] as const;
export type Malformation = (typeof MALFORMATIONS)[number];

export interface FuzzCase {
  seed: number;
  workbook: ExcelJS.Workbook;
  applied: Malformation[];
  /** Every objective row written: sheet name and 0-based row. */
  objectives: { sheet: string; row: number }[];
}

const SHEET_NAMES = ["Settore 1", "Staff", "Obiettivi", "Foglio1", "Area Tecnica", "Dati 2024", "Piano"];
const QUOTED_NAMES = [
  "L'Ufficio del Segretario",
  "Settore 'A' bis",
  "  Spazi  intorno ",
  "Dati (bozza) #2",
  "O'Brien & Co",
];
const TEXT_NUMBERS = [
  "1.000,50",
  "1,000.50",
  "45 %",
  "€ 12",
  " 3 ",
  "0,5",
  "12.5",
  "1 000",
  "+7",
  "-2",
  "100%",
  "3,0",
];
const FORMULA_LIKE = [
  "=SUM(A1:A9)",
  "=1+1",
  "@utente",
  "+39 0585 123",
  "-nota interna",
  '=HYPERLINK("http://x")',
];
const RTL = ["مؤشر الأداء", "יעד ארגוני", "هدف ۱۲"];
const ERRORS = ["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?"];
const HEADER = ["Codice", "Obiettivo", "Tipo", "Peso", "Indicatore", "Settore"];
/** One typo (an edit or a transposition) in each header. */
const TYPO_HEADER = ["Cdice", "Obbiettivo", "Tipi", "Pseo", "Indicatroe", "Setore"];
/** Sheet names the add-in generates, as a user might also call a sheet of theirs (any case). */
const GENERATED_LIKE = [
  "PIAO Obiettivi",
  "PIAO PESI",
  "piao indicatori",
  "PIAO Spesa personale",
  "PIAO Parametri",
  "PIAO Verifica",
  "Piao Riepilogo",
  "PIAO ARCHIVIO",
  "PIAO Misure",
];
/**
 * Table names of the add-in (any case). `PIAO_Verifica` on a sheet named exactly `PIAO Verifica` is left out:
 * it is how a workbook converted before the sheet markers is recognised (workbook/ownership.ts).
 */
const TABLE_LIKE = [
  "PIAO_Obiettivi",
  "piao_pesi",
  "PIAO_INDICATORI",
  "PIAO_Archivio",
  "piao_misure",
  "PIAO_Triennio",
];
/** Defined names of the add-in (any case); never a sheet marker `PIAO_Foglio_…`, which would claim the sheet. */
const NAME_LIKE = [
  "PIAO_Soglia",
  "piao_popolazione",
  "PIAO_ESITO",
  "PIAO_Fasce",
  "piao_annopiano",
  "PIAO_Margine",
];
/** Unit names that are COUNTIF/SUMIF wildcards or operators, quoted, case variants, or very long. */
const AWKWARD_UNITS = [
  "*",
  "?",
  "~",
  "<>",
  "=",
  ">=5",
  "Settore Tecnico (*)",
  "Servizi ~ Cultura",
  'Ufficio "Tributi"',
  "L'Area",
  "Settore 1",
  "SETTORE 1",
  "settore 1",
  "Area * ?",
  `Unità ${"molto lunga ".repeat(30)}`,
];
const NOTES = [
  "N.B. I pesi sono provvisori.",
  "Nota: obiettivi approvati dalla Giunta.",
  "(*) Obiettivo condiviso",
];

export function fuzzWorkbook(seed: number): FuzzCase {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;
  const applied = new Set<Malformation>();
  const wb = new ExcelJS.Workbook();
  const used = new Set<string>();
  const objectives: FuzzCase["objectives"] = [];
  const sheets = 1 + Math.floor(r() * 3);
  const awkward = chance(0.2);
  if (awkward) applied.add("awkwardUnitNames");

  const weird = (): Cell => {
    const k = Math.floor(r() * 6);
    if (k === 0) {
      applied.add("formulaLikeText");
      return pick(FORMULA_LIKE);
    }
    if (k === 1) {
      applied.add("controlChars");
      return `Obiettivo\u0001con\u0007controllo\u000bx\u001f`;
    }
    if (k === 2) {
      applied.add("rightToLeft");
      return pick(RTL);
    }
    if (k === 3) {
      applied.add("errorValues");
      return { error: pick(ERRORS) } as ExcelJS.CellErrorValue;
    }
    return `Obiettivo ${Math.floor(r() * 1000)}`;
  };

  const weight = (): Cell => {
    const k = Math.floor(r() * 9);
    if (k === 0) {
      applied.add("numbersAsText");
      return pick(TEXT_NUMBERS);
    }
    if (k === 1) {
      applied.add("formulaWeights");
      const a = Math.floor(r() * 50);
      return { formula: `${a}+10`, result: a + 10 };
    }
    if (k === 2) {
      applied.add("dateWeights");
      return new Date(Date.UTC(2024, Math.floor(r() * 12), 1 + Math.floor(r() * 28)));
    }
    if (k === 3) {
      applied.add("booleans");
      return chance(0.5);
    }
    if (k === 4) {
      applied.add("errorValues");
      return { error: pick(ERRORS) } as ExcelJS.CellErrorValue;
    }
    return Math.round(r() * 60);
  };

  for (let s = 0; s < sheets; s++) {
    let name = chance(0.3) ? pick(QUOTED_NAMES) : pick(SHEET_NAMES);
    if (QUOTED_NAMES.includes(name)) applied.add("quotedSheetName");
    while (used.has(name.toLowerCase())) name = `${name.slice(0, 28)} ${used.size}`;
    used.add(name.toLowerCase());
    const ws = wb.addWorksheet(name);
    if (chance(0.1)) {
      applied.add("emptySheet");
      continue;
    }
    const top = 1 + Math.floor(r() * 6);
    const left = 1 + Math.floor(r() * 4);
    const put = (row: number, col: number, v: Cell) => (ws.getCell(top + row, left + col).value = v);
    const header = chance(0.15) ? (applied.add("typoHeaders"), TYPO_HEADER) : HEADER;
    if (chance(0.3)) put(0, 0, `Settore ${1 + Math.floor(r() * 4)}`);
    const headerRow = 2;
    header.forEach((h, c) => put(headerRow, c, h));
    if (chance(0.3)) {
      applied.add("mergedHeader");
      ws.mergeCells(top + headerRow, left + 1, top + headerRow, left + 2);
    }
    const rows = 1 + Math.floor(r() * 12);
    let row = headerRow + 1;
    let first = row;
    for (let i = 0; i < rows; i++, row++) {
      if (chance(0.1)) {
        applied.add("repeatedHeader");
        header.forEach((h, c) => put(row, c, h));
        continue;
      }
      if (chance(0.08)) {
        applied.add("blankRows");
        row++;
      }
      if (chance(0.05)) {
        applied.add("notes");
        put(row++, 0, pick(NOTES));
      }
      if (chance(0.05) && row > first) {
        applied.add("totalRows");
        put(row, 0, "Totale");
        put(row, 3, {
          formula: `SUM(${ws.getCell(top + first, left + 3).address}:${ws.getCell(top + row - 1, left + 3).address})`,
        });
        first = ++row;
      }
      put(row, 0, chance(0.8) ? `A.${s + 1}.${i + 1}` : weird());
      put(row, 1, chance(0.6) ? `Obiettivo ${i + 1}` : weird());
      put(row, 2, pick(["I", "O", "UO", 0, 1, "Ind", "x", null]) as Cell);
      put(row, 3, weight());
      put(row, 4, chance(0.7) ? "Indicatore" : weird());
      if (awkward) put(row, 5, pick(AWKWARD_UNITS));
      else if (chance(0.5)) put(row, 5, pick(["Settore 1", "Settore 2", "=Staff", "", "Area"]));
      objectives.push({ sheet: ws.name, row: top + row - 1 });
    }
    if (chance(0.1)) {
      applied.add("legend");
      put(++row, 0, "Legenda");
      put(++row, 0, "I = individuale");
      put(++row, 0, "O = organizzativa");
    }
    if (chance(0.08)) {
      applied.add("hugeCell");
      put(headerRow + 1, 1, "x".repeat(32767));
    }
    if (chance(0.1)) {
      applied.add("columnXFD");
      ws.getCell(top, 16384).value = "fine del foglio";
    }
  }
  collisions(wb, used, objectives, applied, r);
  return { seed, workbook: wb, applied: [...applied], objectives };
}

/** A user's sheet, table or defined name called like one of the add-in's. */
function collisions(
  wb: ExcelJS.Workbook,
  used: Set<string>,
  objectives: FuzzCase["objectives"],
  applied: Set<Malformation>,
  r: () => number,
): void {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  if (r() < 0.15) {
    const name = pick(GENERATED_LIKE);
    if (!used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      applied.add("sheetNameCollision");
      const ws = wb.addWorksheet(name);
      if (r() < 0.6) {
        // The user's own objectives on a sheet with a generated name: a source like any other.
        ws.addRow(["Codice", "Obiettivo", "Tipo", "Peso", "Settore"]);
        const n = 1 + Math.floor(r() * 3);
        for (let i = 0; i < n; i++) {
          ws.addRow([
            `U.${i + 1}`,
            `Obiettivo dell'utente ${i + 1}`,
            "I",
            i === n - 1 ? 100 - 30 * i : 30,
            "Mio settore",
          ]);
          objectives.push({ sheet: name, row: i + 1 });
        }
      } else {
        ws.addRow(["Appunti dell'utente"]);
        if (r() < 0.5) ws.state = "hidden";
      }
    }
  }
  const sheets = wb.worksheets;
  if (r() < 0.12 && sheets.length > 0) {
    const ws = pick(sheets);
    const name = pick(TABLE_LIKE);
    applied.add("tableNameCollision");
    // Far from the objectives: a small table of the user's own.
    ws.addTable({
      name,
      ref: "T60",
      headerRow: true,
      columns: [{ name: "Mio" }, { name: "Valore" }],
      rows: [["x", 1]],
    });
  }
  if (r() < 0.12 && sheets.length > 0) {
    const ws = pick(sheets);
    applied.add("definedNameCollision");
    wb.definedNames.add(`'${ws.name.replace(/'/g, "''")}'!$A$1`, pick(NAME_LIKE));
  }
}
