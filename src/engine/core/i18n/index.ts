/**
 * One message mechanism for the engine, the CLI and the task pane: a typed catalogue per language, keyed by
 * message id (each language's catalogue must have every id of the Italian one, with the same arguments —
 * the type-check fails otherwise, and `test/i18n.test.ts` checks it at run time too).
 */
export type Lang = "it" | "en";
export const LANGS: readonly Lang[] = ["it", "en"];

/** A text in every language, e.g. a finding's message. */
export type Text = Record<Lang, string>;

// A catalogue entry is a function of the message's arguments (or a plain string for fixed texts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = (...args: any[]) => string;

export type Bilingual<C extends Record<string, Entry>> = {
  [K in keyof C]: (...args: Parameters<C[K]>) => Text;
};

/** Longest user text quoted in a message: a cell holds at most 32,767 characters, a reader far fewer. */
export const MAX_QUOTED = 200;

/** A user's text cut to `MAX_QUOTED` characters, with "…" when cut. */
export function clip(s: string): string {
  return s.length > MAX_QUOTED ? `${s.slice(0, MAX_QUOTED - 1)}…` : s;
}

/**
 * Pairs the languages' catalogues into one whose entries give the text in every language. Text arguments
 * (usually quoted from the user's cells) are clipped, so no message can outgrow a cell.
 */
export function bilingual<C extends Record<string, Entry>>(catalogues: Record<Lang, C>): Bilingual<C> {
  const out: Record<string, (...args: unknown[]) => Text> = {};
  for (const id of Object.keys(catalogues.it))
    out[id] = (...raw: unknown[]) => {
      const args = raw.map((a) => (typeof a === "string" ? clip(a) : a));
      return { it: catalogues.it[id](...args), en: catalogues.en[id](...args) };
    };
  return out as Bilingual<C>;
}

/** Italian numbers in messages: at most two decimals, comma as separator. */
export const numIt = (n: number): string => String(Math.round(n * 100) / 100).replace(".", ",");
export const numEn = (n: number): string => String(Math.round(n * 100) / 100);

/** A count with its noun in the right form: `plural(1, "errore", "errori")` → "1 errore". */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
