/**
 * `PIAO Parametri`: every parameter the formulas read, with its legal source and verification mark
 * ([V] official text, [S] specialist sources, [M] widely cited, not verified — domain.md), so that a user
 * can correct a number without a new release. Each part of the engine contributes sections; this module
 * lays them out one under the other and names the cells the formulas read.
 */
import { cellAddress, sheetCellRef } from "../address";
import { SCORING_NAMES, SHEETS, TABLES } from "../contract";
import {
  emptySheet,
  type DefinedNamePlan,
  type PlanValue,
  type SheetPlan,
  type ValidationPlan,
} from "../plan";
import { DEFAULT_SCORING, type ScoringParameters } from "../scoring";
import { WEIGHT_TOLERANCE } from "../weights";
import { FORMAT, STYLE, tableBlock } from "./layout";

export type Mark = "[V]" | "[S]" | "[M]";

/** A single parameter: one row of a `Parametro | Valore | Fonte | Verifica` table, its value cell named. */
export interface ParameterRow {
  label: string;
  value: PlanValue;
  source: string;
  mark: Mark;
  /** Workbook-scope name of the value cell. */
  name: string;
  format?: string;
  /** Allowed values, when the value is a choice (e.g. `Sì`/`No`). */
  choices?: string[];
}

export type ParameterSection =
  | { kind: "values"; title: string; table: string; rows: ParameterRow[] }
  | {
      /** A regulatory table (e.g. thresholds by band); formulas read it by structured reference. */
      kind: "table";
      title: string;
      table: string;
      headers: string[];
      rows: PlanValue[][];
      formats?: (string | null)[];
      /** Columns the user may edit (shaded as inputs), by header. */
      editable?: string[];
      /** Defined names for whole data columns, e.g. `{ name: "PIAO_Fasce", column: "Soglia inferiore" }`. */
      names?: { name: string; column: string }[];
    };

const PARAM_HEADERS = ["Parametro", "Valore", "Fonte", "Verifica"];

export function parametersSheet(sections: ParameterSection[]): {
  sheet: SheetPlan;
  names: DefinedNamePlan[];
} {
  const sheet = emptySheet(SHEETS.parameters);
  sheet.tabColor = "#7F7F7F";
  sheet.blocks.push(
    { at: "A1", rows: [["PIAO Sheets – Parametri"]], style: STYLE.title },
    {
      at: "A2",
      rows: [
        [
          "I parametri possono essere modificati: le formule dei fogli PIAO li leggono da qui. " +
            "Verifica: [V] testo ufficiale (Gazzetta Ufficiale), [S] fonti specialistiche, [M] citato ma non verificato.",
        ],
      ],
      style: STYLE.note,
    },
  );
  const names: DefinedNamePlan[] = [];
  const abs = (row: number, col: number) => sheetCellRef(SHEETS.parameters, row, col, true);
  let row = 3;
  for (const s of sections) {
    sheet.blocks.push({ at: `A${row + 1}`, rows: [[s.title]], style: STYLE.label });
    row += 1;
    if (s.kind === "values") {
      const formats = [null, null, null, null];
      tableBlock(
        sheet,
        s.table,
        { row, col: 0 },
        PARAM_HEADERS,
        s.rows.map((p) => [p.label, p.value, p.source, p.mark]),
        formats,
      );
      s.rows.forEach((p, i) => {
        const r = row + 1 + i;
        names.push({ name: p.name, ref: abs(r, 1) });
        if (p.format) sheet.blocks.push({ at: `B${r + 1}`, rows: [[p.value]], columnFormats: [p.format] });
        if (p.choices)
          sheet.validations.push({
            range: `B${r + 1}`,
            type: "list",
            values: p.choices,
            allowBlank: false,
          } as ValidationPlan);
      });
      sheet.rangeStyles.push({ range: `B${row + 2}:B${row + 1 + s.rows.length}`, style: STYLE.input });
      row += s.rows.length + 2;
    } else {
      tableBlock(sheet, s.table, { row, col: 0 }, s.headers, s.rows, s.formats);
      const first = row + 1;
      const last = row + Math.max(s.rows.length, 1);
      for (const h of s.editable ?? []) {
        const c = s.headers.indexOf(h);
        sheet.rangeStyles.push({
          range: `${cellAddress(first, c)}:${cellAddress(last, c)}`,
          style: STYLE.input,
        });
      }
      for (const n of s.names ?? []) {
        const c = s.headers.indexOf(n.column);
        names.push({ name: n.name, ref: `${abs(first, c)}:${abs(last, c).split("!")[1]}` });
      }
      row += Math.max(s.rows.length, 1) + 2;
    }
  }
  sheet.columnWidths = [
    { col: 0, width: 55 },
    { col: 1, width: 16 },
    { col: 2, width: 70 },
    { col: 3, width: 12 },
    { col: 4, width: 14 },
    { col: 5, width: 14 },
    { col: 6, width: 60 },
    { col: 7, width: 10 },
  ];
  return { sheet, names };
}

const SMVP = "Sistema di misurazione e valutazione della performance dell'ente (art. 7 D.Lgs. 150/2009)";

/** Scoring of the objectives (domain.md §2): floor, bands, weight tolerance. */
export function scoringSections(p: ScoringParameters = DEFAULT_SCORING): ParameterSection[] {
  return [
    {
      kind: "values",
      title: "Punteggio degli obiettivi",
      table: TABLES.scoring,
      rows: [
        {
          label: "Soglia minima di raggiungimento (sotto: punteggio 0)",
          value: p.floor,
          source: SMVP,
          mark: "[M]",
          name: SCORING_NAMES.floor,
          format: FORMAT.percent,
        },
        {
          label: "Punteggio a fasce attivo (Sì/No)",
          value: p.bands ? "Sì" : "No",
          source: SMVP,
          mark: "[M]",
          name: SCORING_NAMES.bandsOn,
          choices: ["Sì", "No"],
        },
        {
          label: "Tolleranza sulla somma dei pesi (punti)",
          value: WEIGHT_TOLERANCE,
          source: "Prassi: somma dei pesi 100 per unità (domain.md §2)",
          mark: "[S]",
          name: WEIGHT_TOLERANCE_NAME,
        },
      ],
    },
    {
      kind: "table",
      title: "Fasce di punteggio: il raggiungimento vale la soglia inferiore della fascia che raggiunge",
      table: TABLES.bands,
      headers: ["Fascia", "Soglia inferiore", "Fonte", "Verifica"],
      rows: p.bandEdges.map((e, i) => [`Fascia ${i + 1}`, e, SMVP, "[M]"]),
      formats: [null, FORMAT.percent, null, null],
      editable: ["Soglia inferiore"],
      names: [{ name: SCORING_NAMES.bands, column: "Soglia inferiore" }],
    },
  ];
}

export const WEIGHT_TOLERANCE_NAME = "PIAO_TolleranzaPesi";
