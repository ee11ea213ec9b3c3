/**
 * The CLI's safety around files: the input must be a regular file of sensible size (a FIFO would block, a
 * device never end); no output may land on the input or on another output, whatever links lead there
 * (compared by device + inode, not by path); outputs are written to a temporary file in the target folder
 * and renamed into place only when complete, so an interrupted run leaves the previous file intact and a
 * symlink is replaced, never followed onto the file it points to.
 */
import * as fs from "fs";
import * as path from "path";
import { bilingual, type Text } from "../engine/core/i18n";
import { en } from "./i18n/en";
import { it } from "./i18n/it";

/** The messages about files, in both languages, by id. */
export const FILE_MESSAGES = bilingual({ it, en });
const M = FILE_MESSAGES;

/** A file the CLI cannot use: the message names the problem, the caller prints the file's name. */
export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly text: Text,
  ) {
    super(text.en);
  }
}

/** Larger inputs are refused before reading: no PIAO workbook comes near it. */
export const MAX_INPUT_MB = 256;

/** An operating-system error on `file` as a FileError with a message a user can act on. */
export function fileError(file: string, e: unknown): FileError {
  if (e instanceof FileError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? "";
  const text =
    code === "ENOENT"
      ? M.notFound()
      : code === "EACCES" || code === "EPERM"
        ? M.permissionDenied()
        : code === "ENOSPC" || code === "EDQUOT"
          ? M.diskFull()
          : code === "EROFS"
            ? M.readOnly()
            : code === "ENAMETOOLONG"
              ? M.nameTooLong()
              : code === "EISDIR"
                ? M.isFolder()
                : M.ioError(code || String(e));
  return new FileError(file, text);
}

/** The input: it exists, is a regular file (through links) and is not over the size cap. */
export function checkInput(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw fileError(file, e);
  }
  if (st.isDirectory()) throw new FileError(file, M.isFolder());
  if (!st.isFile()) throw new FileError(file, M.notRegular());
  if (st.size > MAX_INPUT_MB * 1024 * 1024) throw new FileError(file, M.tooLarge(MAX_INPUT_MB));
}

/** An existing file's status (links followed), or null when there is none. */
function statusOf(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/** `dev:ino`: the same file whatever path or link leads to it. */
const identity = (st: fs.Stats | null): string | null => (st ? `${st.dev}:${st.ino}` : null);

/** Where a path would land: its folder's real path + its name (a symlinked folder resolved). */
function landing(file: string): string {
  try {
    return path.join(fs.realpathSync(path.dirname(path.resolve(file))), path.basename(file));
  } catch {
    return path.resolve(file);
  }
}

/**
 * Checks every output before anything is written: not the input, not each other, an existing target is a
 * regular file (never a device such as /dev/full, which a rename would replace), and its folder exists
 * and is writable — so a report that cannot be written stops the run before the workbook is written.
 */
export function checkTargets(input: string, targets: { file: string; kind: "output" | "report" }[]): void {
  const inputId = identity(statusOf(input));
  const seen = new Set<string>();
  for (const { file, kind } of targets) {
    const st = statusOf(file);
    const id = identity(st);
    if (id !== null && id === inputId) throw new FileError(file, M.wouldOverwriteInput(kind));
    const keys = [landing(file), ...(id !== null ? [id] : [])];
    if (keys.some((k) => seen.has(k))) throw new FileError(file, M.sameTarget());
    keys.forEach((k) => seen.add(k));
    if (st) {
      if (st.isDirectory()) throw new FileError(file, M.isFolder());
      if (!st.isFile()) throw new FileError(file, M.notRegular());
    }
    const dir = path.dirname(path.resolve(file));
    try {
      if (!fs.statSync(dir).isDirectory()) throw new FileError(file, M.folderMissing());
      fs.accessSync(dir, fs.constants.W_OK);
    } catch (e) {
      if (e instanceof FileError) throw e;
      throw (e as NodeJS.ErrnoException).code === "ENOENT"
        ? new FileError(file, M.folderMissing())
        : fileError(file, e);
    }
  }
}

/** Writes `file` through a temporary file in its folder, renamed into place only when complete. */
export async function writeAtomically(
  file: string,
  write: (tmp: string) => Promise<void> | void,
): Promise<void> {
  const tmp = path.join(
    path.dirname(path.resolve(file)),
    `.${path.basename(file).slice(0, 100)}.${process.pid}.tmp`,
  );
  try {
    await write(tmp);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw fileError(file, e);
  }
}

/** A file name as one printable line: control characters (a newline in a name) escaped. */
export function printable(file: string): string {
  // eslint-disable-next-line no-control-regex
  return file.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
