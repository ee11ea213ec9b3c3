/** Findings: every problem or notice the engine reports, with a link to its cell. */

export type Severity = "error" | "warning" | "info";
export type Lang = "it" | "en";

export interface Finding {
  severity: Severity;
  /** Stable machine code, e.g. `PESO_SOMMA`. */
  code: string;
  message: { it: string; en: string };
  /** Source sheet and 0-based cell, when the finding points at a cell. */
  sheet?: string;
  row?: number;
  col?: number;
  /** Unit (settore) the finding belongs to, when it has one. */
  unit?: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  it: { error: "Errore", warning: "Avviso", info: "Informazione" },
  en: { error: "Error", warning: "Warning", info: "Info" },
};

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.sheet ?? "").localeCompare(b.sheet ?? "") ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0),
  );
}
