/**
 * Recogniser for spending figures written as labelled cells anywhere on a sheet (`Tipo ente`,
 * `Popolazione al 31/12/2021`, `Entrate correnti rendiconto 2021 (Titoli I-III)`, `FCDE`,
 * `Spesa di personale`, `Spesa media 2011-2013`, …), with the value to the right (a few columns away)
 * or just below. One pass over the cells.
 */
import type { Finding } from "../core/findings";
import { finding, MESSAGES } from "../core/messages";
import type { SourceRef } from "../core/model";
import { readNumber } from "../core/numbers";
import { cellText, isErrorValue, type Scalar, type SheetSnapshot } from "../core/snapshot";
import { baseYear, BODY_TYPES, type BodyType } from "./rules";
import { emptyInputs, type SpendingInputs } from "./compute";
import { REVENUE_KEYS, YEAR_557_KEYS, type InputKey, type InputSources } from "./inputs";
import { normalizeLabel } from "../core/text";

type Field =
  | { kind: "body" }
  | { kind: "population"; date: string | null }
  | { kind: "year" }
  | { kind: "revenue"; year: number | null }
  | { kind: "netRevenue"; lastYear: number | null }
  | { kind: "fcde" }
  | { kind: "spending" }
  | { kind: "spendingYear"; year: number }
  | { kind: "average557" }
  | { kind: "spending557" }
  | { kind: "statement557"; year: number | null }
  | { kind: "resti" }
  | { kind: "departures"; year: number };

const yearsIn = (s: string) => [...s.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));

/** A word every label below needs (one test, where most texts of a sheet would go through all of them). */
const SPENDING_WORD =
  /^(?:tipo|popolazione|abitanti|residenti|n abitanti|numero abitanti|anno|fcde|f c d e|fondo|resti|cessazioni|limite|spesa)|\bentrate correnti\b|\bspesa\b/;

/** What a label names, or undefined. Output figures (threshold, maximum, ratio, margin) are not inputs. */
export function spendingField(label: string): Field | undefined {
  const s = normalizeLabel(label);
  if (!s || s.length > 160 || !SPENDING_WORD.test(s)) return undefined;
  if (/\b(massima|soglia|rapporto|margine|fascia|capacita|incidenza)\b/.test(s)) return undefined;
  if (/^(tipo|tipologia) (di )?ente\b|^tipo amministrazione\b/.test(s)) return { kind: "body" };
  if (/^(popolazione|abitanti|residenti|n abitanti|numero abitanti)\b/.test(s)) {
    const d = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(label);
    return {
      kind: "population",
      date: d ? `${d[1].padStart(2, "0")}/${d[2].padStart(2, "0")}/${d[3]}` : null,
    };
  }
  if (/^anno (del )?(piano|piao|di riferimento)\b/.test(s)) return { kind: "year" };
  if (/^(fcde|f c d e|fondo crediti( di)? dubbia esigibilita)\b/.test(s)) return { kind: "fcde" };
  if (/^resti (assunzionali|delle capacita)\b/.test(s)) return { kind: "resti" };
  if (/^cessazioni\b/.test(s) && yearsIn(s).length === 1) return { kind: "departures", year: yearsIn(s)[0] };
  if (/\bentrate correnti\b/.test(s)) {
    const years = yearsIn(s);
    if (/\bnette\b|\bal netto\b/.test(s))
      return { kind: "netRevenue", lastYear: years.length ? Math.max(...years) : null };
    return { kind: "revenue", year: years.length === 1 ? years[0] : null };
  }
  if (/^limite\b.*\b557\b/.test(s)) {
    const y = /\b(?:anno|nel) (20\d\d)\b/.exec(s);
    return { kind: "statement557", year: y ? Number(y[1]) : null };
  }
  if (/\bspesa\b.*\bpersonale\b|\bspesa\b.*\b557\b|^spesa (media )?(20\d\d)/.test(s)) {
    if (/\b2011\b.*\b2013\b|\bmedia\b.*\b557\b/.test(s)) return { kind: "average557" };
    if (/\b557\b/.test(s)) return { kind: "spending557" };
    const y = /\b(20\d\d)\b/.exec(s);
    if (!y || (/\brendiconto\b/.test(s) && !["2011", "2012", "2013", "2008"].includes(y[1])))
      return { kind: "spending" };
    return { kind: "spendingYear", year: Number(y[1]) };
  }
  return undefined;
}

/** Departures written in a sentence, e.g. "7 cessazioni nel 2023" or "cessazioni previste: 3 nel 2024, 2 nel 2025". */
export function departuresIn(text: string): { year: number; count: number }[] {
  const s = normalizeLabel(text);
  if (!/\bcessazion[ei]\b/.test(s)) return [];
  return [...s.matchAll(/\b(\d{1,3})\b(?: [a-z]+){0,3}? (?:nel|nell anno|per il|anno) (20\d\d)\b/g)].map(
    (m) => ({
      year: Number(m[2]),
      count: Number(m[1]),
    }),
  );
}

export function bodyType(v: string): BodyType | null {
  const s = normalizeLabel(v);
  if (/citta metropolitana/.test(s)) return "Città metropolitana";
  if (/\bprovincia\b/.test(s)) return "Provincia";
  if (/\bcomune\b/.test(s)) return "Comune";
  return BODY_TYPES.find((b) => normalizeLabel(b) === s) ?? null;
}

export interface SpendingFigure {
  field: Field;
  value: number | string;
  label: string;
  at: SourceRef;
}

/** The value for a label at (r, c): the first filled cell to the right (up to 4 columns), else below. */
function valueFor(
  sheet: SheetSnapshot,
  r: number,
  c: number,
  wantText: boolean,
): { v: Scalar; col: number; row: number } | null {
  const row = sheet.values[r] ?? [];
  const ok = (v: Scalar) =>
    v !== null && v !== "" && !isErrorValue(v) && (wantText ? typeof v === "string" : readNumber(v) !== null);
  for (let j = c + 1; j <= c + 4 && j < row.length; j++) {
    if (ok(row[j])) return { v: row[j], row: r, col: j };
    if (row[j] !== null && row[j] !== "" && !ok(row[j]) && typeof row[j] === "string") break;
  }
  const below = sheet.values[r + 1]?.[c];
  if (below !== undefined && ok(below)) return { v: below, row: r + 1, col: c };
  return null;
}

const TEXT_FIELDS: Field["kind"][] = ["body", "statement557"];

export function detectSpending(sheet: SheetSnapshot): SpendingFigure[] {
  const out: SpendingFigure[] = [];
  const at = (row: number, col: number) => ({
    sheet: sheet.name,
    row: sheet.top + row,
    col: sheet.left + col,
  });
  for (let i = 0; i < sheet.values.length; i++) {
    const row = sheet.values[i] ?? [];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v !== "string" || v.length < 3) continue;
      for (const d of departuresIn(v))
        out.push({
          field: { kind: "departures", year: d.year },
          value: d.count,
          label: v.trim(),
          at: at(i, j),
        });
      const field = spendingField(v);
      if (!field) continue;
      const wantText = TEXT_FIELDS.includes(field.kind);
      const found = valueFor(sheet, i, j, wantText);
      if (!found) continue;
      const value = wantText ? cellText(found.v) : readNumber(found.v)!.value;
      if (field.kind === "body" && !bodyType(String(value))) continue;
      out.push({ field, value, label: v.trim(), at: at(found.row, found.col) });
    }
  }
  return out;
}

export interface SpendingPrefill {
  inputs: SpendingInputs;
  /** Source cell of each input found. */
  sources: InputSources;
  findings: Finding[];
  found: number;
  /** The revenue was found already net of the FCDE (written in the three rendiconti, FCDE 0). */
  revenueNet: boolean;
}

/** Turn the figures found in all sheets into the sheet's inputs (first figure of each kind wins). */
export function spendingInputs(figures: SpendingFigure[]): SpendingPrefill {
  const inputs: SpendingInputs = emptyInputs();
  const sources: InputSources = {};
  const findings: Finding[] = [];
  const revenues: { year: number | null; value: number; at: SourceRef }[] = [];
  const byYear: { year: number; value: number; at: SourceRef }[] = [];
  const rendicontoYears: number[] = [];
  let revenueNet = false;
  const set = (key: InputKey, at: SourceRef, apply: () => void) => {
    if (sources[key]) return;
    sources[key] = at;
    apply();
  };
  for (const f of figures) {
    const n = typeof f.value === "number" ? f.value : NaN;
    const field = f.field;
    switch (field.kind) {
      case "body":
        set("body", f.at, () => (inputs.body = bodyType(String(f.value))));
        break;
      case "population":
        set("population", f.at, () => (inputs.population = Math.round(n)));
        if (field.date) set("populationDate", f.at, () => (inputs.populationDate = field.date));
        break;
      case "year":
        if (n >= 2000 && n <= 2100) set("year", f.at, () => (inputs.year = n));
        break;
      case "fcde":
        set("fcde", f.at, () => (inputs.fcde = n));
        break;
      case "spending":
        set("spending", f.at, () => (inputs.spending = n));
        break;
      case "resti":
        set("resti", f.at, () => (inputs.resti = n));
        break;
      case "spending557":
        set("spending557", f.at, () => (inputs.spending557 = n));
        break;
      case "statement557":
        set("statement557", f.at, () => {
          inputs.statement557 = `${String(f.value).trim()}${field.year ? ` nel ${field.year}` : ""}`;
        });
        break;
      case "spendingYear":
        byYear.push({ year: field.year, value: n, at: f.at });
        break;
      case "departures":
        inputs.departures.push({ year: field.year, area: null, count: Math.round(n), months: null });
        break;
      case "average557":
        // Only the 2011–2013 average is known: the same value in the three years gives the same average.
        if (!sources.spending2011 && !sources.spending2012 && !sources.spending2013) {
          for (const k of YEAR_557_KEYS) sources[k] = f.at;
          inputs.spending2011_2013 = [n, n, n];
          findings.push(finding("info", "SPESA_MEDIA_557", MESSAGES.spendingAverage557Only(), f.at));
        }
        break;
      case "revenue":
        revenues.push({ year: field.year, value: n, at: f.at });
        break;
      case "netRevenue":
        if (!sources.revenue1) {
          for (const k of REVENUE_KEYS) sources[k] = f.at;
          sources.fcde ??= f.at;
          inputs.revenue = [n, n, n];
          revenueNet = true;
          if (inputs.fcde === null) inputs.fcde = 0;
          if (field.lastYear) rendicontoYears.push(field.lastYear);
          findings.push(finding("info", "SPESA_ENTRATE_NETTE", MESSAGES.spendingNetRevenue(), f.at));
        }
        break;
    }
  }
  if (revenues.length >= 3 && !sources.revenue1) {
    // The three most recent rendiconti, oldest first.
    const withYear = revenues.filter((r) => r.year !== null).sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
    const chosen = withYear.length >= 3 ? withYear.slice(-3) : revenues.slice(0, 3);
    chosen.forEach((r, k) => {
      inputs.revenue[k] = r.value;
      sources[REVENUE_KEYS[k]] = r.at;
      if (r.year !== null) rendicontoYears.push(r.year);
    });
  }
  if (rendicontoYears.length) inputs.lastRendiconto = Math.max(...rendicontoYears);
  spendingByYear(byYear, inputs, sources, findings);
  return {
    inputs,
    sources,
    findings,
    found: Object.keys(sources).length + inputs.departures.length,
    revenueNet,
  };
}

/**
 * Spending labelled with a year: 2011–2013 are the c. 557 years, 2008 the c. 562 base; the base year of the
 * yearly cap is 2018 for comuni and 2019 for province and città metropolitane (art. 5 c. 1 of each decree), so
 * a comune's "Spesa di personale 2019" is not its base; any other year is the rendiconto's spending when no
 * unlabelled one was found (the most recent, or the year of the last rendiconto).
 */
function spendingByYear(
  figures: { year: number; value: number; at: SourceRef }[],
  inputs: SpendingInputs,
  sources: InputSources,
  findings: Finding[],
): void {
  const base = inputs.body ? baseYear(inputs.body) : null;
  const current: typeof figures = [];
  for (const f of figures) {
    const k = f.year - 2011;
    if (k >= 0 && k < 3) {
      if (!sources[YEAR_557_KEYS[k]]) {
        sources[YEAR_557_KEYS[k]] = f.at;
        inputs.spending2011_2013[k] = f.value;
      }
    } else if (f.year === 2008) {
      if (!sources.spending2008) {
        sources.spending2008 = f.at;
        inputs.spending2008 = f.value;
      }
    } else if (f.year === base) {
      if (!sources.baseSpending) {
        sources.baseSpending = f.at;
        inputs.baseSpending = f.value;
      }
    } else if (base === null && (f.year === 2018 || f.year === 2019))
      findings.push(
        finding("info", "SPESA_ANNO_BASE_INCERTO", MESSAGES.spendingBaseYearUnknown(f.year), f.at),
      );
    else current.push(f);
  }
  if (sources.spending || current.length === 0) return;
  const chosen =
    current.find((f) => f.year === inputs.lastRendiconto) ?? [...current].sort((a, b) => b.year - a.year)[0];
  sources.spending = chosen.at;
  inputs.spending = chosen.value;
}
