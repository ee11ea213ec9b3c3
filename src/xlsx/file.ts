/** Opening and saving workbook files, with a clear message for every way a file can be unusable. */
import * as fs from "fs";
import { InputError, PACKAGE_MESSAGES as M } from "./errors";
import { DEFAULT_LIMITS, Package, type Limits } from "./package";

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function loadPackage(file: string, limits: Limits = DEFAULT_LIMITS): Package {
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new InputError(file, M.isFolder());
    buf = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(file, M.notFound());
    if (code === "EACCES") throw new InputError(file, M.readDenied());
    throw new InputError(file, M.cannotRead());
  }
  if (buf.length === 0) throw new InputError(file, M.empty());
  if (buf.subarray(0, 8).equals(OLE)) {
    // An OLE container is either an encrypted .xlsx or an old binary .xls.
    throw new InputError(file, M.encryptedOrXls());
  }
  if (!buf.subarray(0, 4).equals(ZIP)) {
    throw new InputError(file, M.notXlsx());
  }
  return new Package(file, buf, limits);
}
