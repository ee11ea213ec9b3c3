/**
 * The three tables of `PIAO Spesa personale` that plan the triennium: `PIAO_Triennio` (one row per plan year,
 * all formulas except the revenue growth of the later years), `PIAO_PianoAssunzioni` (hires typed by the
 * finance office, their cost looked up in `PIAO_CostiAree`) and `PIAO_Cessazioni` (departures, their saving
 * likewise). The reference computation of the same is `projection.ts`.
 */
import { cellAddress } from "../core/address";
import {
  AREA_COST_COLUMNS as AC,
  DEPARTURE_COLUMNS as DC,
  HIRING_COLUMNS as HC,
  SPENDING_NAMES as N,
  TABLES,
  TRIENNIUM_COLUMNS as TC,
} from "../core/contract";
import { FORMAT, tableBlock, tableColumn } from "../core/layout";
import type { PlanValue, SheetPlan } from "../core/plan";
import {
  OUTCOME_TEXT,
  YEAR_OUTCOME_TEXT,
  type PlannedDeparture,
  type PlannedHire,
  type SpendingInputs,
} from "./compute";
import { AREA_COSTS } from "./costs";
import { increaseCount, increaseRateOf, notNum, restiOrZero } from "./outputs";
import { PLAN_YEARS } from "./projection";

/** Structured reference to a column in the formula's own row, e.g. `PIAO_Cessazioni[[#This Row],[Numero]]`. */
export const thisRow = (table: string, col: string) =>
  `${table}[[#This Row],[${col.replace(/['[\]#]/g, "'$&")}]]`;

/** Rows of the hiring plan and departures tables: those found or typed, plus empty ones to type into. */
export const PLAN_ROWS = 10;

const TRI: string[] = Object.values(TC);
const HIRE: string[] = Object.values(HC);
const DEP: string[] = Object.values(DC);

const f = (formula: string): PlanValue => ({ f: formula });

/** Annual cost of an area (art. 33 aggregate, without IRAP) for the area in this row of `table`. */
const costOf = (table: string, area: string) =>
  `=IF(${thisRow(table, area)}="","",IFERROR(INDEX(${tableColumn(TABLES.areaCosts, AC.cost)},MATCH(${thisRow(table, area)},${tableColumn(TABLES.areaCosts, AC.area)},0)),""))`;

/** Cost in the year (months / 12, blank months = 12) and full annual cost of a row. */
const inYear = (table: string, count: string, cost: string, months: string) => {
  const [n, c, m] = [thisRow(table, count), thisRow(table, cost), thisRow(table, months)];
  return `=IF(OR(${c}="",${notNum(n)}),"",ROUND(${n}*${c}*IF(ISNUMBER(${m}),${m},12)/12,2))`;
};
const full = (table: string, count: string, cost: string) => {
  const [n, c] = [thisRow(table, count), thisRow(table, cost)];
  return `=IF(OR(${c}="",${notNum(n)}),"",ROUND(${n}*${c},2))`;
};

/** Input columns of `PIAO_PianoAssunzioni` and `PIAO_Cessazioni` (the others are formulas), in table order. */
export const HIRE_INPUTS: string[] = [HC.year, HC.area, HC.profile, HC.count, HC.months, HC.mode];
export const DEPARTURE_INPUTS: string[] = [DC.year, DC.area, DC.count, DC.months];

/**
 * The input cells of each row of the hiring plan and the departures: the source's, and on a re-run what the
 * user typed (formulas stay formulas, text stays text; `carryover.ts`).
 */
export interface PlanRows {
  hires: PlanValue[][];
  departures: PlanValue[][];
  /** `Crescita entrate` of plan years 2 and 3 as typed in a previous run (default: the inputs' numbers). */
  growth?: PlanValue[];
}

export const hireInputs = (h: PlannedHire): PlanValue[] => [
  h.year,
  h.area,
  h.profile,
  h.count,
  h.months,
  h.mode,
];
export const departureInputs = (d: PlannedDeparture): PlanValue[] => [d.year, d.area, d.count, d.months];

export const planRowsOf = (i: SpendingInputs): PlanRows => ({
  hires: i.hires.map(hireInputs),
  departures: i.departures.map(departureInputs),
});

function hireRow(inputs: PlanValue[] | null): PlanValue[] {
  const t = TABLES.hiringPlan;
  return [
    ...(inputs ?? HIRE_INPUTS.map(() => null)),
    f(costOf(t, HC.area)),
    f(inYear(t, HC.count, HC.annualCost, HC.months)),
    f(full(t, HC.count, HC.annualCost)),
  ];
}

function departureRow(inputs: PlanValue[] | null): PlanValue[] {
  const t = TABLES.departures;
  const cost = costOf(t, DC.area).slice(1);
  const [n, m] = [thisRow(t, DC.count), thisRow(t, DC.months)];
  return [
    ...(inputs ?? DEPARTURE_INPUTS.map(() => null)),
    f(`=IF(OR(${cost}="",${notNum(n)}),"",ROUND(${n}*${cost}*IF(ISNUMBER(${m}),${m},12)/12,2))`),
    f(`=IF(OR(${cost}="",${notNum(n)}),"",ROUND(${n}*${cost},2))`),
  ];
}

/** Formulas of plan year k (0-based) in 0-based sheet row r: A1 references to its own row and the one above. */
function yearRow(k: number, r: number, growth: readonly PlanValue[]): PlanValue[] {
  const c = (name: string, row = r) => cellAddress(row, TRI.indexOf(name));
  const [A, B, C, D, E, F, H, G, I, L] = [
    TC.year,
    TC.growth,
    TC.netRevenue,
    TC.spending,
    TC.departures,
    TC.hires,
    TC.threshold,
    TC.capState,
    TC.yearLimit,
    TC.code,
  ].map((x) => c(x));
  const prev = (name: string) => c(name, r - 1);
  const sumIf = (table: string, col: string, year: string) =>
    `SUMIFS(${tableColumn(table, col)},${tableColumn(table, table === TABLES.hiringPlan ? HC.year : DC.year)},${year})`;
  const revenue =
    k === 0
      ? `=IF(${N.netRevenue}="","",${N.netRevenue})`
      : `=IF(${prev(TC.netRevenue)}="","",ROUND(${prev(TC.netRevenue)}*(1+N(${B})),2))`;
  const spending =
    k === 0
      ? `=IF(${notNum(N.spending)},"",${N.spending})`
      : `=IF(${prev(TC.spending)}="","",ROUND(${prev(TC.spending)}+${sumIf(TABLES.hiringPlan, HC.fullCost, prev(TC.year))}-${sumIf(TABLES.departures, DC.fullSaving, prev(TC.year))},2))`;
  const after = `(${D}-${E}+${F})`;
  const max = `ROUND(${H}*${C},2)`;
  const allowed =
    `IF(${L}="TRA",${D},IF(${L}="SOPRA",IF(${N.returnThreshold}="",${max},ROUND(${N.returnThreshold}*${C},2)),` +
    `IF(${I}="",${max},MIN(${max},${I}))))`;
  const text = (code: keyof typeof YEAR_OUTCOME_TEXT) => `"${YEAR_OUTCOME_TEXT[code]}"`;
  return [
    f(`=IF(${notNum(N.year)},"",${N.year}+${k})`),
    k === 0 ? null : growth[k - 1],
    f(revenue),
    f(spending),
    f(`=IF(${A}="",0,${sumIf(TABLES.departures, DC.saving, A)})`),
    f(`=IF(${A}="",0,${sumIf(TABLES.hiringPlan, HC.yearCost, A)})`),
    f(`=IF(OR(${C}="",${D}="",${H}=""),"",IF(${C}<=0,"",${after}/${C}))`),
    f(`=IF(${N.threshold}="","",${N.threshold})`),
    f(
      `=IF(OR(${N.band}="",${A}=""),"",IF(${increaseCount(A)}=0,"non previsto",IF(${notNum(N.baseSpending)},"non verificabile","applicato")))`,
    ),
    f(`=IF(${G}<>"applicato","",MAX(ROUND(${N.baseSpending}*(1+${increaseRateOf(A)}),2),${restiOrZero}))`),
    f(`=IF(OR(${L}="",${L}="ENTRATE"),"",ROUND(${allowed}-${after},2))`),
    f(
      `=IF(${C}="","",IF(${C}<=0,"ENTRATE",IF(OR(${D}="",${H}=""),"",IF(${D}/${C}<=${H},"SOTTO",IF(AND(${N.returnThreshold}<>"",${D}/${C}<=${N.returnThreshold}),"TRA","SOPRA")))))`,
    ),
    f(
      `=IF(${L}="","",IF(${L}="SOTTO",${text("SOTTO")},IF(${L}="TRA",${text("TRA")},IF(${L}="SOPRA",${text("SOPRA")},${text("ENTRATE")})))` +
        `&IF(${G}="non verificabile","${OUTCOME_TEXT.provisionalShort}",""))`,
    ),
  ];
}

export interface PlanTablesLayout {
  /** 0-based row of the triennium table's header. */
  trienniumAt: number;
  hiringAt: number;
  departuresAt: number;
  /** Last 0-based row used. */
  end: number;
}

export function planTablesLayout(first: number, rows: PlanRows): PlanTablesLayout {
  const trienniumAt = first + 1;
  const hiringAt = trienniumAt + PLAN_YEARS + 3;
  const departuresAt = hiringAt + Math.max(PLAN_ROWS, rows.hires.length + 1) + 3;
  return {
    trienniumAt,
    hiringAt,
    departuresAt,
    end: departuresAt + Math.max(PLAN_ROWS, rows.departures.length + 1),
  };
}

const title = (sheet: SheetPlan, row: number, text: string) =>
  sheet.blocks.push({ at: `A${row}`, rows: [[text]], style: { bold: true } });

/**
 * Writes the three tables from 0-based row `first` (`rows`: the hiring plan's and departures' input cells);
 * returns their layout and the ranges the user types into.
 */
export function writePlanTables(
  sheet: SheetPlan,
  first: number,
  i: SpendingInputs,
  rows: PlanRows,
): { layout: PlanTablesLayout; unlocked: string[] } {
  const L = planTablesLayout(first, rows);
  title(sheet, L.trienniumAt, "Triennio del piano: spesa proiettata con assunzioni e cessazioni del piano");
  const growth = rows.growth ?? i.growth;
  const years = Array.from({ length: PLAN_YEARS }, (_, k) => yearRow(k, L.trienniumAt + 1 + k, growth));
  const money = FORMAT.money;
  tableBlock(sheet, TABLES.triennium, { row: L.trienniumAt, col: 0 }, TRI, years, [
    "0",
    FORMAT.percent2,
    money,
    money,
    money,
    money,
    FORMAT.percent2,
    FORMAT.percent2,
    null,
    money,
    money,
    null,
    null,
  ]);
  title(
    sheet,
    L.hiringAt,
    "Piano delle assunzioni (il costo annuo si legge da PIAO_CostiAree, foglio PIAO Parametri)",
  );
  const hires = [
    ...rows.hires,
    ...Array<null>(Math.max(PLAN_ROWS, rows.hires.length + 1) - rows.hires.length).fill(null),
  ];
  tableBlock(sheet, TABLES.hiringPlan, { row: L.hiringAt, col: 0 }, HIRE, hires.map(hireRow), [
    "0",
    null,
    null,
    "0",
    "0",
    null,
    money,
    money,
    money,
  ]);
  title(sheet, L.departuresAt, "Cessazioni previste (il risparmio usa il costo dell'area; mesi vuoti = 12)");
  const deps = [
    ...rows.departures,
    ...Array<null>(Math.max(PLAN_ROWS, rows.departures.length + 1) - rows.departures.length).fill(null),
  ];
  tableBlock(sheet, TABLES.departures, { row: L.departuresAt, col: 0 }, DEP, deps.map(departureRow), [
    "0",
    null,
    "0",
    "0",
    money,
    money,
  ]);
  const areas = AREA_COSTS.map((a) => a.area);
  // Texts that formulas or drop-downs put in a column are unknown to the fitting of widths from content
  // (core/columns): the longest of them sets the column's width.
  const longest = (texts: string[]) => Math.max(...texts.map((t) => t.length)) + 2;
  const yearTexts = Object.values(YEAR_OUTCOME_TEXT).map((t) => t + OUTCOME_TEXT.provisionalShort);
  sheet.columnWidths.push(
    { col: TRI.indexOf(TC.capState), width: longest(["non verificabile", "non previsto"]) },
    { col: TRI.indexOf(TC.outcome), width: longest(yearTexts) },
    { col: HIRE.indexOf(HC.area), width: longest(areas) },
  );
  const span = (at: number, n: number, from: number, to: number) =>
    `${cellAddress(at + 1, from)}:${cellAddress(at + n, to)}`;
  const nHires = hires.length;
  const nDeps = deps.length;
  sheet.validations.push(
    {
      range: span(L.hiringAt, nHires, 1, 1),
      type: "list",
      values: areas,
      allowBlank: true,
      error: "Scegliere un'area del CCNL.",
    },
    {
      range: span(L.departuresAt, nDeps, 1, 1),
      type: "list",
      values: areas,
      allowBlank: true,
      error: "Scegliere un'area del CCNL.",
    },
    {
      range: span(L.hiringAt, nHires, 4, 4),
      type: "whole",
      min: 1,
      max: 12,
      allowBlank: true,
      error: "Mesi da 1 a 12.",
    },
    {
      range: span(L.departuresAt, nDeps, 3, 3),
      type: "whole",
      min: 1,
      max: 12,
      allowBlank: true,
      error: "Mesi da 1 a 12.",
    },
  );
  const unlocked = [
    span(L.trienniumAt + 1, PLAN_YEARS - 1, 1, 1),
    span(L.hiringAt, nHires, 0, 5),
    span(L.departuresAt, nDeps, 0, 3),
  ];
  return { layout: L, unlocked };
}
