/**
 * Which tab the converted workbook opens on (issue 15), through the CLI's writer. Excel writes
 * `<sheetView tabSelected="1">` on the tab that was active when a workbook was saved, and opens every tab so
 * marked as selected together with the workbook's `activeTab`: two of them open grouped, and what is typed
 * into one is typed into all (ClosedXML issue 1383, exceljs issue 162; the shared validator warns
 * "sheets have tabSelected=1 (Excel opens them grouped)"). `activeTab` alone does not clear a user sheet's
 * mark, and user sheet parts are copied byte for byte (issue 13), so:
 * - no user sheet selected (files from exceljs, openpyxl and the like): the output opens on PIAO Riepilogo;
 * - a user sheet selected (any file Excel saved): the output keeps the user's active tab, and no generated
 *   sheet is marked selected, so nothing opens grouped. The Office.js path activates PIAO Riepilogo itself.
 */
import JSZip from "jszip";
import * as fs from "fs";
import * as path from "path";
import { convertFile } from "../src/app/convert-file";
import { tmpDir } from "./helpers/workbooks";
import { validatorAvailable, WrittenWorkbooks } from "./helpers/validate";
import { spawnSync } from "child_process";

const written = new WrittenWorkbooks();
const EXAMPLE = path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");
const TOOL = path.join(__dirname, "..", "..", "shared", "tools", "ooxml-validate", "run");

interface Output {
  parts: Map<string, Buffer>;
  workbook: string;
  /** Sheet names in tab order with their part. */
  sheets: { name: string; part: string }[];
}

async function read(file: string): Promise<Output> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) parts.set(name, await f.async("nodebuffer"));
  const workbook = parts.get("xl/workbook.xml")!.toString("utf8");
  const rels = parts.get("xl/_rels/workbook.xml.rels")!.toString("utf8");
  const target = (id: string) =>
    "xl/" +
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`)
      .exec(rels)!
      .slice(1)
      .find(Boolean);
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: /name="([^"]*)"/.exec(m[0])![1],
    part: target(/r:id="([^"]*)"/.exec(m[0])![1]),
  }));
  return { parts, workbook, sheets };
}

const activeTab = (o: Output) => Number(/<workbookView\b[^>]*activeTab="(\d+)"/.exec(o.workbook)?.[1] ?? 0);
const selected = (o: Output) =>
  o.sheets.filter((s) =>
    /<sheetView\b[^>]*tabSelected="(1|true)"/.test(o.parts.get(s.part)!.toString("utf8")),
  );

/** The example as Excel would save it with `Settore 1` (third tab) active and selected. */
async function savedOnSettore1(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(EXAMPLE));
  const sheet = await zip.file("xl/worksheets/sheet3.xml")!.async("string");
  zip.file(
    "xl/worksheets/sheet3.xml",
    sheet.replace(
      /(<dimension\b[^>]*\/>)/,
      '$1<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>',
    ),
  );
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  zip.file(
    "xl/workbook.xml",
    wb.replace("<sheets>", '<bookViews><workbookView activeTab="2"/></bookViews><sheets>'),
  );
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

let plain: Output;
let selectedInput: Output;
let selectedOutput: Output;
let selectedOutFile: string;

beforeAll(async () => {
  const dir = tmpDir("piao-active-");
  const out1 = written.file(path.join(dir, "plain-piao.xlsx"));
  await convertFile(EXAMPLE, out1);
  plain = await read(out1);
  const input = path.join(dir, "selected.xlsx");
  await savedOnSettore1(input);
  selectedInput = await read(input);
  selectedOutFile = written.file(path.join(dir, "selected-piao.xlsx"));
  await convertFile(input, selectedOutFile);
  selectedOutput = await read(selectedOutFile);
}, 120000);

test("no user sheet selected: the output opens on PIAO Riepilogo, the only selected tab", () => {
  expect(plain.sheets[activeTab(plain)].name).toBe("PIAO Riepilogo");
  expect(selected(plain).map((s) => s.name)).toEqual(["PIAO Riepilogo"]);
});

test("a user sheet selected in the input: its part is byte-identical and still the only selected tab, and it stays active", () => {
  expect(selected(selectedInput).map((s) => s.name)).toEqual(["Settore 1"]);
  const part = selectedInput.sheets.find((s) => s.name === "Settore 1")!.part;
  expect(selectedOutput.parts.get(part)!.equals(selectedInput.parts.get(part)!)).toBe(true);
  // Not grouped: one selected tab, and the active tab is that one.
  expect(selected(selectedOutput).map((s) => s.name)).toEqual(["Settore 1"]);
  expect(selectedOutput.sheets[activeTab(selectedOutput)].name).toBe("Settore 1");
});

(validatorAvailable() ? test : test.skip)(
  "the validator's grouped-tabs warning is absent on both outputs",
  () => {
    const r = spawnSync(TOOL, [selectedOutFile], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(r.stdout).toMatch(/SUMMARY .*0 ERROR/);
    expect(r.stdout).not.toMatch(/tabSelected=1/);
  },
);

written.test(2);
