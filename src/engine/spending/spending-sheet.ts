/**
 * `PIAO Spesa personale`: labelled inputs and outputs with the contract's defined names
 * (workbook-contract.md), every output a formula reading `PIAO Parametri` (tables PIAO_Soglie and
 * PIAO_Incrementi), and next to each figure a plain-Italian explanation for the auditor.
 * With empty inputs every output shows an empty string, never an error value.
 */
import { sheetCellRef } from "../core/address";
import { LINE_HEIGHT, wrappedLines } from "../core/columns";
import { SHEETS } from "../core/contract";
import type { SourceRef } from "../core/model";
import { emptySheet, linkTo, type DefinedNamePlan, type PlanValue, type SheetPlan } from "../core/plan";
import type { SpendingInputs } from "./compute";
import { OUTCOME_TEXT } from "./compute";
import { BANDS, BODY_TYPES, INCREASES, NO_UPPER_LIMIT } from "./rules";
import { FORMAT, STYLE, tableColumn } from "../core/layout";
import type { ParameterSection } from "../core/parameters";

export const SPENDING_TABLES = { bands: "PIAO_Soglie", increases: "PIAO_Incrementi" } as const;

const S = (col: string) => tableColumn(SPENDING_TABLES.bands, col);
const I = (col: string) => tableColumn(SPENDING_TABLES.increases, col);

interface Line {
  name: string;
  label: string;
  explain: string;
  format?: string;
}

interface InputLine extends Line {
  value: (i: SpendingInputs) => number | string | null;
  validation: "body" | "amount" | "population" | "year";
}

const AMOUNT = "importo in euro";

export const INPUT_LINES: InputLine[] = [
  {
    name: "PIAO_TipoEnte",
    label: "Tipo di ente",
    explain: "Comune, Provincia o Città metropolitana: sceglie la tabella delle soglie.",
    value: (i) => i.body,
    validation: "body",
  },
  {
    name: "PIAO_Popolazione",
    label: "Popolazione residente",
    explain: "Residenti al 31 dicembre dell'anno precedente (il PIAO di riferimento usa il 31/12/2021).",
    value: (i) => i.population,
    validation: "population",
    format: "#,##0",
  },
  {
    name: "PIAO_AnnoPiano",
    label: "Anno del piano",
    explain: "Anno per cui si calcola il limite annuo di incremento (previsto solo fino al 2024).",
    value: (i) => i.year,
    validation: "year",
    format: "0",
  },
  ...[1, 2, 3].map(
    (k): InputLine => ({
      name: `PIAO_Entrate${k}`,
      label: `Entrate correnti, rendiconto ${k === 1 ? "meno recente" : k === 2 ? "intermedio" : "più recente"} dei tre`,
      explain:
        "Accertamenti dei Titoli I, II e III del rendiconto approvato; si usano gli ultimi tre rendiconti, dal più vecchio.",
      value: (i) => i.revenue[k - 1],
      validation: "amount",
      format: FORMAT.money,
    }),
  ),
  {
    name: "PIAO_FCDE",
    label: "Fondo crediti di dubbia esigibilità (FCDE)",
    explain:
      "FCDE di parte corrente stanziato nell'ultimo bilancio di previsione, da togliere dalla media delle entrate.",
    value: (i) => i.fcde,
    validation: "amount",
    format: FORMAT.money,
  },
  {
    name: "PIAO_SpesaPersonale",
    label: "Spesa di personale (ultimo rendiconto)",
    explain:
      "Impegni per tutto il personale (tempo indeterminato e determinato, co.co.co., somministrazione, art. 110 TUEL), al lordo degli oneri riflessi e al netto dell'IRAP.",
    value: (i) => i.spending,
    validation: "amount",
    format: FORMAT.money,
  },
  {
    name: "PIAO_SpesaBase",
    label: "Spesa di personale dell'anno base (2018 comuni, 2019 province e città metropolitane)",
    explain:
      "Base del limite annuo di incremento: Tabella 2 D.M. 17/3/2020 (comuni), art. 5 D.M. 11/1/2022 (altri enti).",
    value: (i) => i.baseSpending,
    validation: "amount",
    format: FORMAT.money,
  },
  ...[2011, 2012, 2013].map(
    (y, k): InputLine => ({
      name: `PIAO_Spesa${y}`,
      label: `Spesa di personale ${y} (aggregato c. 557)`,
      explain: "Spesa nell'aggregato dell'art. 1 c. 557 L. 296/2006, che di norma comprende l'IRAP.",
      value: (i) => i.spending2011_2013[k],
      validation: "amount",
      format: FORMAT.money,
    }),
  ),
  {
    name: "PIAO_Spesa557",
    label: "Spesa di personale dell'anno (aggregato c. 557)",
    explain: "Spesa dell'anno calcolata come per il 2011-2013, da confrontare con la loro media.",
    value: (i) => i.spending557,
    validation: "amount",
    format: FORMAT.money,
  },
];

const notNum = (n: string) => `NOT(ISNUMBER(${n}))`;
const INCREASE_MATCH =
  `(${I("Tipo ente")}=PIAO_TipoEnte)*(((${I("Fascia")}=PIAO_Fascia)+(${I("Fascia")}="tutte"))>0)` +
  `*(${I("Anno")}=PIAO_AnnoPiano)`;

/** Output lines: name, label, explanation, formula. Helper lines (row of the band table, rate) are named too. */
export const OUTPUT_LINES: (Line & { formula: string })[] = [
  {
    name: "PIAO_EntrateNette",
    label: "Entrate correnti nette",
    explain: "Media delle entrate correnti dei tre rendiconti meno il FCDE, arrotondata al centesimo.",
    formula: `=IF(OR(COUNT(PIAO_Entrate1,PIAO_Entrate2,PIAO_Entrate3)<3,${notNum("PIAO_FCDE")}),"",ROUND((PIAO_Entrate1+PIAO_Entrate2+PIAO_Entrate3)/3-PIAO_FCDE,2))`,
    format: FORMAT.money,
  },
  {
    name: "PIAO_Rapporto",
    label: "Rapporto spesa di personale / entrate correnti nette",
    explain: "Spesa di personale divisa per le entrate correnti nette.",
    formula: `=IF(OR(PIAO_EntrateNette="",${notNum("PIAO_SpesaPersonale")}),"",IF(PIAO_EntrateNette<=0,"",PIAO_SpesaPersonale/PIAO_EntrateNette))`,
    format: FORMAT.percent2,
  },
  {
    name: "PIAO_RigaSoglia",
    label: "Riga della tabella delle soglie (calcolo di servizio)",
    explain:
      "Riga di PIAO_Soglie (foglio PIAO Parametri) per tipo di ente e popolazione; 0 se non determinabile.",
    formula: `=IF(OR(PIAO_TipoEnte="",${notNum("PIAO_Popolazione")}),0,SUMPRODUCT((${S("Tipo ente")}=PIAO_TipoEnte)*(${S("Abitanti da")}<=PIAO_Popolazione)*(${S("Abitanti meno di")}>PIAO_Popolazione)*${S("Riga")}))`,
    format: "0",
  },
  {
    name: "PIAO_Fascia",
    label: "Fascia demografica",
    explain:
      "Fascia del decreto per tipo di ente e popolazione (250.000 abitanti esatti sono fascia b per le province).",
    formula: `=IF(PIAO_RigaSoglia=0,"",INDEX(${S("Fascia")},PIAO_RigaSoglia))`,
  },
  {
    name: "PIAO_Soglia",
    label: "Valore soglia",
    explain: "Comuni: Tabella 1 D.M. 17/3/2020; province e città metropolitane: art. 4 D.M. 11/1/2022.",
    formula: `=IF(PIAO_RigaSoglia=0,"",INDEX(${S("Soglia")},PIAO_RigaSoglia))`,
    format: FORMAT.percent2,
  },
  {
    name: "PIAO_SogliaRientro",
    label: "Soglia di rientro (solo comuni)",
    explain: "Tabella 3 D.M. 17/3/2020: tra le due soglie il rapporto non può aumentare; sopra, va ridotto.",
    formula: `=IF(PIAO_RigaSoglia=0,"",IF(ISNUMBER(INDEX(${S("Soglia di rientro")},PIAO_RigaSoglia)),INDEX(${S("Soglia di rientro")},PIAO_RigaSoglia),""))`,
    format: FORMAT.percent2,
  },
  {
    name: "PIAO_SpesaMassima",
    label: "Spesa massima di personale",
    explain: "Valore soglia × entrate correnti nette, arrotondato al centesimo: la spesa da non superare.",
    formula: `=IF(OR(PIAO_Soglia="",PIAO_EntrateNette=""),"",ROUND(PIAO_Soglia*PIAO_EntrateNette,2))`,
    format: FORMAT.money,
  },
  {
    name: "PIAO_PercentualeIncremento",
    label: "Percentuale massima di incremento annuo",
    explain:
      "Tabella 2 D.M. 17/3/2020 (comuni, su spesa 2018) o art. 5 D.M. 11/1/2022 (su spesa 2019); nessun limite dal 2025.",
    formula: `=IF(OR(PIAO_Fascia="",${notNum("PIAO_AnnoPiano")}),"",IF(SUMPRODUCT(${INCREASE_MATCH})=0,"",SUMPRODUCT(${INCREASE_MATCH}*${I("Percentuale")})))`,
    format: FORMAT.percent2,
  },
  {
    name: "PIAO_LimiteIncremento",
    label: "Spesa consentita dal limite annuo di incremento",
    explain:
      "Spesa dell'anno base × (1 + percentuale di incremento), arrotondata al centesimo; vuota se il limite non si applica.",
    formula: `=IF(OR(PIAO_PercentualeIncremento="",${notNum("PIAO_SpesaBase")}),"",ROUND(PIAO_SpesaBase*(1+PIAO_PercentualeIncremento),2))`,
    format: FORMAT.money,
  },
  {
    name: "PIAO_Margine",
    label: "Margine (capacità assunzionale)",
    explain:
      "Il minore tra spesa massima e limite di incremento, meno la spesa di personale; negativo se l'ente è oltre il limite.",
    formula: `=IF(OR(PIAO_SpesaMassima="",${notNum("PIAO_SpesaPersonale")}),"",ROUND(IF(PIAO_LimiteIncremento="",PIAO_SpesaMassima,MIN(PIAO_SpesaMassima,PIAO_LimiteIncremento))-PIAO_SpesaPersonale,2))`,
    format: FORMAT.money,
  },
  {
    name: "PIAO_Esito",
    label: "Esito",
    explain: "Confronto del rapporto con il valore soglia e, per i comuni, con la soglia di rientro.",
    formula:
      `=IF(OR(PIAO_Rapporto="",PIAO_Soglia=""),"",IF(PIAO_Rapporto<=PIAO_Soglia,"${OUTCOME_TEXT.under}",` +
      `IF(AND(PIAO_SogliaRientro<>"",PIAO_Rapporto<=PIAO_SogliaRientro),"${OUTCOME_TEXT.between}",` +
      `IF(PIAO_TipoEnte="Comune","${OUTCOME_TEXT.aboveComune}","${OUTCOME_TEXT.above}"))))`,
  },
  {
    name: "PIAO_Limite557",
    label: "Limite c. 557-quater (media 2011-2013)",
    explain:
      "Media della spesa di personale 2011-2013 (art. 1 c. 557-quater L. 296/2006), arrotondata al centesimo.",
    formula: `=IF(COUNT(PIAO_Spesa2011,PIAO_Spesa2012,PIAO_Spesa2013)<3,"",ROUND((PIAO_Spesa2011+PIAO_Spesa2012+PIAO_Spesa2013)/3,2))`,
    format: FORMAT.money,
  },
  {
    name: "PIAO_Margine557",
    label: "Margine rispetto al limite c. 557",
    explain: "Limite c. 557 meno la spesa dell'anno nello stesso aggregato.",
    formula: `=IF(OR(PIAO_Limite557="",${notNum("PIAO_Spesa557")}),"",ROUND(PIAO_Limite557-PIAO_Spesa557,2))`,
    format: FORMAT.money,
  },
  {
    name: "PIAO_Esito557",
    label: "Esito c. 557",
    explain: "Rispettato quando la spesa dell'anno non supera la media 2011-2013.",
    formula: `=IF(PIAO_Margine557="","",IF(PIAO_Margine557>=0,"${OUTCOME_TEXT.respected}","${OUTCOME_TEXT.exceeded}"))`,
  },
];

export const FIRST_INPUT_ROW = 4; // 0-based: row 5
/** Width of the value column B, in characters. */
const VALUE_WIDTH = 22;
export const FIRST_OUTPUT_ROW = FIRST_INPUT_ROW + INPUT_LINES.length + 2;

export function spendingSheet(
  inputs: SpendingInputs,
  sources: Partial<Record<string, SourceRef>>,
): { sheet: SheetPlan; names: DefinedNamePlan[] } {
  const sheet = emptySheet(SHEETS.spending);
  sheet.tabColor = "#BF8F00";
  sheet.blocks.push(
    { at: "A1", rows: [["PIAO Sheets – Spesa di personale (art. 33 D.L. 34/2019)"]], style: STYLE.title },
    {
      at: "A2",
      rows: [
        [
          "Le celle gialle sono dati da inserire (precompilate quando trovate nella cartella); le altre sono formule che leggono i parametri del foglio PIAO Parametri.",
        ],
      ],
      style: STYLE.note,
    },
    {
      at: `A${FIRST_INPUT_ROW}`,
      rows: [["Dato di ingresso", "Valore", "Come si ottiene", "Origine"]],
      style: STYLE.label,
    },
    {
      at: `A${FIRST_OUTPUT_ROW}`,
      rows: [["Risultato", "Valore", "Come si ottiene"]],
      style: STYLE.label,
    },
  );
  const names: DefinedNamePlan[] = [];
  INPUT_LINES.forEach((line, k) => {
    const r = FIRST_INPUT_ROW + k;
    const src = sources[line.name.replace(/^PIAO_/, "")];
    const ref = src ? sheetCellRef(src.sheet, src.row, src.col) : "";
    sheet.blocks.push({
      at: `A${r + 1}`,
      rows: [[line.label, line.value(inputs), line.explain, ref ? linkTo(sheet, r, 3, ref) : ""]],
      columnFormats: [null, line.format ?? null, null, null],
    });
    names.push({ name: line.name, ref: sheetCellRef(SHEETS.spending, r, 1, true) });
    const cell = `B${r + 1}`;
    if (line.validation === "body")
      sheet.validations.push({
        range: cell,
        type: "list",
        values: BODY_TYPES,
        allowBlank: true,
        error: "Scegliere Comune, Provincia o Città metropolitana.",
      });
    else if (line.validation === "amount")
      sheet.validations.push({
        range: cell,
        type: "decimal",
        min: 0,
        allowBlank: true,
        error: `Inserire un ${AMOUNT} non negativo.`,
      });
    else if (line.validation === "population")
      sheet.validations.push({
        range: cell,
        type: "whole",
        min: 0,
        allowBlank: true,
        error: "Inserire un numero intero di abitanti.",
      });
    else
      sheet.validations.push({
        range: cell,
        type: "whole",
        min: 2000,
        max: 2100,
        allowBlank: true,
        error: "Inserire un anno (es. 2025).",
      });
  });
  sheet.rangeStyles.push({
    range: `B${FIRST_INPUT_ROW + 1}:B${FIRST_INPUT_ROW + INPUT_LINES.length}`,
    style: STYLE.input,
  });
  OUTPUT_LINES.forEach((line, k) => {
    const r = FIRST_OUTPUT_ROW + k;
    const value: PlanValue = { f: line.formula };
    sheet.blocks.push({
      at: `A${r + 1}`,
      rows: [[line.label, value, line.explain]],
      columnFormats: [null, line.format ?? null, null],
    });
    names.push({ name: line.name, ref: sheetCellRef(SHEETS.spending, r, 1, true) });
  });
  const esito = FIRST_OUTPUT_ROW + OUTPUT_LINES.findIndex((l) => l.name === "PIAO_Esito") + 1;
  sheet.conditionalFormats.push(
    { range: `B${esito}`, formula: `=LEFT($B${esito},5)="Sotto"`, style: STYLE.ok },
    { range: `B${esito}`, formula: `=LEFT($B${esito},5)="Sopra"`, style: STYLE.error },
    { range: `B${esito}`, formula: `=LEFT($B${esito},3)="Tra"`, style: STYLE.warning },
  );
  // The outcome wraps in its cell, on a row tall enough for the longest outcome text.
  sheet.rangeStyles.push({ range: `B${esito}`, style: { wrap: true } });
  const outcomeLines = Math.max(...Object.values(OUTCOME_TEXT).map((t) => wrappedLines(t, VALUE_WIDTH)));
  sheet.rowHeights.push({ row: esito - 1, height: outcomeLines * LINE_HEIGHT });
  sheet.columnWidths = [
    { col: 0, width: 58 },
    { col: 1, width: VALUE_WIDTH },
    { col: 2, width: 90 },
    { col: 3, width: 26 },
  ];
  sheet.protection = { unlocked: [`B${FIRST_INPUT_ROW + 1}:B${FIRST_INPUT_ROW + INPUT_LINES.length}`] };
  return { sheet, names };
}

/** The regulatory tables the formulas read, for `PIAO Parametri`. */
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
        b.body === "Comune" ? "[V] fasce; [S] Tabella 1; [M] Tabella 3" : b.mark,
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
  ];
}
