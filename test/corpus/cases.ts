/**
 * The corpus of messy layouts: each case is a workbook built by `messy.ts` and what the engine must make
 * of it — objectives and weight sum per unit, and every error and warning (code and cell).
 */
import type { TestCell, TestSheet } from "../helpers/workbooks";
import { LEGEND_IT, messySheet, messyTable, office } from "./messy";

export interface CorpusCase {
  name: string;
  sheets: TestSheet[];
  /** [unit, objectives, weight sum], in order. */
  units: [string, number, number][];
  /** Errors and warnings as `CODE Sheet!A1` (or `CODE` without a cell), sorted as the engine sorts them. */
  findings: string[];
  /** Review items as `kind sheet row` (0-based row). */
  review?: string[];
}

const ragioneria = office("Ragioneria", "R", [40, 30, 20, 10]);
const tributi = office("Tributi", "T", [50, 30, 20]);
const personale = office("Personale", "P", [60, 25, 15]);

const typeErrors = (sheet: string, cells: string[]) => cells.map((c) => `TIPO_SCONOSCIUTO ${sheet}!${c}`);

export const CORPUS: CorpusCase[] = [
  {
    // The clerk list: a title, three offices, a blank row between offices, a total at the bottom.
    name: "clerk list with blank rows and a grand total",
    sheets: [
      messySheet("Obiettivi", {
        title: ["Piano degli obiettivi 2024"],
        columns: [
          ["code", "Codice"],
          ["name", "Obiettivo"],
          ["type", "Tipo"],
          ["weight", "Peso"],
          ["indicator", "Indicatore"],
          ["unit", "Ufficio"],
        ],
        offices: [ragioneria, tributi, personale],
        unitBy: "column",
        blankBetween: 1,
        total: { label: "Totale", weight: 300 },
      }),
    ],
    units: [
      ["Ragioneria", 4, 100],
      ["Tributi", 3, 100],
      ["Personale", 3, 100],
    ],
    findings: [],
  },
  {
    name: "a typo in every header",
    sheets: [
      messySheet("Piano", {
        title: ["Obiettivi 2024"],
        columns: [
          ["code", "Cdice"],
          ["name", "Obbiettivo"],
          ["type", "Tipo"],
          ["weight", "Pseo"],
          ["indicator", "Indicatroe"],
          ["unit", "Setore"],
        ],
        offices: [ragioneria, tributi],
        unitBy: "column",
        blankBetween: 1,
      }),
    ],
    units: [
      ["Ragioneria", 4, 100],
      ["Tributi", 3, 100],
    ],
    findings: [
      "INTESTAZIONE_INTERPRETATA Piano!A2",
      "INTESTAZIONE_INTERPRETATA Piano!B2",
      "INTESTAZIONE_INTERPRETATA Piano!D2",
      "INTESTAZIONE_INTERPRETATA Piano!E2",
      "INTESTAZIONE_INTERPRETATA Piano!F2",
    ],
  },
  {
    // The abbreviated table: no type column, so every objective's type is missing (an error).
    name: "Obbiettivi strategici | Respons. | Pesatura, offices under titles",
    sheets: [
      messySheet("Foglio1", {
        columns: [
          ["name", "Obbiettivi strategici"],
          ["manager", "Respons."],
          ["weight", "Pesatura"],
        ],
        offices: [office("Settore 1 Finanze", "S1", [70, 30]), office("Settore 2 Tecnico", "S2", [100])],
        unitBy: "title",
        blankBetween: 1,
      }),
    ],
    units: [
      ["Settore 1 Finanze", 2, 100],
      ["Settore 2 Tecnico", 1, 100],
    ],
    findings: [
      ...typeErrors("Foglio1", ["A3", "A4", "A7"]),
      "INTESTAZIONE_INTERPRETATA Foglio1!A1",
      "INTESTAZIONE_INTERPRETATA Foglio1!B1",
    ],
  },
  {
    name: "blank rows, formula subtotals, a note, a repeated header, a legend and a footer note",
    sheets: [
      messySheet("Performance", {
        title: ["Provincia di Esempio", "Piano della performance 2024-2026"],
        mergeTitle: true,
        columns: [
          ["code", "Codice"],
          ["name", "Denominazione obiettivo"],
          ["type", "Tipologia"],
          ["weight", "Peso (%)"],
          ["indicator", "Indicatore di risultato"],
          ["manager", "Responsabile"],
        ],
        offices: [
          office("Settore 1 Amministrativo", "A", [25, 25, 25, 25]),
          office("Settore 2 Tecnico", "B", [50, 50]),
          office("Staff del Segretario", "C", [10, 20, 30, 40], "OUII"),
        ],
        unitBy: "title",
        blankAfterHeader: 1,
        blankBetween: 2,
        subtotals: "formula",
        noteAfter: [0],
        repeatHeaderBefore: [2],
        legend: LEGEND_IT,
        footer: ["Fonte: delibera di Giunta n. 12 del 30/01/2024"],
      }),
    ],
    units: [
      ["Settore 1 Amministrativo", 4, 100],
      ["Settore 2 Tecnico", 2, 100],
      ["Staff del Segretario", 4, 100],
    ],
    findings: [],
  },
  {
    name: "English headers, a target column, stated subtotals and a wrong grand total",
    sheets: [
      messySheet("Objectives", {
        columns: [
          ["name", "Objective"],
          ["code", "Code"],
          ["type", "Type"],
          ["weight", "Weight %"],
          ["unit", "Department"],
          ["target", "Target"],
        ],
        offices: [office("Finance", "F", [30, 70]), office("Works", "W", [20, 30, 50])],
        unitBy: "column",
        blankBetween: 1,
        subtotals: "stated",
        total: { label: "Total", weight: 150 },
        footer: ["Note: weights approved by the board on 30 January."],
      }),
    ],
    units: [
      ["Finance", 2, 100],
      ["Works", 3, 100],
    ],
    findings: ["TOTALE_DIVERSO Objectives!D10"],
  },
  {
    name: "two tables on one sheet under a merged title",
    sheets: [
      {
        name: "Settori",
        merges: ["A1:D1"],
        rows: [
          ...messyTable({
            title: ["Obiettivi dei settori 2024"],
            columns: [
              ["code", "Codice"],
              ["name", "Obiettivo"],
              ["type", "Tipo"],
              ["weight", "Peso"],
            ],
            offices: [office("Settore 1", "S1", [60, 40])],
            unitBy: "title",
          }),
          [],
          [],
          ...messyTable(
            {
              columns: [
                ["code", "Cod."],
                ["name", "Obiettivo operativo"],
                ["weight", "Peso ponderale"],
                ["type", "Ind/Org/ UO"],
              ],
              offices: [office("Settore 2", "S2", [100])],
              unitBy: "title",
            },
            { row: 7, col: 0 },
          ),
        ] as TestCell[][],
      },
    ],
    units: [
      ["Settore 1", 2, 100],
      ["Settore 2", 1, 100],
    ],
    findings: [],
  },
  {
    name: "an ignored row inside the table and a stray block after it",
    sheets: [
      {
        name: "Area",
        rows: [
          ["Codice", "Obiettivo", "Tipo", "Peso"],
          ["A.1", "Uno", "I", 50],
          [null, null, "I", 20],
          ["A.2", "Due", "O", 50],
          [],
          [null, null, null, null, null, "Visto:", "Il Segretario generale"],
        ],
      },
    ],
    units: [["Area", 2, 100]],
    findings: ["RIGA_IGNORATA Area!C3", "RIGA_IGNORATA Area!F6"],
    review: ["unit Area"],
  },
  {
    name: "an ambiguous header becomes a review item",
    sheets: [
      {
        name: "Staff",
        rows: [
          ["Codice", "Obiettivo", "Tipo", "Peso", "Dir."],
          ["A.1", "Uno", "I", 60, "Dott. Rossi"],
          ["A.2", "Due", "O", 40, "Dott. Rossi"],
        ],
      },
    ],
    units: [["Staff", 2, 100]],
    findings: ["INTESTAZIONE_AMBIGUA Staff!E1"],
    review: ["unit Staff", "column Staff 0"],
  },
  {
    name: "a table nothing can read ends in a warning, not an all-clear",
    sheets: [
      {
        name: "Attività",
        rows: [
          ["Elenco attività 2024"],
          ["Descr. attività", "Punteggio", "Categ.", "Resp."],
          ["Protocollo", 10, "A", "Rossi"],
          ["Archivio", 20, "B", "Bianchi"],
        ],
      },
    ],
    units: [],
    findings: ["NESSUN_CONTENUTO_PIAO", "TABELLA_NON_RICONOSCIUTA Attività!A2"],
  },
];
