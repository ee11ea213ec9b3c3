/**
 * Packages written by hand, part by part, for the reader's tests: a workbook of two sheets (`Dati`, from
 * `sheet`, and an empty hidden one), shared strings (rich text and phonetic runs unless `sst` is given) and
 * styles (General, a date and a percentage), in the namespaces `ns` with the prefix `p` (none: default
 * namespace).
 */
import JSZip from "jszip";

export const T = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
export const S = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  r: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};
export const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

export async function handWritten(
  ns: { main: string; r: string },
  p: string,
  sheet: string,
  opts: { date1904?: boolean; sst?: string } = {},
): Promise<Buffer> {
  const q = p ? p + ":" : "";
  const x = p ? `xmlns:${p}` : "xmlns";
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
  );
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="a" Type="${ns.r}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<${q}workbook ${x}="${ns.main}" xmlns:rel="${ns.r}">${opts.date1904 ? `<${q}workbookPr date1904="1"/>` : ""}` +
      `<${q}sheets><${q}sheet name="Dati" sheetId="1" rel:id="s1"/><${q}sheet name="Nascosto" sheetId="2" state="hidden" rel:id="s2"/></${q}sheets></${q}workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="s1" Type="${ns.r}/worksheet" Target="worksheets/a.xml"/>` +
      `<Relationship Id="s2" Type="${ns.r}/worksheet" Target="worksheets/b.xml"/>` +
      `<Relationship Id="ss" Type="${ns.r}/sharedStrings" Target="strings.xml"/><Relationship Id="st" Type="${ns.r}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    "xl/strings.xml",
    opts.sst ??
      `<${q}sst ${x}="${ns.main}"><${q}si><${q}t>Uno</${q}t></${q}si>` +
        `<${q}si><${q}r><${q}t>Ric</${q}t></${q}r><${q}r><${q}rPr><${q}b/></${q}rPr><${q}t xml:space="preserve">co testo</${q}t></${q}r>` +
        `<${q}rPh sb="0" eb="1"><${q}t>ふりがな</${q}t></${q}rPh></${q}si>` +
        `<${q}si><${q}t>riga_x000D_\nnuova</${q}t></${q}si></${q}sst>`,
  );
  zip.file(
    "xl/styles.xml",
    `<${q}styleSheet ${x}="${ns.main}"><${q}numFmts count="1"><${q}numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></${q}numFmts>` +
      `<${q}cellXfs count="3"><${q}xf numFmtId="0"/><${q}xf numFmtId="164"/><${q}xf numFmtId="9"/></${q}cellXfs></${q}styleSheet>`,
  );
  zip.file(
    "xl/worksheets/a.xml",
    sheet.replace(/<(\/?)(\w+)/g, `<$1${q}$2`).replace(`<${q}worksheet`, `<${q}worksheet ${x}="${ns.main}"`),
  );
  zip.file("xl/worksheets/b.xml", `<worksheet xmlns="${ns.main}"><sheetData/></worksheet>`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
