/**
 * V8's code cache for the CLI's own modules (lib/): the bytecode of every function a conversion runs, made
 * once at build time (`build-code-cache.ts`) and read at start-up, so that `piao convert` does not parse and
 * compile its modules again on every run. Node 22 does this by itself (`module.enableCompileCache`); Node 20,
 * which the project supports, does not.
 *
 * A module's cache is named after the SHA-256 of its source: a rebuilt module never meets another's bytecode
 * (V8's own check compares only the source's length). A cache V8 rejects (another Node version, other flags)
 * costs nothing but the normal compilation. Modules outside lib/ load as usual.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import Module from "module";
import * as path from "path";
import * as vm from "vm";

const LIB = path.join(__dirname, "..");
const CACHE_DIR = path.join(LIB, ".code-cache");

/** The parts of Node's module loader this hook takes over (stable since Node 0.x, not in the typings). */
interface LoaderModule extends NodeModule {
  _compile(content: string, filename: string): unknown;
}
const loader = Module as unknown as {
  prototype: LoaderModule;
  wrap(code: string): string;
  _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: object): string;
};

/** `require` for a module compiled here, as Node gives it to the modules it compiles. */
function requireFor(mod: LoaderModule): NodeJS.Require {
  const req = ((id: string) => mod.require(id)) as NodeJS.Require;
  req.resolve = ((request: string, options?: { paths?: string[] }) =>
    loader._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  req.main = require.main;
  req.cache = require.cache;
  req.extensions = require.extensions;
  return req;
}

export interface CodeCache {
  /** Writes the cache of every module compiled so far (`record` only); returns how many. */
  write(): number;
}

/** Compiles lib/'s modules with their cached bytecode from now on; `record` keeps them for `write`. */
export function useCodeCache(opts: { record?: boolean } = {}): CodeCache {
  const compiled: { file: string; script: vm.Script }[] = [];
  const original = loader.prototype._compile;
  loader.prototype._compile = function (this: LoaderModule, content: string, filename: string) {
    if (!filename.startsWith(LIB + path.sep)) return original.call(this, content, filename);
    const file = path.join(CACHE_DIR, `${createHash("sha256").update(content).digest("hex")}.bin`);
    let cachedData: Buffer | undefined;
    if (!opts.record && fs.existsSync(file)) cachedData = fs.readFileSync(file);
    const script = new vm.Script(loader.wrap(content), { filename, cachedData });
    if (opts.record) compiled.push({ file, script });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  return {
    write() {
      fs.rmSync(CACHE_DIR, { recursive: true, force: true });
      fs.mkdirSync(CACHE_DIR, { recursive: true });
      for (const { file, script } of compiled) fs.writeFileSync(file, script.createCachedData());
      return compiled.length;
    },
  };
}
