/**
 * The input block of `PIAO Spesa personale`: one labelled, named cell per figure (names from the contract's
 * `SPENDING_NAMES`), pre-filled with what detection found and linked to its source cell.
 */
import { sheetCellRef } from "../core/address";
import { SHEETS, SPENDING_NAMES } from "../core/contract";
import { FORMAT } from "../core/layout";
import type { SourceRef } from "../core/model";
import { linkTo, type DefinedNamePlan, type SheetPlan, type ValidationPlan } from "../core/plan";
import { MESSAGES } from "../core/messages";
import { REGIMES, type SpendingInputs } from "./compute";
import { FORM, formRow, valueCell, writeFormRow } from "./form";
import { BODY_TYPES } from "./rules";

export type InputKey =
  | "body"
  | "population"
  | "populationDate"
  | "year"
  | "lastRendiconto"
  | "revenue1"
  | "revenue2"
  | "revenue3"
  | "fcde"
  | "spending"
  | "baseSpending"
  | "resti"
  | "regime"
  | "spending2011"
  | "spending2012"
  | "spending2013"
  | "spending2008"
  | "spending557"
  | "hires33"
  | "statement557";

/** Source cell of each input found in the user's sheets. */
export type InputSources = Partial<Record<InputKey, SourceRef>>;

type Validation = "body" | "amount" | "population" | "year" | "regime" | "text";

export interface InputLine {
  key: InputKey;
  label: string;
  explain: string;
  /** The explanation when the revenue was found already net of the FCDE, when it differs. */
  explainNet?: string;
  value: (i: SpendingInputs) => number | string | null;
  validation: Validation;
  format?: string;
}

const money = (
  key: InputKey,
  label: string,
  explain: string,
  value: (i: SpendingInputs) => number | null,
): InputLine => ({ key, label, explain, value, validation: "amount", format: FORMAT.money });

export const REVENUE_KEYS = ["revenue1", "revenue2", "revenue3"] as const;
export const YEAR_557_KEYS = ["spending2011", "spending2012", "spending2013"] as const;

export const INPUT_LINES: InputLine[] = [
  {
    key: "body",
    label: "Tipo di ente",
    explain: "Comune, Provincia o Città metropolitana: sceglie la tabella delle soglie.",
    value: (i) => i.body,
    validation: "body",
  },
  {
    key: "population",
    label: "Popolazione residente",
    explain: "Residenti al 31 dicembre dell'anno precedente (il PIAO di riferimento usa il 31/12/2021).",
    value: (i) => i.population,
    validation: "population",
    format: "#,##0",
  },
  {
    key: "populationDate",
    label: "Data della popolazione",
    explain: "Data a cui si riferisce la popolazione, come scritta nella fonte.",
    value: (i) => i.populationDate,
    validation: "text",
  },
  {
    key: "year",
    label: "Primo anno del piano",
    explain:
      "Anno per cui si calcola il limite annuo di incremento (previsto solo fino al 2024); il triennio parte da qui.",
    value: (i) => i.year,
    validation: "year",
    format: "0",
  },
  {
    key: "lastRendiconto",
    label: "Anno dell'ultimo rendiconto approvato",
    explain: "Il più recente dei tre rendiconti delle entrate; il FCDE è quello del suo bilancio assestato.",
    value: (i) => i.lastRendiconto,
    validation: "year",
    format: "0",
  },
  ...REVENUE_KEYS.map((key, k) => ({
    ...money(
      key,
      `Entrate correnti, rendiconto ${["meno recente", "intermedio", "più recente"][k]} dei tre`,
      MESSAGES.spendingExplainRevenue().it,
      (i) => i.revenue[k],
    ),
    explainNet: MESSAGES.spendingExplainRevenueNet().it,
  })),
  {
    ...money(
      "fcde",
      "Fondo crediti di dubbia esigibilità (FCDE)",
      MESSAGES.spendingExplainFcde().it,
      (i) => i.fcde,
    ),
    explainNet: MESSAGES.spendingExplainFcdeNet().it,
  },
  money(
    "spending",
    "Spesa di personale (ultimo rendiconto)",
    "Impegni per tutto il personale (tempo indeterminato e determinato, co.co.co., somministrazione, art. 110 TUEL), al lordo degli oneri riflessi e al netto dell'IRAP.",
    (i) => i.spending,
  ),
  money(
    "baseSpending",
    "Spesa di personale dell'anno base (2018 comuni, 2019 province e città metropolitane)",
    "Base del limite annuo di incremento: art. 5 c. 1 D.M. 17/3/2020 (comuni, 2018), art. 5 c. 1 D.M. 11/1/2022 (altri enti, 2019).",
    (i) => i.baseSpending,
  ),
  money(
    "resti",
    "Resti assunzionali (capacità non utilizzata degli anni precedenti)",
    "Usabili in alternativa al limite annuo di incremento se più favorevoli, sempre entro il valore soglia (art. 5 c. 2 di entrambi i decreti).",
    (i) => i.resti,
  ),
  {
    key: "regime",
    label: "Limite di spesa applicabile (c. 557-quater o c. 562)",
    explain:
      "c. 557-quater: media 2011-2013 (enti già soggetti al patto di stabilità); c. 562: spesa 2008 (enti che non vi erano soggetti).",
    value: (i) => i.regime,
    validation: "regime",
  },
  ...YEAR_557_KEYS.map((key, k) =>
    money(
      key,
      `Spesa di personale ${2011 + k} (aggregato c. 557)`,
      "Spesa nell'aggregato dell'art. 1 c. 557 L. 296/2006, che di norma comprende l'IRAP.",
      (i) => i.spending2011_2013[k],
    ),
  ),
  money(
    "spending2008",
    "Spesa di personale 2008 (aggregato c. 562)",
    "Art. 1 c. 562 L. 296/2006: al lordo degli oneri riflessi e dell'IRAP, esclusi i rinnovi contrattuali.",
    (i) => i.spending2008,
  ),
  money(
    "spending557",
    "Spesa di personale dell'anno (aggregato c. 557 o c. 562)",
    "Spesa dell'anno calcolata come quella dell'anno o degli anni di confronto.",
    (i) => i.spending557,
  ),
  money(
    "hires33",
    "Di cui spesa per assunzioni fatte in base all'art. 33 D.L. 34/2019",
    "Non rileva per il limite c. 557/562 (art. 7 c. 1 D.M. 17/3/2020): viene tolta dalla spesa dell'anno.",
    (i) => i.hires33,
  ),
  {
    key: "statement557",
    label: "Dichiarazione della fonte sul limite c. 557",
    explain:
      "Ciò che il documento di origine afferma sul limite (es. rispettato nel 2022), riportato nell'esito se mancano i dati.",
    value: (i) => i.statement557,
    validation: "text",
  },
];

function validation(cell: string, v: Validation): ValidationPlan | null {
  switch (v) {
    case "body":
      return {
        range: cell,
        type: "list",
        values: BODY_TYPES,
        allowBlank: true,
        error: "Scegliere Comune, Provincia o Città metropolitana.",
      };
    case "regime":
      return {
        range: cell,
        type: "list",
        values: REGIMES,
        allowBlank: true,
        error: "Scegliere c. 557-quater o c. 562.",
      };
    case "amount":
      return {
        range: cell,
        type: "decimal",
        min: 0,
        allowBlank: true,
        error: "Inserire un importo in euro non negativo.",
      };
    case "population":
      return {
        range: cell,
        type: "whole",
        min: 0,
        allowBlank: true,
        error: "Inserire un numero intero di abitanti.",
      };
    case "year":
      return {
        range: cell,
        type: "whole",
        min: 2000,
        max: 2100,
        allowBlank: true,
        error: "Inserire un anno (es. 2025).",
      };
    case "text":
      return null;
  }
}

/**
 * Writes the input lines from 0-based row `first`; returns their defined names. `revenueNet`: the revenue
 * was found already net of the FCDE, and the explanations say so.
 */
export function writeInputs(
  sheet: SheetPlan,
  first: number,
  inputs: SpendingInputs,
  sources: InputSources,
  revenueNet = false,
): DefinedNamePlan[] {
  return INPUT_LINES.map((line, k) => {
    const r = first + k;
    const src = sources[line.key];
    const ref = src ? sheetCellRef(src.sheet, src.row, src.col) : "";
    // The FCDE's own explanation changes only when it is the 0 written for net revenue.
    const net = revenueNet && line.explainNet && (line.key !== "fcde" || inputs.fcde === 0);
    const explain = net ? line.explainNet! : line.explain;
    const origin = ref ? linkTo(sheet, r, FORM.origin, ref) : null;
    writeFormRow(sheet, r, formRow(line.label, line.value(inputs), explain, origin), { format: line.format });
    const v = validation(valueCell(r), line.validation);
    if (v) sheet.validations.push(v);
    return { name: SPENDING_NAMES[line.key], ref: sheetCellRef(SHEETS.spending, r, FORM.value, true) };
  });
}
