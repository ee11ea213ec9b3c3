/**
 * Recalculate .xlsx files in LibreOffice headless: the "formula truth" layer of the tests.
 * A throw-away profile sets OOXMLRecalcMode=0 so that every formula is recalculated on load.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const PROFILE_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function sofficeAvailable(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

/** Recalculate the given .xlsx files in one soffice run; returns the paths of the recalculated copies. */
export function recalculate(files: string[]): string[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "piao-lo-"));
  const profile = path.join(work, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE_XCU);
  const out = path.join(work, "out");
  fs.mkdirSync(out);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      out,
      ...files,
    ],
    { stdio: "pipe", timeout: 300000 },
  );
  return files.map((f) => {
    const p = path.join(out, path.basename(f));
    if (!fs.existsSync(p)) throw new Error(`LibreOffice did not convert ${f}`);
    return p;
  });
}

export type CellResult = string | number | boolean | null;

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d)))
    .replace(/&amp;/g, "&");

const textOf = (xml: string) =>
  [...xml.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join("");

/**
 * The cached values of every cell, read straight from the sheet XML (exceljs drops a cached formula
 * result of 0 when reading, which would hide exactly the values these tests compare).
 */
export async function readCachedValues(file: string): Promise<Map<string, Map<string, CellResult>>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const read = async (p: string): Promise<string> => (zip.file(p) ? await zip.file(p).async("string") : "");
  const shared = [...(await read("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    textOf(m[1]),
  );
  const rels = new Map(
    [
      ...(await read("xl/_rels/workbook.xml.rels")).matchAll(
        /<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g,
      ),
    ].map((m) => [m[1], m[2].replace(/^\/?xl\//, "")]),
  );
  const out = new Map<string, Map<string, CellResult>>();
  for (const m of (await read("xl/workbook.xml")).matchAll(
    /<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g,
  )) {
    const xml = await read("xl/" + rels.get(m[2]));
    const cells = new Map<string, CellResult>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const t = /\bt="([^"]+)"/.exec(c[2])?.[1] ?? "n";
      const body = c[3] ?? "";
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let val: CellResult = null;
      if (t === "s" && v !== undefined) val = shared[Number(v)];
      else if (t === "inlineStr") val = textOf(body);
      else if (t === "str" || t === "e") val = v === undefined ? "" : unescapeXml(v);
      else if (t === "b") val = v === "1";
      else if (v !== undefined) val = Number(v);
      cells.set(c[1], val);
    }
    out.set(unescapeXml(m[1]), cells);
  }
  return out;
}
