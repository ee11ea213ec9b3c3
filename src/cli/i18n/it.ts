/** Every line the `piao` command prints, in Italian: the reference catalogue (every id is here). */
import { plural } from "../../engine/core/i18n";
import type { OutcomeCode } from "../../engine/spending/compute";
import type { ConditionsState } from "../../engine/spending/costs";

export const it = {
  usage: () =>
    [
      "Uso:",
      "  piao convert <ingresso.xlsx> [-o <uscita.xlsx>] [--report <report.json>] [--lang it|en]",
      "  piao check <cartella.xlsx> [--lang it|en]",
      "  piao --help | -h      questo aiuto",
      "  piao --version        la versione",
      "",
      "convert  scrive i fogli PIAO in <ingresso>-piao.xlsx (o -o), senza toccare il file di ingresso;",
      "         --report scrive anche ogni segnalazione in JSON.",
      "check    verifica lo stato di una cartella (convertita o no); esce con 1 se trova errori.",
      "--lang   lingua dei messaggi: it (predefinita) o en.",
      "Uscita 2: argomenti o file non utilizzabili.",
    ].join("\n"),
  usageHint: () =>
    "uso: piao convert FILE.xlsx [-o USCITA.xlsx] [--report RAPPORTO.json] [--lang it|en] | piao check FILE.xlsx | piao --help",
  unknownCommand: (c: string) => `comando sconosciuto: ${c}`,
  missingCommand: () => "manca il comando",
  missingValue: (option: string) =>
    `manca il valore di ${option} (per un nome che inizia con "-": ${option}=NOME)`,
  badLang: (v: string) => `--lang accetta it o en, non ${v}`,
  unknownOption: (o: string, command: string) =>
    `opzione sconosciuta: ${o} (per un file che inizia con "-": piao ${command} -- ${o})`,
  missingFile: () => "manca il file .xlsx",
  tooManyArgs: () => "troppi argomenti",
  checkOptions: () => "check non accetta -o né --report",
  unexpected: (msg: string) => `errore imprevisto: ${msg}`,
  progress: (step: "read" | "analyse" | "write") =>
    ({ read: "lettura", analyse: "analisi", write: "scrittura" })[step],
  converting: (file: string) => `PIAO Sheets – conversione di ${file}`,
  checking: (file: string) => `PIAO Sheets – verifica di ${file}`,
  sheets: () => "Fogli letti:",
  units: () => "Unità e somma dei pesi:",
  noUnits: () => "  nessun obiettivo trovato",
  unitLine: (objectives: number, sum: string, ok: boolean, gates: number) =>
    `${String(objectives).padStart(3)} ${objectives === 1 ? "obiettivo" : "obiettivi"}, somma pesi ${sum} ${ok ? "OK" : "ERRORE"}` +
    (gates ? `, ${plural(gates, "obiettivo cancello", "obiettivi cancello")} (peso 0)` : ""),
  findings: (error: number, warning: number, info: number) =>
    `Segnalazioni: ${plural(error, "errore", "errori")}, ${plural(warning, "avviso", "avvisi")}, ${plural(info, "informazione", "informazioni")}`,
  errorsList: () => "Errori e avvisi:",
  errorMark: () => "E",
  warningMark: () => "A",
  more: (n: number) =>
    `  … e ${n === 1 ? "un'altra segnalazione" : `altre ${n} segnalazioni`} (vedere il foglio PIAO Verifica)`,
  noSpending: () =>
    "Spesa di personale: dati non trovati nella cartella (compilare il foglio PIAO Spesa personale)",
  spendingLine: () => "Spesa di personale:",
  ratio: () => "rapporto",
  threshold: () => "soglia",
  band: () => "fascia",
  maxSpending: () => "spesa massima",
  margin: () => "margine",
  incomplete: () => "dati incompleti, completare il foglio PIAO Spesa personale",
  outcomeUnder: (conditions: ConditionsState): string =>
    conditions === "verificate"
      ? "Sotto soglia: assunzioni possibili entro il margine"
      : conditions === "non rispettate"
        ? "Sotto soglia: condizioni per assumere non rispettate, nessuna assunzione"
        : "Sotto soglia: margine disponibile, assunzioni solo dopo aver verificato le condizioni",
  outcomeBetween: () => "Tra le due soglie: il rapporto non può aumentare (margine 0)",
  outcomeAboveComune: () =>
    "Sopra la soglia di rientro (Tabella 3): ridurre il rapporto, turnover al 30% dal 2025",
  outcomeAbove: () => "Sopra la soglia: rientrare sotto il valore soglia, turnover al 30% dal 2025",
  outcomeNoRevenue: () =>
    "Entrate correnti nette non positive: rapporto, spesa massima e margine non calcolabili",
  provisional: () => " (provvisorio: limite annuo di incremento non verificabile)",
  yearLine: (year: number, margin: string | null, outcome: OutcomeCode, provisional: boolean) =>
    `  ${year}: ${margin !== null ? `margine ${margin} — ` : ""}${{ SOTTO: "sotto soglia", TRA: "tra le due soglie", SOPRA: "sopra la soglia", ENTRATE: "entrate nette non positive" }[outcome]}${provisional ? " (provvisorio)" : ""}`,
  conditions: (state: ConditionsState) => `  Condizioni per assumere: ${state}`,
  measures: () => "Misure degli obiettivi (PIAO Misure):",
  measuresLine: (measured: number, total: number, values: number) =>
    `${measured} ${measured === 1 ? "obiettivo misurato" : "obiettivi misurati"} su ${total}, ${values} con i valori al 31/12`,
  score: (score: string) => `, punteggio ${score}`,
  archived: (n: number) => `${plural(n, "riga spostata", "righe spostate")} in PIAO Archivio`,
  written: (file: string) => `Scritto: ${file}`,
  checkedConverted: () => "Controllato il foglio PIAO Obiettivi (cartella già convertita).",
  checkedSource: () => "Controllati i fogli dell'utente.",
};

export type CliCatalogue = typeof it;
