/**
 * `PIAO Parametri`: every parameter the formulas read, with its source and verification mark, so that a
 * user can correct a number without a new release. This module writes the scoring parameters.
 */
import { SCORING_NAMES, SHEETS, TABLES } from "../contract";
import { emptySheet, type DefinedNamePlan, type SheetPlan } from "../plan";
import { FORMAT, STYLE, tableBlock } from "./layout";
import { sheetCellRef } from "../address";
import { WEIGHT_TOLERANCE } from "../weights";
import { DEFAULT_SCORING, type ScoringParameters } from "../scoring";

export const WEIGHT_TOLERANCE_NAME = "PIAO_TolleranzaPesi";

export function parametersSheet(p: ScoringParameters = DEFAULT_SCORING): {
  sheet: SheetPlan;
  names: DefinedNamePlan[];
} {
  const sheet = emptySheet(SHEETS.parameters);
  sheet.tabColor = "#7F7F7F";
  sheet.blocks.push(
    { at: "A1", rows: [["PIAO Sheets – Parametri"]], style: STYLE.title },
    {
      at: "A2",
      rows: [["I parametri possono essere modificati: le formule dei fogli PIAO li leggono da qui."]],
      style: STYLE.note,
    },
  );
  const smvp = "Sistema di misurazione e valutazione della performance dell'ente (art. 7 D.Lgs. 150/2009)";
  const rows = [
    ["Soglia minima di raggiungimento (sotto: punteggio 0)", p.floor, smvp, "[M]"],
    ["Punteggio a fasce attivo (Sì/No)", p.bands ? "Sì" : "No", smvp, "[M]"],
    [
      "Tolleranza sulla somma dei pesi (punti)",
      WEIGHT_TOLERANCE,
      "Prassi: somma dei pesi 100 per unità",
      "[S]",
    ],
  ];
  tableBlock(sheet, TABLES.scoring, { row: 3, col: 0 }, ["Parametro", "Valore", "Fonte", "Verifica"], rows, [
    null,
    null,
    null,
    null,
  ]);
  const bandsTop = 9;
  sheet.blocks.push({
    at: `A${bandsTop}`,
    rows: [["Fasce di punteggio: soglia inferiore di ciascuna fascia"]],
    style: STYLE.label,
  });
  sheet.blocks.push({
    at: `A${bandsTop + 1}`,
    rows: p.bandEdges.map((e, i) => [`Fascia ${i + 1}`, e]),
    columnFormats: [null, FORMAT.percent],
  });
  sheet.rangeStyles.push(
    { range: "B5:B7", style: STYLE.input },
    { range: `B${bandsTop + 1}:B${bandsTop + p.bandEdges.length}`, style: STYLE.input },
  );
  sheet.validations.push({ range: "B6", type: "list", values: ["Sì", "No"], allowBlank: false });
  sheet.columnWidths = [
    { col: 0, width: 55 },
    { col: 1, width: 14 },
    { col: 2, width: 70 },
    { col: 3, width: 10 },
  ];
  const abs = (row: number, col: number) => sheetCellRef(SHEETS.parameters, row, col, true);
  const names: DefinedNamePlan[] = [
    { name: SCORING_NAMES.floor, ref: abs(4, 1) },
    { name: SCORING_NAMES.bandsOn, ref: abs(5, 1) },
    { name: WEIGHT_TOLERANCE_NAME, ref: abs(6, 1) },
    {
      name: SCORING_NAMES.bands,
      ref: `${abs(bandsTop, 1)}:${abs(bandsTop + p.bandEdges.length - 1, 1).split("!")[1]}`,
    },
  ];
  return { sheet, names };
}
