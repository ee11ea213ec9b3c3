/** Every line the `piao` command prints, in English: the same ids and arguments as `it.ts`. */
import { plural } from "../../engine/core/i18n";
import type { CliCatalogue } from "./it";

export const en: CliCatalogue = {
  usage: () =>
    [
      "Usage:",
      "  piao convert <input.xlsx> [-o <output.xlsx>] [--report <report.json>] [--lang it|en]",
      "  piao check <workbook.xlsx> [--lang it|en]",
      "  piao --help | -h      this help",
      "  piao --version        the version",
      "",
      "convert  writes the PIAO sheets to <input>-piao.xlsx (or -o), never touching the input file;",
      "         --report also writes every finding as JSON.",
      "check    reports the state of a workbook (converted or not); exits with 1 when it finds errors.",
      "--lang   language of the messages: it (default) or en.",
      "Exit status 2: unusable arguments or files.",
    ].join("\n"),
  usageHint: () =>
    "usage: piao convert FILE.xlsx [-o OUTPUT.xlsx] [--report REPORT.json] [--lang it|en] | piao check FILE.xlsx | piao --help",
  unknownCommand: (c) => `unknown command: ${c}`,
  missingCommand: () => "missing command",
  missingValue: (option) => `missing value for ${option} (for a name starting with "-": ${option}=NAME)`,
  badLang: (v) => `--lang takes it or en, not ${v}`,
  unknownOption: (o, command) =>
    `unknown option: ${o} (for a file starting with "-": piao ${command} -- ${o})`,
  missingFile: () => "missing .xlsx file",
  tooManyArgs: () => "too many arguments",
  checkOptions: () => "check takes neither -o nor --report",
  unexpected: (msg) => `unexpected error: ${msg}`,
  progress: (step) => ({ read: "reading", analyse: "analysing", write: "writing" })[step],
  converting: (file) => `PIAO Sheets – converting ${file}`,
  checking: (file) => `PIAO Sheets – checking ${file}`,
  sheets: () => "Sheets read:",
  units: () => "Units and weight sums:",
  noUnits: () => "  no objective found",
  unitLine: (objectives, sum, ok, gates) =>
    `${String(objectives).padStart(3)} ${objectives === 1 ? "objective" : "objectives"}, weight sum ${sum} ${ok ? "OK" : "ERROR"}` +
    (gates ? `, ${plural(gates, "gate objective", "gate objectives")} (weight 0)` : ""),
  findings: (error, warning, info) =>
    `Findings: ${plural(error, "error", "errors")}, ${plural(warning, "warning", "warnings")}, ${info} info`,
  errorsList: () => "Errors and warnings:",
  errorMark: () => "E",
  warningMark: () => "W",
  more: (n) => `  … and ${n} more (see the PIAO Verifica sheet)`,
  noSpending: () =>
    "Staff spending: no figures found in the workbook (fill in the PIAO Spesa personale sheet)",
  spendingLine: () => "Staff spending:",
  ratio: () => "ratio",
  threshold: () => "threshold",
  band: () => "band",
  maxSpending: () => "maximum spending",
  margin: () => "headroom",
  incomplete: () => "incomplete figures, fill in the PIAO Spesa personale sheet",
  outcomeUnder: (conditions) =>
    conditions === "verificate"
      ? "Under the threshold: hiring possible within the headroom"
      : conditions === "non rispettate"
        ? "Under the threshold: hiring conditions not met, no hiring"
        : "Under the threshold: headroom available, hiring only after the conditions are checked",
  outcomeBetween: () => "Between the two thresholds: the ratio may not increase (headroom 0)",
  outcomeAboveComune: () =>
    "Above the return threshold (Tabella 3): reduce the ratio, turnover at 30% from 2025",
  outcomeAbove: () => "Above the threshold: return under the threshold value, turnover at 30% from 2025",
  outcomeNoRevenue: () =>
    "Net current revenue not positive: ratio, maximum spending and headroom cannot be computed",
  provisional: () => " (provisional: the yearly increase cap cannot be checked)",
  yearLine: (year, margin, outcome, provisional) =>
    `  ${year}: ${margin !== null ? `headroom ${margin} — ` : ""}${{ SOTTO: "under the threshold", TRA: "between the thresholds", SOPRA: "above the threshold", ENTRATE: "net revenue not positive" }[outcome]}${provisional ? " (provisional)" : ""}`,
  conditions: (state) =>
    `  Hiring conditions: ${{ verificate: "verified", "da verificare": "to be checked", "non rispettate": "not met" }[state]}`,
  measures: () => "Measures of the objectives (PIAO Misure):",
  measuresLine: (measured, total, values) =>
    `${measured} of ${total} ${total === 1 ? "objective" : "objectives"} measured, ${values} with values at 31/12`,
  score: (score) => `, score ${score}`,
  archived: (n) => `${plural(n, "row", "rows")} moved to PIAO Archivio`,
  written: (file) => `Written: ${file}`,
  checkedConverted: () => "Checked the PIAO Obiettivi sheet (workbook already converted).",
  checkedSource: () => "Checked the user's sheets.",
};
