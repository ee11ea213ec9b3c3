/**
 * Build examples/piao-massa-carrara-2023-2025.xlsx from the text of the real PIAO 2023-2025 of the
 * Provincia di Massa-Carrara (extracted from the PDF; tables come out as tab-separated rows).
 *
 * The workbook is what someone would have pasted from the PDF into Excel: the strategic objectives of
 * section 2.1, one sheet per unit with the objective "cards" of section 2.2, the summary table and the
 * staff-spending figures of section 3.3. Everything is parsed from the text, nothing is typed in here.
 * The parse (scripts/example/parse-*.ts) is independent of the engine: it is the oracle of
 * test/example-detection.test.ts.
 *
 * Usage: npm run example -- [reference.txt] [output.xlsx]
 *   (compiles scripts/ with tsconfig.scripts.json, then runs node build/scripts/build-example.js)
 *   reference defaults to $PIAO_REFERENCE, then ../shared/reference/piao-provincia-massa-carrara-2023-2025.txt
 *   (relative to the repository root); output defaults to examples/piao-massa-carrara-2023-2025.xlsx.
 *
 * Real noise kept on purpose (the add-in has to cope with it):
 *   - types written 0 and 1 (stored as numbers) where the source has them, codes written as in the source
 *     ("A 1. 4", "A 1.4", "A. 1.4", "A 1.8"), the header variants ("Ind/Org/ UO", "Ind/Org/Un. Org.", ...),
 *     the context labels each unit uses ("Riferimento al DUP: Missione/Programma" vs "Miss./Programma");
 *   - multi-line cells where the text continues a cell on a later line (actions, one indicator);
 *   - HTML remnants (<p>, <ul>) inside long texts, as in the source;
 *   - on the Staff sheet the context labels sit in column C (as in the source, after the logo cells);
 *     on the Settore sheets every card starts in column B;
 *   - WEIGHTS AS TEXT: counting the cards 1..95 in sheet order (Staff, Settore 1, Settore 2, Settore 3),
 *     the weight of every 7th card (7, 14, 21, ..., 91) is written as a string; the odd-numbered of those
 *     (7th, 21st, 35th, ...) as the bare digits ("3"), the even-numbered (14th, 28th, ...) with a trailing
 *     space ("10 "). All other weights are numbers. With the reference text this gives 13 text weights:
 *     Staff A.1.5 "2", A.1.18 "2 "; Settore 1 A.1.5 "2", A.1.10 "3 "; Settore 2 C.1 "6", A.1.6 "2 ", C.6 "5",
 *     C.13 "3 "; Settore 3 A.1.1 "3", A.1.7 "2 ", B.7 "3", B.14 "5 ", D.3.2 "2".
 *
 * Deterministic: fixed workbook dates and fixed zip entry dates, so every run writes the same bytes.
 */
import * as fs from "fs";
import * as path from "path";
import { repackWithFixedDates } from "./example/fixed-zip";
import { parseReference } from "./example/parse-reference";
import { report } from "./example/report";
import { FIXED_DATE, buildWorkbook } from "./example/write-workbook";
import { repoRoot } from "./repo-root";

export { parseReference, type ParsedReference } from "./example/parse-reference";
export { parseCards, type Card, type CardObjective, type Unit } from "./example/parse-cards";
export { parseStrategic } from "./example/parse-strategic";
export { parseSummary } from "./example/parse-summary";
export { parseSpending } from "./example/parse-spending";
export { weightNumber } from "./example/weights";

const ROOT = repoRoot();
const REFERENCE_NAME = "piao-provincia-massa-carrara-2023-2025.txt";
const DEFAULT_REFERENCE = path.resolve(ROOT, "..", "shared", "reference", REFERENCE_NAME);
const DEFAULT_OUTPUT = path.join(ROOT, "examples", "piao-massa-carrara-2023-2025.xlsx");

async function main(): Promise<void> {
  const reference = process.argv[2] || process.env.PIAO_REFERENCE || DEFAULT_REFERENCE;
  const outFile = path.resolve(process.argv[3] || DEFAULT_OUTPUT);
  if (!fs.existsSync(reference)) {
    console.error(
      `Reference text not found: ${reference}\nPass its path as the first argument or set PIAO_REFERENCE.`,
    );
    process.exit(1);
  }
  const parsed = parseReference(fs.readFileSync(reference, "utf8"));
  const { wb, textWeights } = buildWorkbook(parsed);
  const buffer = await repackWithFixedDates(await wb.xlsx.writeBuffer(), FIXED_DATE);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, buffer);
  console.log(report(parsed, textWeights, `Wrote ${path.relative(ROOT, outFile)} (${buffer.length} bytes)`));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
