// @ts-check
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "build/", "coverage/", "test-output/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The engine is pure: no Office, Excel, Node built-ins, DOM, React or adapters.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^(?!\\.{1,2}/)", message: "The engine imports only its own modules (relative paths)." },
            { regex: "^\\.\\./\\.\\.", message: "The engine must not import from outside src/engine." },
            {
              regex: "^\\.\\./(excel|xlsx|taskpane|commands|cli)(/|$)",
              message: "The engine must not import adapters or shells.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "The engine must not use Office.js." },
        { name: "Excel", message: "The engine must not use Office.js." },
        { name: "window", message: "The engine must not use the DOM." },
        { name: "document", message: "The engine must not use the DOM." },
        { name: "process", message: "The engine must not use Node." },
        { name: "require", message: "The engine must not use Node." },
      ],
    },
  },
);
