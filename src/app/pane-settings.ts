/**
 * The task pane's review choices (unit per sheet, weight column, reading of ambiguous headers), kept in the workbook's document settings
 * so that they travel with the file and apply to every later run.
 */
import type { SheetMapping } from "../engine/objectives/detect";
import { OBJECTIVE_FIELDS, type ObjectiveField } from "../engine/core/synonyms";

/** The user's choices by sheet name. */
export type Mapping = Record<string, SheetMapping>;

/** The workbook setting (document settings) that keeps the review choices between runs. */
export const MAPPING_SETTING = "piao.mapping";

/** Keeps only well-formed choices: settings live in the user's file and may have been edited. */
export function sanitizeMapping(raw: unknown): Mapping {
  let value = raw;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const sheets = (value as { sheets?: unknown }).sheets ?? value;
  if (!sheets || typeof sheets !== "object" || Array.isArray(sheets)) return {};
  const out: Mapping = {};
  for (const [sheet, choice] of Object.entries(sheets as Record<string, unknown>)) {
    if (!choice || typeof choice !== "object") continue;
    const c = choice as { unit?: unknown; weightColumn?: unknown; columns?: unknown };
    const clean: Mapping[string] = {};
    if (typeof c.unit === "string" && c.unit.trim()) clean.unit = c.unit.trim();
    if (typeof c.weightColumn === "number" && Number.isInteger(c.weightColumn) && c.weightColumn >= 0)
      clean.weightColumn = c.weightColumn;
    const columns = Object.entries(c.columns && typeof c.columns === "object" ? c.columns : {}).filter(
      ([col, field]) => /^\d+$/.test(col) && (OBJECTIVE_FIELDS as readonly unknown[]).includes(field),
    );
    if (columns.length > 0)
      clean.columns = Object.fromEntries(columns.map(([k, f]) => [Number(k), f as ObjectiveField]));
    if (Object.keys(clean).length > 0) out[sheet] = clean;
  }
  return out;
}

/** Queues the load of the stored choices; the returned function reads them after the next sync. */
export function queueMapping(context: Excel.RequestContext): () => Mapping {
  const item = context.workbook.settings.getItemOrNullObject(MAPPING_SETTING);
  item.load("value");
  return () => (item.isNullObject ? {} : sanitizeMapping(item.value));
}

export async function readMapping(context: Excel.RequestContext): Promise<Mapping> {
  const mapping = queueMapping(context);
  await context.sync();
  return mapping();
}

export async function writeMapping(context: Excel.RequestContext, mapping: Mapping): Promise<void> {
  const clean = sanitizeMapping(mapping);
  if (Object.keys(clean).length > 0) {
    // A JSON string: the most portable setting value across Excel hosts. `add` replaces an existing key.
    context.workbook.settings.add(MAPPING_SETTING, JSON.stringify({ version: 1, sheets: clean }));
    await context.sync();
    return;
  }
  const item = context.workbook.settings.getItemOrNullObject(MAPPING_SETTING);
  await context.sync();
  if (!item.isNullObject) {
    item.delete();
    await context.sync();
  }
}
