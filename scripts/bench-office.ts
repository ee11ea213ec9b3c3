/**
 * The Office.js path measured against the Excel fake (test/fakes), which counts syncs and measures each
 * request and response as JSON bytes, with Excel on the web's 5 MB limits:
 * - reads: syncs to read every sheet, cold (sheet names unknown) and with the names known (as on a
 *   second read in the same session), and the same without payload limits (Excel desktop);
 * - writes: syncs of `applyPlan` (its preflight included), largest and total request payload, and the
 *   bound the design promises (total / 4 MB, rounded up, plus 2);
 * - a naive baseline written only here: one sync per row of every block (write the row, sync), after
 *   one sync that creates the sheets, tables and names the formulas refer to.
 * Times are not reported: the fake's speed says nothing about Excel's.
 */
import { cellAddress, parseCell } from "../src/engine/core/address";
import { isFormula, type WorkbookPlan } from "../src/engine/core/plan";
import type { SheetSnapshot } from "../src/engine/core/snapshot";
import { applyPlan, needsTextFormat, readWorkbook } from "../src/excel";
import { splitSheetRef } from "../src/excel/refs";
import { type FakeExcel, createFakeExcel } from "../test/fakes/fake-excel";

const MB = 1024 * 1024;

export interface OfficeBenchResult {
  /** Syncs to read every sheet, sheet names unknown (Excel on the web's limits). */
  readSyncs: number;
  /** The same with the sheet names known. */
  readSyncsKnownSheets: number;
  /** The same with the names known and no payload limit (Excel desktop). */
  readSyncsDesktop: number;
  /** Response bytes of the cold read, all syncs (rejected ones included). */
  readResponseBytes: number;
  /** Syncs of applyPlan, preflight included. */
  syncs: number;
  maxRequestBytes: number;
  totalRequestBytes: number;
  /** ceil(totalRequestBytes / 4 MB) + 2: what the writer promises not to exceed. */
  syncBound: number;
  /** One sync per written row (null where it is not run, see NAIVE_MAX_ROWS). */
  naiveSyncs: number | null;
  naiveTotalRequestBytes: number | null;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The naive baseline runs up to this many planned rows: written row by row into tables, every row sets off
 * the fake's table AutoCorrect, which compares the whole column, so 10,000 objectives (about 50,000 rows)
 * would take hours — and the count it reports is known anyway: one sync per row, plus one.
 */
const NAIVE_MAX_ROWS = 20_000;
const rowsOf = (plan: WorkbookPlan) =>
  sum(plan.sheets.flatMap((s) => s.blocks.map((b) => b.rows.filter((r) => r.length > 0).length)));

/**
 * The naive writer: sheets, tables and names in one sync, then for every row of every block its number
 * formats (Text for text Excel would parse, as the real writer does) and its cells through `formulas`,
 * and a sync. Validation, formats and the rest are left out: they would only add syncs.
 */
async function naiveApply(context: Excel.RequestContext, plan: WorkbookPlan): Promise<number> {
  const wb = context.workbook;
  const sheets = new Map<string, Excel.Worksheet>();
  for (const s of plan.sheets) {
    const ws = wb.worksheets.add(s.name);
    sheets.set(s.name, ws);
    for (const t of s.tables) ws.tables.add(ws.getRange(t.ref), true).name = t.name;
  }
  for (const n of plan.names) {
    if (n.tableColumn) {
      wb.names.add(n.name, `=${n.ref}`);
      continue;
    }
    const { sheet, address } = splitSheetRef(n.ref);
    wb.names.add(n.name, sheets.get(sheet!)!.getRange(address));
  }
  await context.sync();
  let syncs = 1;
  for (const s of plan.sheets) {
    const ws = sheets.get(s.name)!;
    for (const b of s.blocks) {
      const at = parseCell(b.at);
      for (let i = 0; i < b.rows.length; i++) {
        const row = b.rows[i];
        if (row.length === 0) continue;
        const range = ws.getRange(
          `${cellAddress(at.row + i, at.col)}:${cellAddress(at.row + i, at.col + row.length - 1)}`,
        );
        const formats = row.map((v, j) =>
          typeof v === "string" && needsTextFormat(v) ? "@" : (b.columnFormats?.[j] ?? null),
        );
        if (formats.some((f) => f !== null)) range.numberFormat = [formats.map((f) => f ?? "General")];
        range.formulas = [row.map((v) => (v !== null && isFormula(v) ? v.f : v))];
        await context.sync();
        syncs++;
      }
    }
  }
  return syncs;
}

function seeded(snapshots: SheetSnapshot[], desktop = false): FakeExcel {
  return createFakeExcel(
    snapshots,
    desktop ? { limits: { requestBytes: Infinity, responseBytes: Infinity } } : {},
  );
}

export async function officeBench(
  snapshots: SheetSnapshot[],
  plan: WorkbookPlan,
): Promise<OfficeBenchResult> {
  // Reads, on Excel on the web's limits.
  const web = seeded(snapshots);
  const read = await readWorkbook(web.context, { supports: web.supports });
  const readSyncs = web.stats.syncs;
  const readResponseBytes = sum(web.stats.log.map((l) => l.responseBytes));
  web.resetStats();
  await readWorkbook(web.context, { supports: web.supports, sheetNames: read.map((s) => s.name) });
  const readSyncsKnownSheets = web.stats.syncs;

  const desktop = seeded(snapshots, true);
  await readWorkbook(desktop.context, {
    supports: desktop.supports,
    sheetNames: read.map((s) => s.name),
    maxResponseBytes: Infinity,
  });
  const readSyncsDesktop = desktop.stats.syncs;

  // Writes.
  web.resetStats();
  const { syncs } = await applyPlan(web.context, plan, { supports: web.supports });
  const totalRequestBytes = sum(web.stats.requests);
  const maxRequestBytes = Math.max(...web.stats.requests);
  if (syncs !== web.stats.syncs)
    throw new Error(`applyPlan reported ${syncs} syncs, the fake counted ${web.stats.syncs}`);
  if (web.stats.log.some((l) => l.error)) throw new Error("a write request was rejected");

  // The naive baseline, on a fresh copy of the user's sheets.
  let naiveSyncs: number | null = null;
  let naiveTotalRequestBytes: number | null = null;
  if (rowsOf(plan) <= NAIVE_MAX_ROWS) {
    const naive = seeded(snapshots);
    naiveSyncs = await naiveApply(naive.context, plan);
    naiveTotalRequestBytes = sum(naive.stats.requests);
    // Same cells written: the baseline is a fair one.
    const cellsOf = (f: FakeExcel) =>
      f
        .exportState()
        .sheets.filter((s) => plan.sheets.some((p) => p.name === s.name))
        .reduce((n, s) => n + Object.values(s.cells).filter((c) => c.value !== null || c.formula).length, 0);
    if (cellsOf(naive) !== cellsOf(web)) throw new Error("the naive baseline wrote different cells");
  }

  return {
    readSyncs,
    readSyncsKnownSheets,
    readSyncsDesktop,
    readResponseBytes,
    syncs,
    maxRequestBytes,
    totalRequestBytes,
    syncBound: Math.ceil(totalRequestBytes / (4 * MB)) + 2,
    naiveSyncs,
    naiveTotalRequestBytes,
  };
}

/** One line for the human-readable report. */
export function officeBenchLine(r: OfficeBenchResult): string {
  const mb = (b: number) => `${(b / MB).toFixed(2)} MB`;
  return (
    `Office.js (fake, web limits): read ${r.readSyncs} syncs cold / ${r.readSyncsKnownSheets} with names known ` +
    `(desktop ${r.readSyncsDesktop}), response ${mb(r.readResponseBytes)}; write ${r.syncs} syncs ` +
    `(bound ${r.syncBound}), largest request ${mb(r.maxRequestBytes)}, total ${mb(r.totalRequestBytes)}; ` +
    (r.naiveSyncs === null
      ? `naive not run (over ${NAIVE_MAX_ROWS} rows)`
      : `naive ${r.naiveSyncs} syncs, ${mb(r.naiveTotalRequestBytes ?? 0)}`)
  );
}
