/**
 * The CLI's code cache (src/cli/code-cache.ts), as `npm run build:cli` leaves it in lib/: one cache per
 * module, named after its source, that this Node's V8 accepts; and the command run through it writes the
 * same bytes as the modules compiled without it.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { tmpDir } from "./helpers/workbooks";

const ROOT = path.join(__dirname, "..");
const LIB = path.join(ROOT, "lib");
const CACHE = path.join(LIB, ".code-cache");
const EXAMPLE = path.join(ROOT, "examples", "piao-massa-carrara-2023-2025.xlsx");

const cacheOf = (file: string) =>
  path.join(CACHE, `${createHash("sha256").update(fs.readFileSync(file, "utf8")).digest("hex")}.bin`);

test("every module of lib/ a conversion loads after the hook has its cache, named after its source", () => {
  const list = path.join(tmpDir(), "loaded.json");
  const script = [
    `require(${JSON.stringify(path.join(LIB, "cli", "code-cache.js"))}).useCodeCache();`,
    `require(${JSON.stringify(path.join(LIB, "cli", "main.js"))})`,
    `  .main(["convert", ${JSON.stringify(EXAMPLE)}, "-o", ${JSON.stringify(list.replace(/json$/, "xlsx"))}])`,
    `  .then(() => require("fs").writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));`,
  ].join("\n");
  expect(spawnSync(process.execPath, ["-e", script]).status).toBe(0);
  const loaded = (JSON.parse(fs.readFileSync(list, "utf8")) as string[]).filter(
    (f) => f.startsWith(LIB + path.sep) && !f.endsWith(path.join("cli", "code-cache.js")),
  );
  expect(loaded.length).toBeGreaterThan(60);
  expect(loaded.filter((f) => !fs.existsSync(cacheOf(f))).map((f) => path.relative(LIB, f))).toEqual([]);
});

test("V8 accepts the cache of a module on this Node", () => {
  const file = path.join(LIB, "engine", "convert.js");
  const script = [
    `const vm = require("vm"), fs = require("fs"), Module = require("module");`,
    `const s = new vm.Script(Module.wrap(fs.readFileSync(${JSON.stringify(file)}, "utf8")),`,
    `  { filename: ${JSON.stringify(file)}, cachedData: fs.readFileSync(${JSON.stringify(cacheOf(file))}) });`,
    `process.stdout.write(String(s.cachedDataRejected));`,
  ].join("\n");
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.stdout).toBe("false");
});

test("`piao convert` through the cache writes the bytes the modules compiled without it write", () => {
  const dir = tmpDir();
  const cached = path.join(dir, "cached.xlsx");
  const plain = path.join(dir, "plain.xlsx");
  const viaBin = spawnSync(process.execPath, [
    path.join(ROOT, "bin", "piao.js"),
    "convert",
    EXAMPLE,
    "-o",
    cached,
  ]);
  const main = JSON.stringify(path.join(LIB, "cli", "main.js"));
  const args = JSON.stringify(["convert", EXAMPLE, "-o", plain]);
  const viaRequire = spawnSync(process.execPath, [
    "-e",
    `require(${main}).main(${args}).then((c) => { process.exitCode = c; })`,
  ]);
  expect([viaBin.status, viaRequire.status]).toEqual([0, 0]);
  expect(viaBin.stdout.toString()).toBe(viaRequire.stdout.toString().replace(plain, cached));
  expect(fs.readFileSync(cached).equals(fs.readFileSync(plain))).toBe(true);
});
