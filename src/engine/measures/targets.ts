/**
 * Targets and values as clerks write them next to an objective: `<= 30 gg`, `>= 40%`, `almeno 5`,
 * `entro il 30/04/2025`, `>= 200.000 €`, `Sì`, `tra 20 e 30`. A parsed target gives the measure's polarity,
 * its target value and its scoring rule; anything else is kept as text for the user to read and decide.
 * Numbers are stored as the workbook stores them: percentages as fractions, dates as Excel serials.
 */
import type { MEASURE_POLARITIES, MEASURE_RULES } from "../core/contract";
import { isDateFormat, isPercentFormat, parseNumberText } from "../core/numbers";
import type { Scalar } from "../core/snapshot";
import { polarityWord } from "../core/synonyms";
import { normalizeLabel } from "../core/text";

export type Polarity = (typeof MEASURE_POLARITIES)[number];
export type Rule = (typeof MEASURE_RULES)[number];

export type QuantityKind = "number" | "percent" | "date" | "yesno";

/** A value read from a cell or a text: a number (fraction for %, serial for dates) or yes (1) / no (0). */
export interface Quantity {
  kind: QuantityKind;
  value: number;
  /** Unit of measure written with the number (`giorni`, `%`, `€`, `n.`), or empty. */
  unit: string;
}

export interface ParsedTarget extends Quantity {
  polarity: Polarity;
  rule: Rule;
}

const YES = new Set(["si", "x", "fatto", "yes", "realizzato", "completato", "vero", "true", "ok"]);
const NO = new Set(["no", "non fatto", "non realizzato", "falso", "false"]);

const MONTHS = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
];

/** Excel serial of a calendar date (1900 date system), or null when the date does not exist. */
export function dateSerial(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** `30/04/2025`, `30-04-2025`, `30.04.2025`, `30/04/25`, `30/06` (year from context), `30 aprile 2025`. */
function readDate(s: string, year: number | null): number | null {
  let m =
    /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?$/.exec(s) ?? /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$/.exec(s);
  if (m) {
    const y = m[3] ? fullYear(m[3]) : year;
    return y === null ? null : dateSerial(y, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{1,2})\s+([a-z]+)(?:\s+(\d{4}))?$/.exec(normalizeLabel(s));
  const month = m ? MONTHS.indexOf(m[2]) + 1 : 0;
  if (!m || month === 0) return null;
  const y = m[3] ? Number(m[3]) : year;
  return y === null ? null : dateSerial(y, month, Number(m[1]));
}

const UNIT_WORDS: [RegExp, string][] = [
  [/^(gg|gg\.|giorni|giorno|gg lavorativi|giorni lavorativi|days?)$/, "giorni"],
  [/^(€|euro|eur)$/, "€"],
  [/^(n|n\.|n°|nr|nr\.|numero)$/, "n."],
  [/^%$/, "%"],
];

function unitOf(raw: string): string {
  const s = raw.trim().toLowerCase();
  for (const [re, unit] of UNIT_WORDS) if (re.test(s)) return unit;
  return raw.trim();
}

/** A number with an optional unit before (`€ 1.000`, `n. 5`) or after (`30 gg`, `40%`, `200.000 €`). */
function readNumberWithUnit(s: string): Quantity | null {
  const m = /^(€|eur|euro|n\.|n°|nr\.?|n)?\s*([+-]?\d[\d.,]*)\s*(%|[^\d\s][^\d]{0,24})?$/i.exec(s);
  if (!m) return null;
  const n = parseNumberText(m[2]);
  if (!n) return null;
  const unit = m[3]?.startsWith("%") ? "%" : unitOf(m[3] ?? m[1] ?? "");
  if (unit === "%") return { kind: "percent", value: n.value / 100, unit };
  return { kind: "number", value: n.value, unit };
}

/** A value written in a text: yes/no, a date, or a number with its unit. */
function readText(raw: string, year: number | null): Quantity | null {
  const s = raw.replace(/\s+/g, " ").trim();
  const label = normalizeLabel(s);
  if (YES.has(label)) return { kind: "yesno", value: 1, unit: "" };
  if (NO.has(label)) return { kind: "yesno", value: 0, unit: "" };
  const date = readDate(s, year);
  if (date !== null) return { kind: "date", value: date, unit: "" };
  return readNumberWithUnit(s);
}

/** A value as a cell holds it: a number (a date or percent by its format), a boolean, or a text. */
export function readQuantity(v: Scalar, nf: string | null, year: number | null): Quantity | null {
  if (typeof v === "boolean") return { kind: "yesno", value: v ? 1 : 0, unit: "" };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    if (nf && isDateFormat(nf)) return { kind: "date", value: Math.floor(v), unit: "" };
    return isPercentFormat(nf)
      ? { kind: "percent", value: v, unit: "%" }
      : { kind: "number", value: v, unit: "" };
  }
  if (typeof v !== "string" || v.trim() === "") return null;
  return readText(v, year);
}

// Words end where letters end, so that `min` is not read in `minore di`.
const AT_LEAST =
  /^(>=|>|(?:almeno|non meno di|non inferiore a|pari o superiore a|superiore a|maggiore di|minimo|min\.?|at least)(?![a-zàèéìòù]))\s*/;
const AT_MOST =
  /^(<=|<|(?:non oltre|entro|massimo|max\.?|non superiore a|pari o inferiore a|inferiore a|minore di|fino a|at most|within)(?![a-zàèéìòù]))\s*/;
const ARTICLE = /^(il|l'|la|le|al|i)\s*/;

const polarityOf = (q: Quantity, written: "crescente" | "decrescente" | null): Polarity =>
  q.kind === "date" ? "scadenza" : q.kind === "yesno" ? "sì/no" : (written ?? "crescente");

/**
 * A target from its cell. `year` completes dates written without one (`entro il 30/06`). Returns null when
 * the target cannot be read: the caller keeps the text and leaves the rule to the user.
 */
export function parseTarget(v: Scalar, nf: string | null, year: number | null): ParsedTarget | null {
  if (typeof v !== "string") {
    const q = readQuantity(v, nf, year);
    if (!q) return null;
    const polarity = polarityOf(q, null);
    return { ...q, polarity, rule: polarity };
  }
  let s = v
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/≥|=>/g, ">=")
    .replace(/≤|=</g, "<=")
    .replace(/^(=|pari a)\s*/, "");
  let written: "crescente" | "decrescente" | null = null;
  const up = AT_LEAST.exec(s);
  const down = up ? null : AT_MOST.exec(s);
  if (up || down) {
    written = up ? "crescente" : "decrescente";
    s = s.slice((up ?? down)![0].length).replace(ARTICLE, "");
  }
  const range = /^(?:tra|fra|da|between)\s+(.+?)\s+(?:e|a|and|to)\s+(.+)$/.exec(s);
  if (range && !written) {
    const lo = readText(range[1], year);
    const hi = readText(range[2], year);
    if (lo && hi && lo.kind === hi.kind && lo.kind !== "yesno" && lo.value <= hi.value) {
      // A range scores as reaching its lower end; the text as written stays in `Target AAAA`.
      const polarity = polarityOf(lo, null);
      return { ...lo, unit: lo.unit || hi.unit, polarity, rule: polarity };
    }
  }
  const q = readText(s, year);
  if (!q || (written && q.kind === "yesno")) return null;
  const polarity = polarityOf(q, written);
  return { ...q, polarity, rule: polarity };
}

/** A polarity written in a `Polarità` column: the indicators' words, plus deadlines and yes/no. */
export function readPolarity(raw: string): Polarity | undefined {
  const word = polarityWord(raw);
  if (word) return word;
  const s = normalizeLabel(raw);
  if (/^(scadenza|data|termine|entro|deadline|date)$/.test(s)) return "scadenza";
  if (/^(si no|sino|binario|on off|yes no|boolean)$/.test(s)) return "sì/no";
  return undefined;
}
