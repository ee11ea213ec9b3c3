/**
 * `npm run bench [-- --json]`: conversion speed on generated workbooks of 100, 1,000 and 10,000 objective
 * cards. The engine's time (detection, normalisation, checks, plan) is reported as a ratio to the baseline
 * measured in the same run on the same file: reading and writing the workbook with exceljs alone.
 * For cards and for one flat table of the same objectives, the whole `piao convert` runs as a separate
 * process (`convertMs`, wall time, and `peakRssMb`, its maximum resident set from `/usr/bin/time`), beside
 * openpyxl's plain load+save of the same file (`openpyxlMs`), the baseline a user would reach for: each
 * `ROUNDS` times, the two taking turns, and the median of each kept (one run of either can be 10–20% off on a
 * shared machine).
 * The Office.js path is measured too, against the Excel fake (scripts/bench-office.ts): read and write
 * syncs, largest and total request payload, and a naive one-sync-per-row baseline.
 * With --json the last line is a JSON array, one object per size.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { convert } from "../src/engine/convert";
import { loadPackage } from "../src/xlsx/file";
import { readSnapshots } from "../src/xlsx/read";
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

/** The same objectives as one flat table on one sheet (a unit column instead of one sheet per unit). */
export function benchFlatWorkbook(n: number): ExcelJS.Workbook {
  const rows: TestCell[][] = [["Unità", "Codice", "Obiettivo", "Tipo", "Peso", "Indicatore"]];
  for (let u = 0; u < UNITS; u++) {
    const count = Math.floor(n / UNITS) + (u < n % UNITS ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const weight = i < count - 1 ? Math.floor(100 / count) : 100 - Math.floor(100 / count) * (count - 1);
      rows.push([
        `Settore ${u + 1}`,
        `A ${u + 1}.${i + 1}`,
        `Obiettivo ${i + 1} del settore ${u + 1}: descrizione di media lunghezza come nei piani reali`,
        i % 2 === 0 ? "Individuale" : "Organizzativa",
        weight,
        "Indicatore",
      ]);
    }
  }
  return buildWorkbook([{ name: "Obiettivi", rows }]);
}

export interface ProcessBench {
  /** Wall time of `node bin/piao.js convert IN -o OUT`, process start included: the median of `ROUNDS` runs. */
  convertMs: number;
  /** Wall time of `python3 -c "import openpyxl; openpyxl.load_workbook(IN).save(OUT)"`, the same way. */
  openpyxlMs: number | null;
  /** Peak resident set of the `piao convert` process, the largest of the runs. */
  peakRssMb: number;
}

/** Runs of each process per file, taking turns. */
const ROUNDS = 5;

function timed(cmd: string, args: string[]): { ms: number; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  return { ms, stderr: r.stderr };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The CLI on `file` in its own process, and openpyxl on the same file (null without python3-openpyxl). */
function processBench(file: string, dir: string): ProcessBench {
  const cli = path.join(__dirname, "..", "..", "..", "bin", "piao.js");
  const out = path.join(dir, "cli-out.xlsx");
  const script = "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])";
  const openpyxl = spawnSync("/usr/bin/python3", ["-c", "import openpyxl"]).status === 0;
  const cliMs: number[] = [];
  const peaks: number[] = [];
  const pyMs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const run = timed("/usr/bin/time", [
      "-f",
      "PEAK_KB=%M",
      process.execPath,
      cli,
      "convert",
      file,
      "-o",
      out,
    ]);
    const peak = /PEAK_KB=(\d+)/.exec(run.stderr);
    if (!peak) throw new Error(`/usr/bin/time gave no peak memory:\n${run.stderr}`);
    cliMs.push(run.ms);
    peaks.push(Number(peak[1]));
    if (openpyxl) pyMs.push(timed("/usr/bin/python3", ["-c", script, file, path.join(dir, "py.xlsx")]).ms);
  }
  return {
    convertMs: Math.round(median(cliMs)),
    openpyxlMs: openpyxl ? Math.round(median(pyMs)) : null,
    peakRssMb: Math.round(Math.max(...peaks) / 1024),
  };
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
    cards: ProcessBench;
    flat: ProcessBench;
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
    const snapshots = readSnapshots(loadPackage(file));
    let result = convert(snapshots);
    if (result.objectives.length !== n)
      throw new Error(`expected ${n} objectives, found ${result.objectives.length}`);
    const engineMs = await best(runs, () => (result = convert(snapshots)));
    // The whole CLI conversion in its own process, on cards and on a flat table of the same objectives.
    const cards = processBench(file, dir);
    const flatFile = path.join(dir, `bench-flat-${n}.xlsx`);
    await benchFlatWorkbook(n).xlsx.writeFile(flatFile);
    const flat = processBench(flatFile, dir);
    const office = await officeBench(snapshots, result.plan);
    const row = {
      objectives: n,
      engineMs: Math.round(engineMs * 10) / 10,
      ioBaselineMs: Math.round(ioBaselineMs * 10) / 10,
      ratio: Math.round((engineMs / ioBaselineMs) * 1000) / 1000,
      cards,
      flat,
      ...office,
    };
    results.push(row);
    if (!json) {
      console.log(
        `${String(n).padStart(6)} objectives: engine ${row.engineMs} ms, exceljs read+write ${row.ioBaselineMs} ms, ` +
          `ratio ${row.ratio}; µs per objective ${((engineMs * 1000) / n).toFixed(1)}`,
      );
      const line = (label: string, p: ProcessBench) =>
        `${" ".repeat(20)}${label}: piao convert ${p.convertMs} ms, ${p.peakRssMb} MB peak; ` +
        `openpyxl load+save ${p.openpyxlMs ?? "n/a"} ms`;
      console.log(line("cards", cards));
      console.log(line("flat table", flat));
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
