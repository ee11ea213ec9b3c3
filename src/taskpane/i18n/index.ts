import type { Language } from "../actions";
import { en } from "./en";
import { it } from "./it";
import type { Strings } from "./types";

export type { Strings, Counts } from "./types";
export type { Language } from "../actions";

export const LANGUAGES: readonly Language[] = ["it", "en"];

const CATALOGUES: Record<Language, Strings> = { it, en };

export function strings(language: Language): Strings {
  return CATALOGUES[language];
}

/** Office's display language (RFC 1766, e.g. `it-IT`): any Italian variant → Italian, anything else → English. */
export function languageFor(tag: string | null | undefined): Language {
  return /^it(-|_|$)/i.test((tag ?? "").trim()) ? "it" : "en";
}
