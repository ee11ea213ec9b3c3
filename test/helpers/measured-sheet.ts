/** The flat table of objectives with targets and year-end values (issue "Objectives measured…"). */
import type { TestSheet } from "./workbooks";

export const MEASURED_FLAT_SHEET: TestSheet = {
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
};
