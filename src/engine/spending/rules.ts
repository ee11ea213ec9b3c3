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
  /** Verification of each number of the row, as `PIAO Parametri` shows it. */
  mark: string;
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

// Sources (notes of issue 14): the province and città metropolitane bands and thresholds are written in
// art. 4 cc. 1-2 D.M. 11/1/2022 [V]; for comuni the bands are in art. 3 c. 1 D.M. 17/3/2020 [V], Tabella 1 in
// art. 4 c. 1 [S] and Tabella 3 in art. 6 c. 1 [S for rows a-c, M for rows d-i: not found in a source].
const DM_PROV = "D.M. 11/1/2022, art. 4 cc. 1-2 (province e città metropolitane)";
const DM_COM = "D.M. 17/3/2020: fasce art. 3 c. 1; Tabella 1 art. 4 c. 1; Tabella 3 art. 6 c. 1 (comuni)";
/** Tabella 3 rows a-c read in a specialist source; d-i not found ([M]). */
const TAB3_VERIFIED_ROWS = 3;

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
  mark: (i: number) => string,
): Band[] {
  return edges.map((from, i) => ({
    body,
    band: LETTERS[i],
    from,
    to: i + 1 < edges.length ? edges[i + 1] : null,
    threshold: thresholds[i],
    returnThreshold: returns ? returns[i] : null,
    source,
    mark: mark(i),
  }));
}

export const BANDS: Band[] = [
  // Bands [V] (art. 3 c. 1), Tabella 1 [S] (art. 4 c. 1), Tabella 3 [S] a-c, [M] d-i (art. 6 c. 1).
  ...bandsOf(
    "Comune",
    COMUNI_EDGES,
    TAB1,
    TAB3,
    DM_COM,
    (i) => `[V] fasce; [S] Tabella 1; ${i < TAB3_VERIFIED_ROWS ? "[S]" : "[M]"} Tabella 3`,
  ),
  // Exactly 250,000 inhabitants is band b) (art. 4 c. 1 lett. b D.M. 11/1/2022) [V].
  ...bandsOf(
    "Provincia",
    [0, 250000, 350000, 450000, 700000],
    [0.208, 0.191, 0.191, 0.197, 0.139],
    null,
    DM_PROV,
    () => "[V]",
  ),
  ...bandsOf("Città metropolitana", [0, 750000, 1500000], [0.253, 0.142, 0.162], null, DM_PROV, () => "[V]"),
];

/**
 * Tabella 2, art. 5 c. 1 D.M. 17/3/2020: maximum increase over 2018 spending, 2020–2024 ([V] for rows a–d, read
 * in the Gazzetta Ufficiale of 27/4/2020; [M] for rows e–i, which the stored copy cuts off).
 */
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
      source: "D.M. 17/3/2020, art. 5 c. 1, Tabella 2 (su spesa 2018)",
      mark: (b < 4 ? "[V]" : "[M]") as Mark,
    })),
  ),
  // Art. 5 c. 1 D.M. 11/1/2022: increase over 2019 spending, same for every band, until 2024 [V].
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
      source: "D.M. 11/1/2022, art. 5 c. 1 (su spesa 2019)",
      mark: "[V]" as Mark,
    })),
  ),
];

/** Base year of the yearly cap: 2018 for comuni (art. 5 c. 1 D.M. 17/3/2020), 2019 for the others (art. 5 c. 1 D.M. 11/1/2022) [V]. */
export function baseYear(body: BodyType): number {
  return body === "Comune" ? 2018 : 2019;
}

/**
 * "Resti assunzionali": unused capacity of earlier years, usable instead of the yearly cap when more
 * favourable and within the threshold — art. 5 c. 2 D.M. 11/1/2022 for province and città metropolitane [V];
 * art. 5 c. 2 D.M. 17/3/2020 for comuni (2015–2019), read as an alternative by the MEF-RGS opinion 238867/2020 [M].
 */
export const RESTI_SOURCE =
  "art. 5 c. 2 D.M. 11/1/2022 [V]; art. 5 c. 2 D.M. 17/3/2020 e parere MEF-RGS 238867/2020 [M]";
