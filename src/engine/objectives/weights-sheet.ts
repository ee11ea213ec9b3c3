/** `PIAO Pesi` (table `PIAO_Pesi`): per unit, weight check and weighted score, as formulas over PIAO_Obiettivi. */
import { OBJECTIVE_COLUMNS as C, SCORING_NAMES, SHEETS, TABLES, WEIGHT_COLUMNS } from "../core/contract";
import { emptySheet, type PlanValue, type SheetPlan } from "../core/plan";
import type { UnitSummary } from "./weights";
import { FORMAT, STYLE, tableBlock, tableColumn } from "../core/layout";

const O = (col: string) => tableColumn(TABLES.objectives, col);

/**
 * Formulas of one `PIAO_Pesi` row (0-based sheet row `r`); column letters follow WEIGHT_COLUMNS.
 * The unit is matched with EXACT, never as a COUNTIF/SUMIF criterion: a criterion reads `*`, `?`, `~`, `<`,
 * `>` and `=` in a unit's name as wildcards and operators, and ignores case — the engine groups units by
 * their exact name, so the formulas do too. SUMPRODUCT's separate array arguments count text as 0.
 */
export function weightRowFormulas(r: number): PlanValue[] {
  const n = r + 1;
  const inUnit = `--EXACT(${O(C.unit)},$A${n})`;
  const weight = O(C.weight);
  const positive = `ISNUMBER(${weight})*(${weight}>0)`;
  return [
    { f: `=SUMPRODUCT(${inUnit})` },
    { f: `=SUMPRODUCT(${inUnit},${weight})` },
    { f: `=ROUND(D${n}-100,6)` },
    { f: `=IF(ABS(E${n})<=${SCORING_NAMES.weightTolerance},"OK","ERRORE")` },
    // Σ(weight × achievement) / Σ(weight) × 100, empty until some objective has a score at 31/12 (typed or
    // calculated from its measures).
    {
      f: `=IF(OR(D${n}=0,SUMPRODUCT(${inUnit},--ISNUMBER(${O(C.scoreDec)}))=0),"",SUMPRODUCT(${inUnit},${O(C.scoreDec)})/D${n}*100)`,
    },
    ...(["I", "O", "UO"] as const).map((t) => ({
      f: `=SUMPRODUCT(${inUnit},--(${O(C.type)}="${t}"),${positive})`,
    })),
    { f: `=SUMPRODUCT(${inUnit},ISNUMBER(${weight})*(${weight}=0))` },
  ];
}

export function weightsSheet(units: UnitSummary[]): SheetPlan {
  const sheet = emptySheet(SHEETS.weights);
  sheet.tabColor = "#2F5597";
  const rows = units.map((u, i) => [u.unit, u.manager, ...weightRowFormulas(i + 1)]);
  const formats = WEIGHT_COLUMNS.map(() => null as string | null);
  formats[3] = FORMAT.weight;
  formats[4] = FORMAT.weight;
  formats[6] = FORMAT.number2;
  tableBlock(sheet, TABLES.weights, { row: 0, col: 0 }, WEIGHT_COLUMNS, rows, formats);
  const last = Math.max(units.length, 1) + 1;
  sheet.conditionalFormats.push(
    { range: `A2:K${last}`, formula: `=$F2="ERRORE"`, style: STYLE.error },
    { range: `F2:F${last}`, formula: `=$F2="OK"`, style: STYLE.ok },
  );
  sheet.columnWidths = WEIGHT_COLUMNS.map((h, col) => ({
    col,
    width: col === 0 ? 42 : col === 1 ? 28 : Math.max(12, h.length + 2),
  }));
  sheet.frozen = { rows: 1, cols: 1 };
  // No protection: a table users sort and filter (by Esito); its computed columns are marked instead.
  sheet.rangeStyles.push({ range: `C2:K${last}`, style: STYLE.computed });
  return sheet;
}
