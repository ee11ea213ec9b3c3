/**
 * Weights and types as the example sheets store them, including the deliberate noise: every
 * TEXT_WEIGHT_EVERY-th card (counted across the unit sheets) gets its weight written as text.
 */
import type { CardObjective } from "./parse-cards";

/** Every TEXT_WEIGHT_EVERY-th card gets its weight written as text (see scripts/build-example.ts). */
export const TEXT_WEIGHT_EVERY = 7;

/** A weight written as text, for the report. */
export interface TextWeight {
  sheet: string;
  code: string;
  weight: string;
}

/** Numbers the cards across the unit sheets and remembers which weights went in as text. */
export interface CardCounter {
  n: number;
  text: number;
  textWeights: TextWeight[];
}

export function newCardCounter(): CardCounter {
  return { n: 0, text: 0, textWeights: [] };
}

/** Numeric value of a weight as written ("3", "10 ", "2,5"); NaN when not a number. */
export function weightNumber(w: string | number): number {
  const s = String(w).trim().replace(",", ".");
  return s === "" ? NaN : Number(s);
}

/** Type as the sheet stores it: the digits 0 and 1 (extraction noise for O and I) become numbers. */
export function typeCell(t: string): string | number {
  return /^[01]$/.test(t) ? Number(t) : t;
}

/**
 * The weight cell of the next card (call once per card, in sheet order): a number, or the text as written
 * when it is not a number; on every TEXT_WEIGHT_EVERY-th card the text, alternately bare ("3") and with a
 * trailing space ("10 ").
 */
export function weightCell(counter: CardCounter, sheet: string, objective: CardObjective): string | number {
  counter.n++;
  const weight = weightNumber(objective.weight);
  if (counter.n % TEXT_WEIGHT_EVERY === 0) {
    counter.text++;
    const written = objective.weight.trim();
    const text = counter.text % 2 === 1 ? written : `${written} `;
    counter.textWeights.push({ sheet, code: objective.code, weight: text });
    return text;
  }
  return Number.isNaN(weight) ? objective.weight : weight;
}
