/**
 * A stateful in-memory fake of the part of the Excel JavaScript object model that src/excel uses.
 *
 * It enforces the rules of Excel that matter to the adapter:
 * - reading a property that was not loaded and synced throws `PropertyNotLoaded`;
 * - writes, loads, proxy creations and method calls queue until `context.sync()`;
 * - each sync is counted and its request measured (JSON bytes of the queued operations); a request over
 *   5 MB is rejected with `RequestPayloadSizeLimitExceeded`, a response over 5 MB with
 *   `ResponsePayloadSizeLimitExceeded` (Excel on the web's limits);
 * - a string written through `values`/`formulas` is parsed as typed input (`=…` becomes a formula,
 *   numeric text a number…) unless the cell's number format is Text (`@`);
 * - `*OrNullObject` results expose `isNullObject` after a sync; using a null object throws;
 * - writing to a locked cell of a protected sheet throws `AccessDenied`;
 * - APIs newer than the configured ExcelApi version fail with `ApiNotFound`;
 * - `getMergedAreasOrNullObject` returns only areas starting in the range, and fails above 512;
 * - a failure can be injected at the N-th sync (`injectFailure`), after some of its operations ran.
 *
 * Layout: fake-runtime.ts (queue, sync, load), fake-state.ts (the workbook data and Excel's input
 * rules), fake-range.ts and fake-workbook.ts (the proxies), fake-export.ts (seed/export), fake-a1.ts.
 */

import { DEFAULT_FAKE_LIMITS, type FakeLimits } from "./fake-errors";
import { FakeRuntime, type FakeStats, type InjectedFailure } from "./fake-runtime";
import { type FakeWorkbookState, addSheet, newWorkbookState } from "./fake-state";
import { type ExportedWorkbook, type FakeSheetSeed, exportWorkbook, seedSheet } from "./fake-export";
import { FakeRequestContext } from "./fake-workbook";

export { FakeOfficeError, DEFAULT_FAKE_LIMITS } from "./fake-errors";
export type { FakeLimits } from "./fake-errors";
export type { FakeStats, InjectedFailure, SyncRecord } from "./fake-runtime";
export type { FakeWorkbookState } from "./fake-state";
export type { ExportedWorkbook, ExportedSheet, ExportedCell, FakeSheetSeed } from "./fake-export";
export { exportWorkbook, seedSheet } from "./fake-export";

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the fake host supports (default "1.17", Office 2024). */
  apiVersion?: string;
  limits?: Partial<FakeLimits>;
}

export interface FakeExcel {
  /** Pass this where the adapter expects an `Excel.RequestContext`. */
  context: Excel.RequestContext;
  /** The same object, with the fake's own type. */
  fakeContext: FakeRequestContext;
  /** The live state (mutated by syncs). */
  workbookState: FakeWorkbookState;
  /** Live counters: syncs, bytes of each request, and a per-sync log. */
  stats: FakeStats;
  /** Like `Excel.run`: calls `cb`, then syncs whatever is still queued. */
  run<T>(cb: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `supports(version)` for the adapter, answering like `isSetSupported("ExcelApi", version)`. */
  supports(version: string): boolean;
  /** Adds sheets directly (outside any request). */
  seed(sheets: FakeSheetSeed[]): void;
  /** Plain copy of the state. */
  exportState(): ExportedWorkbook;
  /** Zeroes the counters (e.g. after seeding or a first run). */
  resetStats(): void;
  /** Makes a later sync fail (null clears it): see `InjectedFailure`. */
  injectFailure(f: InjectedFailure | null): void;
}

/** Creates a fake workbook; without `initialSheets` it has one empty `Sheet1`, like a new workbook. */
export function createFakeExcel(initialSheets?: FakeSheetSeed[], options: FakeExcelOptions = {}): FakeExcel {
  const state = newWorkbookState();
  if (initialSheets && initialSheets.length > 0) initialSheets.forEach((s) => seedSheet(state, s));
  else addSheet(state, "Sheet1");
  const rt = new FakeRuntime(
    state,
    { ...DEFAULT_FAKE_LIMITS, ...options.limits },
    options.apiVersion ?? "1.17",
  );
  const fakeContext = new FakeRequestContext(rt);
  const context = fakeContext as unknown as Excel.RequestContext;
  return {
    context,
    fakeContext,
    workbookState: state,
    stats: rt.stats,
    async run<T>(cb: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const result = await cb(context);
      if (rt.pending() > 0) await rt.sync();
      return result;
    },
    supports: (v) => rt.supports(v),
    seed: (sheets) => sheets.forEach((s) => seedSheet(state, s)),
    exportState: () => exportWorkbook(state),
    injectFailure: (f) => rt.injectFailure(f),
    resetStats() {
      rt.stats.syncs = 0;
      rt.stats.requests.length = 0;
      rt.stats.log.length = 0;
    },
  };
}
