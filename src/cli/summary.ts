/** The CLI's printed summary and JSON report. */
import type { CheckResult } from "../engine/check";
import type { ConversionResult } from "../engine/convert";
import { countBySeverity, type Finding } from "../engine/core/findings";
import type { Lang } from "../engine/core/i18n";
import { findingRef } from "../engine/core/messages";
import type { UnitSummary } from "../engine/objectives/weights";
import type { ConditionsState } from "../engine/spending/costs";

const T = {
  it: {
    converting: "PIAO Sheets – conversione di",
    checking: "PIAO Sheets – verifica di",
    sheets: "Fogli letti:",
    units: "Unità e somma dei pesi:",
    noUnits: "  nessun obiettivo trovato",
    objectives: "obiettivi",
    sum: "somma pesi",
    gates: "cancello (peso 0)",
    findings: (c: Record<string, number>) =>
      `Segnalazioni: ${c.error} errori, ${c.warning} avvisi, ${c.info} informazioni`,
    errorsList: "Errori e avvisi:",
    more: (n: number) => `  … e altre ${n} segnalazioni (vedere il foglio PIAO Verifica)`,
    spending:
      "Spesa di personale: dati non trovati nella cartella (compilare il foglio PIAO Spesa personale)",
    spendingLine: "Spesa di personale:",
    spendingParts: ["rapporto", "soglia", "fascia", "spesa massima", "margine"],
    incomplete: "dati incompleti, completare il foglio PIAO Spesa personale",
    yearMargin: "margine",
    yearOutcome: {
      SOTTO: "sotto soglia",
      TRA: "tra le due soglie",
      SOPRA: "sopra la soglia",
      ENTRATE: "entrate nette non positive",
    },
    provisional: "provvisorio",
    conditions: (state: ConditionsState) => `  Condizioni per assumere: ${state}`,
    archived: (n: number) => `Righe spostate in PIAO Archivio: ${n}`,
    measures: "Misure degli obiettivi (PIAO Misure):",
    measuresLine: (measured: number, total: number, values: number) =>
      `${measured} obiettivi misurati su ${total}, ${values} con i valori al 31/12`,
    score: "punteggio",
    written: "Scritto:",
    checkedConverted: "Controllato il foglio PIAO Obiettivi (cartella già convertita).",
    checkedSource: "Controllati i fogli dell'utente.",
  },
  en: {
    converting: "PIAO Sheets – converting",
    checking: "PIAO Sheets – checking",
    sheets: "Sheets read:",
    units: "Units and weight sums:",
    noUnits: "  no objective found",
    objectives: "objectives",
    sum: "weight sum",
    gates: "gate (weight 0)",
    findings: (c: Record<string, number>) =>
      `Findings: ${c.error} errors, ${c.warning} warnings, ${c.info} info`,
    errorsList: "Errors and warnings:",
    more: (n: number) => `  … and ${n} more (see the PIAO Verifica sheet)`,
    spending: "Staff spending: no figures found in the workbook (fill in the PIAO Spesa personale sheet)",
    spendingLine: "Staff spending:",
    spendingParts: ["ratio", "threshold", "band", "maximum spending", "headroom"],
    incomplete: "incomplete figures, fill in the PIAO Spesa personale sheet",
    yearMargin: "headroom",
    yearOutcome: {
      SOTTO: "under the threshold",
      TRA: "between the thresholds",
      SOPRA: "above the threshold",
      ENTRATE: "net revenue not positive",
    },
    provisional: "provisional",
    conditions: (state: ConditionsState) =>
      `  Hiring conditions: ${{ verificate: "verified", "da verificare": "to be checked", "non rispettate": "not met" }[state]}`,
    archived: (n: number) => `Rows moved to PIAO Archivio: ${n}`,
    measures: "Measures of the objectives (PIAO Misure):",
    measuresLine: (measured: number, total: number, values: number) =>
      `${measured} of ${total} objectives measured, ${values} with values at 31/12`,
    score: "score",
    written: "Written:",
    checkedConverted: "Checked the PIAO Obiettivi sheet (workbook already converted).",
    checkedSource: "Checked the user's sheets.",
  },
};

const num = (n: number, lang: Lang) => (lang === "it" ? String(n).replace(".", ",") : String(n));
const locale = (lang: Lang) => (lang === "it" ? "it-IT" : "en-GB");
const money = (n: number, lang: Lang) =>
  `€ ${new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true }).format(n)}`;
const pct = (n: number, lang: Lang) =>
  new Intl.NumberFormat(locale(lang), {
    style: "percent",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(n);

/** The spending outcome, the plan years and the hiring conditions, when figures were found in the workbook. */
function spendingLines(r: ConversionResult, lang: Lang): string[] {
  const t = T[lang];
  if (r.spending.found === 0) return [t.spending];
  const years = r.spending.years
    .filter((y) => y.year !== null && y.outcome !== null)
    .map(
      (y) =>
        `  ${y.year}: ${y.margin !== null ? `${t.yearMargin} ${money(y.margin, lang)} — ` : ""}${t.yearOutcome[y.outcome!]}` +
        (y.capState === "non verificabile" ? ` (${t.provisional})` : ""),
    );
  return [spendingLine(r, lang), ...years, t.conditions(r.spending.outputs.conditions)];
}

function spendingLine(r: ConversionResult, lang: Lang): string {
  const t = T[lang];
  const o = r.spending.outputs;
  const [ratio, threshold, band, max, margin] = t.spendingParts;
  const parts = [
    o.ratio !== null ? `${ratio} ${pct(o.ratio, lang)}` : "",
    o.threshold !== null ? `${threshold} ${pct(o.threshold, lang)}` : "",
    o.band !== null ? `${band} ${o.band}` : "",
    o.maxSpending !== null ? `${max} ${money(o.maxSpending, lang)}` : "",
    o.margin !== null ? `${margin} ${money(o.margin, lang)}` : "",
  ].filter(Boolean);
  return `${t.spendingLine} ${parts.join(", ")}${parts.length ? " — " : ""}${r.spending.outcome || t.incomplete}`;
}

function unitLines(units: UnitSummary[], lang: Lang): string[] {
  const t = T[lang];
  if (units.length === 0) return [t.noUnits];
  const width = Math.min(48, Math.max(...units.map((u) => u.unit.length)));
  return units.map(
    (u) =>
      `  ${u.unit.padEnd(width)}  ${String(u.objectives).padStart(3)} ${t.objectives}, ${t.sum} ${num(u.weightSum, lang)} ${u.ok ? "OK" : "ERRORE"}` +
      (u.gates ? `, ${u.gates} ${t.gates}` : ""),
  );
}

/** Per unit: objectives measured, with values, and the score once every value is in. */
function measureLines(r: ConversionResult, lang: Lang): string[] {
  const t = T[lang];
  if (r.measures.units.length === 0) return [];
  const width = Math.min(48, Math.max(...r.measures.units.map((u) => u.unit.length)));
  return [
    t.measures,
    ...r.measures.units.map(
      (u) =>
        `  ${u.unit.padEnd(width)}  ${t.measuresLine(u.measured, u.objectives, u.withValues)}` +
        (u.score !== undefined ? `, ${t.score} ${num(Math.round(u.score * 100) / 100, lang)}` : ""),
    ),
  ];
}

function problemLines(findings: Finding[], lang: Lang, max = 15): string[] {
  const serious = findings.filter((f) => f.severity !== "info");
  if (serious.length === 0) return [];
  const lines = [T[lang].errorsList];
  for (const f of serious.slice(0, max)) {
    const ref = findingRef(f);
    lines.push(`  [${f.severity === "error" ? "E" : "A"}] ${ref ? ref + " " : ""}${f.message[lang]}`);
  }
  if (serious.length > max) lines.push(T[lang].more(serious.length - max));
  return lines;
}

export function formatConversion(input: string, output: string, r: ConversionResult, lang: Lang): string {
  const t = T[lang];
  const lines = [`${t.converting} ${input}`, t.sheets];
  for (const s of r.sheets) lines.push(`  ${s.sheet}: ${s.summary[lang]}`, `    ${s.rowsSummary[lang]}.`);
  lines.push(t.units, ...unitLines(r.units, lang), ...measureLines(r, lang));
  lines.push(t.findings(countBySeverity(r.findings)), ...problemLines(r.findings, lang));
  lines.push(...spendingLines(r, lang));
  if (r.archived) lines.push(t.archived(r.archived));
  lines.push(`${t.written} ${output}`);
  return lines.join("\n") + "\n";
}

export function formatCheck(input: string, r: CheckResult, lang: Lang): string {
  const t = T[lang];
  const lines = [`${t.checking} ${input}`, r.checked === "converted" ? t.checkedConverted : t.checkedSource];
  lines.push(t.units, ...unitLines(r.units, lang));
  lines.push(t.findings(countBySeverity(r.findings)), ...problemLines(r.findings, lang));
  return lines.join("\n") + "\n";
}

export function reportJson(input: string, output: string, r: ConversionResult) {
  return {
    input,
    output,
    sheets: r.sheets,
    units: r.units,
    objectives: r.objectives.length,
    measures: r.measures,
    findings: r.findings.map((f) => ({ ...f, cell: findingRef(f) || undefined })),
    counts: countBySeverity(r.findings),
    archived: r.archived,
  };
}
