/**
 * The CLI's bundle and code cache, as `npm run build:cli` leaves them in lib/: `bin/piao.js` loads one module of
 * lib/ besides the hook, the bundle (scripts/webpack.cli.js), whose cache is named after its source and accepted
 * by this Node's V8; and the command run through them writes the same bytes as the modules tsc compiled, loaded
 * one by one without the cache.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { tmpDir } from "./helpers/workbooks";

const ROOT = path.join(__dirname, "..");
const LIB = path.join(ROOT, "lib");
const CACHE = path.join(LIB, ".code-cache");
const BUNDLE = path.join(LIB, "cli", "bundle.js");
const EXAMPLE = path.join(ROOT, "examples", "piao-massa-carrara-2023-2025.xlsx");

const cacheOf = (file: string) =>
  path.join(CACHE, `${createHash("sha256").update(fs.readFileSync(file, "utf8")).digest("hex")}.bin`);

test("a conversion through bin/piao.js loads lib/'s bundle alone, and the bundle has its cache", () => {
  const list = path.join(tmpDir(), "loaded.json");
  // bin/piao.js, with the list of loaded modules written when the command ends.
  const script = [
    `process.argv.splice(1, 0, ${JSON.stringify(path.join(ROOT, "bin", "piao.js"))});`,
    `process.argv.push("convert", ${JSON.stringify(EXAMPLE)}, "-o", ${JSON.stringify(list.replace(/json$/, "xlsx"))});`,
    `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));`,
    `require(process.argv[1]);`,
  ].join("\n");
  const r = spawnSync(process.execPath, ["-e", script]);
  expect(r.status).toBe(0);
  const loaded = (JSON.parse(fs.readFileSync(list, "utf8")) as string[]).filter(
    (f) => f.startsWith(LIB + path.sep) && !f.endsWith(path.join("cli", "code-cache.js")),
  );
  expect(loaded).toEqual([BUNDLE]);
  expect(fs.existsSync(cacheOf(BUNDLE))).toBe(true);
});

test("V8 accepts the bundle's cache on this Node", () => {
  const file = BUNDLE;
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

test("`piao convert` through the bundle and its cache writes the bytes of the modules loaded one by one", () => {
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
