/**
 * Near-miss header matching against a synonym dictionary (normalised label → field): a header one edit or
 * one transposition away from a known label (`Pseo` → `peso`, `Obbiettivo` → `obiettivo`), or an
 * abbreviation of one written with dots (`Respons.` → `responsabile`, `Peso pond.` → `peso ponderale`).
 * Exact matches are the dictionary's business; this module decides what is *almost* a known header.
 */
import { normalizeLabel } from "./text";

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

/** Shortest label that a typo may stand for: below this, one edit turns too many words into others. */
const MIN_TYPO_LENGTH = 4;
/** Shortest abbreviated word (`Resp.`, `Ind.`). */
const MIN_ABBREVIATION = 3;

function isAbbreviation(raw: string, words: string[], label: string): boolean {
  if (!raw.includes(".")) return false;
  const full = label.split(" ");
  if (full.length !== words.length) return false;
  let shorter = false;
  for (let i = 0; i < words.length; i++) {
    if (words[i] === full[i]) continue;
    if (words[i].length < MIN_ABBREVIATION || !full[i].startsWith(words[i])) return false;
    shorter = true;
  }
  return shorter;
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
  const words = s.split(" ");
  const found = new Map<F, { label: string; kind: "typo" | "abbreviation" }>();
  for (const [label, field] of index) {
    if (found.has(field)) continue;
    if (isAbbreviation(raw, words, label)) found.set(field, { label, kind: "abbreviation" });
    else if (
      label.length >= MIN_TYPO_LENGTH &&
      s.length >= MIN_TYPO_LENGTH &&
      Math.abs(label.length - s.length) <= 1 &&
      editDistance(s, label) === 1
    )
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
