/**
 * Bad input, fuzzed: 200 seeded malformed workbooks through `piao convert` on every `npm test` run;
 * `npm run fuzz` runs 5,000 (FUZZ_COUNT), starting after the seeds `npm test` uses (FUZZ_FIRST).
 */
import { MALFORMATIONS } from "./fuzz/generator";
import { runFuzz } from "./fuzz/run";
import { WrittenWorkbooks } from "./helpers/validate";
import { tmpDir } from "./helpers/workbooks";

const COUNT = Number(process.env.FUZZ_COUNT ?? 200);
const FIRST = Number(process.env.FUZZ_FIRST ?? 1);
/** Converted outputs kept for the validator: the first 50 (all 192 of an `npm test` run take four times as long). */
const KEEP = 50;
const written = new WrittenWorkbooks();

test(
  `${COUNT} malformed workbooks convert without an unhandled error and leave the user's sheets identical`,
  async () => {
    const report = await runFuzz(FIRST, COUNT, tmpDir("piao-fuzz-"), KEEP);
    report.kept.forEach((f) => written.file(f));
    process.stdout.write(
      `fuzz: ${report.total} workbooks, ${report.converted} converted, ${report.rejected} rejected with exit 2; ` +
        `malformations: ${JSON.stringify(report.malformations)}\n`,
    );
    expect(report.failures).toEqual([]);
    expect(report.total).toBe(COUNT);
    // One file in 25 is truncated on purpose: each must be refused with exit 2, never crash.
    expect(report.rejected).toBe(Math.floor((FIRST + COUNT - 1) / 25) - Math.floor((FIRST - 1) / 25));
    // Every kind of malformation was exercised at least once.
    expect(MALFORMATIONS.filter((m) => !report.malformations[m])).toEqual([]);
  },
  Math.max(300000, COUNT * 1000),
);

written.test();
