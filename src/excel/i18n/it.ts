/**
 * The Office.js adapter's messages in Italian: Excel's errors with what to do, and the notices about what
 * a host lacks. The reference catalogue: `en.ts` must have the same ids and arguments.
 */

export const it = {
  // — notices: what this host lacks or what the workbook's state means for the user
  noticeUpdate: () =>
    "Aggiorna Excel (Microsoft 365 o Excel 2021 e successivi) oppure usa la riga di comando (piao), che scrive tutto.",
  noticeValidation: (n: number) =>
    `${n} regole di convalida dei dati non applicate: questa versione di Excel non le supporta (serve ExcelApi 1.8). I valori inseriti nelle celle di input non saranno controllati.`,
  noticeConditionalFormats: (n: number) =>
    `${n} formati condizionali non applicati (serve ExcelApi 1.6): gli esiti non saranno colorati, ma le formule e i valori sono corretti.`,
  noticeCalculation: () =>
    "Il ricalcolo non è stato sospeso durante la scrittura (serve ExcelApi 1.6): la scrittura può essere più lenta.",
  noticeScreenUpdating: () =>
    "L'aggiornamento dello schermo non è stato sospeso durante la scrittura (serve ExcelApi 1.9): la scrittura può essere più lenta e lo schermo può lampeggiare.",
  noticeTabColor: (n: number) => `Colore della scheda non impostato su ${n} fogli (serve ExcelApi 1.7).`,
  noticeFreeze: (n: number) =>
    `Riquadri non bloccati su ${n} fogli (serve ExcelApi 1.7): le intestazioni scorrono con i dati; puoi bloccarle da Visualizza › Blocca riquadri.`,
  noticeCharts: (n: number) =>
    `${n} grafici non creati (serve ExcelApi 1.7 per impostarne le serie): i dati restano nei fogli.`,
  noticeLinks: (n: number) =>
    `${n} collegamenti alle celle di origine non creati (serve ExcelApi 1.7): le celle mostrano comunque l'indirizzo di origine.`,
  noticeManualCalculation: () =>
    "La cartella di lavoro è in calcolo manuale: i fogli generati sono stati ricalcolati una volta, ma dopo ogni modifica premi F9 (o Formule › Calcola ora) per aggiornare i risultati.",
  noticeMergesApi: () =>
    "Le celle unite dei tuoi fogli non sono state lette (serve ExcelApi 1.13): un titolo su celle unite vale solo per la sua prima cella. Controlla le unità riconosciute.",
  noticeTooManyMerges: (sheets: string) =>
    `Troppe celle unite da leggere nei fogli ${sheets} (Excel ne restituisce al massimo 512 per lettura): l'analisi prosegue senza di esse, e un titolo su celle unite vale solo per la sua prima cella. Controlla le unità riconosciute in quei fogli.`,

  // — errors: what happened and what to do
  sheetPrefix: (sheet: string) => `Foglio «${sheet}»: `,
  errorAccessDenied: () =>
    "Excel ha negato l'operazione: il foglio o la cartella di lavoro è protetto, oppure il file è di sola lettura. Rimuovi la protezione (Revisione › Rimuovi protezione foglio) o salva una copia modificabile, poi riprova.",
  errorInvalidOperation: () =>
    "Excel non consente questa operazione nello stato attuale (spesso perché un foglio è protetto, o perché una tabella o celle unite si sovrappongono). Rimuovi la protezione o le celle unite nell'area interessata e riprova.",
  errorCellEditMode: () =>
    "Excel è in modalità modifica cella. Premi Invio o Esc per uscire dalla cella, poi riprova.",
  errorRequestTooLarge: () =>
    "I dati da scrivere superano il limite di 5 MB per richiesta di Excel per il web, anche dopo aver riprovato con blocchi più piccoli. Usa Excel desktop o la riga di comando (piao).",
  errorInactiveWorkbook: () =>
    "È stata attivata un'altra cartella di lavoro mentre il componente scriveva. Torna su questa cartella, non cambiare finestra durante la creazione dei fogli e riprova.",
  errorMergedRangeConflict: () =>
    "Excel non può scrivere su celle unite in quel punto. Separa le celle unite nell'area indicata (Home › Unisci e allinea al centro) e riprova.",
  errorFormulaTooLong: () =>
    "Una formula supera il limite di lunghezza di Excel (8.192 caratteri). È un difetto del componente: segnalalo allegando il file, se possibile.",
  errorResponseTooLarge: () =>
    "I dati da leggere superano il limite di 5 MB per risposta di Excel per il web. Escludi i fogli molto grandi dalla lettura, oppure usa Excel desktop o la riga di comando (piao).",
  errorItemAlreadyExists: () =>
    "Esiste già un elemento con lo stesso nome (foglio, tabella o nome definito). Rinomina o elimina quello esistente, poi riprova.",
  errorNameConflict: () =>
    "Un nome che il componente deve creare è già usato da una tabella o da un nome definito in un tuo foglio. Rinomina l'elemento indicato, poi riprova.",
  errorItemNotFound: () =>
    "Un foglio o un elemento non esiste più (forse è stato rinominato o eliminato nel frattempo). Aggiorna e riprova.",
  errorInvalidArgument: () =>
    "Excel ha rifiutato un valore o un indirizzo non valido. È probabilmente un difetto del componente: segnalalo allegando il file, se possibile.",
  errorInvalidPlan: () =>
    "Il contenuto da scrivere non è valido (nomi di fogli o tabelle, elenchi troppo lunghi, riferimenti). È un difetto del componente: segnalalo.",
  errorSheetTooLarge: () =>
    "Un foglio è troppo grande per essere letto da Excel in una volta (oltre 5.000.000 di celle usate). Escludilo o riduci l'area usata (elimina righe e colonne vuote in fondo).",
  errorApiNotFound: () =>
    "Questa versione di Excel non supporta una funzione necessaria. Aggiorna Excel (serve almeno Excel 2021 o Microsoft 365) oppure usa la riga di comando (piao).",
  errorConflict: () =>
    "Un'altra persona sta modificando la stessa parte della cartella di lavoro. Attendi qualche istante e riprova.",
  errorRequestAborted: () =>
    "Excel ha interrotto la richiesta. Riprova; se succede ancora, chiudi e riapri il file.",
  errorGeneralException: () =>
    "Excel ha segnalato un errore interno. Salva il file, chiudilo e riaprilo, poi riprova; se l'errore persiste, usa la riga di comando (piao).",
  errorBuildInterrupted: (sheets: string) =>
    `La creazione dei fogli si è interrotta e non è stato possibile rimettere a posto i fogli precedenti: sono ancora nella cartella, con i dati che avevi inserito, con i nomi ${sheets}. Torna su questa cartella e avvia di nuovo la creazione dei fogli: li ripristina prima di scrivere.`,
  errorGeneric: (code: string) =>
    `Excel ha restituito un errore imprevisto. Riprova; se succede ancora, salva e riapri il file o usa la riga di comando (piao). (codice: ${code})`,
};

export type ExcelCatalogue = typeof it;
