/** The engine's messages in English: the same ids and arguments as `it.ts`. */
import type { RowCounts } from "../model";
import { numEn, plural } from "./index";
import type { EngineCatalogue } from "./it";

const show = (v: string | number) => (typeof v === "number" ? numEn(v) : `"${v}"`);

export const en: EngineCatalogue = {
  // — objectives: detection, normalisation, weights, summary table
  codeNormalized: (from: string, to: string) => `Code "${from}" read as "${to}".`,
  typeNormalized: (from: string, to: string) => `Type "${from}" read as "${to}".`,
  typeUnknown: (from: string) =>
    from
      ? `Type "${from}" not recognised: use I (individual), O (organisational) or UO (organisational unit).`
      : `Type missing: use I (individual), O (organisational) or UO (organisational unit).`,
  weightText: (raw: string, value: number) =>
    `Weight stored as text ("${raw}") read as the number ${numEn(value)}.`,
  weightPercentFormat: (value: number) => `Weight in percent format read as ${numEn(value)} (out of 100).`,
  weightMissing: () => "Weight missing.",
  weightNotNumber: (raw: string) => `Weight "${raw}" is not a number.`,
  weightDate: () => "The weight cell holds a date: enter a number from 0 to 100.",
  weightNegative: (v: number) => `Negative weight (${numEn(v)}): it must be between 0 and 100.`,
  weightTooLarge: (v: number) => `Weight ${numEn(v)} above 100: it must be between 0 and 100.`,
  gate: (code: string) =>
    `Objective ${code} weighs 0: a "gate" objective (e.g. payment times, art. 4-bis D.L. 13/2023), outside the 100 points.`,
  unitSum: (unit: string, sum: number) => `${unit}: the weights sum to ${numEn(sum)}, they must sum to 100.`,
  fractionsScaled: (unit: string) => `${unit}: weights given as fractions summing to 1, scaled to 100.`,
  duplicateCode: (unit: string, code: string) =>
    `${unit}: code ${code} appears more than once; its measures in PIAO Misure count for the last row with this code.`,
  textCleaned: () => "Text cleaned of HTML tags or bullets.",
  hiddenRow: () => "Objective in a hidden row: read anyway.",
  errorValue: (v: string) => `Error value ${v} in the cell: ignored.`,
  noObjectiveName: () => "Row with a code but no objective name.",
  summaryDiffers: (unit: string, individual: number, unitCount: number, cardsI: number, cardsUO: number) =>
    `${unit}: the summary table says ${individual} individual and ${unitCount} unit objectives, the cards have ${cardsI} and ${cardsUO} (with weight above 0).`,
  hiddenColumn: (header: string) => `Column "${header}" is hidden: read anyway.`,
  unitsDifferInCase: (names: string[]) =>
    `The units ${names.map((n) => `'${n}'`).join(", ")} differ only in upper and lower case: they are treated as separate units; if they are the same, write them the same way.`,
  headerInterpreted: (text: string, label: string) => `Header "${text}" read as "${label}".`,
  headerAmbiguous: (text: string, labels: string[]) =>
    `Header "${text}" is ambiguous: it may be ${labels.map((l) => `"${l}"`).join(" or ")}; column not read, choose it in step 2 (Review).`,
  rowIgnored: (row: number, text: string) =>
    `Row ${row} ignored: "${text}" is inside the table but has neither the objective's code nor its name.`,
  rowAfterTable: (row: number, text: string) =>
    `Row ${row} ignored: "${text}" follows the table but not its columns; the table ends here.`,
  totalDiffers: (stated: number, sum: number) =>
    `The total row states ${numEn(stated)}, but the weights of the objectives above sum to ${numEn(sum)}.`,
  tableUnrecognised: (sheet: string, headers: string[], closest: string[]) =>
    `${sheet}: the table with headers ${headers.map((h) => `"${h}"`).join(", ")} was not read (objectives need the columns Objective and Weight or Type). ` +
    (closest.length > 0
      ? `Closest known headers: ${closest.join(", ")}.`
      : "No known header is close to these."),
  closestHeader: (text: string, label: string) => `"${text}" → "${label}"`,
  noObjectives: () => "No objective found: there is nothing to check.",
  noContent: () =>
    "No PIAO content recognised in the workbook: no objective, indicator or staff-spending figure.",
  // — indicators (PIAO section 2.1)
  indicatorValuesAsText: (name: string, count: number) =>
    `${name}: ${plural(count, "value", "values")} stored as text read as ${count === 1 ? "a number" : "numbers"}.`,
  indicatorValueNotNumber: (name: string, raw: string) =>
    `${name}: value "${raw}" is not a number, the year is left empty.`,
  indicatorPercentValues: (name: string) =>
    `${name}: percentage values written as percentage points (unit of measure "%").`,
  indicatorDuplicateYear: (name: string, year: number) =>
    `${name}: several values for ${year}, the first one is kept.`,
  indicatorInvalidYear: (name: string, raw: string) => `${name}: year "${raw}" is not valid, row ignored.`,
  indicatorPolarityUnknown: (name: string, raw: string) =>
    `${name}: polarity "${raw}" not recognised, set to "crescente" (use crescente or decrescente).`,
  indicatorPolarityDefault: (count: number) =>
    `${plural(count, "indicator", "indicators")} without polarity: set to "crescente" (higher is better), to be checked in the PIAO Indicatori sheet.`,
  indicatorTargetNotNumber: (name: string, raw: string) =>
    `${name}: target "${raw}" is not a number, left empty.`,
  indicatorSplit: (count: number) => `Cell with ${count} distinct indicators: one row each.`,
  indicatorRatio: (numerator: string, denominator: string, factor: number) =>
    `Ratio indicator: "${numerator}" / "${denominator}" × ${factor}; numerator and denominator are entered per year.`,
  indicatorNoName: () => "Row with values but no indicator name: ignored.",
  indicatorAmbiguous: (name: string, count: number) =>
    `${name}: the name matches ${count} strategic-objective indicators, the series gets a row of its own.`,
  indicatorNoYears: () =>
    "No years found (no series, no plan years): the PIAO Indicatori sheet has no year columns.",
  // — staff spending (art. 33 D.L. 34/2019)
  spendingAverage557Only: () =>
    "Only the 2011–2013 average was found: written in all three years (the average is the same).",
  spendingNetRevenue: () =>
    "Net current revenue found: written in the three rendiconti with FCDE 0 (the net average is the same).",
  spendingBaseYearUnknown: (year: number) =>
    `Staff spending ${year} not used as the base year: the base year depends on the body type (2018 comuni, 2019 province and città metropolitane), which is not given.`,
  spendingCapUnknown: (years: number[], base: number) =>
    `Yearly increase cap ${years.join(", ")} cannot be checked: the ${base} staff spending is missing. Headroom and outcome are provisional.`,
  spendingRevenueNotPositive: () =>
    "Net current revenue is not positive (FCDE equal to or above the average revenue): ratio, maximum spending and headroom cannot be computed.",
  // — explanations on PIAO Spesa personale that depend on how the revenue was found (gross or already net)
  spendingExplainRevenue: () =>
    "Assessed revenue of Titles I, II and III of the approved rendiconto; the last three rendiconti are used, oldest first.",
  spendingExplainRevenueNet: () =>
    "The source gives current revenue already net of the FCDE: the same amount in the three rendiconti, so the average is the net one. With the gross revenue of the three rendiconti, enter it here and give the FCDE.",
  spendingExplainFcde: () =>
    "Current-account FCDE of the adjusted budget (previsione assestato) of the last rendiconto's year (e.g. rendiconti 2019-2021: FCDE assestato 2021), subtracted from the average revenue.",
  spendingExplainFcdeNet: () =>
    "0 because the revenue found is already net of the FCDE, which must not be subtracted twice; with gross revenue, the FCDE of the adjusted budget of the last rendiconto's year.",
  spendingExplainNetRevenue: () =>
    "Average current revenue of the three rendiconti minus the FCDE budgeted in the last year's previsione, rounded to the cent (art. 33 c. 2 D.L. 34/2019; art. 2 D.M. 17/3/2020).",
  spendingExplainNetRevenueNet: () =>
    "Revenue already net in the source, written as it is (FCDE 0). The rule: average current revenue of the three rendiconti net of the FCDE budgeted in the last year's previsione (art. 33 c. 2 D.L. 34/2019; art. 2 D.M. 17/3/2020).",
  // — measures of the objectives (targets, values, scoring rules)
  measureTargetUnparsed: (indicator: string, raw: string) =>
    `${indicator}: target "${raw}" not recognised, kept as text in PIAO Misure; choose the scoring rule (Regola column) and enter the target as a number or a date.`,
  measureValueUnparsed: (indicator: string, raw: string) =>
    `${indicator}: value "${raw}" not recognised (not a number, a date or yes/no), kept as text: the achievement stays empty.`,
  measureReasonMissing: (code: string) =>
    `Objective ${code}: the typed Raggiungimento 31/12 overrides the one calculated from the measures, but the Motivazione is missing.`,
  // — workbook: the user's names, the previous run's sheets
  sheetNameTaken: (user: string, ours: string) =>
    `The sheet "${user}" was not created by the add-in: it is read as one of the user's sheets and left as it is; the generated sheet is named "${ours}". Rename your sheet to get the standard name back.`,
  tableNameTaken: (name: string, ours: string) =>
    `The table "${name}" already exists in the user's sheets: the generated table is named "${ours}" (in the formulas too). Rename your table to get the standard name back.`,
  definedNameTaken: (name: string, ours: string) =>
    `The name "${name}" already exists in the workbook: the generated name is "${ours}" (in the formulas too). Rename or delete your name to get the standard name back.`,
  generatedSheetRenamed: (found: string, standard: string) =>
    `The sheet "${found}" is the ${standard} sheet of an earlier conversion (renamed): the typed data are carried over and the sheet is created again as "${standard}".`,
  // — re-runs: what the user typed in a generated sheet against the new source
  planRowReplacedBySource: (
    table: string,
    key: string,
    column: string,
    typed: string | number,
    source: string | number,
  ) =>
    `${table}, row ${key}: ${column} was ${show(typed)}, the source sheet says ${show(source)}: the source sheet's value wins; the row with the typed value is kept in PIAO Archivio.`,
  formulaOverwritten: (table: string, row: string, column: string, typed: string | number) =>
    `${table}, row ${row}: ${show(typed)} was typed over the formula of column ${column}: the formula is written again (the totals and the program's computation read it) and the typed value is kept in PIAO Archivio. To change the result, change the data the formula reads.`,
  planRowNotCounted: (table: string, row: string) =>
    `${table}, row ${row}: the year or the number is not a number, so the row is left out of the hiring and departure totals the program reports (the sheet's formulas compute it as they can): write year and number as numbers.`,
  generatedHeaderRenamed: (table: string, caption: string, header: string) =>
    `In the table ${table} the header "${caption}" stands where "${header}" was (renamed): the column's values are carried over as "${header}" and the header goes back to "${header}", the name the formulas refer to.`,
  generatedHeaderMissing: (table: string, header: string, kept: string[]) =>
    `In the table ${table} the column "${header}" was not found (header renamed or columns moved): the values typed in it cannot be carried over as "${header}". ` +
    (kept.length > 0
      ? `The columns ${kept.map((k) => `"${k}"`).join(", ")} are kept with their values as the user's columns: copy into "${header}" the values that belong there.`
      : "No other column with values to keep."),
  typedReplacedBySource: (where: string, column: string, typed: string | number, source: string | number) =>
    `${where}: ${column} in PIAO Obiettivi was ${show(typed)}, the source sheet says ${show(source)}: the source sheet's value wins, as weights and scores are computed from it. To change it, edit it in the source sheet.`,
  typedKept: (name: string, typed: string | number, source: string | number) =>
    `${name}: the value typed in the generated sheet (${show(typed)}) is kept instead of ${show(source)} from the source sheet or the default: a value the user typed is never overwritten. To take ${show(source)}, clear your value and convert again.`,
  // — workbook: the findings sheet
  infosGathered: (count: number, first: string, last: string) =>
    `${numEn(count)} more cases like the ones above with the same code, not listed one by one: from the first in ${first} to the last in ${last}. The add-in's pane and the piao convert --report report list them all.`,
  // — workbook: sheet reports
  sheetUnrecognised: (sheet: string, summary: string) => `${sheet}: ${summary}`,
  reportObjectives: (count: number, units: string[]) =>
    `${plural(count, "objective", "objectives")} in ${plural(units.length, "unit", "units")} (${units.join(", ")})`,
  reportIndicators: (count: number) => plural(count, "indicator", "indicators"),
  reportFigures: (count: number) => plural(count, "staff-spending figure", "staff-spending figures"),
  reportSummaryTable: (rows: number) =>
    `objectives summary table (${plural(rows, "row", "rows")}), compared with the cards`,
  reportNothing: (why: string) => `No PIAO content recognised: ${why}.`,
  whyEmpty: () => "the sheet is empty",
  whyHeaderWithoutRows: () => "a header was found but no objective row below it",
  whyNoHeader: () => "no header row with Objective and Weight or Type",
  reportRows: (r: RowCounts) =>
    `Non-empty rows: objectives ${r.objectives}, headers ${r.headers}, totals ${r.totals}, notes ${r.notes}, legends ${r.legends}, other recognised ${r.other}, ignored ${r.ignored}`,
};
