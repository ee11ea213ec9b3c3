/**
 * A parameter the formulas read, as data: each feature describes its sections, the workbook layer lays them
 * out in `PIAO Parametri` and names the value cells.
 */
import type { PlanValue } from "./plan";

/** Verification mark: [V] official text, [S] specialist sources, [M] widely cited, not verified. */
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
