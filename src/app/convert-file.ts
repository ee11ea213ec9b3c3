/** The CLI's use cases on files: read the package, run the engine, add the plan's parts, save. */
import * as fs from "fs";
import * as path from "path";
import { check, type CheckResult } from "../engine/check";
import { convert, type ConversionResult } from "../engine/convert";
import type { Lang } from "../engine/core/i18n";
import type { SheetSnapshot } from "../engine/core/snapshot";
import { InputError } from "../xlsx/errors";
import { loadPackage } from "../xlsx/file";
import type { Package } from "../xlsx/package";
import { readSnapshots } from "../xlsx/read";
import { readWorkbookNames } from "../xlsx/read-names";
import { isMacroEnabled, writePlan } from "../xlsx/write";
import { checkInput, checkTargets, FILE_MESSAGES, writeAtomically } from "./files";

/** The step being done, for a progress line. */
export type Progress = (step: "read" | "analyse" | "write") => void;

function snapshotsOf(pkg: Package): SheetSnapshot[] {
  const snapshots = readSnapshots(pkg);
  if (snapshots.length === 0) throw new InputError(pkg.file, FILE_MESSAGES.noWorksheets());
  return snapshots;
}

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
  progress("read");
  const pkg = loadPackage(input);
  const macros = isMacroEnabled(pkg, pkg.workbook());
  const wantMacros = /\.xlsm$/i.test(output);
  if (macros !== wantMacros) throw new InputError(output, FILE_MESSAGES.outputExtension(macros));
  progress("analyse");
  const result = convert(snapshotsOf(pkg), {
    lang: opts.lang,
    sourceName: path.basename(input),
    workbook: readWorkbookNames(pkg),
  });
  progress("write");
  const bytes = writePlan(pkg, result.plan);
  await writeAtomically(output, (tmp) => fs.writeFileSync(tmp, bytes));
  const report = opts.report;
  if (report) await writeAtomically(report.file, (tmp) => fs.writeFileSync(tmp, report.json(result)));
  return result;
}

export async function checkFile(input: string): Promise<CheckResult> {
  checkInput(input);
  const pkg = loadPackage(input);
  return check(snapshotsOf(pkg), readWorkbookNames(pkg));
}

/** `<input>-piao.xlsx` (or `.xlsm`) beside the input. */
export function defaultOutput(input: string): string {
  const dir = path.dirname(input);
  const ext = /\.xlsm$/i.test(input) ? ".xlsm" : ".xlsx";
  const base = path.basename(input).replace(/\.xls[xm]$/i, "");
  return path.join(dir, `${base}-piao${ext}`);
}
