/**
 * Names the plan may not take. Excel compares sheet, table and defined names without regard to case, and
 * tables share one namespace with defined names. A name the user owns is never replaced: the generated
 * object takes a free name instead (`PIAO Obiettivi (2)`, `PIAO_Soglia_2`) and every formula, defined name
 * and chart series of the plan that refers to it follows (links go to the user's source cells and stay), with a warning naming both. Renaming ours
 * rather than stopping keeps a workbook convertible when the user's own sources carry our names (a copy of
 * a converted sheet, say); the warning tells how to get the standard name back.
 */
import { quoteSheet } from "../core/address";
import { sheetMarker, SHEETS, type SheetRole } from "../core/contract";
import type { Finding } from "../core/findings";
import { finding, MESSAGES } from "../core/messages";
import { isFormula, type WorkbookPlan } from "../core/plan";

const lc = (s: string) => s.toLowerCase();

/** One hidden marker name per generated sheet of the plan (call before `resolveCollisions`). */
export function addMarkers(plan: WorkbookPlan): void {
  for (const role of Object.keys(SHEETS) as SheetRole[]) {
    const sheet = plan.sheets.find((s) => s.name === SHEETS[role]);
    if (sheet)
      plan.names.push({ name: sheetMarker(role), ref: `${quoteSheet(sheet.name)}!$A$1`, hidden: true });
  }
}

function freeName(taken: Set<string>, form: (n: number) => string): string {
  for (let n = 2; ; n++) {
    const candidate = form(n);
    if (!taken.has(lc(candidate))) return candidate;
  }
}

const IDENT_CHAR = "A-Za-z0-9_.\\\\";

/** `formula` with the renamed sheets and identifiers replaced outside string literals. */
export function renameInFormula(
  formula: string,
  sheets: Map<string, string>,
  identifiers: Map<string, string>,
): string {
  return formula.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'|[^"']+/g, (token) => {
    if (token.startsWith('"')) return token;
    if (token.startsWith("'")) {
      const name = token.slice(1, -1).replace(/''/g, "'");
      const renamed = sheets.get(name);
      return renamed === undefined ? token : quoteSheet(renamed);
    }
    let out = token;
    for (const [from, to] of identifiers)
      out = out.replace(new RegExp(`(?<![${IDENT_CHAR}])${from}(?![${IDENT_CHAR}!(])`, "g"), to);
    return out;
  });
}

export interface Collisions {
  findings: Finding[];
  /** Renames the clashing sheets, tables and names of `plan` (or of a plan built again from the same parts). */
  apply(plan: WorkbookPlan): void;
}

/**
 * Gives every generated sheet, table and defined name of `plan` that clashes with one of the user's a free
 * name; `apply` renames them consistently everywhere in a plan.
 */
export function planCollisions(
  plan: WorkbookPlan,
  userSheets: string[],
  takenIdentifiers: Set<string>,
): Collisions {
  const findings: Finding[] = [];
  const sheetNames = new Set(userSheets.map(lc));
  const sheets = new Map<string, string>();
  const planSheets = plan.sheets.map((x) => lc(x.name));
  for (const s of plan.sheets) {
    if (!sheetNames.has(lc(s.name))) continue;
    const taken = new Set([...sheetNames, ...planSheets, ...[...sheets.values()].map(lc)]);
    const to = freeName(taken, (n) => `${s.name} (${n})`);
    const user = userSheets.find((u) => lc(u) === lc(s.name)) ?? s.name;
    findings.push(finding("warning", "NOME_FOGLIO_IN_USO", MESSAGES.sheetNameTaken(user, to)));
    sheets.set(s.name, to);
  }
  const tables = plan.sheets.flatMap((s) => s.tables.map((t) => t.name));
  const ours = [...tables, ...plan.names.map((n) => n.name)];
  const identifiers = new Map<string, string>();
  for (const name of ours) {
    if (!takenIdentifiers.has(lc(name)) || identifiers.has(name)) continue;
    const taken = new Set([...takenIdentifiers, ...ours.map(lc), ...[...identifiers.values()].map(lc)]);
    const to = freeName(taken, (n) => `${name}_${n}`);
    const message = tables.includes(name) ? MESSAGES.tableNameTaken : MESSAGES.definedNameTaken;
    findings.push(finding("warning", "NOME_IN_USO", message(name, to)));
    identifiers.set(name, to);
  }
  const apply = (p: WorkbookPlan) => {
    if (sheets.size === 0 && identifiers.size === 0) return;
    const re = (f: string) => renameInFormula(f, sheets, identifiers);
    for (const s of p.sheets) {
      s.name = sheets.get(s.name) ?? s.name;
      for (const b of s.blocks)
        for (const row of b.rows) row.forEach((v, i) => isFormula(v) && (row[i] = { f: re(v.f) }));
      for (const c of s.conditionalFormats) c.formula = re(c.formula);
      for (const c of s.charts)
        for (const x of c.series) {
          x.categories = re(x.categories);
          x.values = re(x.values);
        }
      for (const t of s.tables) t.name = identifiers.get(t.name) ?? t.name;
    }
    for (const n of p.names) {
      n.name = identifiers.get(n.name) ?? n.name;
      n.ref = re(n.ref);
    }
    if (p.activeSheet) p.activeSheet = sheets.get(p.activeSheet) ?? p.activeSheet;
  };
  return { findings, apply };
}
