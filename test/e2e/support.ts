/** Build, serve and seed for the task pane's end-to-end test (Node side). */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import ExcelJS from "exceljs";
import webpack from "webpack";
import { snapshotWorkbook } from "../helpers/xlsx";
import type { FakeSheetSeed } from "../fakes/fake-excel";

export const ROOT = path.join(__dirname, "..", "..");
export const OUT = path.join(ROOT, "test-output", "e2e");
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

type ConfigFactory = (
  env: Record<string, unknown>,
  argv: { mode: "production" | "development" },
) => Promise<webpack.Configuration>;

/**
 * Builds the task pane exactly as `npm run build` does (production, the project's webpack.config.js)
 * into `OUT/dist`, and the fake Office host into `OUT/host/fake-office-host.js`, in one parallel run.
 */
export async function buildBundles(): Promise<{ dist: string; hostScript: string }> {
  const dist = path.join(OUT, "dist");
  const hostDir = path.join(OUT, "host");
  const makeConfig = module.require(path.join(ROOT, "webpack.config.js")) as ConfigFactory;
  const pane = await makeConfig({}, { mode: "production" });
  pane.output = { ...pane.output, path: dist };
  pane.infrastructureLogging = { level: "error" };
  const host: webpack.Configuration = {
    mode: "development",
    devtool: false, // the pane's CSP forbids eval, which development source maps use
    context: ROOT,
    entry: { "fake-office-host": "./test/e2e/fake-office-host.ts" },
    output: { path: hostDir, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext" } },
          },
        },
      ],
    },
  };
  await new Promise<void>((resolve, reject) => {
    webpack([pane, host], (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
  return { dist, hostScript: path.join(hostDir, "fake-office-host.js") };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** A static server for `dir` on 127.0.0.1 (random port). */
export async function serve(dir: string): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The example workbook's sheets as the fake Excel's seed (read with exceljs, like the CLI). */
export async function exampleSeeds(file: string): Promise<FakeSheetSeed[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return snapshotWorkbook(wb);
}

/** `'Settore 1'!D22` → { sheet: "Settore 1", address: "D22" }. */
export function parseLocation(location: string): { sheet: string; address: string } {
  const bang = location.lastIndexOf("!");
  const rawSheet = location.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  return { sheet, address: location.slice(bang + 1) };
}
