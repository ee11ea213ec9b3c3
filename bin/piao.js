#!/usr/bin/env node
// Entry point of the `piao` command. `npm ci` (prepare) compiles the TypeScript sources to lib/, bundles the CLI
// into lib/cli/bundle.js (scripts/webpack.cli.js) and makes its code cache (lib/cli/code-cache.js).
require("../lib/cli/code-cache.js").useCodeCache();
require("../lib/cli/bundle.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
