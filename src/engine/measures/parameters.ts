/** The measures' parameters in `PIAO Parametri`: the deadline tolerance and the scoring rules with sources. */
import { MEASURE_PARAMETERS as P } from "../core/contract";
import { FORMAT } from "../core/layout";
import type { ParameterSection } from "../core/parameters";

const GUIDANCE =
  "Dip. Funzione Pubblica, Linee guida n. 1/2017 (Piano della performance, indicatori e target) e n. 2/2017 (SMVP); " +
  "il calcolo del grado di raggiungimento è rimesso al SMVP dell'ente (art. 7 D.Lgs. 150/2009)";
const SMVP = "Sistema di misurazione e valutazione della performance dell'ente (art. 7 D.Lgs. 150/2009)";

/** What each rule computes, with its source (the formulas are in measures/rules.ts). */
const RULES: [string, string, string][] = [
  [
    "crescente",
    "Con baseline: (valore − baseline) / (target − baseline); senza: valore / target; tra 0% e 100%",
    GUIDANCE,
  ],
  [
    "decrescente",
    "100% se valore ≤ target; altrimenti con baseline sopra il target (baseline − valore) / (baseline − target), senza target / valore; tra 0% e 100%",
    GUIDANCE,
  ],
  [
    "scadenza",
    "100% se la data raggiunta è entro la data target; oltre, decresce linearmente fino a 0% nei giorni di tolleranza (0: subito 0%)",
    SMVP,
  ],
  ["sì/no", "100% se realizzato (Sì, SI, X, fatto, 1), 0% se non realizzato (No, 0)", GUIDANCE],
  [
    "fasce",
    "Le fasce di punteggio (PIAO_Fasce) applicate al rapporto valore / target (target / valore se la polarità è decrescente)",
    SMVP,
  ],
];

export function measureSections(deadlineTolerance: number): ParameterSection[] {
  return [
    {
      kind: "values",
      title: "Misure degli obiettivi: parametri",
      table: P.table,
      rows: [
        {
          label: "Tolleranza sulle scadenze (giorni di ritardo fino a raggiungimento 0)",
          value: deadlineTolerance,
          source: SMVP,
          mark: "[M]",
          name: P.deadlineTolerance,
          format: FORMAT.integer,
        },
      ],
    },
    {
      kind: "table",
      title: "Misure degli obiettivi: regole di calcolo del raggiungimento (colonna Regola di PIAO Misure)",
      table: P.rulesTable,
      headers: ["Regola", "Calcolo", "Fonte", "Verifica"],
      rows: RULES.map(([rule, how, source]) => [rule, how, source, "[M]"]),
    },
  ];
}
