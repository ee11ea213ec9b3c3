/** Messages about the files the CLI reads and writes, in Italian (the reference catalogue). */
export const it = {
  notFound: () => "file non trovato",
  folderMissing: () => "la cartella non esiste",
  isFolder: () => "è una cartella, non un file",
  notRegular: () => "non è un file normale (dispositivo, pipe o socket): indicare un file .xlsx",
  tooLarge: (mb: number) => `file troppo grande (oltre ${mb} MB)`,
  permissionDenied: () => "permesso negato",
  diskFull: () => "spazio su disco esaurito: il file non è stato scritto",
  readOnly: () => "il disco è di sola lettura",
  nameTooLong: () => "nome del file troppo lungo",
  ioError: (code: string) => `errore di lettura o scrittura (${code})`,
  wouldOverwriteInput: (kind: "output" | "report") =>
    `${kind === "output" ? "il file di uscita" : "il rapporto"} sovrascriverebbe il file di ingresso (stesso file, anche tramite collegamento): scegliere un altro nome`,
  sameTarget: () => "il file di uscita e il rapporto indicano lo stesso file: scegliere due nomi diversi",
  noWorksheets: () => "file .xlsx senza fogli di lavoro leggibili",
  outputExtension: (macros: boolean): string =>
    macros
      ? "il file di ingresso contiene macro (.xlsm): il file di uscita deve avere estensione .xlsm"
      : "il file di ingresso non contiene macro: il file di uscita deve avere estensione .xlsx",
};

export type FileCatalogue = typeof it;
