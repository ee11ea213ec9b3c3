/**
 * `npm run bench [-- --json]`: conversion speed on generated workbooks of 100, 1,000 and 10,000 objective
 * cards. The engine's time (detection, normalisation, checks, plan) is reported as a ratio to the baseline
 * measured in the same run on the same file: reading and writing the workbook with exceljs alone.
 * The Office.js path is measured too, against the Excel fake (scripts/bench-office.ts): read and write
 * syncs, largest and total request payload, and a naive one-sync-per-row baseline.
 * With --json the last line is a JSON array, one object per size.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { convert } from "../src/engine/convert";
import { applyPlanToWorkbook } from "../src/xlsx/apply";
import { snapshotWorkbook } from "../src/xlsx/read";
import { buildWorkbook, card, type TestCell } from "../test/helpers/workbooks";
import { type OfficeBenchResult, officeBench, officeBenchLine } from "./bench-office";

const SIZES = [100, 1000, 10000];
const UNITS = 4;

/** N cards spread over 4 unit sheets; each unit's weights sum to 100. */
export function benchWorkbook(n: number): ExcelJS.Workbook {
  const sheets = Array.from({ length: UNITS }, (_, u) => {
    const count = Math.floor(n / UNITS) + (u < n % UNITS ? 1 : 0);
    const rows: TestCell[][] = [[`Settore: Settore ${u + 1}`], []];
    for (let i = 0; i < count; i++) {
      const weight = i < count - 1 ? Math.floor(100 / count) : 100 - Math.floor(100 / count) * (count - 1);
      rows.push(
        ...card({
          code: `A ${u + 1}. ${i + 1}`,
          name: `Obiettivo ${i + 1} del settore ${u + 1}: descrizione di media lunghezza come nei piani reali`,
          type: i % 3 === 0 ? 1 : i % 3 === 1 ? 0 : "UO",
          weight: i % 5 === 0 ? String(weight) : weight,
          actions: { 2023: `Azione ${i} 2023`, 2024: "", 2025: "-----" },
        }),
      );
    }
    return { name: `Settore ${u + 1}`, rows };
  });
  return buildWorkbook(sheets);
}

const time = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
};

/** Best of `runs` timings, to keep one-off pauses (GC, disk) out of the ratio. */
async function best(runs: number, f: () => Promise<unknown> | unknown): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < runs; i++) min = Math.min(min, (await time(f))[1]);
  return min;
}

async function main() {
  const json = process.argv.includes("--json");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "piao-bench-"));
  const results: ({
    objectives: number;
    engineMs: number;
    ioBaselineMs: number;
    ratio: number;
    convertMs: number;
  } & OfficeBenchResult)[] = [];
  for (const n of SIZES) {
    const file = path.join(dir, `bench-${n}.xlsx`);
    await benchWorkbook(n).xlsx.writeFile(file);
    const runs = n >= 10000 ? 2 : 3;
    // Baseline: exceljs alone reads and writes the same workbook.
    const ioBaselineMs = await best(runs, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      await wb.xlsx.writeFile(path.join(dir, "io.xlsx"));
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const snapshots = snapshotWorkbook(wb);
    let result = convert(snapshots);
    if (result.objectives.length !== n)
      throw new Error(`expected ${n} objectives, found ${result.objectives.length}`);
    const engineMs = await best(runs, () => (result = convert(snapshots)));
    // The whole CLI pipeline for reference: read, snapshot, engine, apply, write.
    const convertMs = await best(1, async () => {
      const w = new ExcelJS.Workbook();
      await w.xlsx.readFile(file);
      const r = convert(snapshotWorkbook(w));
      await applyPlanToWorkbook(w, r.plan);
      await w.xlsx.writeFile(path.join(dir, "out.xlsx"));
    });
    const office = await officeBench(snapshots, result.plan);
    const row = {
      objectives: n,
      engineMs: Math.round(engineMs * 10) / 10,
      ioBaselineMs: Math.round(ioBaselineMs * 10) / 10,
      ratio: Math.round((engineMs / ioBaselineMs) * 1000) / 1000,
      convertMs: Math.round(convertMs),
      ...office,
    };
    results.push(row);
    if (!json) {
      console.log(
        `${String(n).padStart(6)} objectives: engine ${row.engineMs} ms, exceljs read+write ${row.ioBaselineMs} ms, ` +
          `ratio ${row.ratio}; whole conversion ${row.convertMs} ms; µs per objective ${((engineMs * 1000) / n).toFixed(1)}`,
      );
      console.log(`${" ".repeat(20)}${officeBenchLine(office)}`);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  if (json) console.log(JSON.stringify(results));
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
