/** Messages about the .xlsx packages the adapter reads and writes, in English: the same ids as `it.ts`. */
import type { Text } from "../../engine/core/i18n";
import type { PackageCatalogue } from "./it";

export const en: PackageCatalogue = {
  isFolder: () => "is a folder, not an .xlsx file",
  notFound: () => "file not found",
  readDenied: () => "permission denied",
  cannotRead: () => "cannot read the file",
  empty: () => "the file is empty",
  encryptedOrXls: () =>
    "password-protected or an old .xls file: save it as an .xlsx workbook without a password",
  notXlsx: () => "not an .xlsx file (unrecognised content)",
  damaged: (reason: Text) => `damaged or unreadable .xlsx file: ${reason.en}`,
  zipNoIndex: () => "not an .xlsx file (a zip archive without a central directory)",
  zipDamaged: () => "damaged zip archive",
  zipTooManyParts: (count: number, max: number) => `too many parts in the package (${count}, at most ${max})`,
  zipEncrypted: () => "encrypted file: save it without a password",
  zipPartDamaged: (part: string) => `damaged zip archive (part ${part})`,
  zipPartTruncated: (part: string) => `truncated zip archive (part ${part})`,
  zipMethod: (method: number, part: string) => `unsupported compression (method ${method}, part ${part})`,
  zipDataDamaged: (part: string) => `damaged compressed data (part ${part})`,
  partTooLarge: (part: string, mb: number) =>
    `part ${part} exceeds ${mb} MB uncompressed (file too large or a zip bomb)`,
  totalTooLarge: (mb: number) => `uncompressed content exceeds ${mb} MB (file too large or a zip bomb)`,
  tooManyCells: (sheet: string, max: number, cell: string) =>
    `sheet "${sheet}" has more than ${max.toLocaleString("en-US")} cells with a value (cell ${cell})`,
  invalidXml: (part: string, detail: string) => `invalid XML in part ${part} (${detail})`,
  noWorkbook: () => "not an Excel workbook (no xl/workbook.xml)",
  noSheetPart: (sheet: string) => `sheet "${sheet}" has no part in the package`,
  noContentTypes: () => "[Content_Types].xml is missing from the package",
};
