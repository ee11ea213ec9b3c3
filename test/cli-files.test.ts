/**
 * Nothing the user has is lost through the CLI's file handling (issue "Nothing the user has is ever lost"):
 * outputs never land on the input or on each other, whatever links lead there; only regular files of
 * sensible size are read; every I/O problem is exit 2 with one line naming the right file; a file is
 * written only when complete.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { writeAtomically } from "../src/app/files";
import { tmpDir } from "./helpers/workbooks";
import { WrittenWorkbooks } from "./helpers/validate";

const written = new WrittenWorkbooks();

const ROOT = path.join(__dirname, "..");
const EXAMPLE = path.join(ROOT, "examples", "piao-massa-carrara-2023-2025.xlsx");

function piao(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "piao.js"), ...args], {
    encoding: "utf8",
    timeout: 60000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const hash = (f: string) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

/** A fresh copy of the example in its own folder. */
function copy(): { dir: string; input: string; before: string } {
  const dir = tmpDir();
  const input = path.join(dir, "in.xlsx");
  fs.copyFileSync(EXAMPLE, input);
  return { dir, input, before: hash(input) };
}

function expectOneLine(r: ReturnType<typeof piao>, pattern: RegExp) {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe("outputs never land on the input", () => {
  test("--report naming the input is refused before anything is written", () => {
    const { dir, input, before } = copy();
    const out = path.join(dir, "out.xlsx");
    expectOneLine(
      piao("convert", input, "-o", out, "--report", input),
      /in\.xlsx: il rapporto sovrascriverebbe/,
    );
    expect(hash(input)).toBe(before);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("-o through a symbolic link or a hard link to the input is refused", () => {
    const { dir, input, before } = copy();
    fs.symlinkSync(input, path.join(dir, "sym.xlsx"));
    fs.linkSync(input, path.join(dir, "hard.xlsx"));
    for (const name of ["sym.xlsx", "hard.xlsx"])
      expectOneLine(piao("convert", input, "-o", path.join(dir, name)), /il file di uscita sovrascriverebbe/);
    expect(hash(input)).toBe(before);
  });

  test("--report equal to -o is refused: no JSON where the workbook should be", () => {
    const { dir, input } = copy();
    const out = path.join(dir, "out.xlsx");
    expectOneLine(piao("convert", input, "-o", out, "--report", out), /stesso file/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a report that cannot be written stops the run before the workbook is written", () => {
    const { dir, input } = copy();
    const out = path.join(dir, "out.xlsx");
    expectOneLine(
      piao("convert", input, "-o", out, "--report", path.join(dir, "nodir", "r.json")),
      /nodir\/r\.json: la cartella non esiste/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("only regular files are read, every I/O problem is exit 2 naming the right file", () => {
  test("a FIFO as input is refused at once instead of blocking", () => {
    const { dir } = copy();
    const fifo = path.join(dir, "pipe.xlsx");
    spawnSync("mkfifo", [fifo]);
    expectOneLine(piao("convert", fifo), /pipe\.xlsx: non è un file normale/);
  });

  test("/dev/zero as input is refused instead of being read forever", () => {
    expectOneLine(
      piao("convert", "/dev/zero", "-o", path.join(tmpDir(), "o.xlsx")),
      /\/dev\/zero: non è un file normale/,
    );
  });

  test("-o /dev/full is refused and the device stays a device", () => {
    const { input } = copy();
    expectOneLine(piao("convert", input, "-o", "/dev/full"), /\/dev\/full: non è un file normale/);
    expect(fs.statSync("/dev/full").isCharacterDevice()).toBe(true);
  });

  test("an output name too long for the file system names the output, not the input", () => {
    const { dir, input } = copy();
    const long = path.join(dir, `${"n".repeat(300)}.xlsx`);
    const r = piao("convert", input, "-o", long);
    expectOneLine(r, /nome del file troppo lungo/);
    expect(r.stderr).toContain("n".repeat(300));
    expect(r.stderr.startsWith(`piao: ${input}`)).toBe(false);
  });

  test("a file name with a newline stays on one line", () => {
    const { dir } = copy();
    expectOneLine(piao("convert", path.join(dir, "a\nb.xlsx")), /a\\x0ab\.xlsx: file non trovato/);
  });
});

describe("names starting with a dash", () => {
  test("after -- a file named -o.xlsx is the input; --output=-x.xlsx names the output", () => {
    const { dir, input } = copy();
    fs.renameSync(input, path.join(dir, "-o.xlsx"));
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin", "piao.js"), "convert", "--output=-x.xlsx", "--", "-o.xlsx"],
      {
        encoding: "utf8",
        cwd: dir,
      },
    );
    expect(r.status).toBe(0);
    expect(fs.existsSync(written.file(path.join(dir, "-x.xlsx")))).toBe(true);
  });
});

test("a write that fails half-way leaves the previous output intact and no temporary file", async () => {
  const dir = tmpDir();
  const target = path.join(dir, "out.xlsx");
  fs.writeFileSync(target, "previous");
  await expect(
    writeAtomically(target, (tmp) => {
      fs.writeFileSync(tmp, "half");
      throw Object.assign(new Error("disk full"), { code: "ENOSPC" });
    }),
  ).rejects.toThrow("no space left");
  expect(fs.readFileSync(target, "utf8")).toBe("previous");
  expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
});

written.test(1);
