/**
 * Hand-written inputs shared by the adapter tests and the contract tests: a small plan that uses every
 * element of a WorkbookPlan, and user sheets to seed a workbook with.
 */

import { type SheetPlan, type WorkbookPlan, emptySheet } from "../../src/engine/core/plan";
import type { FakeSheetSeed } from "./fake-export";

export function planSheet(name: string, patch: Partial<SheetPlan>): SheetPlan {
  return { ...emptySheet(name), ...patch };
}

/** Every kind of plan element, including text that starts like a formula (=, -, @). */
export function smallPlan(): WorkbookPlan {
  return {
    sheets: [
      planSheet("PIAO Dati", {
        tabColor: "#1F4E79",
        blocks: [
          {
            at: "A1",
            rows: [["Codice", "Descrizione", "Peso", "Valore", "Totale"]],
            style: { bold: true, fill: "#DDEBF7", align: "right", borderBottom: "#1F3864" },
          },
          {
            at: "A2",
            rows: [
              ["OB1", "=1+1", 0.3, 10, { f: "=C2*D2" }],
              ["OB2", "-note", 0.5, 20, { f: "=C3*D3" }],
              ["OB3", "@x", 0.2, 30, { f: "=C4*D4" }],
            ],
            columnFormats: [null, null, "0%", "#,##0.00", "#,##0.00"],
          },
          { at: "G1", rows: [["Nota unita", null]] },
          // A service cell on a hidden row, and text styled as a link (colour and underline).
          { at: "G3", rows: [["Calcolo di servizio", { f: "=SUM(C2:C4)" }]] },
          { at: "G4", rows: [["'PIAO Parametri'!A1"]] },
        ],
        hiddenRows: [2],
        rangeStyles: [
          { range: "D2:D4", style: { fill: "#FFF2CC" } },
          { range: "G4", style: { fontColor: "#0563C1", underline: true } },
        ],
        columnWidths: [{ col: 1, width: 40 }],
        frozen: { rows: 1, cols: 0 },
        merges: ["G1:H1"],
        tables: [{ name: "PIAO_Obiettivi", ref: "A1:E4", style: "TableStyleMedium2" }],
        validations: [
          { range: "A2:A4", type: "list", values: ["OB1", "OB2", "OB3"], allowBlank: true },
          {
            range: "C2:C4",
            type: "decimal",
            min: 0,
            max: 1,
            allowBlank: false,
            prompt: "Peso tra 0 e 1",
            error: "Il peso deve essere tra 0 e 1",
          },
        ],
        conditionalFormats: [
          { range: "D2:D4", formula: "=$D2>15", style: { fill: "#FFC7CE", fontColor: "#9C0006" } },
        ],
        protection: { unlocked: ["D2:D4"] },
      }),
      planSheet("PIAO Parametri", {
        blocks: [
          {
            at: "A1",
            rows: [
              ["Parametro", "Valore"],
              ["Soglia", 0.25],
            ],
          },
        ],
        charts: [
          {
            type: "column",
            title: "Valori per obiettivo",
            at: "D2",
            widthCols: 6,
            heightRows: 12,
            series: [
              { name: "Valore", categories: "'PIAO Dati'!$A$2:$A$4", values: "'PIAO Dati'!$D$2:$D$4" },
              { name: "Totale", categories: "'PIAO Dati'!$A$2:$A$4", values: "'PIAO Dati'!$E$2:$E$4" },
            ],
            valueAxis: { min: 0, numberFormat: "0%" },
          },
        ],
      }),
    ],
    names: [{ name: "PIAO_Soglia", ref: "'PIAO Parametri'!$B$2" }],
    activeSheet: "PIAO Parametri",
  };
}

/** `n` user sheets with values, formulas and percent formats. */
export function userSheets(n: number): FakeSheetSeed[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `Settore ${i + 1}`,
    values: [
      ["Obiettivo", "Peso", "Totale"],
      ["Ridurre i tempi", 0.4, 0.8],
      ["Digitalizzare", 0.6, 1.2],
    ],
    formulas: [
      [null, null, null],
      [null, null, "=B2*2"],
      [null, null, "=B3*2"],
    ],
    numberFormats: [
      [null, null, null],
      [null, "0%", null],
      [null, "0%", null],
    ],
  }));
}
