/** `PIAO Obiettivi` (table `PIAO_Obiettivi`): one row per objective per unit, with monitoring inputs. */
import { columnLetters, sheetCellRef } from "../core/address";
import {
  actionsHeader,
  COLUMN_NAMES,
  objectiveHeaders,
  OBJECTIVE_COLUMNS as C,
  SCORING_NAMES,
  SHEETS,
  TABLES,
} from "../core/contract";
import type { Objective } from "./model";
import { emptySheet, linkTo, type FormulaValue, type PlanValue, type SheetPlan } from "../core/plan";
import type { Scalar } from "../core/snapshot";
import { withOccurrence } from "../core/carryover";
import { columnRange, FORMAT, numbersWhere, perRow, STYLE, tableBlock } from "../core/layout";

/**
 * What the user typed into a previous run's row, by unit + code + occurrence: the input columns (a typed
 * formula stays a formula) and the columns they added to the table, by header.
 */
export interface MonitoringInput {
  sep: PlanValue;
  dec: PlanValue;
  /** The value `Raggiungimento 31/12` showed (a typed formula's result), for the measures' summary. */
  decValue: Scalar;
  reason: PlanValue;
  /** `Peso` and `Tipo` as the previous sheet showed them: the source wins, a difference is warned. */
  weight: Scalar;
  type: Scalar;
  extra: Map<string, PlanValue>;
}

export function objectiveKey(unit: string, code: string, name: string): string {
  return `${unit}\u0000${code || name}`;
}

/** The keys of this run's objectives, aligned with them: unit + code (or name) + occurrence. */
export function objectiveKeys(objectives: Objective[]): string[] {
  return withOccurrence(objectives.map((o) => objectiveKey(o.unit, o.code, o.name)));
}

/** Whether `PIAO_Obiettivi` has this header because the add-in wrote it (any other is the user's). */
export function isGeneratedHeader(h: string): boolean {
  return (Object.values(C) as string[]).includes(h) || /^Azioni \d{4}$/.test(h);
}

export interface ObjectivesLayout {
  headers: string[];
  col: Record<keyof typeof C, number>;
  yearCols: { year: number; col: number }[];
  rows: number;
}

export function objectivesLayout(years: number[], rows: number): ObjectivesLayout {
  const headers = objectiveHeaders(years);
  const col = Object.fromEntries(Object.entries(C).map(([k, h]) => [k, headers.indexOf(h)])) as Record<
    keyof typeof C,
    number
  >;
  return {
    headers,
    col,
    yearCols: years.map((year) => ({ year, col: headers.indexOf(actionsHeader(year)) })),
    rows,
  };
}

const N = COLUMN_NAMES;

/** The columns of the add-in's formulas (a value typed over one is archived on a re-run, carryover.ts). */
export const FORMULA_COLUMNS = ["calculatedSep", "calculatedDec", "scoreDec"] as const;

/**
 * `Raggiungimento calcolato`: the measure-weighted mean of the objective's rows in `PIAO_Misure`, those whose
 * `Riga obiettivo` is this row (matched there by exact unit and code), empty until each of them has an
 * achievement (reference: measures/rules.ts `objectiveAchievement`). The same text on every row: the columns
 * are read through their names (COLUMN_NAMES), so the file stores it once.
 */
function calculatedFormula(points: string): string {
  const rows = N.measureObjectiveRow.name;
  const mine = `${rows},ROW()`;
  const weights = `SUMIFS(${N.measureUsedWeight.name},${mine})`;
  // Fewer achievements than measures, or no measure at all (then 0 < 1): empty.
  return (
    `=IF(${numbersWhere(points, rows, "ROW()")}<MAX(1,COUNTIFS(${mine})),"",` +
    `IF(${weights}=0,"",SUMIFS(${points},${mine})/${weights}))`
  );
}

/**
 * Score of one objective at 31/12: weight × achievement, with the floor and bands of `PIAO Parametri`. The
 * achievement is the typed `Raggiungimento 31/12` when there is one (an override, with its `Motivazione`),
 * otherwise the one calculated from the measures.
 */
function scoreFormula(L: ObjectivesLayout): (sheetRow: number) => FormulaValue {
  return perRow((row) => {
    const w = `${columnLetters(L.col.weight)}${row}`;
    const typed = `${columnLetters(L.col.achievementDec)}${row}`;
    const a = `IF(ISNUMBER(${typed}),${typed},${columnLetters(L.col.calculatedDec)}${row})`;
    const capped = `MIN(${a},1)`;
    return (
      `=IF(OR(NOT(ISNUMBER(${w})),NOT(ISNUMBER(${a}))),"",${w}*IF(${a}<${SCORING_NAMES.floor},0,` +
      `IF(${SCORING_NAMES.bandsOn}="Sì",LOOKUP(${capped},${SCORING_NAMES.bands}),${capped})))`
    );
  });
}

/** `previous`: the inputs of the previous run by key; `extraHeaders`: the columns the user added to the table. */
export function objectivesSheet(
  objectives: Objective[],
  /** The objectives' keys (`objectiveKeys`), aligned with them. */
  keys: readonly string[],
  years: number[],
  previous: Map<string, MonitoringInput>,
  extraHeaders: string[],
): { sheet: SheetPlan; layout: ObjectivesLayout } {
  const sheet = emptySheet(SHEETS.objectives);
  sheet.tabColor = "#2F5597";
  const L = objectivesLayout(years, objectives.length);
  const calculatedSep = calculatedFormula(N.measurePointsSep.name);
  const calculatedDec = calculatedFormula(N.measurePointsDec.name);
  const score = scoreFormula(L);
  const rows: PlanValue[][] = objectives.map((o, i) => {
    const prev = previous.get(keys[i]);
    const row: PlanValue[] = new Array(L.headers.length).fill(null);
    row[L.col.code] = o.code;
    row[L.col.name] = o.name;
    row[L.col.type] = o.type ?? o.typeRaw;
    // A weight that is not a number is shown as written, so the user sees it and the sum flags it.
    row[L.col.weight] = o.weight ?? (o.weightRaw || null);
    row[L.col.indicator] = o.indicator;
    row[L.col.unit] = o.unit;
    row[L.col.manager] = o.manager;
    row[L.col.strategicLine] = o.strategicLine;
    row[L.col.costCenter] = o.costCenter;
    row[L.col.missionProgram] = o.missionProgram;
    for (const { year, col } of L.yearCols) row[col] = o.actions[year] ?? null;
    row[L.col.achievementSep] = prev?.sep ?? null;
    row[L.col.achievementDec] = prev?.dec ?? null;
    row[L.col.calculatedSep] = { f: calculatedSep };
    row[L.col.calculatedDec] = { f: calculatedDec };
    row[L.col.reason] = prev?.reason ?? null;
    row[L.col.scoreDec] = score(i + 2);
    const ref = sheetCellRef(o.source.sheet, o.source.row, o.source.col);
    row[L.col.source] = linkTo(sheet, i + 1, L.col.source, ref);
    return [...row, ...extraHeaders.map((h) => prev?.extra.get(h) ?? null)];
  });
  const formats = [...L.headers, ...extraHeaders].map(() => null as string | null);
  formats[L.col.weight] = FORMAT.weight;
  formats[L.col.achievementSep] = FORMAT.percent;
  formats[L.col.achievementDec] = FORMAT.percent;
  formats[L.col.calculatedSep] = FORMAT.percent;
  formats[L.col.calculatedDec] = FORMAT.percent;
  formats[L.col.scoreDec] = FORMAT.number2;
  tableBlock(sheet, TABLES.objectives, { row: 0, col: 0 }, [...L.headers, ...extraHeaders], rows, formats);

  const n = objectives.length;
  const range = (col: number) => columnRange(col, 1, n);
  // Input columns look like inputs.
  for (const col of [L.col.type, L.col.weight, L.col.achievementSep, L.col.achievementDec, L.col.reason]) {
    sheet.rangeStyles.push({ range: range(col), style: STYLE.input });
  }
  sheet.validations.push(
    {
      range: range(L.col.type),
      type: "list",
      values: ["I", "O", "UO"],
      allowBlank: false,
      error: "Tipo: I, O o UO.",
    },
    {
      range: range(L.col.weight),
      type: "decimal",
      min: 0,
      max: 100,
      allowBlank: false,
      error: "Peso: un numero da 0 a 100.",
    },
    ...[L.col.achievementSep, L.col.achievementDec].map((col) => ({
      range: range(col),
      type: "decimal" as const,
      min: 0,
      max: 1,
      allowBlank: true,
      prompt: "Percentuale di raggiungimento (0-100%).",
      error: "Raggiungimento: una percentuale da 0% a 100%.",
    })),
  );
  const w = `${columnLetters(L.col.weight)}2`;
  sheet.conditionalFormats.push({
    range: range(L.col.weight),
    formula: `=OR(AND(ISNUMBER(${w}),OR(${w}<0,${w}>100)),AND(${w}<>"",NOT(ISNUMBER(${w}))))`,
    style: STYLE.error,
  });
  sheet.columnWidths = L.headers.map((h, col) => ({
    col,
    width:
      [C.name, C.indicator, C.reason].includes(h as never) || h.startsWith("Azioni")
        ? 50
        : h === C.source
          ? 22
          : 14,
  }));
  sheet.frozen = { rows: 1, cols: 2 };
  // No protection: users add objective rows to the table, sort and filter it, which Excel refuses on a
  // protected sheet (docs/architecture.md, Decisions). The computed columns are marked instead.
  for (const k of FORMULA_COLUMNS) sheet.rangeStyles.push({ range: range(L.col[k]), style: STYLE.computed });
  return { sheet, layout: L };
}
