/** The shared OOXML validator (`../shared/tools/ooxml-validate`): ERROR lines of a written workbook. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
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

/**
 * The workbooks a test file writes, kept as its tests run and validated all at once (one validator run) by a
 * test of their own, declared after the others: zero ERROR lines.
 */
export class WrittenWorkbooks {
  private readonly files: string[] = [];
  private dir: string | undefined;

  /** Keep the workbook at `file`; returns `file`. */
  file(file: string): string {
    this.files.push(file);
    return file;
  }

  /** Keep a workbook written to memory (saved to a temporary file); returns `bytes`. */
  bytes<T extends Uint8Array>(bytes: T): T {
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), "piao-validate-"));
    const file = path.join(this.dir, `${this.files.length + 1}.xlsx`);
    fs.writeFileSync(file, bytes);
    this.files.push(file);
    return bytes;
  }

  /**
   * Declare the test. `atLeast` workbooks must have been kept (fewer when some writing tests are skipped on
   * this machine). Skipped, with a warning, when the validator is missing.
   */
  test(atLeast = 1): void {
    const available = validatorAvailable();
    if (!available)
      console.warn("ooxml-validate or python3-lxml/openpyxl missing: written workbooks not validated");
    (available ? test : test.skip)(
      "the validator reports no error on the workbooks written",
      () => {
        expect(this.files.length).toBeGreaterThanOrEqual(atLeast);
        expect(validationErrors(this.files)).toEqual([]);
      },
      240000,
    );
  }
}
