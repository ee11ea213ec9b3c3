/**
 * `PIAO Riepilogo`: key figures as formulas over the generated tables and names, and charts: weight sums
 * per unit; staff spending against maximum spending, and the ratio against the threshold; the indicator
 * trends. A chart is planned only when its series hold at least one number at conversion time, with only
 * the categories that have one; otherwise one line says where to enter the values. Value axes start at
 * zero and read in the figures' own format (€, %, plain).
 */
import {
  MEASURE_COLUMNS as MC,
  OBJECTIVE_COLUMNS as C,
  SHEETS,
  SPENDING_NAMES,
  TABLES,
} from "../core/contract";
import { SEVERITY_LABEL } from "../core/findings";
import type { Lang } from "../core/i18n";
import { emptySheet, type ChartPlan, type PlanValue, type SheetPlan } from "../core/plan";
import { wrappedHeight } from "../core/columns";
import { FORMAT, STYLE, tableColumn } from "../core/layout";

const UNLINKED_MEASURES = "Misure non collegate a un obiettivo";
/** Sheet row of the first objectives figure. */
const FIGURES_ROW = 5;

/** Width of the value column B, in characters. */
const VALUE_WIDTH = 24;
const ifNumber = (name: string): PlanValue => ({ f: `=IF(ISNUMBER(${name}),${name},"")` });

/** A labelled figure; `value` is what the engine computed (null: not computable from what was found). */
interface Figure {
  label: string;
  name: string;
  value: number | null;
}

export interface SummaryInput {
  lang: Lang;
  /** File name or workbook title. */
  source: string;
  units: number;
  spending: {
    spending: number | null;
    maxSpending: number | null;
    yearLimit: number | null;
    ratio: number | null;
    threshold: number | null;
  };
  /** Every text the spending outcome (`SPENDING_NAMES.outcome`) can show: its row is tall enough for the longest. */
  outcomeTexts: string[];
  /** How many indicators were found, and their charts (only those with values). */
  indicators: number;
  indicatorCharts: ChartPlan[];
}

/** Figures with a number first, so that a chart covers one contiguous range of them. */
const numbersFirst = (figures: Figure[]) => [
  ...figures.filter((f) => f.value !== null),
  ...figures.filter((f) => f.value === null),
];

export function summarySheet(input: SummaryInput): SheetPlan {
  const sheet = emptySheet(SHEETS.summary);
  sheet.tabColor = "#548235";
  const sev = SEVERITY_LABEL[input.lang];
  // Informational findings may be gathered in one row of PIAO Verifica: `Casi` says how many it stands for.
  const cases = (label: string) =>
    `=SUMIF(${tableColumn(TABLES.findings, "Gravità")},"${label}",${tableColumn(TABLES.findings, "Casi")})`;
  const rows: [string, PlanValue][] = [
    ["Obiettivi", { f: `=COUNTA(${tableColumn(TABLES.objectives, C.unit)})` }],
    ["Unità organizzative", { f: `=COUNTA(${tableColumn(TABLES.weights, "Unità")})` }],
    ["Unità con somma pesi corretta", { f: `=COUNTIF(${tableColumn(TABLES.weights, "Esito")},"OK")` }],
    ["Unità con errori nei pesi", { f: `=COUNTIF(${tableColumn(TABLES.weights, "Esito")},"ERRORE")` }],
    ["Obiettivi cancello (peso 0)", { f: `=COUNTIF(${tableColumn(TABLES.objectives, C.weight)},0)` }],
    // A measure row counts for an objective only through its `Riga obiettivo`: a row typed in Excel without
    // that formula, or with a unit and code no objective has, counts for none. Said here, in red.
    [
      UNLINKED_MEASURES,
      {
        f: `=COUNTA(${tableColumn(TABLES.measures, MC.code)})-COUNTIF(${tableColumn(TABLES.measures, MC.objectiveRow)},">0")`,
      },
    ],
    ["Segnalazioni: errori", { f: cases(sev.error) }],
    ["Segnalazioni: avvisi", { f: cases(sev.warning) }],
    ["Segnalazioni: informazioni", { f: cases(sev.info) }],
  ];
  const unlinked = `B${FIGURES_ROW + rows.findIndex(([label]) => label === UNLINKED_MEASURES)}`;
  sheet.conditionalFormats.push({ range: unlinked, formula: `=${unlinked}>0`, style: STYLE.error });
  const sp = input.spending;
  const money = numbersFirst([
    { label: "Spesa di personale", name: SPENDING_NAMES.spending, value: sp.spending },
    { label: "Spesa massima", name: SPENDING_NAMES.maxSpending, value: sp.maxSpending },
    {
      label: "Limite annuo applicato (incremento o resti)",
      name: SPENDING_NAMES.yearLimit,
      value: sp.yearLimit,
    },
  ]);
  const ratio = numbersFirst([
    { label: "Rapporto spesa / entrate nette", name: SPENDING_NAMES.ratio, value: sp.ratio },
    { label: "Valore soglia", name: SPENDING_NAMES.threshold, value: sp.threshold },
  ]);
  const figureRows = (fs: Figure[]) => fs.map((f): PlanValue[] => [f.label, ifNumber(f.name)]);
  sheet.blocks.push(
    { at: "A1", rows: [["PIAO Sheets – Riepilogo"]], style: STYLE.title },
    { at: "A2", rows: [[`Generato da PIAO Sheets a partire da: ${input.source}`]], style: STYLE.note },
    { at: "A4", rows: [["Obiettivi di performance"]], style: STYLE.label },
    { at: `A${FIGURES_ROW}`, rows },
    { at: "A15", rows: [["Spesa di personale (art. 33 D.L. 34/2019)"]], style: STYLE.label },
    {
      at: "A16",
      rows: [...figureRows(money), ["Margine", ifNumber(SPENDING_NAMES.margin)]],
      columnFormats: [null, FORMAT.money],
    },
    { at: "A20", rows: figureRows(ratio), columnFormats: [null, FORMAT.percent2] },
    {
      at: "A22",
      rows: [
        ["Esito", { f: `=${SPENDING_NAMES.outcome}&""` }],
        ["Condizioni per assumere", { f: `=${SPENDING_NAMES.conditions}&""` }],
      ],
    },
  );
  // The outcome is a formula: its row is as tall as the longest outcome text needs in column B.
  sheet.rangeStyles.push({ range: "B22", style: { wrap: true } });
  sheet.rowHeights.push({ row: 21, height: wrappedHeight(input.outcomeTexts, VALUE_WIDTH) });

  const S = (a: string) => `'${SHEETS.summary}'!${a}`;
  const lastUnit = input.units + 1;
  if (input.units > 0)
    sheet.charts.push({
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
      valueAxis: { min: 0, numberFormat: "#,##0" },
    });
  const withMoney = money.filter((f) => f.value !== null).length;
  if (withMoney > 0)
    sheet.charts.push({
      type: "bar",
      title: "Spesa di personale e spesa massima",
      at: "D19",
      widthCols: 8,
      heightRows: 12,
      series: [
        {
          name: "Euro",
          categories: S(`$A$16:$A$${15 + withMoney}`),
          values: S(`$B$16:$B$${15 + withMoney}`),
        },
      ],
      valueAxis: { min: 0, numberFormat: '#,##0 "€"' },
    });
  const withRatio = ratio.filter((f) => f.value !== null).length;
  if (withRatio > 0)
    sheet.charts.push({
      type: "bar",
      title: "Rapporto spesa / entrate e valore soglia",
      at: "D32",
      widthCols: 8,
      heightRows: 10,
      series: [
        {
          name: "Percentuale",
          categories: S(`$A$20:$A$${19 + withRatio}`),
          values: S(`$B$20:$B$${19 + withRatio}`),
        },
      ],
      valueAxis: { min: 0, numberFormat: "0%" },
    });
  sheet.charts.push(...input.indicatorCharts);

  // Where to enter the values a missing chart needs, one line each.
  const missing: string[] = [];
  if (withMoney + withRatio === 0)
    missing.push("Spesa senza dati: compilare le celle gialle di PIAO Spesa personale e rieseguire.");
  if (input.indicators > 0 && input.indicatorCharts.length === 0)
    missing.push("Indicatori senza valori: inserirli in PIAO Indicatori e rieseguire.");
  if (missing.length > 0) sheet.blocks.push({ at: "A24", rows: missing.map((m) => [m]), style: STYLE.note });
  sheet.columnWidths = [
    { col: 0, width: 42 },
    { col: 1, width: VALUE_WIDTH },
  ];
  return sheet;
}
