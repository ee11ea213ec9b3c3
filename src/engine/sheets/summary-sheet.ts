/** `PIAO Riepilogo`: key figures as formulas over the generated tables (objectives part). */
import { OBJECTIVE_COLUMNS as C, SHEETS, TABLES } from "../contract";
import { SEVERITY_LABEL, type Lang } from "../findings";
import { emptySheet, type PlanValue, type SheetPlan } from "../plan";
import { STYLE, tableColumn } from "./layout";

export function summarySheet(lang: Lang, source: string): SheetPlan {
  const sheet = emptySheet(SHEETS.summary);
  sheet.tabColor = "#548235";
  const sev = SEVERITY_LABEL[lang];
  const rows: [string, PlanValue][] = [
    ["Obiettivi", { f: `=COUNTA(${tableColumn(TABLES.objectives, C.unit)})` }],
    ["Unità organizzative", { f: `=COUNTA(${tableColumn(TABLES.weights, "Unità")})` }],
    ["Unità con somma pesi corretta", { f: `=COUNTIF(${tableColumn(TABLES.weights, "Esito")},"OK")` }],
    ["Unità con errori nei pesi", { f: `=COUNTIF(${tableColumn(TABLES.weights, "Esito")},"ERRORE")` }],
    ["Obiettivi cancello (peso 0)", { f: `=COUNTIF(${tableColumn(TABLES.objectives, C.weight)},0)` }],
    ["Segnalazioni: errori", { f: `=COUNTIF(${tableColumn(TABLES.findings, "Gravità")},"${sev.error}")` }],
    ["Segnalazioni: avvisi", { f: `=COUNTIF(${tableColumn(TABLES.findings, "Gravità")},"${sev.warning}")` }],
    [
      "Segnalazioni: informazioni",
      { f: `=COUNTIF(${tableColumn(TABLES.findings, "Gravità")},"${sev.info}")` },
    ],
  ];
  sheet.blocks.push(
    { at: "A1", rows: [["PIAO Sheets – Riepilogo"]], style: STYLE.title },
    { at: "A2", rows: [[`Generato da PIAO Sheets a partire da: ${source}`]], style: STYLE.note },
    { at: "A4", rows: [["Obiettivi di performance"]], style: STYLE.label },
    { at: "A5", rows },
  );
  sheet.columnWidths = [
    { col: 0, width: 40 },
    { col: 1, width: 16 },
  ];
  return sheet;
}
