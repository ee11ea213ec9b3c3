/**
 * Builds safe to interrupt. The previous generated sheets are not deleted first: they are *parked* —
 * renamed `~piao-old-N`, their tables renamed `piao_old_N` (table and defined names are workbook-unique
 * and case-insensitive), the defined names the plan redefines deleted with their formulas recorded — and
 * the new sheets are written under the final names, so formulas, names and links bind to them. Only the
 * last request deletes the parked sheets. When a request fails half-way (`InactiveWorkbook`, a payload
 * error, a cell being edited, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling),
 * the parked sheets are put back: the new ones deleted, the old ones renamed back with their tables, the
 * names re-added. The record of what was parked is a workbook setting (ExcelApi 1.4) written in the same
 * request as the first rename, so a build whose put-back failed too (Excel refuses every call while
 * another workbook is active) is put back by the next read or build, before anything else.
 */

import { deleteSheet } from "./sheets";

/** What a build moved aside: enough to finish it (delete) or to undo it (put back). */
export interface Parked {
  /** Old generated sheets: their name and the name they are parked under. */
  sheets: { name: string; parked: string }[];
  /** Plan sheets that had no old counterpart (created by the build, deleted by a put-back). */
  added: string[];
  /** Tables of the old sheets whose names the plan needs. */
  tables: { name: string; parked: string }[];
  /** Every defined name of the plan; `formula` for those that existed before the build. */
  names: { name: string; formula?: string }[];
}

/** The workbook setting that holds the record while a build runs. */
export const PARKED_SETTING = "piao.parkedSheets";

const lc = (s: string) => s.toLowerCase();

/** `prefix1`, `prefix2`, … : the first not in `taken` (lower case), which then holds it. */
export function freeName(prefix: string, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const n = `${prefix}${i}`;
    if (!taken.has(lc(n))) {
      taken.add(lc(n));
      return n;
    }
  }
}

/** Whether the build moves anything aside (a first build does not, and keeps no record). */
export function parksAnything(p: Parked): boolean {
  return p.sheets.length > 0 || p.tables.length > 0 || p.names.some((n) => n.formula !== undefined);
}

/** Queues the parking (to run as the build's first operation): the record first, then the renames. */
export function park(context: Excel.RequestContext, p: Parked): void {
  const wb = context.workbook;
  wb.settings.add(PARKED_SETTING, p);
  for (const t of p.tables) wb.tables.getItem(t.name).name = t.parked;
  for (const s of p.sheets) wb.worksheets.getItem(s.name).name = s.parked;
  for (const n of p.names) if (n.formula !== undefined) wb.names.getItem(n.name).delete();
}

/** Queues the end of a build that completed: the parked sheets and the record go. */
export function unpark(context: Excel.RequestContext, p: Parked, veryHidden: Set<string>): void {
  const wb = context.workbook;
  for (const s of p.sheets) deleteSheet(wb.worksheets.getItem(s.parked), veryHidden.has(lc(s.name)));
  wb.settings.getItem(PARKED_SETTING).delete();
}

/**
 * Puts parked sheets back (two syncs: what exists now, then the changes). Whatever step of the build
 * failed, only what exists is touched: a plan sheet is deleted only when its old sheet is safely parked
 * (or it had none), so an old sheet that was never renamed stays as it is.
 */
export async function putBack(context: Excel.RequestContext, p: Parked): Promise<void> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name");
  const tables = wb.tables.load("items/name");
  const names = wb.names.load("items/name");
  const record = wb.settings.getItemOrNullObject(PARKED_SETTING);
  await context.sync();
  const has = (list: { items: { name: string }[] }, n: string) =>
    list.items.some((x) => lc(x.name) === lc(n));
  for (const n of p.names) if (has(names, n.name)) wb.names.getItem(n.name).delete();
  const doomed = [...p.added, ...p.sheets.filter((s) => has(sheets, s.parked)).map((s) => s.name)];
  for (const name of doomed) if (has(sheets, name)) wb.worksheets.getItem(name).delete();
  for (const s of p.sheets) if (has(sheets, s.parked)) wb.worksheets.getItem(s.parked).name = s.name;
  for (const t of p.tables) if (has(tables, t.parked)) wb.tables.getItem(t.parked).name = t.name;
  for (const n of p.names) if (n.formula !== undefined) wb.names.add(n.name, n.formula);
  if (!record.isNullObject) record.delete();
  await context.sync();
}

/**
 * Queues the check for a build that could not be put back (send it with the caller's next request);
 * the returned function, after that sync, puts its sheets back and says whether there was one. If that
 * request failed (the reader retries in slices), the check costs a sync of its own.
 */
export function queueRestore(context: Excel.RequestContext): () => Promise<boolean> {
  const load = () => context.workbook.settings.getItemOrNullObject(PARKED_SETTING).load("value");
  let item = load();
  return async () => {
    try {
      void item.isNullObject;
    } catch {
      item = load();
      await context.sync();
    }
    if (item.isNullObject) return false;
    await putBack(context, item.value as Parked);
    return true;
  };
}
