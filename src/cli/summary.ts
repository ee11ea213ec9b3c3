/** The CLI's printed summary and JSON report. */
import type { CheckResult } from "../engine/check";
import type { ConversionResult } from "../engine/convert";
import { append } from "../engine/core/append";
import { countBySeverity, type Finding } from "../engine/core/findings";
import type { Lang } from "../engine/core/i18n";
import { findingRef } from "../engine/core/messages";
import type { UnitSummary } from "../engine/objectives/weights";
import { CLI } from "./i18n";

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

/** The spending outcome in the chosen language (the workbook writes it in Italian). */
function outcome(r: ConversionResult, lang: Lang): string {
  const t = CLI[lang];
  const o = r.spending.outputs;
  switch (o.outcome) {
    case "SOTTO":
      return t.outcomeUnder(o.conditions) + (o.capState === "non verificabile" ? t.provisional() : "");
    case "TRA":
      return t.outcomeBetween();
    case "SOPRA":
      return r.spending.inputs.body === "Comune" ? t.outcomeAboveComune() : t.outcomeAbove();
    case "ENTRATE":
      return t.outcomeNoRevenue();
    default:
      return t.incomplete();
  }
}

/** The spending outcome, the plan years and the hiring conditions, when figures were found in the workbook. */
function spendingLines(r: ConversionResult, lang: Lang): string[] {
  const t = CLI[lang];
  if (r.spending.found === 0) return [t.noSpending()];
  const o = r.spending.outputs;
  const parts = [
    o.ratio !== null ? `${t.ratio()} ${pct(o.ratio, lang)}` : "",
    o.threshold !== null ? `${t.threshold()} ${pct(o.threshold, lang)}` : "",
    o.band !== null ? `${t.band()} ${o.band}` : "",
    o.maxSpending !== null ? `${t.maxSpending()} ${money(o.maxSpending, lang)}` : "",
    o.margin !== null ? `${t.margin()} ${money(o.margin, lang)}` : "",
  ].filter(Boolean);
  const years = r.spending.years.flatMap((y) =>
    y.year !== null && y.outcome !== null
      ? [
          t.yearLine(
            y.year,
            y.margin !== null ? money(y.margin, lang) : null,
            y.outcome,
            y.capState === "non verificabile",
          ),
        ]
      : [],
  );
  return [
    `${t.spendingLine()} ${parts.join(", ")}${parts.length ? " — " : ""}${outcome(r, lang)}`,
    ...years,
    t.conditions(o.conditions),
  ];
}

/** Per unit: objectives measured, with values, and the score once every value is in. */
function measureLines(r: ConversionResult, lang: Lang): string[] {
  const t = CLI[lang];
  if (r.measures.units.length === 0) return [];
  const width = unitWidth(r.measures.units);
  return [
    t.measures(),
    ...r.measures.units.map(
      (u) =>
        `  ${u.unit.padEnd(width)}  ${t.measuresLine(u.measured, u.objectives, u.withValues)}` +
        (u.score !== undefined ? t.score(num(Math.round(u.score * 100) / 100, lang)) : ""),
    ),
  ];
}

/** The width of the units' column: their longest name, at most 48 (a loop: a workbook can have many units). */
function unitWidth(units: readonly { unit: string }[]): number {
  return Math.min(
    48,
    units.reduce((w, u) => Math.max(w, u.unit.length), 0),
  );
}

function unitLines(units: UnitSummary[], lang: Lang): string[] {
  const t = CLI[lang];
  if (units.length === 0) return [t.noUnits()];
  const width = unitWidth(units);
  return units.map(
    (u) => `  ${u.unit.padEnd(width)}  ${t.unitLine(u.objectives, num(u.weightSum, lang), u.ok, u.gates)}`,
  );
}

function findingsLine(findings: Finding[], lang: Lang): string {
  const c = countBySeverity(findings);
  return CLI[lang].findings(c.error, c.warning, c.info);
}

function problemLines(findings: Finding[], lang: Lang, max = 15): string[] {
  const serious = findings.filter((f) => f.severity !== "info");
  if (serious.length === 0) return [];
  const t = CLI[lang];
  const lines = [t.errorsList()];
  for (const f of serious.slice(0, max)) {
    const ref = findingRef(f);
    const mark = f.severity === "error" ? t.errorMark() : t.warningMark();
    lines.push(`  [${mark}] ${ref ? ref + " " : ""}${f.message[lang]}`);
  }
  if (serious.length > max) lines.push(t.more(serious.length - max));
  return lines;
}

export function formatConversion(input: string, output: string, r: ConversionResult, lang: Lang): string {
  const t = CLI[lang];
  const lines = [t.converting(input), t.sheets()];
  for (const s of r.sheets) lines.push(`  ${s.sheet}: ${s.summary[lang]}`, `    ${s.rowsSummary[lang]}.`);
  // Joined without spreading: one line per unit, and a workbook can have any number of them.
  append(lines, [t.units()], unitLines(r.units, lang), measureLines(r, lang));
  append(lines, [findingsLine(r.findings, lang)], problemLines(r.findings, lang), spendingLines(r, lang));
  if (r.archived) lines.push(t.archived(r.archived));
  lines.push(t.written(output));
  return lines.join("\n") + "\n";
}

export function formatCheck(input: string, r: CheckResult, lang: Lang): string {
  const t = CLI[lang];
  const lines = [t.checking(input), r.checked === "converted" ? t.checkedConverted() : t.checkedSource()];
  append(lines, [t.units()], unitLines(r.units, lang));
  append(lines, [findingsLine(r.findings, lang)], problemLines(r.findings, lang));
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
