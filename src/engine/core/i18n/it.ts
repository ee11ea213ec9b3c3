/** The engine's messages in Italian (findings, sheet reports). The reference catalogue: every id is here. */
import type { RowCounts } from "../model";
import { numIt, plural } from "./index";

const show = (v: string | number) => (typeof v === "number" ? numIt(v) : `"${v}"`);

export const it = {
  // — objectives: detection, normalisation, weights, summary table
  codeNormalized: (from: string, to: string) => `Codice "${from}" letto come "${to}".`,
  typeNormalized: (from: string, to: string) => `Tipo "${from}" letto come "${to}".`,
  typeUnknown: (from: string) =>
    from
      ? `Tipo "${from}" non riconosciuto: usare I (individuale), O (organizzativa) o UO (unità organizzativa).`
      : `Tipo mancante: indicare I (individuale), O (organizzativa) o UO (unità organizzativa).`,
  weightText: (raw: string, value: number) =>
    `Peso scritto come testo ("${raw}") letto come numero ${numIt(value)}.`,
  weightPercentFormat: (value: number) => `Peso in formato percentuale letto come ${numIt(value)} (su 100).`,
  weightMissing: () => "Peso mancante.",
  weightNotNumber: (raw: string) => `Peso "${raw}" non numerico.`,
  weightDate: () => "Nella cella del peso c'è una data: indicare un numero da 0 a 100.",
  weightNegative: (v: number) => `Peso negativo (${numIt(v)}): deve essere tra 0 e 100.`,
  weightTooLarge: (v: number) => `Peso ${numIt(v)} oltre 100: deve essere tra 0 e 100.`,
  gate: (code: string) =>
    `Obiettivo ${code} con peso 0: obiettivo "cancello" (es. tempi di pagamento, art. 4-bis D.L. 13/2023), non conta nei 100 punti.`,
  unitSum: (unit: string, sum: number) => `${unit}: la somma dei pesi è ${numIt(sum)}, deve essere 100.`,
  fractionsScaled: (unit: string) => `${unit}: pesi espressi come frazioni con somma 1, riportati su 100.`,
  duplicateCode: (unit: string, code: string) =>
    `${unit}: il codice ${code} compare più volte; le sue misure in PIAO Misure valgono per l'ultima riga con questo codice.`,
  textCleaned: () => "Testo ripulito da etichette HTML o elenchi puntati.",
  hiddenRow: () => "Obiettivo in una riga nascosta: letto comunque.",
  errorValue: (v: string) => `Valore di errore ${v} nella cella: ignorato.`,
  noObjectiveName: () => "Riga con codice ma senza denominazione dell'obiettivo.",
  summaryDiffers: (unit: string, individual: number, unitCount: number, cardsI: number, cardsUO: number) =>
    `${unit}: la tabella riassuntiva indica ${individual} obiettivi individuali e ${unitCount} di unità organizzativa, le schede ne contengono ${cardsI} e ${cardsUO} (con peso maggiore di 0).`,
  hiddenColumn: (header: string) => `Colonna "${header}" nascosta: letta comunque.`,
  unitsDifferInCase: (names: string[]) =>
    `Le unità ${names.map((n) => `«${n}»`).join(", ")} differiscono solo per maiuscole e minuscole: sono trattate come unità distinte; se sono la stessa, scriverle allo stesso modo.`,
  headerInterpreted: (text: string, label: string) => `Intestazione «${text}» letta come «${label}».`,
  headerAmbiguous: (text: string, labels: string[]) =>
    `Intestazione «${text}» ambigua: può essere ${labels.map((l) => `«${l}»`).join(" o ")}; colonna non letta, sceglierla nel passo 2 (Verifica).`,
  rowIgnored: (row: number, text: string) =>
    `Riga ${row} ignorata: «${text}» è dentro la tabella ma non ha né codice né denominazione dell'obiettivo.`,
  rowAfterTable: (row: number, text: string) =>
    `Riga ${row} ignorata: «${text}» segue la tabella ma non ne rispetta le colonne; la tabella finisce qui.`,
  totalDiffers: (stated: number, sum: number) =>
    `La riga di totale indica ${numIt(stated)}, ma i pesi degli obiettivi sopra sommano ${numIt(sum)}.`,
  tableUnrecognised: (sheet: string, headers: string[], closest: string[]) =>
    `${sheet}: la tabella con intestazioni ${headers.map((h) => `«${h}»`).join(", ")} non è stata letta (per gli obiettivi servono le colonne Obiettivo e Peso o Tipo). ` +
    (closest.length > 0
      ? `Intestazioni note più vicine: ${closest.join(", ")}.`
      : "Nessuna intestazione nota è vicina a queste."),
  closestHeader: (text: string, label: string) => `«${text}» → «${label}»`,
  noObjectives: () => "Nessun obiettivo trovato: non c'è niente da verificare.",
  noContent: () =>
    "Nessun contenuto PIAO riconosciuto nella cartella: nessun obiettivo, indicatore o dato di spesa di personale.",
  // — indicators (PIAO section 2.1)
  indicatorValuesAsText: (name: string, count: number) =>
    `${name}: ${plural(count, "valore scritto", "valori scritti")} come testo ${count === 1 ? "letto come numero" : "letti come numeri"}.`,
  indicatorValueNotNumber: (name: string, raw: string) =>
    `${name}: valore "${raw}" non numerico, l'anno resta vuoto.`,
  indicatorPercentValues: (name: string) =>
    `${name}: valori percentuali riportati in punti percentuali (unità di misura "%").`,
  indicatorDuplicateYear: (name: string, year: number) =>
    `${name}: più valori per l'anno ${year}, tenuto il primo.`,
  indicatorInvalidYear: (name: string, raw: string) => `${name}: anno "${raw}" non valido, riga ignorata.`,
  indicatorPolarityUnknown: (name: string, raw: string) =>
    `${name}: polarità "${raw}" non riconosciuta, impostata "crescente" (usare crescente o decrescente).`,
  indicatorPolarityDefault: (count: number) =>
    `${plural(count, "indicatore", "indicatori")} senza polarità: impostata "crescente" (più alto è meglio), da verificare nel foglio PIAO Indicatori.`,
  indicatorTargetNotNumber: (name: string, raw: string) =>
    `${name}: target "${raw}" non numerico, lasciato vuoto.`,
  indicatorSplit: (count: number) => `Cella con ${count} indicatori distinti: una riga per indicatore.`,
  indicatorRatio: (numerator: string, denominator: string, factor: number) =>
    `Indicatore a rapporto: "${numerator}" / "${denominator}" × ${String(factor).replace(".", ",")}; numeratore e denominatore si inseriscono per anno.`,
  indicatorNoName: () => "Riga con valori ma senza nome dell'indicatore: ignorata.",
  indicatorAmbiguous: (name: string, count: number) =>
    `${name}: il nome corrisponde a ${count} indicatori degli obiettivi strategici, serie riportata in una riga a parte.`,
  indicatorNoYears: () =>
    "Nessun anno trovato (né serie né anni del piano): il foglio PIAO Indicatori non ha colonne per anno.",
  // — staff spending (art. 33 D.L. 34/2019)
  spendingAverage557Only: () =>
    "Trovata solo la media 2011-2013: riportata nei tre anni (la media non cambia).",
  spendingNetRevenue: () =>
    "Trovate le entrate correnti già nette: riportate nei tre rendiconti con FCDE 0 (la media netta non cambia).",
  spendingBaseYearUnknown: (year: number) =>
    `Spesa di personale ${year} non usata come anno base: l'anno base dipende dal tipo di ente (2018 comuni, 2019 province e città metropolitane), che non è indicato.`,
  spendingCapUnknown: (years: number[], base: number) =>
    `Limite di incremento ${years.join(", ")} non verificabile: manca la spesa di personale ${base}. Margine ed esito sono provvisori.`,
  spendingRevenueNotPositive: () =>
    "Entrate correnti nette non positive (FCDE pari o superiore alla media delle entrate): rapporto, spesa massima e margine non si possono calcolare.",
  // — explanations on PIAO Spesa personale that depend on how the revenue was found (gross or already net).
  //   The rule: art. 33 cc. 1-bis and 2 D.L. 34/2019, art. 2 D.M. 17/3/2020 — average current revenue of the
  //   last three approved rendiconti, net of the FCDE budgeted in the previsione of the last year considered.
  spendingExplainRevenue: () =>
    "Accertamenti dei Titoli I, II e III del rendiconto approvato; si usano gli ultimi tre rendiconti, dal più vecchio.",
  spendingExplainRevenueNet: () =>
    "La fonte dà le entrate correnti già al netto del FCDE: lo stesso importo nei tre rendiconti, così la media è quella netta. Con le entrate lorde dei tre rendiconti, scriverle qui e indicare il FCDE.",
  spendingExplainFcde: () =>
    "FCDE di parte corrente del bilancio di previsione assestato dell'anno dell'ultimo rendiconto (es. rendiconti 2019-2021: FCDE assestato 2021), da togliere dalla media delle entrate.",
  spendingExplainFcdeNet: () =>
    "0 perché le entrate trovate sono già al netto del FCDE, che non va tolto due volte; con le entrate lorde, il FCDE del bilancio di previsione assestato dell'anno dell'ultimo rendiconto.",
  spendingExplainNetRevenue: () =>
    "Media delle entrate correnti dei tre rendiconti meno il FCDE stanziato nel bilancio di previsione dell'ultimo anno, arrotondata al centesimo (art. 33 c. 2 D.L. 34/2019; art. 2 D.M. 17/3/2020).",
  spendingExplainNetRevenueNet: () =>
    "Entrate già nette nella fonte, riportate come sono (FCDE 0). La regola: media delle entrate correnti dei tre rendiconti al netto del FCDE stanziato nel bilancio di previsione dell'ultimo anno (art. 33 c. 2 D.L. 34/2019; art. 2 D.M. 17/3/2020).",
  // — measures of the objectives (targets, values, scoring rules)
  measureTargetUnparsed: (indicator: string, raw: string) =>
    `${indicator}: target "${raw}" non riconosciuto, riportato come testo in PIAO Misure; scegliere la regola di calcolo (colonna Regola) e indicare il target come numero o data.`,
  measureValueUnparsed: (indicator: string, raw: string) =>
    `${indicator}: valore "${raw}" non riconosciuto (né numero, né data, né sì/no), riportato come testo: il raggiungimento resta vuoto.`,
  measureReasonMissing: (code: string) =>
    `Obiettivo ${code}: il Raggiungimento 31/12 inserito sostituisce quello calcolato dalle misure, ma manca la Motivazione.`,
  // — workbook: the user's names, the previous run's sheets
  sheetNameTaken: (user: string, ours: string) =>
    `Il foglio "${user}" non è stato creato dal componente aggiuntivo: è letto come foglio dell'utente e lasciato com'è; il foglio generato si chiama "${ours}". Per riavere il nome standard, rinominare il proprio foglio.`,
  tableNameTaken: (name: string, ours: string) =>
    `La tabella "${name}" esiste già nei fogli dell'utente: la tabella generata si chiama "${ours}" (anche nelle formule). Per riavere il nome standard, rinominare la propria tabella.`,
  definedNameTaken: (name: string, ours: string) =>
    `Il nome "${name}" esiste già nella cartella: il nome generato è "${ours}" (anche nelle formule). Per riavere il nome standard, rinominare o eliminare il proprio nome.`,
  generatedSheetRenamed: (found: string, standard: string) =>
    `Il foglio "${found}" è il foglio ${standard} di una conversione precedente (rinominato): i dati inseriti sono ripresi e il foglio è ricreato come "${standard}".`,
  // — re-runs: what the user typed in a generated sheet against the new source
  planRowReplacedBySource: (
    table: string,
    key: string,
    column: string,
    typed: string | number,
    source: string | number,
  ) =>
    `${table}, riga ${key}: ${column} era ${show(typed)}, il foglio di origine indica ${show(source)}: vale il valore del foglio di origine; la riga con il valore inserito è conservata in PIAO Archivio.`,
  formulaOverwritten: (table: string, row: string, column: string, typed: string | number) =>
    `${table}, riga ${row}: nella colonna ${column} era scritto ${show(typed)} al posto della formula: la formula è ripristinata (i totali e il calcolo del programma la leggono) e il valore scritto è conservato in PIAO Archivio. Per cambiare il risultato, modificare i dati che la formula legge.`,
  planRowNotCounted: (table: string, row: string) =>
    `${table}, riga ${row}: anno o numero non è un numero, quindi la riga non entra nei totali delle assunzioni e cessazioni riportati dal programma (le formule del foglio la calcolano come possono): scrivere anno e numero come numeri.`,
  generatedHeaderRenamed: (table: string, caption: string, header: string) =>
    `Nella tabella ${table} l'intestazione «${caption}» è al posto di «${header}» (rinominata): i valori della colonna sono ripresi come «${header}» e l'intestazione torna «${header}», il nome a cui si riferiscono le formule.`,
  generatedHeaderMissing: (table: string, header: string, kept: string[]) =>
    `Nella tabella ${table} la colonna «${header}» non è stata trovata (intestazione rinominata o colonne spostate): i valori inseriti in essa non possono essere ripresi come «${header}». ` +
    (kept.length > 0
      ? `Le colonne ${kept.map((k) => `«${k}»`).join(", ")} sono mantenute con i loro valori come colonne dell'utente: ricopiare in «${header}» i valori che le appartengono.`
      : "Nessun'altra colonna con valori da mantenere."),
  typedReplacedBySource: (where: string, column: string, typed: string | number, source: string | number) =>
    `${where}: in PIAO Obiettivi ${column} era ${show(typed)}, il foglio di origine indica ${show(source)}: vale il valore del foglio di origine, da cui si calcolano pesi e punteggi. Per cambiarlo, modificarlo nel foglio di origine.`,
  typedKept: (name: string, typed: string | number, source: string | number) =>
    `${name}: mantenuto il valore inserito nel foglio generato (${show(typed)}) invece di ${show(source)} del foglio di origine o predefinito: un valore digitato dall'utente non viene mai sovrascritto. Per riprendere ${show(source)}, cancellare il proprio valore e convertire di nuovo.`,
  // — workbook: the findings sheet
  infosGathered: (count: number, first: string, last: string) =>
    `Altri ${numIt(count)} casi come i precedenti con lo stesso codice, non elencati uno per uno: dal primo in ${first} all'ultimo in ${last}. Il riquadro del componente aggiuntivo e il rapporto di piao convert --report li elencano tutti.`,
  // — workbook: sheet reports
  sheetUnrecognised: (sheet: string, summary: string) => `${sheet}: ${summary}`,
  reportObjectives: (count: number, units: string[]) =>
    `${plural(count, "obiettivo", "obiettivi")} in ${units.length} unità (${units.join(", ")})`,
  reportIndicators: (count: number) => plural(count, "indicatore", "indicatori"),
  reportFigures: (count: number) => `${plural(count, "dato", "dati")} di spesa di personale`,
  reportSummaryTable: (rows: number) =>
    `tabella riassuntiva degli obiettivi (${plural(rows, "riga", "righe")}), confrontata con le schede`,
  reportNothing: (why: string) => `Nessun contenuto PIAO riconosciuto: ${why}.`,
  whyEmpty: () => "il foglio è vuoto",
  whyHeaderWithoutRows: () => "intestazione trovata ma nessuna riga di obiettivo sotto",
  whyNoHeader: () => "nessuna riga di intestazione con Obiettivo e Peso o Tipo",
  reportRows: (r: RowCounts) =>
    `Righe non vuote: obiettivi ${r.objectives}, intestazioni ${r.headers}, totali ${r.totals}, note ${r.notes}, legende ${r.legends}, altre riconosciute ${r.other}, ignorate ${r.ignored}`,
};

export type EngineCatalogue = typeof it;
