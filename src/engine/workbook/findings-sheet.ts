/** `PIAO Verifica` (table `PIAO_Verifica`): every finding with a link to its cell. */
import { FINDING_COLUMNS, SHEETS, TABLES } from "../core/contract";
import { SEVERITY_LABEL, sortFindings, type Finding } from "../core/findings";
import type { Lang } from "../core/i18n";
import { findingRef } from "../core/messages";
import { emptySheet, linkTo, type PlanValue, type SheetPlan } from "../core/plan";
import { STYLE, tableBlock } from "../core/layout";

export function findingsSheet(findings: Finding[], lang: Lang): SheetPlan {
  const sheet = emptySheet(SHEETS.findings);
  sheet.tabColor = "#C00000";
  const rows: PlanValue[][] = sortFindings(findings).map((f, i) => {
    const ref = findingRef(f);
    return [
      SEVERITY_LABEL[lang][f.severity],
      f.code,
      f.message[lang],
      f.unit ?? "",
      ref ? linkTo(sheet, i + 1, FINDING_COLUMNS.length - 1, ref) : "",
    ];
  });
  tableBlock(sheet, TABLES.findings, { row: 0, col: 0 }, FINDING_COLUMNS, rows);
  const last = Math.max(rows.length, 1) + 1;
  sheet.conditionalFormats.push(
    { range: `A2:A${last}`, formula: `=$A2="${SEVERITY_LABEL[lang].error}"`, style: STYLE.error },
    { range: `A2:A${last}`, formula: `=$A2="${SEVERITY_LABEL[lang].warning}"`, style: STYLE.warning },
  );
  sheet.columnWidths = [
    { col: 0, width: 14 },
    { col: 1, width: 22 },
    { col: 2, width: 90 },
    { col: 3, width: 36 },
    { col: 4, width: 24 },
  ];
  sheet.frozen = { rows: 1, cols: 0 };
  return sheet;
}
