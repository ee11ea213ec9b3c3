/**
 * `PIAO Parametri`: every parameter the formulas read, with its legal source and verification mark
 * ([V] official text, [S] specialist sources, [M] widely cited, not verified — domain.md), so that a user
 * can correct a number without a new release. Each part of the engine contributes sections; this module
 * lays them out one under the other and names the cells the formulas read.
 */
import { cellAddress, sheetCellRef } from "../core/address";
import { SHEETS } from "../core/contract";
import type { ParameterSection } from "../core/parameters";
import { emptySheet, type DefinedNamePlan, type SheetPlan, type ValidationPlan } from "../core/plan";
import { STYLE, tableBlock } from "../core/layout";

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
