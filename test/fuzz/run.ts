/**
 * Runs the `piao convert` command (in process, same code path as the binary) on generated malformed
 * workbooks and checks what a user must be able to rely on: no unhandled error (exit 0 with findings, or
 * exit 2 with one clear line naming the file), the user's sheets read back identical (every sheet of the input
 * is the user's, whatever its name: one called like a generated sheet too), and no generated objective lost
 * silently: each is in the generated `PIAO Obiettivi` (its source link) or has a finding at its row.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { SHEETS } from "../../src/engine/core/contract";
import { snapshotWorkbook } from "../helpers/xlsx";
import { fuzzWorkbook, type Malformation } from "./generator";

export interface FuzzReport {
  total: number;
  converted: number;
  rejected: number;
  failures: string[];
  malformations: Partial<Record<Malformation, number>>;
  /** The outputs left on disk (the first `keep` converted), for the validator; the others are removed. */
  kept: string[];
}

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string | Uint8Array) => (
    (stdout += String(s)),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => (
    (stderr += String(s)),
    true
  )) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** `Sheet!row` (0-based row) of every objective's source, from the link cells of the generated objectives sheet. */
function linkedRows(ws: ExcelJS.Worksheet): Set<string> {
  const out = new Set<string>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      // The link cell shows its target, e.g. `'Settore 1'!A12`.
      const at = /^(?:'((?:[^']|'')*)'|([^!']*))!\$?[A-Z]+\$?(\d+)$/.exec(cell.text);
      if (at) out.add(`${(at[1] ?? at[2]).replace(/''/g, "'")}!${Number(at[3]) - 1}`);
    }),
  );
  return out;
}

/** The workbook, and what the adapter reads of the user's sheets (`user`: the input's sheet names). */
async function userSheets(file: string, user: Set<string>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { wb, snaps: await snapshotWorkbook(wb, (n) => !user.has(n)) };
}

const COLLISIONS: Malformation[] = ["sheetNameCollision", "tableNameCollision", "definedNameCollision"];

/** `PIAO Obiettivi`, or `PIAO Obiettivi (2)`… when the user has a sheet of that name. */
const OBJECTIVES_SHEET = new RegExp(`^${SHEETS.objectives}( \\(\\d+\\))?$`);

export async function runFuzz(first: number, count: number, dir: string, keep = 0): Promise<FuzzReport> {
  const report: FuzzReport = {
    total: 0,
    converted: 0,
    rejected: 0,
    failures: [],
    malformations: {},
    kept: [],
  };
  for (let seed = first; seed < first + count; seed++) {
    const c = fuzzWorkbook(seed);
    for (const m of c.applied) report.malformations[m] = (report.malformations[m] ?? 0) + 1;
    const input = path.join(dir, `fuzz-${seed}.xlsx`);
    const output = path.join(dir, `fuzz-${seed}-out.xlsx`);
    const reportFile = path.join(dir, `fuzz-${seed}.json`);
    await c.workbook.xlsx.writeFile(input);
    if (seed % 25 === 0) {
      // Some files arrive damaged (a truncated download or attachment): they must be refused cleanly.
      const bytes = fs.readFileSync(input);
      fs.writeFileSync(input, bytes.subarray(0, Math.floor(bytes.length * ((seed % 7) + 1) * 0.1)));
    }
    report.total++;
    const fail = (why: string) => report.failures.push(`seed ${seed} (${c.applied.join(", ")}): ${why}`);
    let r: Awaited<ReturnType<typeof runCli>>;
    try {
      r = await runCli(["convert", input, "-o", output, "--report", reportFile]);
    } catch (e) {
      fail(`unhandled error: ${(e as Error).stack ?? e}`);
      continue;
    }
    if (r.code === 2) {
      report.rejected++;
      const lines = r.stderr.trim().split("\n");
      if (lines.length !== 1 || !lines[0].includes(input)) fail(`exit 2 without one clear line: ${r.stderr}`);
    } else if (r.code !== 0) {
      fail(`exit ${r.code}: ${r.stderr.trim()}`);
    } else {
      report.converted++;
      try {
        const user = new Set(c.workbook.worksheets.map((w) => w.name));
        const before = await userSheets(input, user);
        const after = await userSheets(output, user);
        if (before.snaps.length !== user.size) fail("the input's sheets not all read");
        if (JSON.stringify(before.snaps) !== JSON.stringify(after.snaps)) fail("the user's sheets changed");
        const ours = after.wb.worksheets.find((w) => !user.has(w.name) && OBJECTIVES_SHEET.test(w.name));
        if (!ours) fail("no generated PIAO Obiettivi sheet in the output");
        const report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as {
          findings: { sheet?: string; row?: number }[];
        };
        const seen = ours ? linkedRows(ours) : new Set<string>();
        for (const f of report.findings) if (f.sheet !== undefined) seen.add(`${f.sheet}!${f.row}`);
        const lost = c.objectives.filter((o) => !seen.has(`${o.sheet}!${o.row}`));
        if (lost.length > 0)
          fail(`objectives lost silently: ${lost.map((o) => `${o.sheet}!${o.row + 1}`).join(", ")}`);
        if (c.applied.some((m) => COLLISIONS.includes(m))) {
          // Names like ours: converting the output again finds our sheets by their markers, keeps the user's.
          const again = path.join(dir, `fuzz-${seed}-again.xlsx`);
          const r2 = await runCli(["convert", output, "-o", again]);
          if (r2.code !== 0) fail(`re-run: exit ${r2.code}: ${r2.stderr.trim()}`);
          else {
            const third = await userSheets(again, user);
            if (JSON.stringify(third.snaps) !== JSON.stringify(before.snaps))
              fail("re-run: the user's sheets changed");
            const names = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => w.name).sort();
            if (JSON.stringify(names(third.wb)) !== JSON.stringify(names(after.wb)))
              fail(`re-run: sheets ${names(after.wb).join(", ")} became ${names(third.wb).join(", ")}`);
          }
          fs.rmSync(again, { force: true });
        }
      } catch (e) {
        fail(`output not readable: ${(e as Error).message}`);
      }
    }
    fs.rmSync(input, { force: true });
    if (r.code === 0 && report.kept.length < keep) report.kept.push(output);
    else fs.rmSync(output, { force: true });
    fs.rmSync(reportFile, { force: true });
  }
  return report;
}
