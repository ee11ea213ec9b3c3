/** Messages about the files the CLI reads and writes, in English: the same ids as `it.ts`. */
import type { FileCatalogue } from "./it";

export const en: FileCatalogue = {
  notFound: () => "file not found",
  folderMissing: () => "the folder does not exist",
  isFolder: () => "is a folder, not a file",
  notRegular: () => "not a regular file (device, pipe or socket): give an .xlsx file",
  tooLarge: (mb: number) => `file too large (over ${mb} MB)`,
  permissionDenied: () => "permission denied",
  diskFull: () => "no space left on the disk: the file was not written",
  readOnly: () => "the disk is read-only",
  nameTooLong: () => "file name too long",
  ioError: (code: string) => `read or write error (${code})`,
  wouldOverwriteInput: (kind: "output" | "report") =>
    `${kind === "output" ? "the output file" : "the report"} would overwrite the input file (the same file, also through a link): choose another name`,
  sameTarget: () => "the output file and the report name the same file: choose two different names",
  noWorksheets: () => "an .xlsx file with no readable worksheet",
  outputExtension: (macros: boolean) =>
    macros
      ? "the input holds macros (.xlsm): the output must be named .xlsm"
      : "the input has no macros: the output must be named .xlsx",
};
