/**
 * The staff-spending parameters of `PIAO Parametri`, each with its legal source and verification mark:
 * thresholds by band (`PIAO_Soglie`), yearly increase caps (`PIAO_Incrementi`), contribution rates
 * (`PIAO_AliquoteCosti`) and the annual cost of a hire by CCNL area (`PIAO_CostiAree`, formulas).
 */
import { AREA_COST_COLUMNS as AC, SPENDING_NAMES as N, SPENDING_TABLES, TABLES } from "../core/contract";
import { FORMAT } from "../core/layout";
import type { ParameterSection } from "../core/parameters";
import { AREA_COSTS, RATES } from "./costs";
import { notNum } from "./outputs";
import { thisRow } from "./plan-tables";
import { BANDS, INCREASES, NO_UPPER_LIMIT } from "./rules";

const T = TABLES.areaCosts;
const col = (c: string) => thisRow(T, c);
const money = FORMAT.money;

/** Tredicesima = tabellare / 12; charges and IRAP on tabellare + tredicesima; cost without and with IRAP. */
const AREA_FORMULAS = {
  thirteenth: `=IF(${notNum(col(AC.salary))},"",ROUND(${col(AC.salary)}/12,2))`,
  charges: `=IF(${col(AC.thirteenth)}="","",ROUND((${col(AC.salary)}+${col(AC.thirteenth)})*(N(${N.rateCpdel})+N(${N.rateTfr})+N(${N.rateInail})),2))`,
  irap: `=IF(${col(AC.thirteenth)}="","",ROUND((${col(AC.salary)}+${col(AC.thirteenth)})*N(${N.rateIrap}),2))`,
  cost: `=IF(${col(AC.thirteenth)}="","",ROUND(${col(AC.salary)}+${col(AC.thirteenth)}+${col(AC.charges)},2))`,
  cost557: `=IF(${col(AC.thirteenth)}="","",ROUND(${col(AC.cost)}+${col(AC.irap)},2))`,
};

export function spendingSections(): ParameterSection[] {
  return [
    {
      kind: "table",
      title: "Valori soglia per fascia demografica (art. 33 D.L. 34/2019)",
      table: SPENDING_TABLES.bands,
      headers: [
        "Riga",
        "Tipo ente",
        "Fascia",
        "Abitanti da",
        "Abitanti meno di",
        "Soglia",
        "Soglia di rientro",
        "Fonte",
        "Verifica",
      ],
      rows: BANDS.map((b, k) => [
        k + 1,
        b.body,
        b.band,
        b.from,
        b.to ?? NO_UPPER_LIMIT,
        b.threshold,
        b.returnThreshold,
        b.source,
        b.mark,
      ]),
      formats: [null, null, null, "#,##0", "#,##0", FORMAT.percent2, FORMAT.percent2, null, null],
      editable: ["Soglia", "Soglia di rientro"],
    },
    {
      kind: "table",
      title: "Limite annuo di incremento della spesa (fino al 2024)",
      table: SPENDING_TABLES.increases,
      headers: ["Tipo ente", "Fascia", "Anno", "Percentuale", "Spesa base", "Fonte", "Verifica"],
      rows: INCREASES.map((r) => [
        r.body,
        r.band ?? "tutte",
        r.year,
        r.rate,
        r.body === "Comune" ? "2018" : "2019",
        r.source,
        r.mark,
      ]),
      formats: [null, null, "0", FORMAT.percent2, null, null, null],
      editable: ["Percentuale"],
    },
    {
      kind: "values",
      title: "Aliquote a carico dell'ente per il costo di un'assunzione (su tabellare e tredicesima)",
      table: SPENDING_TABLES.rates,
      rows: RATES.map((r) => ({
        label: r.label,
        value: r.value,
        source: r.source,
        mark: r.mark,
        name: N[r.key],
        format: FORMAT.percent2,
      })),
    },
    {
      kind: "table",
      title:
        "Costo annuo di un'assunzione per area del CCNL Funzioni Locali (art. 33: senza IRAP; c. 557: con IRAP)",
      table: T,
      headers: Object.values(AC),
      rows: AREA_COSTS.map((a) => [
        a.area,
        a.salary,
        { f: AREA_FORMULAS.thirteenth },
        { f: AREA_FORMULAS.charges },
        { f: AREA_FORMULAS.irap },
        { f: AREA_FORMULAS.cost },
        { f: AREA_FORMULAS.cost557 },
        a.source,
        a.mark,
      ]),
      formats: [null, money, money, money, money, money, money, null, null],
      editable: [AC.salary],
    },
  ];
}
