/** @jest-environment jsdom */
/** Step 3's summary per unit: objectives measured, with values, and the score once every value is in. */
import { screen, within } from "@testing-library/react";
import { snapshotsOf } from "../helpers/workbooks";
import { paneOver } from "./helpers";
import { MEASURED_FLAT_SHEET } from "../helpers/measured-sheet";

test("the build summary shows, per unit, measured objectives, those with values and the score", async () => {
  const seeds = await snapshotsOf([
    MEASURED_FLAT_SHEET,
    {
      name: "Settore 2",
      rows: [
        ["Codice", "Obiettivo", "Tipo", "Peso", "Indicatore", "Target", "Consuntivo"],
        ["B.1", "Manutenzioni", "I", 60, "Interventi", ">= 100", 80],
        ["B.2", "Piano neve", "I", 40, "Piano approvato", "Approvazione del piano", null],
      ],
    },
  ]);
  const { user } = paneOver(seeds);
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  await screen.findByText(/Analisi completata/);
  await user.click(screen.getByRole("button", { name: "Crea fogli PIAO" }));
  const list = await screen.findByRole("list", { name: "Misure degli obiettivi" });
  expect(
    within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent),
  ).toEqual([
    "Settore 15 obiettivi misurati su 5, 5 con i valori al 31/12; punteggio 75,5",
    "Settore 21 obiettivi misurati su 2, 1 con i valori al 31/12",
  ]);
});
