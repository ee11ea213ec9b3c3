/**
 * Recogniser for indicator series and for the strategic-objectives table of PIAO section 2.1.
 *
 * A header row opens a table; its kind follows from the columns it names (through `indicatorField` and
 * `indicatorYearColumn` of the synonym dictionary, never local regexes):
 * - wide series: an indicator column and at least one year-headed column (`2019`, `Anno 2019`,
 *   `Numeratore 2019`, `Denominatore 2019`); one indicator per row;
 * - long series: an indicator column, a year column and a value column (or numerator and denominator
 *   columns); one (indicator, year) pair per row, rows of the same indicator grouped by name; an empty
 *   indicator cell repeats the one above (the way such tables are usually typed);
 * - strategic objectives: an indicator column and a strategic-objective column (`N.`, `Linea strategica`,
 *   `Obiettivi strategici`, `Indicatori`, `Dirigente responsabile`), with no values yet.
 * Optional columns of all three: unit of measure, polarity, target, target year (or `Target 2025`),
 * numerator, denominator, factor, objective, code, strategic line, manager. A table ends at a blank row
 * or at the next header row. Merged cells are read through their top-left cell.
 *
 * One pass over the rows; each cell is looked at a bounded number of times, so detection is linear in the
 * size of the sheet (merged areas are expanded once, clipped to the used range).
 */
import type { Finding } from "../core/findings";
import { finding, MESSAGES } from "../core/messages";
import { isErrorValue, numberFormatAt, type Scalar, type SheetSnapshot } from "../core/snapshot";
import { parseRange } from "../core/address";
import { indicatorField, indicatorYearColumn, type IndicatorField } from "../core/synonyms";

export type IndicatorLayout = "wide" | "long" | "strategic";

/** A cell as found: value, absolute 0-based position, number format. */
export interface RawCell {
  v: Scalar;
  row: number;
  col: number;
  nf: string | null;
}

export interface YearCell {
  year: number;
  cell: RawCell;
}

/** Descriptive fields of an indicator row (everything but the indicator itself and the yearly data). */
export type DescriptiveField = Exclude<IndicatorField, "indicator" | "year" | "value">;

/** An indicator as found, before normalisation. */
export interface RawIndicator {
  sheet: string;
  layout: IndicatorLayout;
  /** The indicator cell (its text may name several indicators in a strategic table). */
  name: RawCell;
  fields: Partial<Record<DescriptiveField, RawCell>>;
  values: YearCell[];
  numerators: YearCell[];
  denominators: YearCell[];
  /** Targets from `Target 2025`-style columns. */
  targets: YearCell[];
  hidden: boolean;
}

export interface IndicatorDetection {
  indicators: RawIndicator[];
  /** Header rows found, by kind (for the sheet report). */
  headers: number;
  findings: Finding[];
}

type YearKind = "value" | "numerator" | "denominator" | "target";

interface Header {
  layout: IndicatorLayout;
  cols: Partial<Record<IndicatorField, number>>;
  years: { col: number; kind: YearKind; year: number }[];
}

function isBlank(v: Scalar): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Year written in a header cell as a number (2019) or as text (`2019`, `Anno 2019`). */
function headerYear(v: Scalar): { kind: YearKind; year: number } | undefined {
  if (typeof v === "number")
    return Number.isInteger(v) && v >= 1990 && v <= 2099 ? { kind: "value", year: v } : undefined;
  if (typeof v === "string") return indicatorYearColumn(v);
  return undefined;
}

/** A year in a data cell of a long table: 2019, `2019`, `Anno 2019`. */
export function dataYear(v: Scalar): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1990 && v <= 2099 ? v : null;
  if (typeof v === "string") {
    const y = indicatorYearColumn(v);
    return y && y.kind === "value" ? y.year : null;
  }
  return null;
}

function readHeader(row: Scalar[]): Header | null {
  const cols: Header["cols"] = {};
  const years: Header["years"] = [];
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (isBlank(v)) continue;
    if (typeof v === "string") {
      const f = indicatorField(v);
      if (f) {
        if (cols[f] === undefined) cols[f] = j;
        continue;
      }
    }
    const y = headerYear(v);
    if (y) years.push({ col: j, ...y });
  }
  if (cols.indicator === undefined) return null;
  const yearly = years.some((y) => y.kind !== "target");
  if (yearly) return { layout: "wide", cols, years };
  if (
    cols.year !== undefined &&
    (cols.value !== undefined || (cols.numerator !== undefined && cols.denominator !== undefined))
  )
    return { layout: "long", cols, years };
  if (cols.strategicObjective !== undefined) return { layout: "strategic", cols, years };
  return null;
}

const DESCRIPTIVE: DescriptiveField[] = [
  "strategicObjective",
  "objective",
  "code",
  "strategicLine",
  "manager",
  "unitOfMeasure",
  "polarity",
  "target",
  "targetYear",
  "numerator",
  "denominator",
  "factor",
];

/** Top-left cell of every merged cell that is not itself a top-left cell, clipped to the used range. */
function mergedOrigins(sheet: SheetSnapshot): Map<number, { row: number; col: number }> {
  const out = new Map<number, { row: number; col: number }>();
  const rows = sheet.values.length;
  let cols = 0;
  for (const r of sheet.values) if (r.length > cols) cols = r.length;
  for (const m of sheet.merges) {
    let r;
    try {
      r = parseRange(m);
    } catch {
      continue;
    }
    const top = Math.max(r.top, sheet.top);
    const bottom = Math.min(r.bottom, sheet.top + rows - 1);
    const left = Math.max(r.left, sheet.left);
    const right = Math.min(r.right, sheet.left + cols - 1);
    for (let i = top; i <= bottom; i++)
      for (let j = left; j <= right; j++)
        if (i !== r.top || j !== r.left)
          out.set((i - sheet.top) * cols + (j - sheet.left), { row: r.top, col: r.left });
  }
  return out;
}

export function detectIndicators(sheet: SheetSnapshot): IndicatorDetection {
  const indicators: RawIndicator[] = [];
  const findings: Finding[] = [];
  const hiddenRows = new Set(sheet.hiddenRows);
  const merged = sheet.merges.length > 0 ? mergedOrigins(sheet) : new Map();
  let width = 0;
  for (const r of sheet.values) if (r.length > width) width = r.length;

  /** Value at a position relative to the snapshot, through merged areas. */
  const at = (i: number, j: number): RawCell => {
    let v: Scalar = sheet.values[i]?.[j] ?? null;
    let row = sheet.top + i;
    let col = sheet.left + j;
    if (isBlank(v)) {
      const o = merged.get(i * width + j);
      if (o) {
        row = o.row;
        col = o.col;
        v = sheet.values[o.row - sheet.top]?.[o.col - sheet.left] ?? null;
      }
    }
    return { v, row, col, nf: numberFormatAt(sheet, row, col) };
  };

  const where = (c: RawCell) => ({ sheet: sheet.name, row: c.row, col: c.col });

  let header: Header | null = null;
  /** Long tables: series of the current table by indicator name, and the name of the row above. */
  let long = new Map<string, RawIndicator>();
  let lastName: RawCell | null = null;
  let headers = 0;

  for (let i = 0; i < sheet.values.length; i++) {
    const row = sheet.values[i] ?? [];
    let filled = false;
    for (const v of row)
      if (!isBlank(v)) {
        filled = true;
        break;
      }
    if (!filled) {
      header = null;
      continue;
    }
    const h = readHeader(row);
    if (h) {
      header = h;
      headers++;
      long = new Map();
      lastName = null;
      continue;
    }
    if (!header) continue;

    const absRow = sheet.top + i;
    const name = at(i, header.cols.indicator!);
    const fields: RawIndicator["fields"] = {};
    for (const f of DESCRIPTIVE) {
      const c = header.cols[f];
      if (c === undefined) continue;
      const cell = at(i, c);
      if (isBlank(cell.v)) continue;
      if (isErrorValue(cell.v)) {
        findings.push(finding("warning", "VALORE_ERRORE", MESSAGES.errorValue(String(cell.v)), where(cell)));
        continue;
      }
      fields[f] = cell;
    }
    const yearly = (kind: YearKind): YearCell[] => {
      const out: YearCell[] = [];
      for (const y of header!.years) {
        if (y.kind !== kind) continue;
        const cell = at(i, y.col);
        if (isBlank(cell.v)) continue;
        if (isErrorValue(cell.v)) {
          findings.push(
            finding("warning", "VALORE_ERRORE", MESSAGES.errorValue(String(cell.v)), where(cell)),
          );
          continue;
        }
        out.push({ year: y.year, cell });
      }
      return out;
    };
    const hidden = hiddenRows.has(absRow);
    const nameBlank = isBlank(name.v) || isErrorValue(name.v);

    if (header.layout === "wide") {
      const values = yearly("value");
      const numerators = yearly("numerator");
      const denominators = yearly("denominator");
      if (nameBlank) {
        if (values.length + numerators.length + denominators.length > 0)
          findings.push(finding("warning", "INDICATORE_SENZA_NOME", MESSAGES.indicatorNoName(), where(name)));
        continue;
      }
      indicators.push({
        sheet: sheet.name,
        layout: "wide",
        name,
        fields,
        values,
        numerators,
        denominators,
        targets: yearly("target"),
        hidden,
      });
    } else if (header.layout === "long") {
      const yearCell = at(i, header.cols.year!);
      const valueCell = header.cols.value !== undefined ? at(i, header.cols.value) : null;
      const current = nameBlank ? lastName : name;
      if (!current) {
        if (!isBlank(yearCell.v))
          findings.push(finding("warning", "INDICATORE_SENZA_NOME", MESSAGES.indicatorNoName(), where(name)));
        continue;
      }
      if (!nameBlank) lastName = name;
      const key = String(current.v).replace(/\s+/g, " ").trim().toLowerCase();
      let ind = long.get(key);
      if (!ind) {
        ind = {
          sheet: sheet.name,
          layout: "long",
          name: current,
          fields: {},
          values: [],
          numerators: [],
          denominators: [],
          targets: [],
          hidden,
        };
        long.set(key, ind);
        indicators.push(ind);
      }
      // Descriptive fields: the first non-empty one of the group wins (they repeat on every row).
      const numbers: Partial<Record<"numerator" | "denominator", RawCell>> = {};
      for (const [f, cell] of Object.entries(fields) as [DescriptiveField, RawCell][]) {
        // In a long table, numerator and denominator cells holding numbers are the year's data.
        if ((f === "numerator" || f === "denominator") && typeof cell.v === "number") {
          numbers[f] = cell;
          continue;
        }
        if (!ind.fields[f]) ind.fields[f] = cell;
      }
      if (isBlank(yearCell.v)) continue;
      const year = dataYear(yearCell.v);
      if (year === null) {
        findings.push(
          finding(
            "warning",
            "INDICATORE_ANNO_NON_VALIDO",
            MESSAGES.indicatorInvalidYear(String(current.v), String(yearCell.v)),
            where(yearCell),
          ),
        );
        continue;
      }
      if (valueCell && !isBlank(valueCell.v)) {
        if (isErrorValue(valueCell.v))
          findings.push(
            finding("warning", "VALORE_ERRORE", MESSAGES.errorValue(String(valueCell.v)), where(valueCell)),
          );
        else ind.values.push({ year, cell: valueCell });
      }
      if (numbers.numerator) ind.numerators.push({ year, cell: numbers.numerator });
      if (numbers.denominator) ind.denominators.push({ year, cell: numbers.denominator });
    } else {
      // Strategic objectives: a row needs an indicator text or an objective.
      const objective = fields.strategicObjective ?? fields.objective;
      if (nameBlank && !objective) continue;
      indicators.push({
        sheet: sheet.name,
        layout: "strategic",
        name,
        fields,
        values: [],
        numerators: [],
        denominators: [],
        targets: yearly("target"),
        hidden,
      });
    }
  }
  return { indicators, headers, findings };
}
