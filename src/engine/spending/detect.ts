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
import { BODY_TYPES, type BodyType } from "./rules";
import { emptyInputs, type SpendingInputs } from "./compute";
import { normalizeLabel } from "../core/text";

type Field =
  | { kind: "body" }
  | { kind: "population" }
  | { kind: "year" }
  | { kind: "revenue"; year: number | null }
  | { kind: "netRevenue" }
  | { kind: "fcde" }
  | { kind: "spending" }
  | { kind: "base"; year: number }
  | { kind: "spendingYear"; year: number }
  | { kind: "average557" }
  | { kind: "spending557" };

/** What a label names, or undefined. Output figures (threshold, maximum, ratio, margin) are not inputs. */
export function spendingField(label: string): Field | undefined {
  const s = normalizeLabel(label);
  if (!s || s.length > 160) return undefined;
  if (/\b(massima|soglia|rapporto|margine|fascia|capacita|incidenza)\b/.test(s)) return undefined;
  if (/^(tipo|tipologia) (di )?ente\b|^tipo amministrazione\b/.test(s)) return { kind: "body" };
  if (/^(popolazione|abitanti|residenti|n abitanti|numero abitanti)\b/.test(s)) return { kind: "population" };
  if (/^anno (del )?(piano|piao|di riferimento)\b/.test(s)) return { kind: "year" };
  if (/^(fcde|f c d e|fondo crediti( di)? dubbia esigibilita)\b/.test(s)) return { kind: "fcde" };
  if (/\bentrate correnti\b/.test(s)) {
    if (/\bnette\b|\bal netto\b/.test(s)) return { kind: "netRevenue" };
    const years = [...s.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
    return { kind: "revenue", year: years.length === 1 ? years[0] : null };
  }
  if (/\bspesa\b.*\bpersonale\b|\bspesa\b.*\b557\b|^spesa (media )?(20\d\d)/.test(s)) {
    if (/\b2011\b.*\b2013\b|\bmedia\b.*\b557\b/.test(s)) return { kind: "average557" };
    if (/\b557\b/.test(s)) return { kind: "spending557" };
    const y = /\b(20\d\d)\b/.exec(s);
    if (y && (y[1] === "2018" || y[1] === "2019")) return { kind: "base", year: Number(y[1]) };
    if (y && ["2011", "2012", "2013"].includes(y[1])) return { kind: "spendingYear", year: Number(y[1]) };
    if (!y || /\brendiconto\b/.test(s)) return { kind: "spending" };
  }
  return undefined;
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

export function detectSpending(sheet: SheetSnapshot): SpendingFigure[] {
  const out: SpendingFigure[] = [];
  for (let i = 0; i < sheet.values.length; i++) {
    const row = sheet.values[i] ?? [];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v !== "string" || v.length < 3) continue;
      const field = spendingField(v);
      if (!field) continue;
      const found = valueFor(sheet, i, j, field.kind === "body");
      if (!found) continue;
      const value = field.kind === "body" ? cellText(found.v) : readNumber(found.v)!.value;
      if (field.kind === "body" && !bodyType(String(value))) continue;
      out.push({
        field,
        value,
        label: v.trim(),
        at: { sheet: sheet.name, row: sheet.top + found.row, col: sheet.left + found.col },
      });
    }
  }
  return out;
}

export interface SpendingPrefill {
  inputs: SpendingInputs;
  /** Source cell of each input, by defined-name suffix (e.g. `Popolazione`). */
  sources: Partial<Record<string, SourceRef>>;
  findings: Finding[];
  found: number;
}

/** Turn the figures found in all sheets into the sheet's inputs (first figure of each kind wins). */
export function spendingInputs(figures: SpendingFigure[]): SpendingPrefill {
  const inputs: SpendingInputs = emptyInputs();
  const sources: SpendingPrefill["sources"] = {};
  const findings: Finding[] = [];
  const revenues: { year: number | null; value: number; at: SourceRef }[] = [];
  const set = (key: string, at: SourceRef, apply: () => void) => {
    if (sources[key]) return;
    sources[key] = at;
    apply();
  };
  for (const f of figures) {
    const n = typeof f.value === "number" ? f.value : NaN;
    switch (f.field.kind) {
      case "body":
        set("TipoEnte", f.at, () => (inputs.body = bodyType(String(f.value))));
        break;
      case "population":
        set("Popolazione", f.at, () => (inputs.population = Math.round(n)));
        break;
      case "year":
        if (n >= 2000 && n <= 2100) set("AnnoPiano", f.at, () => (inputs.year = n));
        break;
      case "fcde":
        set("FCDE", f.at, () => (inputs.fcde = n));
        break;
      case "spending":
        set("SpesaPersonale", f.at, () => (inputs.spending = n));
        break;
      case "base":
        set("SpesaBase", f.at, () => (inputs.baseSpending = n));
        break;
      case "spending557":
        set("Spesa557", f.at, () => (inputs.spending557 = n));
        break;
      case "spendingYear": {
        const k = f.field.year - 2011;
        set(`Spesa${f.field.year}`, f.at, () => (inputs.spending2011_2013[k] = n));
        break;
      }
      case "average557":
        // Only the 2011–2013 average is known: the same value in the three years gives the same average.
        if (!sources.Spesa2011 && !sources.Spesa2012 && !sources.Spesa2013) {
          for (const y of [2011, 2012, 2013]) sources[`Spesa${y}`] = f.at;
          inputs.spending2011_2013 = [n, n, n];
          findings.push(finding("info", "SPESA_MEDIA_557", MESSAGES.spendingAverage557Only(), f.at));
        }
        break;
      case "revenue":
        revenues.push({ year: f.field.year, value: n, at: f.at });
        break;
      case "netRevenue":
        if (!sources.Entrate1) {
          for (const k of ["Entrate1", "Entrate2", "Entrate3"]) sources[k] = f.at;
          sources.FCDE ??= f.at;
          inputs.revenue = [n, n, n];
          if (inputs.fcde === null) inputs.fcde = 0;
          findings.push(finding("info", "SPESA_ENTRATE_NETTE", MESSAGES.spendingNetRevenue(), f.at));
        }
        break;
    }
  }
  if (revenues.length >= 3 && !sources.Entrate1) {
    // The three most recent rendiconti, oldest first.
    const withYear = revenues.filter((r) => r.year !== null).sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
    const chosen = withYear.length >= 3 ? withYear.slice(-3) : revenues.slice(0, 3);
    chosen.forEach((r, k) => {
      inputs.revenue[k] = r.value;
      sources[`Entrate${k + 1}`] = r.at;
    });
  }
  return { inputs, sources, findings, found: Object.keys(sources).length };
}
