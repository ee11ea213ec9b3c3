#!/usr/bin/env node
// Entry point of the `piao` command; the TypeScript sources are compiled to lib/ by `npm ci` (prepare).
require("../lib/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
