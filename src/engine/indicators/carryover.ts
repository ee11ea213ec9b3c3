/**
 * Re-runs keep the values, targets, numerators and denominators typed into a previous `PIAO Indicatori`, by
 * objective code + indicator; an indicator with typed data whose source disappeared is archived.
 */
import { findTable, typedAt, userValue, type ArchivedRow } from "../core/carryover";
import type { PlanValue } from "../core/plan";
import { cellText, type SheetSnapshot } from "../core/snapshot";

/** What the user typed into a previous `PIAO Indicatori`: yearly values and target, by objective + indicator. */
export interface PreviousIndicator {
  values: Record<number, number>;
  /** Ratio indicators: the `Numeratore AAAA` / `Denominatore AAAA` inputs. */
  numerators: Record<number, number>;
  denominators: Record<number, number>;
  target: number | null;
  targetYear: number | null;
  /** The whole previous row, for PIAO Archivio when the indicator disappears from the source. */
  row: ArchivedRow;
  /** Text and formulas typed into input cells (years, target, numerators…), by header: kept as typed. */
  typed: Map<string, PlanValue>;
  /** Whether the row holds anything a user may have typed (a number, text or formula in an input column). */
  hasInput: boolean;
}

export function indicatorKey(objectiveCode: string, name: string): string {
  return `${objectiveCode}\u0000${name}`;
}

export function readPreviousIndicators(sheet: SheetSnapshot | undefined): Map<string, PreviousIndicator> {
  const out = new Map<string, PreviousIndicator>();
  if (!sheet) return out;
  const t = findTable(sheet, ["Indicatore", "Tendenza", "Target", "Anno target"]);
  if (!t) return out;
  const yearCols = (re: RegExp) =>
    [...t.cols.entries()].flatMap(([h, c]) => {
      const m = re.exec(h);
      return m ? [[Number(m[1]), c] as const] : [];
    });
  const years = yearCols(/^((?:19|20)\d\d)$/);
  const numeratorCols = yearCols(/^Numeratore ((?:19|20)\d\d)$/);
  const denominatorCols = yearCols(/^Denominatore ((?:19|20)\d\d)$/);
  for (let i = t.headerRow + 1; i < sheet.values.length; i++) {
    const row = sheet.values[i] ?? [];
    // A typed formula is kept as a formula (in `typed`), not as the number it showed.
    const num = (c: number | undefined) => {
      const v = c === undefined || sheet.formulas?.[i]?.[c] ? null : row[c];
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    };
    const name = cellText(userValue(row[t.cols.get("Indicatore") ?? -1])).trim();
    if (!name) continue;
    const code = cellText(userValue(row[t.cols.get("Codice obiettivo") ?? -1])).trim();
    const byYear = (cols: (readonly [number, number])[]) => {
      const out: Record<number, number> = {};
      for (const [y, c] of cols) {
        const v = num(c);
        if (v !== null) out[y] = v;
      }
      return out;
    };
    const prev = {
      values: byYear(years),
      numerators: byYear(numeratorCols),
      denominators: byYear(denominatorCols),
      target: num(t.cols.get("Target")),
      targetYear: num(t.cols.get("Anno target")),
    };
    // A ratio indicator's years are formulas the add-in wrote: only its numerators and denominators are inputs.
    const ratio = cellText(userValue(row[t.cols.get("Fattore") ?? -1])) !== "";
    const inputCols = [
      ...(ratio ? [] : years),
      ...numeratorCols,
      ...denominatorCols,
      ...["Target", "Anno target"].flatMap((h) => (t.cols.has(h) ? [[0, t.cols.get(h)!] as const] : [])),
    ].map(([, c]) => c);
    const typed = new Map<string, PlanValue>();
    for (const [h, c] of t.cols) {
      const v = inputCols.includes(c) ? typedAt(sheet, i, c) : null;
      if (v !== null && v !== "" && typeof v !== "number") typed.set(h, v);
    }
    const headers = [...t.cols.keys()];
    out.set(indicatorKey(code, name), {
      ...prev,
      typed,
      row: { headers, values: headers.map((h) => userValue(row[t.cols.get(h) ?? -1])) },
      hasInput:
        [prev.values, prev.numerators, prev.denominators].some((r) => Object.keys(r).length > 0) ||
        prev.target !== null ||
        typed.size > 0,
    });
  }
  return out;
}

/** Previous indicator rows with typed data whose indicator is no longer in the source. */
export function disappearedIndicators(
  prev: Map<string, PreviousIndicator>,
  current: Set<string>,
): ArchivedRow[] {
  return [...prev.entries()].filter(([k, p]) => p.hasInput && !current.has(k)).map(([, p]) => p.row);
}
