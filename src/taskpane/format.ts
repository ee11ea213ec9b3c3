/** Number formatting for the pane, in the catalogue's locale. */
import type { Counts, Strings } from "./i18n";
import type { FindingView } from "./actions";

export function formatNumber(n: number, s: Strings, maxDecimals = 2): string {
  return new Intl.NumberFormat(s.numberLocale, { maximumFractionDigits: maxDecimals }).format(n);
}

export function formatPercent(n: number, s: Strings): string {
  return new Intl.NumberFormat(s.numberLocale, {
    style: "percent",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(n);
}

export function formatMoney(n: number, s: Strings): string {
  const amount = new Intl.NumberFormat(s.numberLocale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(n);
  return `€ ${amount}`;
}

export function countFindings(findings: readonly FindingView[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
