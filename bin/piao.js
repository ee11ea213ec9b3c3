#!/usr/bin/env node
// Entry point of the `piao` command; the TypeScript sources are compiled to lib/ by `npm ci` (prepare),
// with the code cache of its modules (lib/cli/code-cache.js).
require("../lib/cli/code-cache.js").useCodeCache();
require("../lib/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
