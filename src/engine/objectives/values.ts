/** Normalisation of the objective fields users write in many ways: codes, types, weights. */
import type { ObjectiveType } from "./model";
import { isDateFormat, readNumber } from "../core/numbers";
import { isErrorValue, type Scalar } from "../core/snapshot";
import { normalizeLabel } from "../core/text";

// A map, not an object: a cell reading `constructor` must not find Object.prototype's member.
const TYPE_WORDS = new Map<string, ObjectiveType>(
  Object.entries({
    i: "I",
    ind: "I",
    individuale: "I",
    "performance individuale": "I",
    "1": "I",
    o: "O",
    org: "O",
    organizzativa: "O",
    "performance organizzativa": "O",
    ente: "O",
    "0": "O",
    uo: "UO",
    "u o": "UO",
    "un org": "UO",
    "unita organizzativa": "UO",
    "performance di unita organizzativa": "UO",
    unit: "UO",
    individual: "I",
    organisational: "O",
    organizational: "O",
  } satisfies Record<string, ObjectiveType>),
);

/**
 * I, O or UO. The PDF-to-Excel noise `0` (for O) and `1` (for I) is recognised (domain.md §2).
 * Returns null when the type cannot be recognised.
 */
export function normalizeType(raw: Scalar): ObjectiveType | null {
  if (raw === null || raw === undefined || typeof raw === "boolean") return null;
  return TYPE_WORDS.get(normalizeLabel(String(raw))) ?? null;
}

export type WeightReading =
  | { ok: true; value: number; fromText: boolean; fromPercentFormat: boolean }
  | { ok: false; reason: "missing" | "not-a-number" | "error-value" | "date" };

/** Weight on a 0–100 scale from a cell; a number shown as a percentage (0.5 as `50%`) means 50. */
export function readWeight(v: Scalar, numberFormat: string | null): WeightReading {
  if (v === null || (typeof v === "string" && v.trim() === "")) return { ok: false, reason: "missing" };
  if (isErrorValue(v)) return { ok: false, reason: "error-value" };
  if (typeof v === "number" && numberFormat && isDateFormat(numberFormat))
    return { ok: false, reason: "date" };
  const n = readNumber(v, numberFormat);
  if (!n) return { ok: false, reason: "not-a-number" };
  const fromPercentFormat = n.percent && !n.fromText;
  return {
    ok: true,
    value: fromPercentFormat ? n.value * 100 : n.value,
    fromText: n.fromText,
    fromPercentFormat,
  };
}
