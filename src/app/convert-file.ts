/** The CLI's use cases on files: read the package, run the engine, apply the plan, save. */
import * as path from "path";
import { check, type CheckResult } from "../engine/check";
import { convert, type ConversionResult } from "../engine/convert";
import type { Lang } from "../engine/core/i18n";
import { applyPlanToWorkbook } from "../xlsx/apply";
import { loadWorkbook, saveWorkbook } from "../xlsx/file";
import { snapshotWorkbook } from "../xlsx/read";

export type Progress = (step: string) => void;

export async function convertFile(
  input: string,
  output: string,
  opts: { lang?: Lang; progress?: Progress } = {},
): Promise<ConversionResult> {
  const progress = opts.progress ?? (() => undefined);
  progress("lettura");
  const wb = await loadWorkbook(input);
  progress("analisi");
  const snapshots = snapshotWorkbook(wb);
  const result = convert(snapshots, { lang: opts.lang, sourceName: path.basename(input) });
  progress("scrittura");
  await applyPlanToWorkbook(wb, result.plan);
  await saveWorkbook(wb, output, result.plan);
  return result;
}

export async function checkFile(input: string): Promise<CheckResult> {
  const wb = await loadWorkbook(input);
  return check(snapshotWorkbook(wb));
}

/** `<input>-piao.xlsx` beside the input. */
export function defaultOutput(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.xlsx$/i, "");
  return path.join(dir, `${base}-piao.xlsx`);
}
