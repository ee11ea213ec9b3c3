/**
 * The workbook's defined names (workbook scope) and tables, loaded with the read's first request: the
 * engine tells the add-in's sheets from the user's by them and keeps clear of every name the user owns.
 */
import type { WorkbookNames } from "../engine/core/snapshot";

/** Queues the loads on `context`; the returned function gives the names once the context has synced. */
export function queueWorkbookNames(context: Excel.RequestContext): () => WorkbookNames {
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  return () => ({
    names: names.items.map((n) => ({ name: n.name, formula: n.formula })),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
  });
}

/** The names in a sync of their own. */
export async function readWorkbookNames(context: Excel.RequestContext): Promise<WorkbookNames> {
  const queued = queueWorkbookNames(context);
  await context.sync();
  return queued();
}
