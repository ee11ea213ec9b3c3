/** @jest-environment jsdom */
/** Step 5 — Rimuovi fogli generati: only the add-in's sheets, only after confirmation. */
import { screen } from "@testing-library/react";
import { FLAT, paneOver } from "./helpers";

async function built() {
  const pane = paneOver(FLAT);
  await pane.user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  await screen.findByText(/Analisi completata/);
  await pane.user.click(screen.getByRole("button", { name: "Crea fogli PIAO" }));
  await screen.findByText(/^Fogli PIAO creati/);
  return pane;
}

test("asks for confirmation; cancelling (button or Escape) changes nothing and gives the focus back", async () => {
  const { user, fake } = await built();
  const sheets = fake.exportState().sheets.map((s) => s.name);
  const remove = screen.getByRole("button", { name: "Rimuovi fogli generati" });

  await user.click(remove);
  expect(remove).toHaveAttribute("aria-expanded", "true");
  const confirm = screen.getByRole("group", { name: "Rimuovere i fogli generati?" });
  expect(confirm).toHaveAccessibleDescription(/I tuoi fogli restano come sono/);
  expect(confirm).toHaveTextContent("Fogli presenti all'ultima analisi: PIAO Riepilogo");
  expect(screen.getByRole("button", { name: "Annulla" })).toHaveFocus();
  await user.keyboard("{Enter}"); // Enter on the focused Cancel never deletes
  expect(screen.queryByRole("group", { name: "Rimuovere i fogli generati?" })).not.toBeInTheDocument();
  expect(remove).toHaveFocus();

  await user.click(remove);
  await user.keyboard("{Escape}");
  expect(screen.queryByRole("group", { name: "Rimuovere i fogli generati?" })).not.toBeInTheDocument();
  expect(remove).toHaveFocus();
  expect(fake.exportState().sheets.map((s) => s.name)).toEqual(sheets);
});

test("removes the generated sheets and their defined names, and leaves the user's sheets alone", async () => {
  const { user, fake } = await built();
  const userSheets = fake.exportState().sheets.filter((s) => !s.name.startsWith("PIAO "));
  expect(fake.exportState().names.length).toBeGreaterThan(0);

  await user.click(screen.getByRole("button", { name: "Rimuovi fogli generati" }));
  await user.click(screen.getByRole("button", { name: "Rimuovi" }));
  const notice = await screen.findByText(/^\d+ fogli rimossi: /);
  for (const name of ["PIAO Riepilogo", "PIAO Obiettivi", "PIAO Pesi", "PIAO Verifica", "PIAO Parametri"])
    expect(notice).toHaveTextContent(name);

  const state = fake.exportState();
  expect(state.sheets).toEqual(userSheets);
  expect(state.names).toEqual([]);
  expect(state.tables).toEqual([]);
  // The build summary is gone with the sheets.
  expect(screen.queryByTestId("build-summary")).not.toBeInTheDocument();
});

test("disabled until the workbook holds generated sheets, with the reason beside it", async () => {
  const { user } = paneOver(FLAT);
  const remove = screen.getByRole("button", { name: "Rimuovi fogli generati" });
  expect(remove).toHaveAttribute("aria-disabled", "true");
  expect(remove).toHaveAccessibleDescription(/Non c'è niente da rimuovere/);
  await user.click(remove);
  expect(screen.queryByRole("group", { name: "Rimuovere i fogli generati?" })).not.toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  await screen.findByText(/Analisi completata/);
  expect(remove).toHaveAttribute("aria-disabled", "true");
  await user.click(screen.getByRole("button", { name: "Crea fogli PIAO" }));
  await screen.findByText(/^Fogli PIAO creati/);
  expect(remove).not.toHaveAttribute("aria-disabled");
  expect(remove).toHaveAccessibleDescription(/Elimina solo i fogli creati dal componente/);
});

test("says so when the sheets were deleted meanwhile", async () => {
  const { user, fake } = await built();
  await fake.run(async (context) => {
    for (const name of fake.exportState().sheets.map((x) => x.name))
      if (name.startsWith("PIAO ")) context.workbook.worksheets.getItem(name).delete();
    await context.sync();
  });
  await user.click(screen.getByRole("button", { name: "Rimuovi fogli generati" }));
  await user.click(screen.getByRole("button", { name: "Rimuovi" }));
  expect(await screen.findByText("Nessun foglio generato da rimuovere.")).toBeVisible();
  expect(fake.exportState().sheets.map((x) => x.name)).toEqual(["Obiettivi", "Note"]);
});
