import { OBJECTIVE_COLUMNS as C } from "../../engine/core/contract";
import { plural } from "../../engine/core/i18n";
import { OBJECTIVE_FIELDS, type ObjectiveField } from "../../engine/core/synonyms";
import type { Counts, Strings } from "./types";

const counts = ({ error, warning, info }: Counts) =>
  [
    plural(error, "errore", "errori"),
    plural(warning, "avviso", "avvisi"),
    plural(info, "informazione", "informazioni"),
  ].join(", ");

export const it: Strings = {
  htmlLang: "it",
  numberLocale: "it-IT",
  appTitle: "PIAO Sheets",
  appDescription:
    "Analizza i fogli di questa cartella di lavoro e crea i fogli PIAO strutturati, con formule native di Excel.",
  safetyNote: "I tuoi fogli non vengono modificati: il componente scrive solo nei fogli PIAO che crea.",

  languageLabel: "Lingua",
  languageNames: { it: "Italiano", en: "English" },

  analyzeHeading: "1. Analisi",
  analyze: "Analizza cartella",
  analyzeHint: "Legge tutti i fogli e mostra che cosa è stato riconosciuto.",
  progressRead: "Lettura dei fogli…",
  progressAnalyze: "Analisi dei contenuti…",
  progressWrite: (p) => `Scrittura dei fogli PIAO… ${p}%`,
  working: "Operazione in corso…",
  analysisDone: (sheets, f) => `Analisi completata: ${plural(sheets, "foglio", "fogli")}; ${counts(f)}.`,
  sheetsSummary: (c) =>
    [
      `${plural(c.sheets, "foglio esaminato", "fogli esaminati")}`,
      c.withObjectives
        ? `${c.withObjectives} con obiettivi (${plural(c.objectives, "obiettivo", "obiettivi")} in ${plural(c.units, "unità", "unità")})`
        : "",
      c.withIndicators
        ? `${c.withIndicators} con indicatori (${plural(c.indicators, "indicatore", "indicatori")})`
        : "",
      c.withSpending ? `${c.withSpending} con dati di spesa` : "",
      c.unrecognised ? `${c.unrecognised} non ${c.unrecognised === 1 ? "riconosciuto" : "riconosciuti"}` : "",
    ]
      .filter(Boolean)
      .join(", ") + ".",
  sheetStatus: {
    recognised: "Riconosciuto",
    unrecognised: "Nessun contenuto riconosciuto",
    tooLarge: "Non letto",
  },
  sheetTooLarge: (cells) =>
    `Foglio troppo grande per essere letto in una volta (${cells} celle usate, il limite di Excel è 5.000.000): riduci l'area usata eliminando righe e colonne vuote in fondo.`,
  hiddenSheet: "foglio nascosto",
  generatedPresent: (names) => `Fogli PIAO già presenti (verranno aggiornati): ${names}.`,
  nothingRecognisedTitle: "Nessun contenuto PIAO riconosciuto",
  nothingRecognised:
    "Non ci sono fogli PIAO da creare. Servono una riga di intestazione con Obiettivo e Peso o Tipo (schede o tabelle di obiettivi), serie di indicatori per anno oppure dati di spesa di personale con le loro etichette. Il motivo per ogni foglio è indicato sopra.",

  reviewHeading: "2. Verifica",
  reviewNothing: "Colonne e unità sono state riconosciute con sicurezza: nessuna scelta da fare.",
  reviewNothingRecognised:
    "Nessun contenuto PIAO riconosciuto: non c'è nulla da verificare (vedere il passo 1).",
  reviewInterpreted: (n) =>
    `${plural(n, "intestazione letta", "intestazioni lette")} per somiglianza (es. «Pseo» come «Peso»): controllare gli avvisi al passo 4.`,
  reviewBefore:
    "Dopo l'analisi, qui scegli le colonne e le unità che non è stato possibile riconoscere con sicurezza.",
  reviewIntro: (open) =>
    open === 1
      ? "Un elemento non è stato determinato con certezza: conferma o correggi la scelta prima di creare i fogli."
      : `${open} elementi non sono stati determinati con certezza: conferma o correggi le scelte prima di creare i fogli.`,
  reviewAllConfirmed: "Le scelte salvate nella cartella sono state applicate.",
  unitLabel: (sheet) => `Unità degli obiettivi del foglio «${sheet}»`,
  unitHint: (n, current) =>
    `${plural(n, "obiettivo", "obiettivi")} senza colonna Unità né titolo: per ora l'unità è «${current}», presa dal nome del foglio.`,
  unitConfirmedHint: (n) => `Scelta salvata, usata per ${plural(n, "obiettivo", "obiettivi")}.`,
  weightLabel: (sheet) => `Colonna del peso nel foglio «${sheet}»`,
  weightHint: (rows) => `Nessuna colonna del peso riconosciuta nell'intestazione (riga ${rows}).`,
  weightChoose: "Scegli la colonna…",
  weightOption: (letter, text) => `${letter}: ${text}`,
  columnLabel: (sheet, letter, text) => `Colonna ${letter} «${text}» nel foglio «${sheet}»`,
  columnHint: (row) => `Intestazione ambigua (riga ${row}): la colonna non è letta finché non si sceglie.`,
  storedColumn: (letter, label) => `colonna ${letter} letta come «${label}»`,
  // The Italian names of the fields are the headers of `PIAO_Obiettivi` (the workbook contract).
  fieldNames: Object.fromEntries(OBJECTIVE_FIELDS.map((f) => [f, C[f]])) as Record<ObjectiveField, string>,
  saveChoices: "Salva le scelte e rianalizza",
  choicesSaved: "Scelte salvate nella cartella di lavoro: saranno usate anche le prossime volte.",
  storedChoices: "Scelte salvate nella cartella",
  storedUnit: (unit) => `unità «${unit}»`,
  storedWeight: (letter) => `peso nella colonna ${letter}`,
  forgetChoices: "Dimentica le scelte salvate",
  choicesForgotten: "Scelte salvate eliminate dalla cartella di lavoro.",

  buildHeading: "3. Fogli PIAO",
  build: "Crea fogli PIAO",
  buildHint: "Crea o aggiorna i fogli PIAO; conserva i dati già inseriti nelle colonne di monitoraggio.",
  buildNeedsAnalysis: "Analizza prima la cartella.",
  buildNothing: "Nessun contenuto PIAO riconosciuto: non c'è niente da creare.",
  buildOpenReview: (open) =>
    open === 1
      ? "C'è una scelta da verificare al passo 2: puoi crearli comunque e correggere dopo."
      : `Ci sono ${open} scelte da verificare al passo 2: puoi crearli comunque e correggere dopo.`,
  buildDone: (sheets, f) => `Fogli PIAO creati: ${plural(sheets, "foglio", "fogli")}; ${counts(f)}.`,
  sheetsWritten: (n, names) => `${plural(n, "foglio scritto", "fogli scritti")}: ${names}.`,
  unitsHeading: "Unità e somma dei pesi",
  noUnits: "Nessun obiettivo trovato.",
  unitLine: (n, sum) => `${plural(n, "obiettivo", "obiettivi")}, somma dei pesi ${sum}`,
  gatesLine: (g) => `${plural(g, "obiettivo cancello", "obiettivi cancello")} (peso 0)`,
  measuresHeading: "Misure degli obiettivi",
  measuresLine: ({ objectives, measured, withValues, score }) =>
    `${measured} obiettivi misurati su ${objectives}, ${withValues} con i valori al 31/12` +
    (score !== undefined ? `; punteggio ${score}` : ""),
  unitOk: "corretta",
  unitWrong: "deve essere 100",
  findingsTotals: counts,
  showProblems: "Vai ai problemi",
  spendingHeading: "Spesa di personale",
  spendingNotFound: "Dati di spesa non trovati nella cartella: compila il foglio PIAO Spesa personale.",
  spendingIncomplete: "Dati incompleti: completa il foglio PIAO Spesa personale.",
  spendingFigures: (p) =>
    [
      p.ratio ? `rapporto ${p.ratio}` : "",
      p.threshold ? `soglia ${p.threshold}` : "",
      p.band ? `fascia\u00a0${p.band}` : "",
      p.max ? `spesa massima ${p.max}` : "",
      p.margin ? `margine ${p.margin}` : "",
    ]
      .filter(Boolean)
      .join(" · "),
  spendingOutcome: {
    SOTTO: "Sotto soglia: margine disponibile.",
    TRA: "Tra le due soglie: il rapporto non può aumentare (margine 0).",
    SOPRA: "Sopra la soglia: occorre rientrare (turnover al 30% dal 2025).",
    ENTRATE: "Entrate correnti nette non positive: rapporto, spesa massima e margine non calcolabili.",
  },
  spendingProvisional: "Esito provvisorio: il limite annuo di incremento non è verificabile.",
  spendingConditions: {
    verificate: "Condizioni per assumere verificate: assunzioni possibili entro il margine.",
    "da verificare": "Condizioni per assumere da verificare: nessuna assunzione prima della verifica.",
    "non rispettate": "Condizioni per assumere non rispettate: nessuna assunzione.",
  },
  spendingYear: (year, outcome, margin) => `${year}: ${margin ? `margine ${margin} — ` : ""}${outcome}`,
  archived: (n) => `${plural(n, "riga spostata", "righe spostate")} in PIAO Archivio.`,

  problemsHeading: "4. Problemi",
  problemsCount: (shown, total) =>
    shown === total
      ? `${plural(total, "segnalazione", "segnalazioni")}.`
      : `${shown} di ${total} segnalazioni.`,
  noProblems: "Nessuna segnalazione.",
  noProblemsFiltered: "Nessuna segnalazione con questi filtri.",
  severityFilter: "Gravità",
  unitFilter: "Unità",
  allSeverities: "Tutte",
  seriousSeverities: "Errori e avvisi",
  showNotes: (n) => (n === 1 ? "Mostra anche l'informazione" : `Mostra anche le ${n} informazioni`),
  allUnits: "Tutte le unità",
  noUnit: "Senza unità",
  severity: { error: "Errore", warning: "Avviso", info: "Informazione" },
  severityPlural: { error: "Errori", warning: "Avvisi", info: "Informazioni" },
  goToCell: "Vai alla cella",
  goToCellLabel: (location) => `Vai alla cella ${location}`,
  showMore: (n) => `Mostra altre ${n}`,
  recheck: "Ricontrolla",
  recheckHint: "Dopo aver corretto le celle, ricontrolla la cartella.",
  recheckDone: (f) => `Controllo ripetuto: ${counts(f)}.`,
  problemsBeforeAnalysis: "Analizza la cartella per vedere i problemi.",

  removeHeading: "5. Rimozione",
  remove: "Rimuovi fogli generati",
  removeHint:
    "Elimina solo i fogli creati dal componente (PIAO …). Le modifiche di Excel fatte dai componenti non sempre si annullano con Ctrl+Z.",
  removeNone:
    "Non c'è niente da rimuovere: il pulsante si attiva quando l'analisi trova fogli PIAO o dopo averli creati.",
  removeConfirmTitle: "Rimuovere i fogli generati?",
  removeConfirmBody:
    "Verranno eliminati i fogli PIAO creati dal componente, con i dati inseriti nelle loro colonne di monitoraggio. I tuoi fogli restano come sono.",
  removeConfirmList: (names) => `Fogli presenti all'ultima analisi: ${names}.`,
  removeConfirm: "Rimuovi",
  cancel: "Annulla",
  removed: (n, names) => `${plural(n, "foglio rimosso", "fogli rimossi")}: ${names}.`,
  nothingRemoved: "Nessun foglio generato da rimuovere.",

  errorTitle: "Operazione non riuscita",
  errorCode: (code) => `Codice: ${code}`,
  errorDetails: "Elementi interessati:",
  unexpectedError:
    "Si è verificato un errore imprevisto nel componente. Riprova; se si ripete, salva il file, riaprilo e segnala il problema indicando che cosa stavi facendo.",
  officeMissing: "Excel non è disponibile: apri questo riquadro dall'interno di Excel.",
  dismiss: "Chiudi",
};
