/** Messages about the .xlsx packages the adapter reads and writes, in Italian (the reference catalogue). */
import type { Text } from "../../engine/core/i18n";

export const it = {
  // — the file
  isFolder: () => "è una cartella, non un file .xlsx",
  notFound: () => "file non trovato",
  readDenied: () => "permesso di lettura negato",
  cannotRead: () => "impossibile leggere il file",
  empty: () => "il file è vuoto",
  encryptedOrXls: () =>
    "file protetto da password o in formato .xls: salvarlo come cartella di lavoro .xlsx senza password",
  notXlsx: () => "non è un file .xlsx (contenuto non riconosciuto)",
  damaged: (reason: Text) => `file .xlsx danneggiato o non leggibile: ${reason.it}`,
  // — the zip archive (the reason given after "damaged")
  zipNoIndex: () => "non è un file .xlsx (archivio zip senza indice centrale)",
  zipDamaged: () => "archivio zip danneggiato",
  zipTooManyParts: (count: number, max: number) => `troppe parti nel pacchetto (${count}, massimo ${max})`,
  zipEncrypted: () => "file cifrato: salvarlo senza password",
  zipPartDamaged: (part: string) => `archivio zip danneggiato (parte ${part})`,
  zipPartTruncated: (part: string) => `archivio zip troncato (parte ${part})`,
  zipMethod: (method: number, part: string) =>
    `compressione non supportata (metodo ${method}, parte ${part})`,
  zipDataDamaged: (part: string) => `dati compressi danneggiati (parte ${part})`,
  // — limits against hostile files
  partTooLarge: (part: string, mb: number) =>
    `la parte ${part} supera il limite di ${mb} MB non compressi (file troppo grande o zip bomb)`,
  totalTooLarge: (mb: number) =>
    `il contenuto non compresso supera il limite di ${mb} MB (file troppo grande o zip bomb)`,
  tooManyCells: (sheet: string, max: number, cell: string) =>
    `il foglio "${sheet}" ha più di ${max.toLocaleString("it-IT")} celle con un valore (cella ${cell})`,
  // — the package's parts
  invalidXml: (part: string, detail: string) => `XML non valido nella parte ${part} (${detail})`,
  noWorkbook: () => "non è una cartella di lavoro Excel (manca xl/workbook.xml)",
  noSheetPart: (sheet: string) => `il foglio "${sheet}" non ha la sua parte nel pacchetto`,
  noContentTypes: () => "manca [Content_Types].xml nel pacchetto",
};

export type PackageCatalogue = typeof it;
