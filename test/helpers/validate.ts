/** The shared OOXML validator (`../shared/tools/ooxml-validate`): ERROR lines of a written workbook. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const TOOL = path.join(__dirname, "..", "..", "..", "shared", "tools", "ooxml-validate", "run");

/** Whether the validator and its Python modules (Debian python3-lxml, python3-openpyxl) are there. */
export function validatorAvailable(): boolean {
  return fs.existsSync(TOOL) && spawnSync("/usr/bin/python3", ["-c", "import lxml, openpyxl"]).status === 0;
}

/** The validator's ERROR lines for each file (empty when the files are clean). */
export function validationErrors(files: string[]): string[] {
  const r = spawnSync(TOOL, files, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const errors = r.stdout.split("\n").filter((l) => l.startsWith("ERROR"));
  if (r.status !== 0 && errors.length === 0) throw new Error(`ooxml-validate failed:\n${r.stderr}`);
  return errors;
}
