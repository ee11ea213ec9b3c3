/**
 * An .xlsx/.xlsm as an OPC package (ECMA-376 part 2): its parts, content types and relationships, and the
 * workbook's sheet list. Transitional and strict (ISO/IEC 29500 strict) namespaces are both understood;
 * prefixes do not matter (the XML is read namespace-aware). Parts are inflated on demand, under caps.
 */
import { InputError, PACKAGE_MESSAGES as M } from "./errors";
import { isTrue } from "./xml";
import { attr, nsAttr, parseXml, XmlError, type Attrs } from "./xml-reader";
import { inflateEntry, readZip, ZipError, type ZipEntry } from "./zip";

/** Caps against hostile files (zip bombs, enormous sheets). */
export interface Limits {
  /** Uncompressed bytes of all the parts read, together. */
  totalBytes: number;
  /** Uncompressed bytes of one part. */
  partBytes: number;
  /** Cells with a value or formula in one sheet. */
  cellsPerSheet: number;
  entries: number;
}

export const DEFAULT_LIMITS: Limits = {
  totalBytes: 1024 * 1024 * 1024,
  partBytes: 512 * 1024 * 1024,
  cellsPerSheet: 5_000_000,
  entries: 100_000,
};

const TRANSITIONAL = "http://schemas.openxmlformats.org/";
const STRICT = "http://purl.oclc.org/ooxml/";

export const NS = {
  main: [
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
  ],
  rel: [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
  ],
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

/** The reader hands over one URI object per declaration: the last one matched compares as a pointer. */
let mainUri: string = NS.main[0];

/** Whether `uri` is the SpreadsheetML main namespace, transitional or strict. */
export const isMain = (uri: string) =>
  uri === mainUri || ((uri === NS.main[0] || uri === NS.main[1]) && Boolean((mainUri = uri)));

/** The relationship and namespace URIs of the flavour a package is written in. */
export interface Flavour {
  strict: boolean;
  main: string;
  rel: string;
  /** Relationship type URI of `kind` (`worksheet`, `table`, …). */
  relType(kind: string): string;
}

export function flavour(strict: boolean): Flavour {
  const i = strict ? 1 : 0;
  const base = strict
    ? `${STRICT}officeDocument/relationships/`
    : `${TRANSITIONAL}officeDocument/2006/relationships/`;
  return { strict, main: NS.main[i], rel: NS.rel[i], relType: (kind) => base + kind };
}

/** `worksheet` for any flavour's worksheet relationship type; the full URI for others. */
export function relKind(type: string): string {
  for (const base of [
    `${TRANSITIONAL}officeDocument/2006/relationships/`,
    `${STRICT}officeDocument/relationships/`,
  ])
    if (type.startsWith(base)) return type.slice(base.length);
  return type;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  sheetId: string;
  relId: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Part name (no leading slash); undefined when the relationship is missing. */
  part?: string;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `xlMacrosheet`, … */
  kind: string;
}

export interface WorkbookInfo {
  part: string;
  flavour: Flavour;
  date1904: boolean;
  sheets: SheetEntry[];
}

/** `xl/worksheets` + `../drawings/drawing1.xml` → `xl/drawings/drawing1.xml`; absolute targets start at the root. */
export function resolveTarget(fromDir: string, target: string): string {
  const parts = target.startsWith("/") ? [] : fromDir.split("/").filter(Boolean);
  for (const seg of decodeURI(target.split("#")[0]).split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

export const dirOf = (part: string) => part.slice(0, Math.max(0, part.lastIndexOf("/")));

export const relsPathOf = (part: string) => {
  const dir = dirOf(part);
  return `${dir ? dir + "/" : ""}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
};

/** Relative target from one part to another, e.g. `../charts/chart1.xml`. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = dirOf(fromPart).split("/").filter(Boolean);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array(from.length - i).fill(".."), ...to.slice(i)].join("/");
}

export class Package {
  /** Entries in archive order. */
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readBytes = 0;
  private readonly relsCache = new Map<string, Relationship[]>();
  /**
   * Worksheet parts (lower case) read by `readSnapshots`, with whether their view selects their tab
   * (`<sheetView tabSelected="1">`): the writer needs it and need not inflate those parts a second time.
   */
  readonly tabSelected = new Map<string, boolean>();

  constructor(
    readonly file: string,
    bytes: Buffer,
    readonly limits: Limits = DEFAULT_LIMITS,
  ) {
    try {
      this.entries = readZip(bytes, limits.entries);
    } catch (e) {
      if (e instanceof ZipError) throw new InputError(file, M.damaged(e.reason));
      throw e;
    }
    for (const e of this.entries) this.byName.set(e.name.toLowerCase(), e);
  }

  /** The entry of a part (OPC part names are case-insensitive). */
  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.toLowerCase());
  }

  has(part: string): boolean {
    return this.byName.has(part.toLowerCase());
  }

  /** The part's bytes, counted against the caps; undefined when there is no such part. */
  read(part: string): Buffer | undefined {
    const e = this.entry(part);
    if (!e) return undefined;
    const tooLarge = (name: string) =>
      new InputError(this.file, M.partTooLarge(name, mb(this.limits.partBytes)));
    const data = (() => {
      try {
        return inflateEntry(e, this.limits.partBytes, tooLarge);
      } catch (err) {
        if (err instanceof ZipError) throw new InputError(this.file, M.damaged(err.reason));
        throw err;
      }
    })();
    this.readBytes += data.length;
    if (this.readBytes > this.limits.totalBytes)
      throw new InputError(this.file, M.totalTooLarge(mb(this.limits.totalBytes)));
    return data;
  }

  /** Parse a part with SAX; a part that is not XML is reported with the file and part name. */
  parse(part: string, h: Parameters<typeof parseXml>[2]): boolean {
    const data = this.read(part);
    if (data === undefined) return false;
    this.parseData(part, data, h);
    return true;
  }

  /** Parse a part's bytes already read; a part that is not XML is reported with the file and part name. */
  parseData(part: string, data: Buffer, h: Parameters<typeof parseXml>[2]): void {
    try {
      parseXml(data, part, h);
    } catch (e) {
      if (e instanceof XmlError) throw new InputError(this.file, M.invalidXml(part, e.detail));
      throw e;
    }
  }

  /** Relationships of a part (`""` for the package's own). */
  rels(part: string): Relationship[] {
    const path = relsPathOf(part);
    let list = this.relsCache.get(path);
    if (list) return list;
    list = [];
    const out = list;
    this.parse(path, {
      open(uri, local, a) {
        if (uri !== NS.pkgRel || local !== "Relationship") return;
        out.push({
          id: attr(a, "Id") ?? "",
          type: attr(a, "Type") ?? "",
          target: attr(a, "Target") ?? "",
          external: attr(a, "TargetMode") === "External",
        });
      },
    });
    this.relsCache.set(path, list);
    return list;
  }

  /** Internal targets of a part's relationships, as part names. */
  targets(part: string): { rel: Relationship; part: string }[] {
    return this.rels(part)
      .filter((r) => !r.external)
      .map((rel) => ({ rel, part: resolveTarget(dirOf(part), rel.target) }));
  }

  /** The workbook part and its sheets, in tab order. */
  workbook(): WorkbookInfo {
    const office = this.rels("").find((r) => relKind(r.type) === "officeDocument");
    const part = office ? resolveTarget("", office.target) : "xl/workbook.xml";
    const rels = new Map(this.targets(part).map((t) => [t.rel.id, t]));
    const sheets: SheetEntry[] = [];
    let date1904 = false;
    let strict: boolean | undefined;
    const found = this.parse(part, {
      open(uri, local, a: Attrs) {
        const i = (NS.main as readonly string[]).indexOf(uri);
        if (i < 0) return;
        if (local === "workbook") strict = i === 1 || attr(a, "conformance") === "strict";
        else if (local === "workbookPr") date1904 = isTrue(attr(a, "date1904"));
        else if (local === "sheet") {
          const relId = nsAttr(a, NS.rel, "id") ?? "";
          const t = rels.get(relId);
          const state = attr(a, "state");
          sheets.push({
            name: attr(a, "name") ?? "",
            sheetId: attr(a, "sheetId") ?? "",
            relId,
            state: state === "hidden" || state === "veryHidden" ? state : "visible",
            part: t?.part,
            kind: t ? relKind(t.rel.type) : "worksheet",
          });
        }
      },
    });
    if (!found || strict === undefined) throw new InputError(this.file, M.noWorkbook());
    return { part, flavour: flavour(strict), date1904, sheets };
  }
}

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
