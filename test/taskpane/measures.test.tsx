/** @jest-environment jsdom */
/** Step 3's summary per unit: objectives measured, with values, and the score once every value is in. */
import { screen, within } from "@testing-library/react";
import { snapshotsOf } from "../helpers/workbooks";
import { paneOver } from "./helpers";

test("the build summary shows, per unit, measured objectives, those with values and the score", async () => {
  const seeds = await snapshotsOf([
    {
      name: "Settore 1",
      rows: [
        ["Codice", "Obiettivo", "Tipo", "Peso", "Indicatore", "Target", "Valore al 31/12", "Azioni 2025"],
        ["A.1", "Tempi di pagamento", "I", 20, "Tempo medio di pagamento", "<= 30 gg", "25 gg", "x"],
        ["A.2", "Raccolta differenziata", "I", 20, "Quota differenziata", ">= 40%", 0.35, "x"],
        [
          "A.3",
          "Regolamento",
          "I",
          20,
          "Approvazione",
          "entro il 30/04/2025",
          new Date(Date.UTC(2025, 4, 15)),
          "x",
        ],
        ["A.4", "Entrate", "O", 20, "Riscossioni", ">= 200.000 €", 180000, "x"],
        ["A.5", "Sportello", "UO", 20, "Attivazione", "Sì", "Sì", "x"],
      ],
      formats: { G3: "0%", G4: "dd/mm/yyyy" },
    },
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
