import type { Strings } from "./types";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const it: Strings = {
  htmlLang: "it",
  appTitle: "PIAO Sheets",
  appDescription:
    "Analizza i fogli di questa cartella di lavoro e crea i fogli PIAO strutturati, con formule native di Excel.",
  safetyNote: "I fogli esistenti non vengono modificati: il componente scrive solo nei fogli che crea.",

  languageLabel: "Lingua",
  languageNames: { it: "Italiano", en: "English" },

  actionsLabel: "Azioni",
  analyze: "Analizza cartella",
  analyzeHint: "Esamina i fogli e segnala che cosa verrà convertito.",
  analyzing: "Analisi in corso…",
  build: "Crea fogli PIAO",
  buildHint: "Crea o aggiorna i fogli PIAO a partire dai fogli esistenti.",
  building: "Creazione dei fogli in corso…",

  notAvailable: "Funzione non ancora disponibile in questa versione.",
  failed: "Operazione non riuscita.",
  officeMissing: "Excel non è disponibile: apri questo riquadro dall'interno di Excel.",

  analysisTitle: "Risultato dell'analisi",
  analysisSummary: (sheets) => `${plural(sheets, "foglio esaminato", "fogli esaminati")}.`,
  buildTitle: "Fogli creati",
  buildSummary: (sheets) => `${plural(sheets, "foglio PIAO scritto", "fogli PIAO scritti")}.`,
  sheetsHeading: "Fogli",
  findingsHeading: "Segnalazioni",
  noFindings: "Nessuna segnalazione.",
  findingsCount: ({ error, warning, info }) =>
    [
      plural(error, "errore", "errori"),
      plural(warning, "avviso", "avvisi"),
      plural(info, "nota", "note"),
    ].join(", "),
  severity: { error: "Errore", warning: "Avviso", info: "Informazione" },
};
