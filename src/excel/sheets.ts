/** Removing generated sheets and navigating to a cell. */

/**
 * Deletes a sheet; a very hidden one is made hidden first, because Excel refuses to delete a very
 * hidden sheet (office-js #365, "by design").
 */
export function deleteSheet(ws: Excel.Worksheet, veryHidden: boolean): void {
  if (veryHidden) ws.visibility = "Hidden";
  ws.delete();
}

export interface RemoveOptions {
  /** Workbook-scope defined names to delete as well (they would otherwise be left pointing at #REF!). */
  definedNames?: string[];
}

/**
 * Deletes the named sheets that exist (and optionally defined names). One sync finds them and one sync
 * deletes them; the second is skipped when nothing exists. Deleting in the first sync through
 * `getItemOrNullObject(name).delete()` would save a round trip, but what Excel does with a method call
 * on a null object is not documented, so this follows the documented pattern (sync, test
 * `isNullObject`, then act). If every visible sheet would go, a blank sheet is added first, because a
 * workbook must keep one visible sheet.
 */
export async function removeSheets(
  context: Excel.RequestContext,
  names: string[],
  opts: RemoveOptions = {},
): Promise<{ removed: string[]; syncs: number }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const found = names.map((n) => sheets.getItemOrNullObject(n));
  const defined = (opts.definedNames ?? []).map((n) => context.workbook.names.getItemOrNullObject(n));
  await context.sync();

  const removed = names.filter((_, i) => !found[i].isNullObject);
  const doomed = new Set(removed.map((n) => n.toLowerCase()));
  const namesToDelete = defined.filter((d) => !d.isNullObject);
  if (removed.length === 0 && namesToDelete.length === 0) return { removed, syncs: 1 };

  const visibleLeft = sheets.items.filter(
    (s) => s.visibility === "Visible" && !doomed.has(s.name.toLowerCase()),
  );
  if (removed.length > 0 && visibleLeft.length === 0) sheets.add();
  namesToDelete.forEach((d) => d.delete());
  const veryHidden = new Set(
    sheets.items.filter((s) => s.visibility === "VeryHidden").map((s) => s.name.toLowerCase()),
  );
  found.forEach((ws, i) => {
    if (!ws.isNullObject) deleteSheet(ws, veryHidden.has(names[i].toLowerCase()));
  });
  await context.sync();
  return { removed, syncs: 2 };
}

/** Activates `sheet` and selects `address` on it (one sync). */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  address: string,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}
