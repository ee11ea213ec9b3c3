/**
 * The whole independent parse of the reference text. It shares nothing with the engine's detection on
 * purpose: test/example-detection.test.ts compares the two.
 */
import { type Unit, parseCards } from "./parse-cards";
import { type SpendingParse, parseSpending } from "./parse-spending";
import { type StrategicTable, parseStrategic } from "./parse-strategic";
import { type SummaryTable, parseSummary } from "./parse-summary";

export interface ParsedReference {
  lines: string[];
  strategic: StrategicTable;
  summary: SummaryTable;
  units: Unit[];
  cardWarnings: string[];
  /** 1-based first line and (exclusive) end of the cards section. */
  cardRange: [number, number];
  spending: SpendingParse;
}

export function parseReference(text: string): ParsedReference {
  const lines = text.split(/\r?\n/);
  const cards = parseCards(lines);
  return {
    lines,
    strategic: parseStrategic(lines),
    summary: parseSummary(lines),
    units: cards.units,
    cardWarnings: cards.warnings,
    cardRange: cards.range,
    spending: parseSpending(lines),
  };
}
