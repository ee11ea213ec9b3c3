/**
 * The last step of `npm run build:cli` (and of `npm ci`): converts the bundled example once, in this process,
 * through the CLI's bundle (lib/cli/bundle.js, the one module `bin/piao.js` loads) with its compilation
 * recorded, then writes its code cache to lib/.code-cache (code-cache.ts).
 * A cache made after a conversion holds the bytecode of the functions a conversion runs, not only of the
 * modules' top levels.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { useCodeCache } from "./code-cache";

async function build(): Promise<void> {
  const cache = useCodeCache({ record: true });
  // Loaded only now, so that its compilation goes through the hook; made by webpack after tsc.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require("./bundle") as typeof import("./main");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "piao-code-cache-"));
  const example = path.join(__dirname, "..", "..", "examples", "piao-massa-carrara-2023-2025.xlsx");
  const write = process.stdout.write;
  process.stdout.write = () => true;
  let code: number;
  try {
    code = await main(["convert", example, "-o", path.join(dir, "example-piao.xlsx")]);
  } finally {
    process.stdout.write = write;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (code !== 0) throw new Error(`converting the example for the code cache ended with exit ${code}`);
  console.log(`code cache: ${cache.write()} module(s)`);
}

build().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
