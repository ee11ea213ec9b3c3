/**
 * A stand-in for Office.js in the browser, for the task pane's end-to-end test. The test serves this
 * bundle in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js: it defines `Office`
 * (onReady, context.displayLanguage, context.requirements, context.document.url) and `Excel.run` over
 * the in-memory Excel fake (test/fakes), seeded with the workbook the test injects as `window.__piaoE2E`.
 * The fake's state is exposed as `window.__piaoFake` for the test's assertions.
 */
import { createFakeExcel, type FakeSheetSeed } from "../fakes/fake-excel";

export interface E2EConfig {
  sheets: FakeSheetSeed[];
  displayLanguage: string;
  apiVersion?: string;
  fileName?: string;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

const host = window as unknown as Record<string, unknown>;
const config = (host.__piaoE2E as E2EConfig | undefined) ?? { sheets: [], displayLanguage: "it-IT" };
const fake = createFakeExcel(config.sheets, { apiVersion: config.apiVersion ?? "1.17" });
const runs: string[] = [];

const info = { host: "Excel", platform: "OfficeOnline" };

host.Office = {
  HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
  context: {
    displayLanguage: config.displayLanguage,
    document: { url: `https://example.invalid/Documenti/${config.fileName ?? "cartella.xlsx"}` },
    requirements: {
      isSetSupported: (name: string, version?: string) =>
        name === "ExcelApi" && fake.supports(version ?? "1.1"),
    },
  },
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    // Like Office.js: asynchronous, after the page's scripts have run.
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0),
    );
  },
};

host.Excel = {
  // `Excel.run(batch)` or `Excel.run(options, batch)`; the options (delayForCellEdit) change nothing
  // here: the fake has no cell edit mode.
  run<T>(first: Batch<T> | Excel.RunOptions, second?: Batch<T>): Promise<T> {
    runs.push(new Date().toISOString());
    const batch = typeof first === "function" ? first : second;
    if (!batch) throw new Error("Excel.run needs a batch function");
    return fake.run(batch);
  },
};

host.__piaoFake = {
  exportState: () => fake.exportState(),
  /** What a user typing into a cell does: the test edits the workbook between two steps. */
  setValue: (sheet: string, address: string, value: string | number) =>
    fake.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
      await context.sync();
    }),
  syncs: () => fake.stats.syncs,
  runs: () => runs.length,
};
