/**
 * `PIAO Verifica` (table `PIAO_Verifica`): every error and warning with a link to its cell; informational
 * findings too, up to INFOS_LISTED_PER_CODE of each code, the rest of that code gathered in one row.
 */
import { FINDING_COLUMNS, SHEETS, TABLES } from "../core/contract";
import { SEVERITY_LABEL, sortFindings, type Finding, type FindingCode } from "../core/findings";
import type { Lang } from "../core/i18n";
import { findingRef, MESSAGES } from "../core/messages";
import { emptySheet, linkTo, type PlanValue, type SheetPlan } from "../core/plan";
import { STYLE, tableBlock } from "../core/layout";
import { pushTo } from "../core/multimap";

/**
 * A plan of 10,000 objectives gives 10,000 notes such as `Tipo "Organizzativa" letto come "O"`: one row each
 * would bury the few rows that matter. Errors and warnings are never gathered.
 */
export const INFOS_LISTED_PER_CODE = 20;

interface Line {
  finding: Finding;
  /** How many findings the row stands for (column `Casi`). */
  cases: number;
}

function lines(findings: Finding[]): Line[] {
  const listed: Line[] = [];
  const rest = new Map<FindingCode, Finding[]>();
  const seen = new Map<FindingCode, number>();
  for (const f of sortFindings(findings)) {
    const n = (seen.get(f.code) ?? 0) + 1;
    if (f.severity === "info") seen.set(f.code, n);
    if (f.severity !== "info" || n <= INFOS_LISTED_PER_CODE) listed.push({ finding: f, cases: 1 });
    else pushTo(rest, f.code, f);
  }
  for (const more of rest.values()) {
    const first = more[0]!;
    const message = MESSAGES.infosGathered(
      more.length,
      findingRef(first) || "—",
      findingRef(more.at(-1)!) || "—",
    );
    // The row points at the first case left out; a unit is named only by the rows listed one by one.
    const gathered: Finding = { ...first, message };
    delete gathered.unit;
    listed.push({ finding: gathered, cases: more.length });
  }
  return listed;
}

export function findingsSheet(findings: Finding[], lang: Lang): SheetPlan {
  const sheet = emptySheet(SHEETS.findings);
  sheet.tabColor = "#C00000";
  const link = FINDING_COLUMNS.indexOf("Cella");
  const rows: PlanValue[][] = lines(findings).map(({ finding: f, cases }, i) => {
    const ref = findingRef(f);
    return [
      SEVERITY_LABEL[lang][f.severity],
      f.code,
      f.message[lang],
      f.unit ?? "",
      ref ? linkTo(sheet, i + 1, link, ref) : "",
      cases,
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
    { col: 5, width: 8 },
  ];
  sheet.frozen = { rows: 1, cols: 0 };
  return sheet;
}
