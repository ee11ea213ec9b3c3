/**
 * The package reader on hand-written packages: any prefix or default namespace, strict OOXML, shared,
 * rich and inline strings, escaped characters, 1904 dates, cells without references; caps against zip
 * bombs and huge sheets; .xlsm in, .xlsm out with the macros byte-identical.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { convertFile } from "../src/app/convert-file";
import { InputError } from "../src/xlsx/errors";
import { DEFAULT_LIMITS, Package } from "../src/xlsx/package";
import { readSnapshots } from "../src/xlsx/read";
import { validationErrors, validatorAvailable } from "./helpers/validate";
import { handWritten as pack, PKG, S, T } from "./helpers/hand-written";
import { tmpDir } from "./helpers/workbooks";

const SHEET =
  `<worksheet><cols><col min="3" max="3" hidden="1"/></cols><sheetData>` +
  `<row r="2" hidden="1"><c r="B2" t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row>` +
  `<row><c r="B3" s="1"><v>45000</v></c><c t="inlineStr"><is><t>in linea</t></is></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row>` +
  `<row r="4"><c r="B4" s="2"><f>B3/2</f><v>0.5</v></c><c r="C4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>` +
  `</sheetData><mergeCells><mergeCell ref="B5:C5"/></mergeCells></worksheet>`;

const EXPECTED_VALUES = [
  ["Uno", "Ricco testo", "riga\r\nnuova"],
  [45000, "in linea", true, "#N/A"],
  [0.5, "ab"],
];

test.each([
  ["transitional, default namespace", T, ""],
  ["transitional, x: prefix", T, "x"],
  ["strict, default namespace", S, ""],
  ["strict, s: prefix", S, "s"],
])("%s: values, formulas, formats, hidden rows/columns/sheets", async (_, ns, prefix) => {
  const [dati, hidden] = readSnapshots(new Package("t.xlsx", await pack(ns, prefix, SHEET)));
  expect(dati).toMatchObject({ name: "Dati", top: 1, left: 1, values: EXPECTED_VALUES, hidden: false });
  expect(dati.formulas).toEqual(
    [[], [], ["=B3/2", '="a"&"b"']].map((r) => [...r, null, null].slice(0, r.length)),
  );
  expect(dati.numberFormats?.[1][0]).toBe("dd/mm/yyyy");
  expect(dati.numberFormats?.[2][0]).toBe("0%");
  expect(dati.hiddenRows).toEqual([1]);
  expect(dati.hiddenCols).toEqual([2]);
  expect(dati.merges).toEqual(["B5:C5"]);
  expect(hidden).toMatchObject({ name: "Nascosto", values: [], hidden: true });
});

test("1904 dates come out as 1900-system serials; plain numbers do not move", async () => {
  const [dati] = readSnapshots(new Package("t.xlsx", await pack(T, "", SHEET, { date1904: true })));
  expect(dati.values[1][0]).toBe(45000 + 1462);
  expect(dati.values[2][0]).toBe(0.5);
});

test("a zip bomb is stopped at the cap with a clear message", async () => {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("xl/workbook.xml", Buffer.alloc(64 * 1024 * 1024, 0x20));
  zip.file("_rels/.rels", `<Relationships xmlns="${PKG}"/>`);
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  expect(bytes.length).toBeLessThan(1024 * 1024);
  const pkg = new Package("bomba.xlsx", bytes, { ...DEFAULT_LIMITS, partBytes: 8 * 1024 * 1024 });
  expect(() => readSnapshots(pkg)).toThrow(InputError);
  expect(() => readSnapshots(pkg)).toThrow(
    expect.objectContaining({
      text: expect.objectContaining({
        it: expect.stringMatching(/xl\/workbook\.xml supera il limite di 8 MB.*zip bomb/),
      }),
    }),
  );
});

test("a sheet over the cell cap is refused, naming the sheet", async () => {
  const pkg = new Package("grande.xlsx", await pack(T, "", SHEET), { ...DEFAULT_LIMITS, cellsPerSheet: 5 });
  expect(() => readSnapshots(pkg)).toThrow(
    expect.objectContaining({
      text: expect.objectContaining({ it: expect.stringMatching(/"Dati" ha più di 5 celle/) }),
    }),
  );
});

describe(".xlsm", () => {
  const dir = tmpDir("piao-xlsm-");
  const vba = Buffer.from("finto progetto VBA \u0000\u0001\u0002", "binary");
  let input: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Dati").getCell("A1").value = "x";
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types
        .replace("spreadsheetml.sheet.main+xml", "PLACEHOLDER")
        .replace(
          /application\/vnd\.openxmlformats-officedocument\.PLACEHOLDER/,
          "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )
        .replace(
          "</Types>",
          '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
        ),
    );
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
      ),
    );
    zip.file("xl/vbaProject.bin", vba);
    input = path.join(dir, "macro.xlsm");
    fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  });

  test("converts to .xlsm with the VBA project byte-identical", async () => {
    const out = path.join(dir, "out.xlsm");
    await convertFile(input, out);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect((await zip.file("xl/vbaProject.bin")!.async("nodebuffer")).equals(vba)).toBe(true);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("macroEnabled.main+xml");
  });

  (validatorAvailable() ? test : test.skip)(
    "the validator's one error on the .xlsm output is its input's: the rule knows only the .xlsx type",
    () => {
      // ooxml-validate expects sheet.main+xml for every officeDocument; an .xlsm has macroEnabled.main+xml.
      const rule = new RegExp(
        String.raw`^ERROR \[package\] _rels/\.rels \| rId1 \| target xl/workbook\.xml has content type ` +
          String.raw`application/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml, expected `,
      );
      const errors = validationErrors([input, path.join(dir, "out.xlsm")]);
      expect(errors).toEqual([expect.stringMatching(rule), expect.stringMatching(rule)]);
    },
  );

  test("an .xlsx output name is refused with a clear message", async () => {
    await expect(convertFile(input, path.join(dir, "out.xlsx"))).rejects.toThrow(
      expect.objectContaining({
        text: expect.objectContaining({ it: expect.stringMatching(/contiene macro.*\.xlsm/) }),
      }),
    );
  });
});
