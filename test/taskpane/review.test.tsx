/** @jest-environment jsdom */
/** Step 2 — Review: the user maps the weight column and the unit; choices live in the workbook's settings. */
import { screen, within } from "@testing-library/react";
import { MAPPING_SETTING } from "../../src/app/pane-settings";
import { createOfficeActions } from "../../src/taskpane/office-actions";
import { createFakeExcel } from "../fakes/fake-excel";
import { FLAT, NEEDS_REVIEW, fakeHost, paneOver, renderPane } from "./helpers";

test("asks for the weight column and the unit, stores the choices in the workbook and applies them", async () => {
  const { user, fake } = paneOver(NEEDS_REVIEW);
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  await screen.findByRole("heading", { name: "2. Verifica" });
  expect(screen.getByText(/2 elementi non sono stati determinati con certezza/)).toBeVisible();

  const unit = screen.getByLabelText("Unità degli obiettivi del foglio «Ufficio tecnico»");
  expect(unit).toHaveValue("Ufficio tecnico");
  expect(unit).toHaveAccessibleDescription(/2 obiettivi senza colonna Unità né titolo/);
  const weight = screen.getByLabelText("Colonna del peso nel foglio «Ufficio tecnico»");
  expect(
    within(weight)
      .getAllByRole("option")
      .map((o) => o.textContent),
  ).toEqual(["Scegli la colonna…", "A: Codice", "B: Obiettivo", "C: Tipo", "D: Punti"]);
  // Building is possible but the pane says that choices are waiting.
  expect(screen.getByRole("button", { name: "Crea fogli PIAO" })).toHaveAccessibleDescription(
    /Ci sono 2 scelte da verificare al passo 2/,
  );

  await user.selectOptions(weight, "D: Punti");
  await user.clear(unit);
  await user.type(unit, "Servizio manutenzioni");
  await user.click(screen.getByRole("button", { name: "Salva le scelte e rianalizza" }));

  expect(await screen.findByText(/Scelte salvate nella cartella di lavoro/)).toBeVisible();
  expect(JSON.parse(fake.exportState().settings[MAPPING_SETTING] as string)).toEqual({
    version: 1,
    sheets: { "Ufficio tecnico": { unit: "Servizio manutenzioni", weightColumn: 3 } },
  });
  // Re-analysed with the choices: nothing is open any more, the objectives belong to the chosen unit.
  expect(screen.getByText("Le scelte salvate nella cartella sono state applicate.")).toBeVisible();
  expect(screen.queryByLabelText(/Colonna del peso/)).not.toBeInTheDocument();
  expect(screen.getByText("unità «Servizio manutenzioni», peso nella colonna D")).toBeVisible();
  expect(screen.getByText("2 obiettivi in 1 unità (Servizio manutenzioni).")).toBeVisible();

  // The build uses them: the weights (column D) sum to 100 for the chosen unit.
  await user.click(screen.getByRole("button", { name: "Crea fogli PIAO" }));
  const units = await screen.findByRole("list", { name: "Unità e somma dei pesi" });
  expect(units).toHaveTextContent("Servizio manutenzioni2 obiettivi, somma dei pesi 100 — corretta");
  const pesi = fake.exportState().sheets.find((s) => s.name === "PIAO Pesi")!;
  expect(pesi.cells.A2.value).toBe("Servizio manutenzioni");
});

test("choices stored by an earlier session are read from the workbook and can be forgotten", async () => {
  const fake = createFakeExcel(NEEDS_REVIEW);
  fake.workbookState.settings.set(
    MAPPING_SETTING,
    JSON.stringify({
      version: 1,
      sheets: { "Ufficio tecnico": { unit: "Servizio tecnico", weightColumn: 3 } },
    }),
  );
  const { user } = renderPane(createOfficeActions(fakeHost(fake)));
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  expect(await screen.findByText("2 obiettivi in 1 unità (Servizio tecnico).")).toBeVisible();
  expect(
    screen.getByLabelText("Unità degli obiettivi del foglio «Ufficio tecnico»"),
  ).toHaveAccessibleDescription("Scelta salvata, usata per 2 obiettivi.");

  await user.click(screen.getByRole("button", { name: "Dimentica le scelte salvate" }));
  expect(await screen.findByText("Scelte salvate eliminate dalla cartella di lavoro.")).toBeVisible();
  expect(fake.exportState().settings).toEqual({});
  expect(screen.getByLabelText("Colonna del peso nel foglio «Ufficio tecnico»")).toBeVisible();
  expect(screen.getByText("2 obiettivi in 1 unità (Ufficio tecnico).")).toBeVisible();
});

test("a damaged setting is ignored instead of breaking the analysis", async () => {
  const fake = createFakeExcel(NEEDS_REVIEW);
  fake.workbookState.settings.set(MAPPING_SETTING, "{not json");
  const { user } = renderPane(createOfficeActions(fakeHost(fake)));
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  expect(await screen.findByLabelText("Colonna del peso nel foglio «Ufficio tecnico»")).toBeVisible();
});

test("step 2 says what it is for before the analysis, and that nothing is left to choose after a clear one", async () => {
  const { user } = paneOver(FLAT);
  expect(screen.getByRole("heading", { name: "2. Verifica" })).toBeVisible();
  expect(screen.getByText(/Dopo l'analisi, qui scegli le colonne e le unità/)).toBeVisible();
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  expect(await screen.findByText(/nessuna scelta da fare/)).toBeVisible();
  expect(screen.queryByLabelText(/Colonna del peso/)).not.toBeInTheDocument();
});

test("an ambiguous header is asked, not guessed; the choice is stored and the column is read", async () => {
  const { user, fake } = paneOver([
    {
      name: "Area Servizi",
      values: [
        ["Settore Servizi"],
        ["Codice", "Obiettivo", "Tipo", "Peso", "Dir."],
        ["S.1", "Sportello unico", "I", 60, "Dott. Verdi"],
        ["S.2", "Archivio", "O", 40, "Dott. Verdi"],
      ],
    },
  ]);
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  const column = await screen.findByLabelText("Colonna E «Dir.» nel foglio «Area Servizi»");
  expect(column).toHaveAccessibleDescription(/Intestazione ambigua \(riga 2\)/);
  expect(
    within(column)
      .getAllByRole("option")
      .map((o) => o.textContent),
  ).toEqual(["Scegli la colonna…", "Direzione", "Dirigente"]);

  await user.selectOptions(column, "Dirigente");
  await user.click(screen.getByRole("button", { name: "Salva le scelte e rianalizza" }));
  expect(await screen.findByText("colonna E letta come «Dirigente»")).toBeVisible();
  expect(JSON.parse(fake.exportState().settings[MAPPING_SETTING] as string)).toEqual({
    version: 1,
    sheets: { "Area Servizi": { columns: { 4: "manager" } } },
  });
  expect(screen.queryByLabelText(/«Dir\.»/)).not.toBeInTheDocument();
  expect(screen.queryByText(/INTESTAZIONE_AMBIGUA/)).not.toBeInTheDocument();
});
