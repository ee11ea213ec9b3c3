/** @jest-environment jsdom */
/** Step 4 — Problems: every finding with its severity, filters, "go to cell", re-check after edits. */
import { screen, within } from "@testing-library/react";
import { FLAT, paneOver } from "./helpers";

async function analysed() {
  const pane = paneOver(FLAT);
  await pane.user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  await screen.findByText(/Analisi completata/);
  return pane;
}

const items = () => within(screen.getByRole("list", { name: "4. Problemi" })).getAllByRole("listitem");

test("opens on errors and warnings, message first and code small; the notes are one click away", async () => {
  const { user } = await analysed();
  expect(screen.getByLabelText("Gravità")).toHaveDisplayValue("Errori e avvisi (2)");
  expect(screen.getByTestId("problems-count")).toHaveTextContent("2 di 3 segnalazioni.");
  const [error, warning] = items();
  expect(items()).toHaveLength(2);
  expect(error).toHaveTextContent(
    "Settore 1: la somma dei pesi è 90, deve essere 100.Errore · Obiettivi!D2 · Settore 1 · PESO_SOMMA",
  );
  expect(error.querySelector("code")).toHaveTextContent("PESO_SOMMA");
  expect(error.querySelector("svg[data-severity='error']")).not.toBeNull();
  expect(warning).toHaveTextContent(
    "Settore 2: il codice 2.1 compare più volte; le sue misure in PIAO Misure valgono per l'ultima riga con questo codice.Avviso · Obiettivi!A5",
  );
  expect(warning.querySelector("svg[data-severity='warning']")).not.toBeNull();
  // Icons are decorative: the severity is in the text.
  expect(error.querySelector("svg")).toHaveAttribute("aria-hidden", "true");

  await user.click(screen.getByRole("button", { name: "Mostra anche l'informazione" }));
  expect(items()).toHaveLength(3);
  expect(items()[2]).toHaveTextContent("Informazione · Note!A1");
  expect(items()[2].querySelector("svg[data-severity='info']")).not.toBeNull();
  expect(screen.queryByRole("button", { name: /Mostra anche/ })).not.toBeInTheDocument();
});

test("filters by severity and by unit", async () => {
  const { user } = await analysed();
  await user.selectOptions(screen.getByLabelText("Gravità"), "Errori (1)");
  expect(items()).toHaveLength(1);
  expect(screen.getByTestId("problems-count")).toHaveTextContent("1 di 3 segnalazioni.");

  await user.selectOptions(screen.getByLabelText("Gravità"), "Tutte (3)");
  await user.selectOptions(screen.getByLabelText("Unità"), "Settore 2");
  expect(items().map((li) => li.textContent)).toEqual([
    expect.stringContaining("il codice 2.1 compare più volte"),
  ]);

  await user.selectOptions(screen.getByLabelText("Unità"), "Senza unità");
  expect(items()).toHaveLength(1);
  expect(items()[0]).toHaveTextContent("FOGLIO_NON_RICONOSCIUTO");

  await user.selectOptions(screen.getByLabelText("Gravità"), "Errori (1)");
  expect(screen.getByTestId("problems-count")).toHaveTextContent("Nessuna segnalazione con questi filtri.");
});

test("'go to cell' activates the source sheet and selects the cell in the workbook", async () => {
  const { user, fake } = await analysed();
  await user.selectOptions(screen.getByLabelText("Gravità"), "Tutte (3)");
  await user.click(screen.getByRole("button", { name: "Vai alla cella Obiettivi!D2" }));
  expect(fake.exportState().selection).toEqual({ sheet: "Obiettivi", address: "D2" });
  expect(fake.exportState().activeSheet).toBe("Obiettivi");
  await user.click(screen.getByRole("button", { name: "Vai alla cella Note!A1" }));
  expect(fake.exportState().selection).toEqual({ sheet: "Note", address: "A1" });
});

test("after the user corrects the cells, 'Ricontrolla' shows the new state", async () => {
  const { user, fake } = await analysed();
  // The user fixes the weight and the duplicated code in Excel.
  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Obiettivi");
    ws.getRange("D3").values = [[40]];
    ws.getRange("A5").values = [["2.2"]];
    await context.sync();
  });
  await user.click(screen.getByRole("button", { name: "Ricontrolla" }));
  expect(await screen.findByText("Controllo ripetuto: 0 errori, 0 avvisi, 1 informazione.")).toBeVisible();
  expect(items()).toHaveLength(1);
});

test("a cell on a sheet deleted meanwhile gives a readable message", async () => {
  const { user, fake } = await analysed();
  await user.selectOptions(screen.getByLabelText("Gravità"), "Tutte (3)");
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem("Note").delete();
    await context.sync();
  });
  await user.click(screen.getByRole("button", { name: "Vai alla cella Note!A1" }));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("Un foglio o un elemento non esiste più");
  expect(alert).toHaveTextContent("Codice: ItemNotFound");
});

test("long lists are shown a page at a time", async () => {
  const rows: (string | number)[][] = [["Codice", "Obiettivo", "Tipo", "Peso", "Unità"]];
  for (let i = 0; i < 130; i++) rows.push([`C${i}`, `Obiettivo ${i}`, "I", "x", `Settore ${i}`]);
  const { user } = paneOver([{ name: "Molti", values: rows }]);
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  await screen.findByText(/Analisi completata/);
  const total = Number(/(\d+) segnalazioni/.exec(screen.getByTestId("problems-count").textContent!)![1]);
  expect(total).toBeGreaterThan(200);
  expect(items()).toHaveLength(100);
  await user.click(screen.getByRole("button", { name: "Mostra altre 100" }));
  expect(items()).toHaveLength(200);
});
