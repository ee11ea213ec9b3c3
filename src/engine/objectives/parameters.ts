/** The objectives' parameters in `PIAO Parametri`: scoring floor, bands, weight tolerance. */
import { SCORING_NAMES, TABLES } from "../core/contract";
import { FORMAT } from "../core/layout";
import type { ParameterSection } from "../core/parameters";
import { DEFAULT_SCORING, type ScoringParameters } from "./scoring";
import { WEIGHT_TOLERANCE } from "./weights";

const SMVP = "Sistema di misurazione e valutazione della performance dell'ente (art. 7 D.Lgs. 150/2009)";

/** Scoring of the objectives (domain.md §2): floor, bands, weight tolerance. */
export function scoringSections(p: ScoringParameters = DEFAULT_SCORING): ParameterSection[] {
  return [
    {
      kind: "values",
      title: "Punteggio degli obiettivi",
      table: TABLES.scoring,
      rows: [
        {
          label: "Soglia minima di raggiungimento (sotto: punteggio 0)",
          value: p.floor,
          source: SMVP,
          mark: "[M]",
          name: SCORING_NAMES.floor,
          format: FORMAT.percent,
        },
        {
          label: "Punteggio a fasce attivo (Sì/No)",
          value: p.bands ? "Sì" : "No",
          source: SMVP,
          mark: "[M]",
          name: SCORING_NAMES.bandsOn,
          choices: ["Sì", "No"],
        },
        {
          label: "Tolleranza sulla somma dei pesi (punti)",
          value: WEIGHT_TOLERANCE,
          source:
            "Sistemi di misurazione e valutazione della performance (art. 7 D.Lgs. 150/2009): somma dei pesi 100 per unità",
          mark: "[S]",
          name: SCORING_NAMES.weightTolerance,
        },
      ],
    },
    {
      kind: "table",
      title: "Fasce di punteggio: il raggiungimento vale la soglia inferiore della fascia che raggiunge",
      table: TABLES.bands,
      headers: ["Fascia", "Soglia inferiore", "Fonte", "Verifica"],
      rows: p.bandEdges.map((e, i) => [`Fascia ${i + 1}`, e, SMVP, "[M]"]),
      formats: [null, FORMAT.percent, null, null],
      editable: ["Soglia inferiore"],
      names: [{ name: SCORING_NAMES.bands, column: "Soglia inferiore" }],
    },
  ];
}
