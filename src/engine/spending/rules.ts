/**
 * Regulatory parameters of the staff-spending threshold (art. 33 D.L. 34/2019), as data with their legal
 * source and verification mark (domain.md §4): [V] read in the Gazzetta Ufficiale, [S] specialist
 * sources, [M] widely cited but not verified. They are written to `PIAO Parametri`, where the workbook's
 * formulas read them, so a finance officer can correct a number without a new release.
 */
import type { Mark } from "../core/parameters";

export type BodyType = "Comune" | "Provincia" | "Città metropolitana";
export const BODY_TYPES: BodyType[] = ["Comune", "Provincia", "Città metropolitana"];

export interface Band {
  body: BodyType;
  band: string;
  /** Population from (inclusive) … to (exclusive); `to` null for the last band. */
  from: number;
  to: number | null;
  /** Threshold as a fraction (Tabella 1 for comuni). */
  threshold: number;
  /** Comuni only: the "rientro" threshold (Tabella 3). */
  returnThreshold: number | null;
  source: string;
  mark: Mark;
}

export interface Increase {
  body: BodyType;
  /** Band letter, or null when the same for every band (province and città metropolitane). */
  band: string | null;
  year: number;
  /** Allowed increase over the base-year spending, as a fraction. */
  rate: number;
  source: string;
  mark: Mark;
}

/** Open-ended last band: the table stores this as its upper edge so formulas need no special case. */
export const NO_UPPER_LIMIT = 1e12;

const DM_PROV = "D.M. 11/1/2022, artt. 3-4 (province e città metropolitane)";
const DM_COM = "D.M. 17/3/2020, artt. 3-4, Tabelle 1 e 3 (comuni)";

const COMUNI_EDGES = [0, 1000, 2000, 3000, 5000, 10000, 60000, 250000, 1500000];
const TAB1 = [0.295, 0.286, 0.276, 0.272, 0.269, 0.27, 0.276, 0.288, 0.253];
const TAB3 = [0.335, 0.326, 0.316, 0.312, 0.309, 0.31, 0.316, 0.328, 0.293];
const LETTERS = "abcdefghi";

function bandsOf(
  body: BodyType,
  edges: number[],
  thresholds: number[],
  returns: (number | null)[] | null,
  source: string,
  mark: Mark,
): Band[] {
  return edges.map((from, i) => ({
    body,
    band: LETTERS[i],
    from,
    to: i + 1 < edges.length ? edges[i + 1] : null,
    threshold: thresholds[i],
    returnThreshold: returns ? returns[i] : null,
    source,
    mark,
  }));
}

export const BANDS: Band[] = [
  // Tabella 1 [S], Tabella 3 [M]; the band edges themselves are [V] (domain.md §4).
  ...bandsOf("Comune", COMUNI_EDGES, TAB1, TAB3, DM_COM, "[S]"),
  // Exactly 250,000 inhabitants is band b) (art. 3 D.M. 11/1/2022) [V].
  ...bandsOf(
    "Provincia",
    [0, 250000, 350000, 450000, 700000],
    [0.208, 0.191, 0.191, 0.197, 0.139],
    null,
    DM_PROV,
    "[V]",
  ),
  ...bandsOf("Città metropolitana", [0, 750000, 1500000], [0.253, 0.142, 0.162], null, DM_PROV, "[V]"),
];

/** Tabella 2 D.M. 17/3/2020: maximum increase over 2018 spending, 2020–2024 ([V] for a–d, [M] for e–i). */
const TAB2: number[][] = [
  [23, 29, 33, 34, 35],
  [23, 29, 33, 34, 35],
  [20, 25, 28, 29, 30],
  [19, 24, 26, 27, 28],
  [17, 21, 24, 25, 26],
  [9, 16, 19, 21, 22],
  [7, 12, 14, 15, 16],
  [3, 6, 8, 9, 10],
  [1.5, 3, 4, 4.5, 5],
];

export const INCREASES: Increase[] = [
  ...TAB2.flatMap((rates, b) =>
    rates.map((r, k) => ({
      body: "Comune" as BodyType,
      band: LETTERS[b],
      year: 2020 + k,
      rate: r / 100,
      source: "D.M. 17/3/2020, art. 5, Tabella 2 (su spesa 2018)",
      mark: (b < 4 ? "[V]" : "[M]") as Mark,
    })),
  ),
  // Art. 5 D.M. 11/1/2022: increase over 2019 spending, same for every band, until 2024 [V].
  ...(["Provincia", "Città metropolitana"] as BodyType[]).flatMap((body) =>
    [
      [2022, 0.22],
      [2023, 0.24],
      [2024, 0.25],
    ].map(([year, rate]) => ({
      body,
      band: null,
      year,
      rate,
      source: "D.M. 11/1/2022, art. 5 (su spesa 2019)",
      mark: "[V]" as Mark,
    })),
  ),
];
