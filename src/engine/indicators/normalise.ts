/**
 * Normalisation of the indicators `detect.ts` found into the `Indicator` model (PIAO section 2.1):
 * - texts lose HTML remnants and bullets; codes are normalised like objective codes (`A 1` → `A.1`);
 * - an `Indicatori` cell of the strategic table that holds several indicators becomes one row each when
 *   they are clearly separated: two or more `<p>`/`<li>` paragraphs, two or more bulleted lines, or an
 *   inline numbering `1 … 2 … 3 …` that starts the text and runs in order with each item starting with a
 *   capital letter; anything else stays one row;
 * - values are numbers; text numbers (`1.234,5`) are read, placeholders (`-`, `n.d.`) mean "no value",
 *   percentages (a `%` format or sign) are written as percentage points with unit `%`;
 * - a ratio indicator is recognised from numerator/denominator columns, or from its text when it holds
 *   exactly one `A / B × factor` (`n dipendenti formati/n dipendenti * 100`, `… *100.000`); its year
 *   values are then numerator / denominator × factor (factor 1 when none is written);
 * - polarity `crescente` unless a polarity column says otherwise (reported once per sheet);
 * - a series whose indicator has the same name as exactly one indicator of the strategic table fills that
 *   row instead of getting its own; series of the same name on several sheets are merged.
 */
import { normalizeCode } from "../core/codes";
import type { Finding } from "../core/findings";
import { finding, MESSAGES as M } from "../core/messages";
import { parseNumberText, readNumber, tidy } from "../core/numbers";
import { cellText, type Scalar } from "../core/snapshot";
import { polarityWord } from "../core/synonyms";
import { cleanText, normalizeLabel, stripControl } from "../core/text";
import { dataYear, type RawCell, type RawIndicator, type YearCell } from "./detect";
import type { Indicator, RatioSpec } from "./model";
import type { Polarity } from "./trends";

// ---------------------------------------------------------------------------------------------------------
// Texts

const text = (v: Scalar | undefined): string =>
  v === undefined || v === null ? "" : cleanText(stripControl(cellText(v))).text;

const NUMBER_PREFIX = /^\s*\d{1,2}\s*[.)]?\s+/;

/**
 * The indicators one cell names: one string per clearly separated indicator (see the module comment),
 * else the whole cleaned text. Empty text gives no item.
 */
export function splitIndicatorText(raw: string): string[] {
  const paragraphs = [...raw.matchAll(/<(p|li)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi)]
    .map((m) => text(m[2]))
    .filter((t) => t !== "");
  if (paragraphs.length >= 2) return paragraphs.map((t) => t.replace(NUMBER_PREFIX, "").trim());

  const bulleted = stripControl(raw)
    .split(/\r?\n/)
    .filter((l) => /^\s*(?:[•·▪◦●■–—-]|\*)\s+\S/.test(l));
  if (bulleted.length >= 2 && bulleted.length === raw.split(/\r?\n/).filter((l) => l.trim()).length)
    return bulleted.map((l) => text(l)).filter((t) => t !== "");

  const whole = text(raw);
  if (whole === "") return [];
  const numbered = splitNumbered(whole);
  return numbered ?? [whole];
}

/** `1 Grado … 2 Grado … 3 Rispetto …` → the items, or null when the text is not numbered that way. */
function splitNumbered(s: string): string[] | null {
  // A number of one or two digits after the start or a blank/punctuation, then blanks and a capital letter.
  const re = /(^|[\s;,.:])(\d{1,2})[.)]?\s+(?=[A-ZÀ-ÖØ-Ý])/g;
  const starts: number[] = [];
  let expected = 1;
  for (const m of s.matchAll(re)) {
    if (Number(m[2]) !== expected) continue;
    const at = (m.index ?? 0) + m[1].length;
    if (expected === 1 && at !== 0) return null;
    starts.push(at);
    expected++;
  }
  if (starts.length < 2) return null;
  return starts.map((st, i) =>
    s
      .slice(st, i + 1 < starts.length ? starts[i + 1] : s.length)
      .replace(NUMBER_PREFIX, "")
      .replace(/[\s;,]+$/, "")
      .trim(),
  );
}

/**
 * `… – n dipendenti formati/n dipendenti * 100 (trend nel tempo)` → numerator, denominator and factor,
 * when the text holds exactly one such ratio; null otherwise.
 */
export function parseRatioText(s: string): { numerator: string; denominator: string; factor: number } | null {
  const re =
    /([^/–—:()\n]+?)\s*\/\s*([^/–—:()*×\n]+?)\s*(?:[*×]|\sx)\s*(\d{1,3}(?:[.,\s]\d{3})+|\d+)(?![\d.,]*\d)/g;
  const found = [...s.matchAll(re)];
  if (found.length !== 1) return null;
  const m = found[0];
  const factor = parseNumberText(m[3].replace(/\s/g, "."))?.value;
  if (!factor || factor <= 0) return null;
  const numerator = m[1]
    .split(/\s[-–—]\s/)
    .pop()!
    .replace(/^\s*(?:\d{1,2}\s+)?(?:trend\s+(?:del(?:la|le|l')?\s+|dei\s+|degli\s+)?)?/i, "")
    .trim();
  const denominator = m[2].trim();
  if (!numerator || !denominator || numerator.length > 150 || denominator.length > 150) return null;
  return { numerator, denominator, factor };
}

// ---------------------------------------------------------------------------------------------------------
// Values

const PLACEHOLDER = /^(?:[-–—/.…_]+|n\.?\s?[da]\.?|n\/[da]|nd|na|np|n\.p\.)$/i;

interface ReadValue {
  value: number;
  fromText: boolean;
  percent: boolean;
}

/** A yearly value: a number, a number written as text, or a percentage; null for empty/placeholders. */
function readValue(cell: RawCell): ReadValue | "invalid" | null {
  const v = cell.v;
  if (typeof v === "string" && (v.trim() === "" || PLACEHOLDER.test(v.trim()))) return null;
  if (typeof v === "boolean") return "invalid";
  const n = readNumber(v, cell.nf);
  if (!n) return "invalid";
  // A percentage shown by the format is a fraction (0.45 → 45 points); a written `45%` is already 45.
  const value = n.percent && !n.fromText ? tidy(n.value * 100) : n.value;
  return { value, fromText: n.fromText, percent: n.percent };
}

// ---------------------------------------------------------------------------------------------------------
// Normalisation

export interface NormalizedIndicators {
  indicators: Indicator[];
  findings: Finding[];
}

/** Normalise the indicators found on one sheet. */
export function normalizeIndicators(raw: RawIndicator[]): NormalizedIndicators {
  const indicators: Indicator[] = [];
  const findings: Finding[] = [];
  let defaultPolarity = 0;
  let sheetName = "";
  let firstDefault: RawCell | null = null;

  for (const r of raw) {
    sheetName = r.sheet;
    const where = (c: RawCell) => ({ sheet: r.sheet, row: c.row, col: c.col });
    const f = r.fields;
    const label = text(r.name.v) || text(f.strategicObjective?.v ?? f.objective?.v) || "Indicatore";

    let percent = false;
    let asText = 0;
    const readSeries = (cells: YearCell[], scalePercent: boolean): Record<number, number> => {
      const out: Record<number, number> = {};
      for (const { year, cell } of cells) {
        const rv = readValue(cell);
        if (rv === null) continue;
        if (rv === "invalid") {
          findings.push(
            finding(
              "warning",
              "INDICATORE_VALORE_NON_NUMERICO",
              M.indicatorValueNotNumber(label, text(cell.v)),
              where(cell),
            ),
          );
          continue;
        }
        if (year in out) {
          findings.push(
            finding(
              "warning",
              "INDICATORE_ANNO_DUPLICATO",
              M.indicatorDuplicateYear(label, year),
              where(cell),
            ),
          );
          continue;
        }
        if (rv.fromText) asText++;
        if (rv.percent && scalePercent) percent = true;
        out[year] = rv.value;
      }
      return out;
    };
    const values = readSeries(r.values, true);
    const numerators = readSeries(r.numerators, false);
    const denominators = readSeries(r.denominators, false);

    // Target: a target column (with an optional target-year column), else the latest `Target AAAA` column.
    let target: number | null = null;
    let targetYear: number | null = f.targetYear ? dataYear(f.targetYear.v) : null;
    const targetCell = f.target ?? (r.targets.length > 0 ? r.targets[r.targets.length - 1].cell : undefined);
    if (!f.target && r.targets.length > 0 && targetYear === null)
      targetYear = r.targets[r.targets.length - 1].year;
    if (targetCell) {
      const rv = readValue(targetCell);
      if (rv === "invalid")
        findings.push(
          finding(
            "warning",
            "INDICATORE_TARGET_NON_NUMERICO",
            M.indicatorTargetNotNumber(label, text(targetCell.v)),
            where(targetCell),
          ),
        );
      else if (rv) {
        target = rv.value;
        if (rv.percent) percent = true;
      }
    }

    let polarity: Polarity = "crescente";
    if (f.polarity) {
      const p = polarityWord(text(f.polarity.v));
      if (p) polarity = p;
      else
        findings.push(
          finding(
            "warning",
            "INDICATORE_POLARITA_SCONOSCIUTA",
            M.indicatorPolarityUnknown(label, text(f.polarity.v)),
            where(f.polarity),
          ),
        );
    } else firstDefault ??= r.name;

    let unitOfMeasure = text(f.unitOfMeasure?.v);
    if (percent && unitOfMeasure === "") {
      unitOfMeasure = "%";
      findings.push(
        finding("info", "INDICATORE_PERCENTUALE", M.indicatorPercentValues(label), where(r.name)),
      );
    }
    if (asText > 0)
      findings.push(
        finding("info", "INDICATORE_VALORE_TESTO", M.indicatorValuesAsText(label, asText), where(r.name)),
      );

    const factorField = f.factor ? (readNumber(f.factor.v, null)?.value ?? null) : null;
    const numeratorText = f.numerator && typeof f.numerator.v === "string" ? text(f.numerator.v) : "";
    const denominatorText = f.denominator && typeof f.denominator.v === "string" ? text(f.denominator.v) : "";

    const base = {
      objective: text(f.strategicObjective?.v ?? f.objective?.v),
      objectiveCode: f.code ? normalizeCode(text(f.code.v)) : "",
      strategicLine: text(f.strategicLine?.v),
      manager: text(f.manager?.v).replace(/\s*\n\s*/g, "; "),
      unitOfMeasure,
      polarity,
      target,
      targetYear,
      source: { sheet: r.sheet, row: r.name.row, col: r.name.col },
      origin: r.layout,
    };

    const names = r.layout === "strategic" ? splitIndicatorText(cellText(r.name.v)) : [text(r.name.v)];
    if (names.length === 0) names.push("");
    if (!f.polarity) defaultPolarity += names.length;
    if (names.length > 1)
      findings.push(finding("info", "INDICATORI_SEPARATI", M.indicatorSplit(names.length), where(r.name)));

    for (const name of names) {
      const parsed = parseRatioText(name);
      const hasData = Object.keys(numerators).length + Object.keys(denominators).length > 0;
      let ratio: RatioSpec | null = null;
      if (hasData || numeratorText || denominatorText || factorField !== null || parsed) {
        ratio = {
          numerator: numeratorText || parsed?.numerator || "",
          denominator: denominatorText || parsed?.denominator || "",
          factor: factorField ?? parsed?.factor ?? null,
          numerators: { ...numerators },
          denominators: { ...denominators },
        };
        if (parsed && !numeratorText && !denominatorText)
          findings.push(
            finding(
              "info",
              "INDICATORE_RAPPORTO",
              M.indicatorRatio(parsed.numerator, parsed.denominator, ratio.factor ?? parsed.factor),
              where(r.name),
            ),
          );
      }
      const own = { ...values };
      if (ratio) applyRatio(own, ratio);
      indicators.push({ ...base, name, values: own, ratio });
    }
  }
  if (defaultPolarity > 0 && firstDefault)
    findings.push(
      finding("info", "INDICATORE_POLARITA_PREDEFINITA", M.indicatorPolarityDefault(defaultPolarity), {
        sheet: sheetName,
        row: firstDefault.row,
        col: firstDefault.col,
      }),
    );
  return { indicators, findings };
}

/** Recompute the values of the years that have a numerator or a denominator (as the sheet's formula does). */
function applyRatio(values: Record<number, number>, ratio: RatioSpec): void {
  const years = new Set([...Object.keys(ratio.numerators), ...Object.keys(ratio.denominators)].map(Number));
  for (const y of years) {
    const n = ratio.numerators[y];
    const d = ratio.denominators[y];
    if (n !== undefined && d !== undefined && d !== 0) values[y] = (n / d) * (ratio.factor ?? 1);
    else delete values[y];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Merging and years

/** Put series into the strategic rows they measure, and merge series of the same name. */
export function mergeIndicators(all: Indicator[]): { indicators: Indicator[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const key = (i: Indicator) => normalizeLabel(i.name);
  const strategic = new Map<string, Indicator[]>();
  for (const i of all) {
    if (i.origin !== "strategic" || key(i) === "") continue;
    const list = strategic.get(key(i)) ?? [];
    list.push(i);
    strategic.set(key(i), list);
  }
  const series = new Map<string, Indicator>();
  const out: Indicator[] = [];
  for (const i of all) {
    if (i.origin === "strategic") {
      out.push(i);
      continue;
    }
    const k = key(i);
    let targets = strategic.get(k) ?? [];
    if (i.objectiveCode) targets = targets.filter((t) => t.objectiveCode === i.objectiveCode);
    if (targets.length === 1) {
      absorb(targets[0], i, findings);
      continue;
    }
    if (targets.length > 1)
      findings.push(
        finding("info", "INDICATORE_NON_ABBINATO", M.indicatorAmbiguous(i.name, targets.length), i.source),
      );
    const sk = `${k}\u0000${normalizeLabel(i.objectiveCode || i.objective)}`;
    const same = series.get(sk);
    if (same) {
      absorb(same, i, findings);
      continue;
    }
    series.set(sk, i);
    out.push(i);
  }
  return { indicators: out, findings };
}

/** Move the data of `from` into `into` (its descriptive fields win where `into` has none). */
function absorb(into: Indicator, from: Indicator, findings: Finding[]): void {
  for (const [y, v] of Object.entries(from.values)) {
    const year = Number(y);
    if (year in into.values && into.values[year] !== v)
      findings.push(
        finding(
          "warning",
          "INDICATORE_ANNO_DUPLICATO",
          M.indicatorDuplicateYear(into.name, year),
          from.source,
        ),
      );
    else into.values[year] = v;
  }
  if (from.ratio) {
    const r = into.ratio ?? {
      numerator: "",
      denominator: "",
      factor: null,
      numerators: {},
      denominators: {},
    };
    r.numerator ||= from.ratio.numerator;
    r.denominator ||= from.ratio.denominator;
    r.factor ??= from.ratio.factor;
    for (const [y, v] of Object.entries(from.ratio.numerators)) r.numerators[Number(y)] ??= v;
    for (const [y, v] of Object.entries(from.ratio.denominators)) r.denominators[Number(y)] ??= v;
    into.ratio = r;
    applyRatio(into.values, r);
  }
  into.unitOfMeasure ||= from.unitOfMeasure;
  into.objective ||= from.objective;
  into.manager ||= from.manager;
  if (from.polarity === "decrescente") into.polarity = "decrescente";
  into.target ??= from.target;
  into.targetYear ??= from.targetYear;
}
