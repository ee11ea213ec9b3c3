/** Workbooks and stand-ins shared by the task pane's tests (no DOM needed). */
import type { AnalysisView, PaneActions } from "../../src/taskpane/actions";
import type { OfficeHost } from "../../src/app/pane-pipeline";
import type { FakeExcel, FakeSheetSeed } from "../fakes/fake-excel";

/** OfficeHost over the fake: Excel.run and the requirement-set check. */
export function fakeHost(fake: FakeExcel, overrides: Partial<OfficeHost> = {}): OfficeHost {
  return {
    run: (batch) => fake.run(batch),
    supports: fake.supports,
    sourceName: () => "test.xlsx",
    ...overrides,
  };
}

/** Two units' flat tables: Settore 1's weights sum to 90 (an error), Settore 2's to 100. */
export const FLAT: FakeSheetSeed[] = [
  {
    name: "Obiettivi",
    values: [
      ["Codice", "Obiettivo", "Tipo", "Peso", "Unità"],
      ["1.1", "Ridurre i tempi di pagamento", "I", 60, "Settore 1"],
      ["1.2", "Digitalizzare i procedimenti", "O", 30, "Settore 1"],
      ["2.1", "Manutenzione delle scuole", "I", 70, "Settore 2"],
      ["2.1", "Manutenzione delle strade", "UO", 30, "Settore 2"],
    ],
  },
  { name: "Note", values: [["Appunti della riunione"], ["da rivedere"]] },
];

/** A sheet whose unit comes only from its name and whose header has no recognised weight column. */
export const NEEDS_REVIEW: FakeSheetSeed[] = [
  {
    name: "Ufficio tecnico",
    values: [
      ["Codice", "Obiettivo", "Tipo", "Punti"],
      ["T.1", "Piano delle manutenzioni", "I", 40],
      ["T.2", "Catasto degli immobili", "O", 60],
    ],
  },
];

/** A promise the test resolves or rejects when it wants. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** PaneActions whose every call hangs unless the test provides it. */
export function stubActions(overrides: Partial<PaneActions>): PaneActions {
  const never = () => new Promise<never>(() => undefined);
  return {
    analyze: never,
    build: never,
    selectCell: never,
    removeGenerated: never,
    loadMapping: () => Promise.resolve({}),
    saveMapping: () => Promise.resolve(),
    ...overrides,
  };
}

/** An analysis that found nothing. */
export const EMPTY_VIEW: AnalysisView = {
  sheets: [],
  objectives: 0,
  indicators: 0,
  units: [],
  measures: [],
  findings: [],
  review: [],
  mapping: {},
  spending: {
    found: 0,
    outcome: null,
    provisional: false,
    conditions: "da verificare",
    years: [],
    ratio: null,
    threshold: null,
    band: null,
    maxSpending: null,
    margin: null,
  },
  generated: [],
};
