/** @jest-environment jsdom */
/** Step 1 — Analizza cartella: per-sheet results, counts, progress, empty and oversized workbooks. */
import { act, screen, within } from "@testing-library/react";
import type { AnalysisView, Progress, RunOptions } from "../../src/taskpane/actions";
import { EMPTY_VIEW, FLAT, deferred, paneOver, renderPane, stubActions } from "./helpers";

test("shows per sheet what was found, with counts, and the reason when nothing was", async () => {
  const { user } = paneOver(FLAT);
  expect(screen.getByRole("button", { name: "Crea fogli PIAO" })).toHaveAttribute("aria-disabled", "true");
  expect(screen.getByText("Analizza prima la cartella.")).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  expect(
    await screen.findByText(/Analisi completata: 2 fogli; 1 errore, 1 avviso, 1 informazione\./),
  ).toBeVisible();
  expect(screen.getByTestId("sheets-summary")).toHaveTextContent(
    "2 fogli esaminati, 1 con obiettivi (4 obiettivi in 2 unità), 1 non riconosciuto.",
  );
  const sheets = within(screen.getByRole("list", { name: "1. Analisi" })).getAllByRole("listitem");
  expect(sheets.map((li) => li.textContent)).toEqual([
    "Obiettivi · Riconosciuto4 obiettivi in 2 unità (Settore 1, Settore 2)." +
      "Righe non vuote: obiettivi 4, intestazioni 1, totali 0, note 0, legende 0, altre riconosciute 0, ignorate 0.",
    "Note · Nessun contenuto riconosciutoNessun contenuto PIAO riconosciuto: nessuna riga di intestazione con Obiettivo e Peso o Tipo." +
      "Righe non vuote: obiettivi 0, intestazioni 0, totali 0, note 0, legende 0, altre riconosciute 0, ignorate 2.",
  ]);
  // Errors and warnings: the result is never shown as a success.
  expect(screen.getByText(/Analisi completata/).closest("[data-intent]")).not.toHaveAttribute(
    "data-intent",
    "success",
  );
  expect(screen.getByRole("button", { name: "Crea fogli PIAO" })).not.toHaveAttribute("aria-disabled");
});

test("an empty workbook shows why nothing was recognised and explains that there is nothing to create", async () => {
  const { user, fake } = paneOver(); // a new workbook: one empty Sheet1
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  expect((await screen.findAllByText(/il foglio è vuoto/))[0]).toBeVisible();
  expect(screen.getByText("Nessun contenuto PIAO riconosciuto")).toBeVisible();
  const build = screen.getByRole("button", { name: "Crea fogli PIAO" });
  expect(build).toHaveAttribute("aria-disabled", "true");
  expect(build).toHaveAccessibleDescription("Nessun contenuto PIAO riconosciuto: non c'è niente da creare.");
  // Orange, never green, and step 2 does not claim that anything was recognised with confidence.
  expect(
    screen.getByText(/Analisi completata: 1 foglio; 0 errori, 1 avviso/).closest("[data-intent]"),
  ).toHaveAttribute("data-intent", "warning");
  expect(screen.getByText(/non c'è nulla da verificare/)).toBeVisible();
  await user.click(build);
  expect(fake.exportState().sheets.map((s) => s.name)).toEqual(["Sheet1"]);
});

test("a sheet over Excel's read limit is listed as not read, with what to do, and the rest is analysed", async () => {
  const big = Array.from({ length: 100_000 }, (): (string | null)[] => []);
  big[0] = ["x"];
  big[99_999] = [...Array<null>(59).fill(null), "y"];
  const { user } = paneOver([FLAT[0], { name: "Enorme", values: big }]);
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  const item = (await screen.findByText("Enorme")).closest("li")!;
  expect(item).toHaveTextContent("Non letto");
  expect(item).toHaveTextContent("6.000.000 celle usate");
  expect(item).toHaveTextContent("riduci l'area usata");
  expect(screen.getByTestId("sheets-summary")).toHaveTextContent("4 obiettivi in 2 unità");
});

test("shows a progress indicator while reading and analysing, and the actions wait", async () => {
  const pending = deferred<AnalysisView>();
  let report: ((p: Progress) => void) | undefined;
  const analyze = jest.fn((opts: RunOptions) => {
    report = opts.onProgress;
    return pending.promise;
  });
  const { user } = renderPane(stubActions({ analyze }));
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  act(() => report!({ phase: "read" }));
  expect(screen.getByRole("progressbar")).toBeInTheDocument();
  expect(screen.getByText("Lettura dei fogli…")).toBeVisible();
  act(() => report!({ phase: "analyze" }));
  expect(screen.getByText("Analisi dei contenuti…")).toBeVisible();
  expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "true");

  // While busy, no second operation starts.
  const analyzeButton = screen.getByRole("button", { name: "Analizza cartella" });
  expect(analyzeButton).toHaveAttribute("aria-disabled", "true");
  await user.click(analyzeButton);
  expect(analyze).toHaveBeenCalledTimes(1);

  await act(async () => pending.resolve(EMPTY_VIEW));
  expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false");
});
