/**
 * Near-miss header matching against a synonym dictionary (normalised label → field): a header one edit or
 * one transposition away from a known label (`Pseo` → `peso`, `Obbiettivo` → `obiettivo`), or an
 * abbreviation of one written with dots (`Respons.` → `responsabile`, `Peso pond.` → `peso ponderale`).
 * Exact matches are the dictionary's business; this module decides what is *almost* a known header.
 */
import { normalizeLabel } from "./text";
import { pushTo } from "./multimap";

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** `a` from index `i` equals `b` from index `j`, to the end of both. */
function sameTail(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a[i] !== b[j]) return false;
  return true;
}

/**
 * `editDistance(a, b) === 1` without building the table: one substitution, insertion, deletion or adjacent
 * transposition after the common prefix (called for every header cell of large tables).
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length > b.length) return sameTail(a, i + 1, b, i);
  if (b.length > a.length) return sameTail(a, i, b, i + 1);
  return (
    sameTail(a, i + 1, b, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && sameTail(a, i + 2, b, i + 2))
  );
}

/** Shortest label that a typo may stand for: below this, one edit turns too many words into others. */
const MIN_TYPO_LENGTH = 4;
/** Shortest abbreviated word (`Resp.`, `Ind.`). */
const MIN_ABBREVIATION = 3;

/** The dictionary's labels split into words, once. */
const LABEL_WORDS = new Map<string, string[]>();
function labelWords(label: string): string[] {
  let words = LABEL_WORDS.get(label);
  if (!words) LABEL_WORDS.set(label, (words = label.split(" ")));
  return words;
}

function isAbbreviation(raw: string, words: string[], label: string): boolean {
  if (!raw.includes(".")) return false;
  const full = labelWords(label);
  if (full.length !== words.length) return false;
  let shorter = false;
  for (let i = 0; i < words.length; i++) {
    if (words[i] === full[i]) continue;
    if (words[i].length < MIN_ABBREVIATION || !full[i].startsWith(words[i])) return false;
    shorter = true;
  }
  return shorter;
}

function digits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) n++;
  return n;
}

/**
 * The most digits a label of the index has. A typo changes one character and an abbreviation only shortens
 * words, so a header with two digits more than any label (a code, `A 1.2`, a date) is near none of them.
 */
function maxDigits(index: ReadonlyMap<string, unknown>): number {
  let n = MAX_DIGITS.get(index);
  if (n === undefined) MAX_DIGITS.set(index, (n = Math.max(0, ...[...index.keys()].map(digits))));
  return n;
}
const MAX_DIGITS = new WeakMap<ReadonlyMap<string, unknown>, number>();

/** An index's entries grouped by label length and by word count, in the index's order. */
interface Grouped<F> {
  byLength: Map<number, [string, F, number][]>;
  byWords: Map<number, [string, F, number][]>;
  /** The candidates already picked, by length and word count. */
  picked: Map<number, [string, F][]>;
}
const GROUPED = new WeakMap<ReadonlyMap<string, unknown>, Grouped<unknown>>();

/**
 * The labels that can be a typo of a header of `length` characters (one character longer or shorter at most)
 * or an abbreviation with `words` words (0: the header has no dot), in the index's order — every header cell of
 * a large table is tried, and comparing each with the whole dictionary dominated a 10,000-row conversion.
 */
function candidates<F>(index: ReadonlyMap<string, F>, length: number, words: number): [string, F][] {
  let g = GROUPED.get(index) as Grouped<F> | undefined;
  if (!g) {
    g = { byLength: new Map(), byWords: new Map(), picked: new Map() };
    let order = 0;
    for (const [label, field] of index) {
      pushTo(g.byLength, label.length, [label, field, order] as [string, F, number]);
      pushTo(g.byWords, labelWords(label).length, [label, field, order] as [string, F, number]);
      order++;
    }
    GROUPED.set(index, g as Grouped<unknown>);
  }
  const key = length * 1024 + words;
  const known = g.picked.get(key);
  if (known) return known;
  const picked = new Map<number, [string, F]>();
  const lists = [length - 1, length, length + 1].map((n) => g.byLength.get(n));
  if (words > 0) lists.push(g.byWords.get(words));
  for (const list of lists) for (const [label, field, order] of list ?? []) picked.set(order, [label, field]);
  const found = [...picked.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
  g.picked.set(key, found);
  return found;
}

export type NearMiss<F> =
  | { kind: "typo" | "abbreviation"; field: F; label: string }
  | { kind: "ambiguous"; fields: F[]; labels: string[] };

/**
 * What a header that is not in the dictionary almost is: one field (with the label it was taken for), several
 * (ambiguous: the user chooses), or nothing. `ignore` holds labels known to mean something else.
 */
export function nearMiss<F>(
  raw: string,
  index: ReadonlyMap<string, F>,
  ignore: (normalised: string) => boolean = () => false,
): NearMiss<F> | undefined {
  const s = normalizeLabel(raw);
  if (!s || index.has(s) || ignore(s) || /^[\d ]+$/.test(s)) return undefined;
  if (digits(s) > maxDigits(index) + 1) return undefined;
  // Only a header with a dot can be an abbreviation: the others (most cells of a table) are not split in words.
  const words = raw.includes(".") ? s.split(" ") : [];
  // An abbreviation shortens a word of at least MIN_ABBREVIATION letters (`A 1.2`, a code, shortens none): the
  // labels of its word count are candidates only then (a typo is within one character of the length anyway).
  const abbreviated = words.some((w) => w.length >= MIN_ABBREVIATION);
  const labels = candidates(index, s.length, abbreviated ? words.length : 0);
  if (labels.length === 0) return undefined;
  const found = new Map<F, { label: string; kind: "typo" | "abbreviation" }>();
  for (const [label, field] of labels) {
    if (found.has(field)) continue;
    if (isAbbreviation(raw, words, label)) found.set(field, { label, kind: "abbreviation" });
    else if (label.length >= MIN_TYPO_LENGTH && s.length >= MIN_TYPO_LENGTH && oneEditApart(s, label))
      found.set(field, { label, kind: "typo" });
  }
  if (found.size === 0) return undefined;
  const entries = [...found.entries()];
  if (entries.length === 1) {
    const [field, m] = entries[0];
    return { kind: m.kind, field, label: displayLabel(m.label) };
  }
  return {
    kind: "ambiguous",
    fields: entries.map(([f]) => f),
    labels: entries.map(([, m]) => displayLabel(m.label)),
  };
}

/** The known label closest to a header (at most a third of its letters different), for messages. */
export function closestLabel(raw: string, labels: Iterable<string>): string | undefined {
  const s = normalizeLabel(raw);
  if (s.length < MIN_ABBREVIATION) return undefined;
  let best: string | undefined;
  let distance = Math.max(2, Math.floor(s.length / 3)) + 1;
  for (const label of labels) {
    const d = label.startsWith(s) || s.startsWith(label) ? 1 : editDistance(s, label);
    if (d < distance) [best, distance] = [label, d];
  }
  return best === undefined ? undefined : displayLabel(best);
}

/** `peso ponderale` → `Peso ponderale`. */
export function displayLabel(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
