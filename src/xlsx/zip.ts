/**
 * The zip container of an .xlsx (ECMA-376 part 2, OPC physical package = PKWARE zip). Reading keeps every
 * entry's compressed bytes as they are, so that a part the conversion does not change is written back
 * byte for byte without being inflated; a part that is read is inflated by node:zlib with a cap on its
 * output, which stops zip bombs however their headers lie. No ZIP64 output: the caps keep packages far
 * below 4 GB.
 */
import * as zlib from "zlib";
import type { Text } from "../engine/core/i18n";
import { PACKAGE_MESSAGES as M } from "./errors";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  size: number;
  /** The entry's data exactly as stored in the file. */
  raw: Buffer;
}

/** A zip the reader cannot use, and why (in both languages, for the CLI's message). */
export class ZipError extends Error {
  constructor(readonly reason: Text) {
    super(reason.en);
  }
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** 1980-01-01, the earliest MS-DOS date: written parts carry no time stamp of the run. */
const DOS_DATE = (1 << 5) | 1;

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipError(M.zipNoIndex());
}

/** ZIP64 extra field values that replace the 0xFFFFFFFF placeholders, in the order of the spec. */
function zip64Extra(extra: Buffer, wanted: ("size" | "csize" | "offset")[]): Partial<Record<string, number>> {
  const out: Partial<Record<string, number>> = {};
  let i = 0;
  while (i + 4 <= extra.length) {
    const id = extra.readUInt16LE(i);
    const len = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let p = i + 4;
      for (const w of wanted) {
        if (p + 8 > i + 4 + len) break;
        out[w] = Number(extra.readBigUInt64LE(p));
        p += 8;
      }
    }
    i += 4 + len;
  }
  return out;
}

/** Every entry of the archive (directories left out), from its central directory. */
export function readZip(buf: Buffer, maxEntries: number): ZipEntry[] {
  const eocd = findEocd(buf);
  let count = buf.readUInt16LE(eocd + 10);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (eocd >= 20 && buf.readUInt32LE(eocd - 20) === EOCD64_LOCATOR) {
    const at = Number(buf.readBigUInt64LE(eocd - 12));
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== EOCD64) throw new ZipError(M.zipDamaged());
    count = Number(buf.readBigUInt64LE(at + 32));
    cdOffset = Number(buf.readBigUInt64LE(at + 48));
  }
  if (count > maxEntries) throw new ZipError(M.zipTooManyParts(count, maxEntries));
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError(M.zipDamaged());
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let csize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let offset = buf.readUInt32LE(p + 42);
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? nameBytes.toString("utf8") : nameBytes.toString("latin1");
    const wanted: ("size" | "csize" | "offset")[] = [];
    if (size === 0xffffffff) wanted.push("size");
    if (csize === 0xffffffff) wanted.push("csize");
    if (offset === 0xffffffff) wanted.push("offset");
    if (wanted.length > 0) {
      const z = zip64Extra(buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), wanted);
      size = z.size ?? size;
      csize = z.csize ?? csize;
      offset = z.offset ?? offset;
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 0x1) throw new ZipError(M.zipEncrypted());
    if (name.endsWith("/")) continue;
    if (offset + 30 > buf.length || buf.readUInt32LE(offset) !== LOCAL)
      throw new ZipError(M.zipPartDamaged(name));
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    if (start + csize > buf.length) throw new ZipError(M.zipPartTruncated(name));
    if (method !== 0 && method !== 8) throw new ZipError(M.zipMethod(method, name));
    entries.push({ name, method, crc, size, raw: buf.subarray(start, start + csize) });
  }
  return entries;
}

/**
 * The uncompressed bytes of an entry, at most `cap` bytes: a larger entry (whatever its header says) is
 * refused with `tooLarge(name)` before more than `cap` bytes are produced.
 */
export function inflateEntry(e: ZipEntry, cap: number, tooLarge: (name: string) => Error): Buffer {
  if (e.size > cap) throw tooLarge(e.name);
  if (e.method === 0) {
    if (e.raw.length > cap) throw tooLarge(e.name);
    return e.raw;
  }
  try {
    return zlib.inflateRawSync(e.raw, { maxOutputLength: cap });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(e.name);
    throw new ZipError(M.zipDataDamaged(e.name));
  }
}

/** A new entry from uncompressed bytes (deflated unless that does not make it smaller). */
export function newEntry(name: string, data: Buffer): ZipEntry {
  // Level 1: the generated parts are repetitive XML that compresses well even at the fastest level, and
  // compression was the writer's largest single cost at 10,000 objectives.
  const deflated = zlib.deflateRawSync(data, { level: 1 });
  const stored = deflated.length >= data.length;
  return {
    name,
    method: stored ? 0 : 8,
    crc: zlib.crc32(data),
    size: data.length,
    raw: stored ? data : deflated,
  };
}

/** The archive holding `entries` in order; copied entries keep their compressed bytes. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.raw.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(CENTRAL, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x800, 8);
    cd.writeUInt16LE(e.method, 10);
    cd.writeUInt16LE(0, 12);
    cd.writeUInt16LE(DOS_DATE, 14);
    cd.writeUInt32LE(e.crc, 16);
    cd.writeUInt32LE(e.raw.length, 20);
    cd.writeUInt32LE(e.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, e.raw);
    central.push(cd, name);
    offset += 30 + name.length + e.raw.length;
  }
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
