/**
 * Renders every generated sheet of the converted example through LibreOffice to PNG, for looking at what
 * people see: `npm run render` converts examples/…xlsx with the CLI, has LibreOffice recalculate it and
 * export it to PDF with one page per sheet (SinglePageSheets), then `pdftoppm` (poppler-utils) turns each
 * page of a `PIAO …` sheet into build/render/NN-<sheet>.png. Needs `soffice` and `pdftoppm`.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { repoRoot } from "./repo-root";

const EXAMPLE = "examples/piao-massa-carrara-2023-2025.xlsx";
const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;
const PDF_FILTER = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}';

/** Sheet names in workbook order (the PDF has one page per sheet, in that order). */
async function sheetNames(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const unescape = (s: string) =>
    s
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => unescape(m[1]));
}

async function main(): Promise<void> {
  const root = repoRoot();
  const out = path.join(root, "build", "render");
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, "profile", "user"), { recursive: true });
  fs.writeFileSync(path.join(out, "profile", "user", "registrymodifications.xcu"), RECALC_PROFILE);
  const xlsx = path.join(out, "example-piao.xlsx");
  execFileSync("node", [path.join(root, "bin", "piao.js"), "convert", path.join(root, EXAMPLE), "-o", xlsx], {
    stdio: "inherit",
  });
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${path.join(out, "profile")}`, "--headless", "--norestore"].concat([
      "--convert-to",
      PDF_FILTER,
      "--outdir",
      out,
      xlsx,
    ]),
    { stdio: "pipe", timeout: 300000 },
  );
  execFileSync("pdftoppm", ["-r", "60", "-png", path.join(out, "example-piao.pdf"), path.join(out, "page")]);
  const pages = fs
    .readdirSync(out)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort();
  const names = await sheetNames(xlsx);
  if (pages.length !== names.length)
    throw new Error(`render: ${pages.length} pages for ${names.length} sheets`);
  names.forEach((name, i) => {
    const page = path.join(out, pages[i]);
    if (!name.startsWith("PIAO ")) return fs.rmSync(page);
    const target = path.join(out, `${String(i + 1).padStart(2, "0")}-${name.replace(/[^\w.-]+/g, "-")}.png`);
    fs.renameSync(page, target);
    console.log(path.relative(root, target));
  });
  fs.rmSync(path.join(out, "profile"), { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
