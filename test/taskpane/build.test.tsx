/** @jest-environment jsdom */
/** Step 3 — Crea fogli PIAO: the engine's plan written with progress, then the summary. */
import * as path from "path";
import ExcelJS from "exceljs";
import { act, screen, within } from "@testing-library/react";
import type { BuildView, Progress, RunOptions } from "../../src/taskpane/actions";
import { snapshotWorkbook } from "../helpers/xlsx";
import type { FakeSheetSeed } from "../fakes/fake-excel";
import { EMPTY_VIEW, FLAT, deferred, paneOver, renderPane, stubActions } from "./helpers";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "piao-massa-carrara-2023-2025.xlsx");

async function exampleSeeds(): Promise<FakeSheetSeed[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  return snapshotWorkbook(wb);
}

test("builds the example workbook: units with their weight sums, findings by severity, spending outcome", async () => {
  const seeds = await exampleSeeds();
  const { user, fake } = paneOver(seeds);
  const before = fake.exportState().sheets;
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  await screen.findByText(/Analisi completata/);
  await user.click(screen.getByRole("button", { name: "Crea fogli PIAO" }));
  const done = await screen.findByText(
    /^Fogli PIAO creati: \d+ fogli; 0 errori, 1 avviso, \d+ informazioni\.$/,
  );
  expect(done).toBeVisible();
  // Not green: the example has one warning (the yearly spending cap cannot be checked).
  expect(done.closest("[data-intent]")).toHaveAttribute("data-intent", "warning");

  const state = fake.exportState();
  const names = state.sheets.map((s) => s.name);
  for (const n of ["PIAO Riepilogo", "PIAO Obiettivi", "PIAO Pesi", "PIAO Spesa personale", "PIAO Verifica"])
    expect(names).toContain(n);
  // The user's sheets are exactly as they were.
  expect(state.sheets.filter((s) => !s.name.startsWith("PIAO "))).toEqual(before);

  const summary = screen.getByTestId("build-summary");
  const units = within(summary).getByRole("list", { name: "Unità e somma dei pesi" });
  expect(
    within(units)
      .getAllByRole("listitem")
      .map((li) => li.textContent),
  ).toEqual([
    "Uffici di Staff14 obiettivi, somma dei pesi 100 — corretta; 2 obiettivi cancello (peso 0)",
    "Settore 1 Amministrativo Finanziario20 obiettivi, somma dei pesi 100 — corretta; 2 obiettivi cancello (peso 0)",
    "Settore 2 Edilizia scolastica e Patrimonio27 obiettivi, somma dei pesi 100 — corretta; 2 obiettivi cancello (peso 0)",
    "Settore 3 – Tecnico34 obiettivi, somma dei pesi 100 — corretta; 2 obiettivi cancello (peso 0)",
  ]);
  expect(within(summary).getByTestId("build-counts")).toHaveTextContent(
    /^0 errori, 1 avviso, \d+ informazioni$/, // the yearly cap of 2023–2024 cannot be checked
  );
  expect(summary).toHaveTextContent("rapporto 19,99% · soglia 20,80% · fascia a");
  expect(within(summary).getByTestId("spending-outcome")).toHaveTextContent(
    "Sotto soglia: margine disponibile. Esito provvisorio: il limite annuo di incremento non è verificabile.",
  );
  expect(
    within(within(summary).getByTestId("spending-years"))
      .getAllByRole("listitem")
      .map((li) => li.textContent),
  ).toEqual([
    expect.stringMatching(
      /^2023: margine .*178\.219,46.* — Sotto soglia: margine disponibile\. Esito provvisorio/,
    ),
    expect.stringMatching(/^2024: .*provvisorio/),
    expect.stringMatching(/^2025: margine .*178\.219,46.* — Sotto soglia: margine disponibile\.$/),
  ]);
  expect(within(summary).getByTestId("spending-conditions")).toHaveTextContent(
    "Condizioni per assumere da verificare: nessuna assunzione prima della verifica.",
  );
});

test("a unit whose weights do not sum to 100 is flagged in the summary, and the button leads to the problems", async () => {
  const { user } = paneOver(FLAT);
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  await screen.findByText(/Analisi completata/);
  await user.click(screen.getByRole("button", { name: "Crea fogli PIAO" }));
  const units = await screen.findByRole("list", { name: "Unità e somma dei pesi" });
  expect(
    within(units)
      .getAllByRole("listitem")
      .map((li) => li.textContent),
  ).toEqual([
    "Settore 12 obiettivi, somma dei pesi 90 — deve essere 100",
    "Settore 22 obiettivi, somma dei pesi 100 — corretta",
  ]);
  expect(screen.getByTestId("build-counts")).toHaveTextContent("1 errore, 1 avviso, 1 informazione");
  expect(screen.getByText(/Dati di spesa non trovati nella cartella/)).toBeVisible();
  await user.click(screen.getByRole("button", { name: "Vai ai problemi" }));
  expect(screen.getByRole("heading", { name: "4. Problemi" })).toHaveFocus();
});

test("the result's colour follows the worst finding: an error makes it red, not green", async () => {
  const { user } = paneOver(FLAT);
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  const analysed = await screen.findByText(
    "Analisi completata: 2 fogli; 1 errore, 1 avviso, 1 informazione.",
  );
  expect(analysed.closest("[data-intent]")).toHaveAttribute("data-intent", "error");
  await user.click(screen.getByRole("button", { name: "Crea fogli PIAO" }));
  const done = await screen.findByText(
    /^Fogli PIAO creati: \d+ fogli; 1 errore, 1 avviso, 1 informazione\.$/,
  );
  expect(done.closest("[data-intent]")).toHaveAttribute("data-intent", "error");
});

test("building again refreshes the generated sheets (same names, no duplicates)", async () => {
  const { user, fake } = paneOver(FLAT);
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  await screen.findByText(/Analisi completata/);
  await user.click(screen.getByRole("button", { name: "Crea fogli PIAO" }));
  await screen.findByText(/^Fogli PIAO creati/);
  const first = fake.exportState().sheets.map((s) => s.name);
  await user.click(screen.getByRole("button", { name: "Crea fogli PIAO" }));
  await screen.findByText(/^Fogli PIAO creati/);
  expect(fake.exportState().sheets.map((s) => s.name)).toEqual(first);
});

test("shows the writing progress as a percentage", async () => {
  const pending = deferred<BuildView>();
  let report: ((p: Progress) => void) | undefined;
  const view = { ...EMPTY_VIEW, objectives: 1 };
  const { user } = renderPane(
    stubActions({
      analyze: () => Promise.resolve(view),
      build: (opts: RunOptions) => {
        report = opts.onProgress;
        return pending.promise;
      },
    }),
  );
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  await screen.findByText(/Analisi completata/);
  await user.click(screen.getByRole("button", { name: "Crea fogli PIAO" }));
  act(() => report!({ phase: "write", done: 3, total: 4 }));
  expect(screen.getByText("Scrittura dei fogli PIAO… 75%")).toBeVisible();
  expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0.75");
  await act(async () => pending.resolve({ ...view, sheetsWritten: ["PIAO Riepilogo"], archived: 0 }));
  expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  expect(screen.getByText("1 foglio scritto: PIAO Riepilogo.")).toBeVisible();
});
