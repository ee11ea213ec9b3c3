/**
 * The output block of `PIAO Spesa personale`: every figure a formula over the named inputs and the tables
 * of `PIAO Parametri`, built from the contract's constants. The outcome is also a code
 * (`PIAO_CodiceEsito`: SOTTO, TRA, SOPRA, ENTRATE) that formats and other formulas compare.
 */
import { SPENDING_NAMES as N, SPENDING_TABLES } from "../core/contract";
import { FORMAT, tableColumn } from "../core/layout";
import { MESSAGES } from "../core/messages";
import { CONDITIONS } from "./costs";
import { OUTCOME_TEXT } from "./compute";

export type OutputKey =
  | "netRevenue"
  | "ratio"
  | "bandRow"
  | "band"
  | "threshold"
  | "returnThreshold"
  | "maxSpending"
  | "returnSpending"
  | "increaseRate"
  | "capState"
  | "increaseLimit"
  | "restiLimit"
  | "yearLimit"
  | "outcomeCode"
  | "margin"
  | "conditions"
  | "outcome"
  | "limit557"
  | "spending557Net"
  | "margin557"
  | "outcome557";

export interface OutputLine {
  key: OutputKey;
  label: string;
  explain: string;
  /** The explanation when the revenue was found already net of the FCDE, when it differs. */
  explainNet?: string;
  formula: string;
  format?: string;
  /** A service cell that formulas and formats read: written on a hidden row, out of the user's sight. */
  service?: true;
}

const S = (col: string) => tableColumn(SPENDING_TABLES.bands, col);
const I = (col: string) => tableColumn(SPENDING_TABLES.increases, col);
export const notNum = (n: string) => `NOT(ISNUMBER(${n}))`;
const q = (s: string) => `"${s}"`;

/** SUMPRODUCT terms selecting the `PIAO_Incrementi` row of the body, band and a year (cell or name). */
export const increaseMatch = (year: string) =>
  `(${I("Tipo ente")}=${N.body})*(((${I("Fascia")}=${N.band})+(${I("Fascia")}="tutte"))>0)*(${I("Anno")}=${year})`;
/** The yearly cap's rate for a year, or 0 when none: use with `increaseCount`. */
export const increaseRateOf = (year: string) => `SUMPRODUCT(${increaseMatch(year)}*${I("Percentuale")})`;
export const increaseCount = (year: string) => `SUMPRODUCT(${increaseMatch(year)})`;
/** The resti alternative, or 0 when not given (never more favourable than a positive cap). */
export const restiOrZero = `IF(OR(${notNum(N.resti)},${notNum(N.spending)}),0,ROUND(${N.spending}+${N.resti},2))`;

const under =
  `${q(OUTCOME_TEXT.under)}&IF(${N.conditions}="verificate",${q(OUTCOME_TEXT.underVerified)},` +
  `IF(${N.conditions}="non rispettate",${q(OUTCOME_TEXT.underNotMet)},${q(OUTCOME_TEXT.underToCheck)}))` +
  `&IF(${N.capState}="non verificabile",${q(OUTCOME_TEXT.provisional)},"")`;

export const OUTPUT_LINES: OutputLine[] = [
  {
    key: "netRevenue",
    label: "Entrate correnti nette",
    explain: MESSAGES.spendingExplainNetRevenue().it,
    explainNet: MESSAGES.spendingExplainNetRevenueNet().it,
    formula: `=IF(OR(COUNT(${N.revenue1},${N.revenue2},${N.revenue3})<3,${notNum(N.fcde)}),"",ROUND((${N.revenue1}+${N.revenue2}+${N.revenue3})/3-${N.fcde},2))`,
    format: FORMAT.money,
  },
  {
    key: "ratio",
    label: "Rapporto spesa di personale / entrate correnti nette",
    explain:
      "Spesa di personale divisa per le entrate correnti nette; vuoto se le entrate nette non sono positive.",
    formula: `=IF(OR(${N.netRevenue}="",${notNum(N.spending)}),"",IF(${N.netRevenue}<=0,"",${N.spending}/${N.netRevenue}))`,
    format: FORMAT.percent2,
  },
  {
    key: "bandRow",
    label: "Riga della tabella delle soglie (calcolo di servizio)",
    explain: `Riga di ${SPENDING_TABLES.bands} (foglio PIAO Parametri) per tipo di ente e popolazione; 0 se non determinabile.`,
    service: true,
    formula: `=IF(OR(${N.body}="",${notNum(N.population)}),0,SUMPRODUCT((${S("Tipo ente")}=${N.body})*(${S("Abitanti da")}<=${N.population})*(${S("Abitanti meno di")}>${N.population})*${S("Riga")}))`,
    format: "0",
  },
  {
    key: "band",
    label: "Fascia demografica",
    explain:
      "Fascia del decreto per tipo di ente e popolazione (250.000 abitanti esatti sono fascia b per le province).",
    formula: `=IF(${N.bandRow}=0,"",INDEX(${S("Fascia")},${N.bandRow}))`,
  },
  {
    key: "threshold",
    label: "Valore soglia",
    explain:
      "Comuni: Tabella 1, art. 4 c. 1 D.M. 17/3/2020; province e città metropolitane: art. 4 D.M. 11/1/2022.",
    formula: `=IF(${N.bandRow}=0,"",INDEX(${S("Soglia")},${N.bandRow}))`,
    format: FORMAT.percent2,
  },
  {
    key: "returnThreshold",
    label: "Soglia di rientro (solo comuni)",
    explain:
      "Tabella 3, art. 6 c. 1 D.M. 17/3/2020: tra le due soglie il rapporto non può aumentare; sopra, va ridotto fino a questa.",
    formula: `=IF(${N.bandRow}=0,"",IF(ISNUMBER(INDEX(${S("Soglia di rientro")},${N.bandRow})),INDEX(${S("Soglia di rientro")},${N.bandRow}),""))`,
    format: FORMAT.percent2,
  },
  {
    key: "maxSpending",
    label: "Spesa massima di personale",
    explain:
      "Valore soglia × entrate correnti nette, arrotondato al centesimo; nessun importo se le entrate nette non sono positive.",
    formula: `=IF(OR(${N.threshold}="",${N.netRevenue}=""),"",IF(${N.netRevenue}<=0,"",ROUND(${N.threshold}*${N.netRevenue},2)))`,
    format: FORMAT.money,
  },
  {
    key: "returnSpending",
    label: "Spesa alla soglia di rientro (solo comuni)",
    explain:
      "Soglia di rientro × entrate correnti nette: l'obiettivo del percorso di riduzione (art. 6 c. 1 D.M. 17/3/2020).",
    formula: `=IF(OR(${N.returnThreshold}="",${N.netRevenue}=""),"",IF(${N.netRevenue}<=0,"",ROUND(${N.returnThreshold}*${N.netRevenue},2)))`,
    format: FORMAT.money,
  },
  {
    key: "increaseRate",
    label: "Percentuale massima di incremento annuo",
    explain:
      "Art. 5 c. 1 D.M. 17/3/2020, Tabella 2 (comuni, su spesa 2018) o art. 5 c. 1 D.M. 11/1/2022 (su spesa 2019); nessun limite dal 2025.",
    formula: `=IF(OR(${N.band}="",${notNum(N.year)}),"",IF(${increaseCount(N.year)}=0,"",${increaseRateOf(N.year)}))`,
    format: FORMAT.percent2,
  },
  {
    key: "capState",
    label: "Limite annuo di incremento",
    explain:
      "applicato, non previsto (dal 2025) o non verificabile (manca la spesa dell'anno base): allora l'esito è provvisorio.",
    formula: `=IF(OR(${N.band}="",${notNum(N.year)}),"",IF(${N.increaseRate}="","non previsto",IF(${notNum(N.baseSpending)},"non verificabile","applicato")))`,
  },
  {
    key: "increaseLimit",
    label: "Spesa consentita dal limite annuo di incremento",
    explain:
      "Spesa dell'anno base × (1 + percentuale di incremento), arrotondata al centesimo; vuota se il limite non si applica.",
    formula: `=IF(OR(${N.increaseRate}="",${notNum(N.baseSpending)}),"",ROUND(${N.baseSpending}*(1+${N.increaseRate}),2))`,
    format: FORMAT.money,
  },
  {
    key: "restiLimit",
    label: "Spesa consentita dai resti assunzionali",
    explain:
      "Spesa di personale + resti assunzionali, negli anni in cui vale il limite annuo (art. 5 c. 2 dei due decreti).",
    formula: `=IF(OR(${N.increaseRate}="",${notNum(N.resti)},${notNum(N.spending)}),"",ROUND(${N.spending}+${N.resti},2))`,
    format: FORMAT.money,
  },
  {
    key: "yearLimit",
    label: "Limite annuo applicato (il più favorevole tra incremento e resti)",
    explain:
      "I resti sono un'alternativa al limite di incremento, non si sommano (parere MEF-RGS 238867/2020 [M]; art. 5 c. 2 D.M. 11/1/2022 [V]).",
    formula: `=IF(${N.increaseLimit}="","",IF(${N.restiLimit}="",${N.increaseLimit},MAX(${N.increaseLimit},${N.restiLimit})))`,
    format: FORMAT.money,
  },
  {
    key: "outcomeCode",
    label: "Codice dell'esito (calcolo di servizio)",
    explain:
      "SOTTO, TRA (tra le due soglie), SOPRA o ENTRATE (entrate nette non positive): lo leggono i formati e le altre formule.",
    service: true,
    formula: `=IF(${N.netRevenue}="","",IF(${N.netRevenue}<=0,"ENTRATE",IF(OR(${N.ratio}="",${N.threshold}=""),"",IF(${N.ratio}<=${N.threshold},"SOTTO",IF(AND(${N.returnThreshold}<>"",${N.ratio}<=${N.returnThreshold}),"TRA","SOPRA")))))`,
  },
  {
    key: "margin",
    label: "Margine (capacità assunzionale)",
    explain:
      "Sotto soglia: il minore tra spesa massima e limite annuo, meno la spesa; tra le due soglie: 0 (art. 6 c. 3 D.M. 17/3/2020); sopra: distanza dalla soglia di rientro (comuni) o dal valore soglia, negativa.",
    formula: `=IF(OR(${N.outcomeCode}="",${N.outcomeCode}="ENTRATE"),"",IF(${N.outcomeCode}="TRA",0,ROUND(IF(${N.outcomeCode}="SOPRA",IF(${N.returnSpending}="",${N.maxSpending},${N.returnSpending}),IF(${N.yearLimit}="",${N.maxSpending},MIN(${N.maxSpending},${N.yearLimit})))-${N.spending},2)))`,
    format: FORMAT.money,
  },
  {
    key: "conditions",
    label: "Condizioni per assumere",
    explain:
      "verificate (tutte Sì), da verificare (almeno una da verificare o vuota), non rispettate (almeno un No): vedi l'elenco sotto.",
    formula: `=IF(COUNTIF(${N.conditionAnswers},"No")>0,"non rispettate",IF(COUNTIF(${N.conditionAnswers},"Sì")=${CONDITIONS.length},"verificate","da verificare"))`,
  },
  {
    key: "outcome",
    label: "Esito",
    explain: "Confronto del rapporto con le soglie; assunzioni possibili solo con le condizioni verificate.",
    formula:
      `=IF(${N.outcomeCode}="","",IF(${N.outcomeCode}="ENTRATE",${q(OUTCOME_TEXT.noRevenue)},IF(${N.outcomeCode}="TRA",${q(OUTCOME_TEXT.between)},` +
      `IF(${N.outcomeCode}="SOPRA",IF(${N.body}="Comune",${q(OUTCOME_TEXT.aboveComune)},${q(OUTCOME_TEXT.above)}),${under}))))`,
  },
  {
    key: "limit557",
    label: "Limite c. 557-quater (media 2011-2013) o c. 562 (spesa 2008)",
    explain:
      "Art. 1 c. 557-quater L. 296/2006 (media del triennio 2011-2013) o c. 562 (spesa 2008), secondo il limite applicabile.",
    formula: `=IF(${N.regime}="c. 562",IF(${notNum(N.spending2008)},"",ROUND(${N.spending2008},2)),IF(COUNT(${N.spending2011},${N.spending2012},${N.spending2013})<3,"",ROUND((${N.spending2011}+${N.spending2012}+${N.spending2013})/3,2)))`,
    format: FORMAT.money,
  },
  {
    key: "spending557Net",
    label: "Spesa dell'anno al netto delle assunzioni art. 33",
    explain:
      "Spesa dell'anno (aggregato c. 557) meno la spesa per assunzioni fatte in base all'art. 33 (art. 7 c. 1 D.M. 17/3/2020).",
    formula: `=IF(${notNum(N.spending557)},"",ROUND(${N.spending557}-N(${N.hires33}),2))`,
    format: FORMAT.money,
  },
  {
    key: "margin557",
    label: "Margine rispetto al limite c. 557/562",
    explain: "Limite meno la spesa dell'anno al netto delle assunzioni art. 33.",
    formula: `=IF(OR(${N.limit557}="",${N.spending557Net}=""),"",ROUND(${N.limit557}-${N.spending557Net},2))`,
    format: FORMAT.money,
  },
  {
    key: "outcome557",
    label: "Esito c. 557/562",
    explain: "Rispettato quando la spesa non supera il limite; senza dati, ciò che dichiara la fonte.",
    formula: `=IF(${N.margin557}="",IF(${N.statement557}="","",${q(OUTCOME_TEXT.stated)}&${N.statement557}),IF(${N.margin557}>=0,${q(OUTCOME_TEXT.respected)},${q(OUTCOME_TEXT.exceeded)}))`,
  },
];
