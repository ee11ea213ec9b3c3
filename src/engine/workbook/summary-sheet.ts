/**
 * `PIAO Riepilogo`: key figures as formulas over the generated tables and names, and charts: weight sums
 * per unit; staff spending against maximum spending, and the ratio against the threshold.
 */
import { OBJECTIVE_COLUMNS as C, SHEETS, SPENDING_NAMES, TABLES } from "../core/contract";
import { SEVERITY_LABEL } from "../core/findings";
import type { Lang } from "../core/i18n";
import { emptySheet, type ChartPlan, type PlanValue, type SheetPlan } from "../core/plan";
import { STYLE, tableColumn } from "../core/layout";

const money = '#,##0.00 "€"';
const ifNumber = (name: string): PlanValue => ({ f: `=IF(ISNUMBER(${name}),${name},"")` });

export function summarySheet(
  lang: Lang,
  source: string,
  units: number,
  extraCharts: ChartPlan[] = [],
): SheetPlan {
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
    { at: "A15", rows: [["Spesa di personale (art. 33 D.L. 34/2019)"]], style: STYLE.label },
    {
      at: "A16",
      rows: [
        ["Spesa di personale", ifNumber(SPENDING_NAMES.spending)],
        ["Spesa massima", ifNumber(SPENDING_NAMES.maxSpending)],
        ["Limite annuo applicato (incremento o resti)", ifNumber(SPENDING_NAMES.yearLimit)],
        ["Margine", ifNumber(SPENDING_NAMES.margin)],
      ],
      columnFormats: [null, money],
    },
    {
      at: "A20",
      rows: [
        ["Rapporto spesa / entrate nette", ifNumber(SPENDING_NAMES.ratio)],
        ["Valore soglia", ifNumber(SPENDING_NAMES.threshold)],
      ],
      columnFormats: [null, "0.00%"],
    },
    {
      at: "A22",
      rows: [
        ["Esito", { f: `=${SPENDING_NAMES.outcome}&""` }],
        ["Condizioni per assumere", { f: `=${SPENDING_NAMES.conditions}&""` }],
      ],
    },
  );
  const S = (a: string) => `'${SHEETS.summary}'!${a}`;
  const lastUnit = Math.max(units, 1) + 1;
  sheet.charts.push(
    {
      type: "column",
      title: "Somma dei pesi per unità",
      at: "D4",
      widthCols: 8,
      heightRows: 14,
      series: [
        {
          name: "Somma pesi",
          categories: `'${SHEETS.weights}'!$A$2:$A$${lastUnit}`,
          values: `'${SHEETS.weights}'!$D$2:$D$${lastUnit}`,
        },
      ],
    },
    {
      type: "bar",
      title: "Spesa di personale e spesa massima",
      at: "D19",
      widthCols: 8,
      heightRows: 12,
      series: [{ name: "Euro", categories: S("$A$16:$A$18"), values: S("$B$16:$B$18") }],
    },
    {
      type: "bar",
      title: "Rapporto spesa / entrate e valore soglia",
      at: "D32",
      widthCols: 8,
      heightRows: 10,
      series: [{ name: "Percentuale", categories: S("$A$20:$A$21"), values: S("$B$20:$B$21") }],
    },
    ...extraCharts,
  );
  sheet.columnWidths = [
    { col: 0, width: 40 },
    { col: 1, width: 20 },
  ];
  return sheet;
}
