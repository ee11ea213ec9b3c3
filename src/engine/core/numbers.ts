/** Numbers as users type them: Italian or English separators, percent signs, currency, as text or not. */
import type { Scalar } from "./snapshot";

export interface ParsedNumber {
  value: number;
  /** The cell held text that had to be read as a number. */
  fromText: boolean;
  /** A percent sign was written, or the cell has a percent number format (the value is then a fraction). */
  percent: boolean;
}

/**
 * Read a number from text: `4.553.779,86`, `4,553,779.86`, `45 %`, `0,45`, `€ 1.000`, `1.000`, `3`.
 * A single separator followed by exactly three digits is a thousands separator in Italian style (`1.000`)
 * only when there is no other separator; `0,45` and `12.5` are decimals.
 */
export function parseNumberText(raw: string): { value: number; percent: boolean } | null {
  let s = raw.replace(/[\s\u00a0]/g, "").replace(/^€|€$|^EUR|EUR$/gi, "");
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (!/^[+-]?[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normalized: string;
  if (dots > 0 && commas > 0) {
    // The separator that comes last is the decimal one.
    normalized =
      s.lastIndexOf(",") > s.lastIndexOf(".") ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  } else if (commas > 1) {
    normalized = s.replace(/,/g, "");
  } else if (dots > 1) {
    normalized = s.replace(/\./g, "");
  } else if (commas === 1) {
    normalized =
      /^[+-]?\d{1,3},\d{3}$/.test(s) && !/^[+-]?0,/.test(s) ? s.replace(",", "") : s.replace(",", ".");
  } else if (dots === 1) {
    // `1.000` in an Italian workbook is one thousand; `12.5` is a decimal.
    normalized = /^[+-]?\d{1,3}\.\d{3}$/.test(s) && !/^[+-]?0\./.test(s) ? s.replace(".", "") : s;
  } else {
    normalized = s;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(normalized)) return null;
  const value = Number(normalized);
  return Number.isFinite(value) ? { value, percent } : null;
}

/** True when an Excel number format shows the value as a percentage (`0%`, `0.00%`). */
export function isPercentFormat(fmt: string | null | undefined): boolean {
  return !!fmt && /%/.test(fmt.replace(/"[^"]*"|\\./g, ""));
}

/** A number from a cell value and its number format, or null when the cell is not a number. */
export function readNumber(v: Scalar, numberFormat?: string | null): ParsedNumber | null {
  if (typeof v === "number")
    return Number.isFinite(v) ? { value: v, fromText: false, percent: isPercentFormat(numberFormat) } : null;
  if (typeof v === "string") {
    const p = parseNumberText(v);
    return p ? { value: p.value, fromText: true, percent: p.percent } : null;
  }
  return null;
}

/** Round to 10 decimals to remove binary noise (0.1 + 0.2) before comparing or displaying. */
export function tidy(n: number): number {
  return Math.round(n * 1e10) / 1e10;
}

/** A date or time number format (`dd/mm/yyyy`, `m/d/yy h:mm`), ignoring quoted text and colours. */
export function isDateFormat(fmt: string): boolean {
  const f = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dmyhs]/i.test(f) && !/^[#0.,%\s€$-]*$/.test(f) && !/general/i.test(f);
}
