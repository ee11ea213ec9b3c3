/** The CLI's use cases on files: read the package, run the engine, apply the plan, save. */
import * as fs from "fs";
import * as path from "path";
import { check, type CheckResult } from "../engine/check";
import { convert, type ConversionResult } from "../engine/convert";
import type { Lang } from "../engine/core/i18n";
import { applyPlanToWorkbook } from "../xlsx/apply";
import { loadWorkbook, saveWorkbook } from "../xlsx/file";
import { snapshotWorkbook } from "../xlsx/read";
import { checkInput, checkTargets, writeAtomically } from "./files";

export type Progress = (step: string) => void;

/**
 * Converts `input` into `output` (and, when asked, writes the JSON `report` built from the result). Every
 * path is checked before anything is written; each file appears only when complete.
 */
export async function convertFile(
  input: string,
  output: string,
  opts: {
    lang?: Lang;
    progress?: Progress;
    report?: { file: string; json: (r: ConversionResult) => string };
  } = {},
): Promise<ConversionResult> {
  const progress = opts.progress ?? (() => undefined);
  checkInput(input);
  checkTargets(input, [
    { file: output, kind: "output" },
    ...(opts.report ? [{ file: opts.report.file, kind: "report" as const }] : []),
  ]);
  progress("lettura");
  const wb = await loadWorkbook(input);
  progress("analisi");
  const snapshots = snapshotWorkbook(wb);
  const result = convert(snapshots, { lang: opts.lang, sourceName: path.basename(input) });
  progress("scrittura");
  await applyPlanToWorkbook(wb, result.plan);
  await writeAtomically(output, (tmp) => saveWorkbook(wb, tmp, result.plan));
  const report = opts.report;
  if (report) await writeAtomically(report.file, (tmp) => fs.writeFileSync(tmp, report.json(result)));
  return result;
}

export async function checkFile(input: string): Promise<CheckResult> {
  checkInput(input);
  const wb = await loadWorkbook(input);
  return check(snapshotWorkbook(wb));
}

/** `<input>-piao.xlsx` beside the input. */
export function defaultOutput(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.xlsx$/i, "");
  return path.join(dir, `${base}-piao.xlsx`);
}
