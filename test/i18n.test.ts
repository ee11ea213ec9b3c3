/** One message mechanism: every catalogue is complete in Italian and English, and every finding code is known. */
import { FINDING_CODES } from "../src/engine/core/findings";
import { MESSAGES } from "../src/engine/core/messages";
import { en } from "../src/engine/core/i18n/en";
import { it } from "../src/engine/core/i18n/it";
import { en as excelEn } from "../src/excel/i18n/en";
import { it as excelIt } from "../src/excel/i18n/it";
import { en as paneEn } from "../src/taskpane/i18n/en";
import { it as paneIt } from "../src/taskpane/i18n/it";
import { en as fileEn } from "../src/app/i18n/en";
import { it as fileIt } from "../src/app/i18n/it";
import { en as packageEn } from "../src/xlsx/i18n/en";
import { it as packageIt } from "../src/xlsx/i18n/it";

const keys = (o: object) => Object.keys(o).sort();

test.each([
  ["engine", it, en],
  ["task pane", paneIt, paneEn],
  ["Office.js adapter", excelIt, excelEn],
  ["CLI files", fileIt, fileEn],
  [".xlsx adapter", packageIt, packageEn],
])("the %s catalogue has the same message ids in Italian and English", (_, a, b) => {
  expect(keys(b)).toEqual(keys(a));
  expect(keys(a).length).toBeGreaterThan(10);
});

test("each engine message gives a non-empty text in both languages for sample arguments", () => {
  const sample = (n: number) => Array.from({ length: n }, () => ["1"]);
  for (const id of keys(it) as (keyof typeof it)[]) {
    const args = sample(it[id].length) as never[];
    const itText = (it[id] as (...a: never[]) => string)(...args);
    const enText = (en[id] as (...a: never[]) => string)(...args);
    expect(itText.trim()).not.toBe("");
    expect(enText.trim()).not.toBe("");
  }
});

test("finding codes are unique", () => {
  expect(new Set(FINDING_CODES).size).toBe(FINDING_CODES.length);
});

test("user text quoted in a message is clipped to 200 characters, so a message always fits a cell", () => {
  const huge = "x".repeat(32767);
  const m = MESSAGES.weightNotNumber(huge);
  expect(m.it.length).toBeLessThan(260);
  expect(m.en).toContain("x".repeat(199) + "…");
  expect(MESSAGES.weightNotNumber("breve").it).toBe('Peso "breve" non numerico.');
});
