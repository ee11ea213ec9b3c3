/**
 * Which sheets are the add-in's and which are the user's. A generated sheet carries its marker (a hidden
 * workbook name `PIAO_Foglio_<role>` referring to its A1, see `sheetMarker`); a sheet whose marker reference
 * was not updated by the tool that renamed it (openpyxl) is found by the add-in's table on it. A sheet with a
 * generated name and no marker is the user's: it is read as a source and kept.
 */
import { MEASURE_PARAMETERS, SHEET_MARKER_PREFIX, SHEETS, TABLES, type SheetRole } from "../core/contract";
import type { Finding } from "../core/findings";
import { finding, MESSAGES } from "../core/messages";
import type { SheetSnapshot, WorkbookNames } from "../core/snapshot";

/** The table that identifies a generated sheet whose marker no longer finds it. */
const ROLE_TABLE: Partial<Record<SheetRole, string>> = {
  objectives: TABLES.objectives,
  weights: TABLES.weights,
  indicators: TABLES.indicators,
  spending: TABLES.triennium,
  parameters: MEASURE_PARAMETERS.table,
  findings: TABLES.findings,
  archive: TABLES.archive,
  measures: TABLES.measures,
};

const ROLES = Object.keys(SHEETS) as SheetRole[];
const lc = (s: string) => s.toLowerCase();
const only = <T>(xs: T[]): T | undefined => (xs.length === 1 ? xs[0] : undefined);
const isMarker = (name: string) => lc(name).startsWith(lc(SHEET_MARKER_PREFIX));

export interface Ownership {
  /** The previous run's sheets, by their standard name (`SHEETS`), whatever they are called now. */
  generated: Map<string, SheetSnapshot>;
  /** Every other sheet: the user's, read as sources and never replaced. */
  user: SheetSnapshot[];
  /** Names of the previous run's sheets, to remove before writing the new ones. */
  replaces: string[];
  /** Table names and defined names the user owns (lower case): the plan must not use them. */
  takenIdentifiers: Set<string>;
  findings: Finding[];
}

/**
 * The sheet a defined name's formula refers to: `'PIAO Obiettivi'!$A$1` → `PIAO Obiettivi`, and for a
 * structured reference (`PIAO_Misure[[Punti 30/09]]`) the sheet of its table; null otherwise.
 */
export function referredSheet(formula: string, tables: WorkbookNames["tables"]): string | null {
  const f = formula.replace(/^=/, "");
  const quoted = /^'((?:[^']|'')+)'!/.exec(f);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^'!"[]+)!/.exec(f);
  if (plain) return plain[1];
  const table = /^([^'!"[\]]+)\[/.exec(f);
  return table ? (tables.find((t) => lc(t.name) === lc(table[1]))?.sheet ?? null) : null;
}

/**
 * The generated sheets among `sheetNames`, with their role: the one place that tells the add-in's sheets from
 * the user's (convert, check and the task pane's removal all ask it).
 */
export function generatedSheets(sheetNames: string[], wb: WorkbookNames): Map<string, SheetRole> {
  const byName = new Map(sheetNames.map((s) => [lc(s), s]));
  const roles = new Map<string, SheetRole>();
  for (const n of wb.names) {
    const role = ROLES.find((r) => lc(n.name) === lc(SHEET_MARKER_PREFIX + r));
    const sheet = role ? byName.get(lc(referredSheet(n.formula, wb.tables) ?? "")) : undefined;
    if (role && sheet && ![...roles.values()].includes(role)) roles.set(sheet, role);
  }
  const markers = wb.names.some((n) => isMarker(n.name));
  if (!markers) {
    // A workbook converted before the markers existed: its `PIAO Verifica` holds `PIAO_Verifica`.
    const legacy = wb.tables.some((t) => t.name === TABLES.findings && t.sheet === SHEETS.findings);
    if (legacy) for (const r of ROLES) if (byName.get(lc(SHEETS[r])) === SHEETS[r]) roles.set(SHEETS[r], r);
    return roles;
  }
  // A marked sheet renamed by a tool that left the marker's reference behind (its marker names no sheet):
  // found by its table, `PIAO_Obiettivi` or the free name a clash gave it (`PIAO_Obiettivi_2`). A role with
  // no marker had no sheet in the previous run: a user's table of that name claims nothing.
  for (const r of ROLES) {
    const table = ROLE_TABLE[r];
    const stale = wb.names.some((n) => lc(n.name) === lc(SHEET_MARKER_PREFIX + r));
    if ([...roles.values()].includes(r) || !table || !stale) continue;
    const own = new RegExp(`^${table}(_\\d+)?$`, "i");
    const found = wb.tables.filter((t) => own.test(t.name) && byName.has(lc(t.sheet)) && !roles.has(t.sheet));
    // Ours took a suffixed name when the user had the plain one.
    const home = found.length === 1 ? found[0] : only(found.filter((t) => lc(t.name) !== lc(table)));
    if (home) roles.set(byName.get(lc(home.sheet))!, r);
  }
  return roles;
}

/**
 * What removing the add-in's work removes: the generated sheets, and the defined names that are theirs (the
 * markers, and every name referring to one of those sheets, which would be left at #REF! otherwise).
 */
export function generatedParts(
  sheetNames: string[],
  wb: WorkbookNames,
): { sheets: string[]; names: string[] } {
  const sheets = [...generatedSheets(sheetNames, wb).keys()];
  const ours = new Set(sheets.map(lc));
  const names = wb.names
    .filter((n) => isMarker(n.name) || ours.has(lc(referredSheet(n.formula, wb.tables) ?? "")))
    .map((n) => n.name);
  return { sheets, names };
}

/**
 * Splits the snapshots into the previous run's sheets and the user's. Without `wb` (a caller that does not
 * read names) the standard names decide, as before the markers.
 */
export function ownership(snapshots: SheetSnapshot[], wb?: WorkbookNames): Ownership {
  const roles = wb
    ? generatedSheets(
        snapshots.map((s) => s.name),
        wb,
      )
    : new Map(
        snapshots.flatMap((s) => {
          const r = ROLES.find((x) => SHEETS[x] === s.name);
          return r ? [[s.name, r] as const] : [];
        }),
      );
  const generated = new Map<string, SheetSnapshot>();
  const findings: Finding[] = [];
  for (const s of snapshots) {
    const role = roles.get(s.name);
    if (!role) continue;
    generated.set(SHEETS[role], s);
    if (s.name !== SHEETS[role])
      findings.push(
        finding("info", "FOGLIO_GENERATO_RINOMINATO", MESSAGES.generatedSheetRenamed(s.name, SHEETS[role])),
      );
  }
  const user = snapshots.filter((s) => !roles.has(s.name));
  const ours = new Set([...roles.keys()].map(lc));
  const takenIdentifiers = new Set<string>();
  for (const t of wb?.tables ?? []) if (!ours.has(lc(t.sheet))) takenIdentifiers.add(lc(t.name));
  for (const n of wb?.names ?? []) {
    const sheet = referredSheet(n.formula, wb?.tables ?? []);
    if (!isMarker(n.name) && !(sheet !== null && ours.has(lc(sheet)))) takenIdentifiers.add(lc(n.name));
  }
  return { generated, user, replaces: [...roles.keys()], takenIdentifiers, findings };
}
