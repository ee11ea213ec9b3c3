// @ts-check
/**
 * Builds the task pane and the ribbon function file into dist/.
 *
 *   npm run build        production bundle, no certificate needed
 *   npm run dev-server   https://localhost:3000 with office-addin-dev-certs (sideload manifest.xml)
 *
 * Set PIAO_ADDIN_URL=https://host/path/ for a production build to rewrite the manifest's
 * https://localhost:3000/ URLs in dist/manifest.xml to the real host. Without it the copy is unchanged.
 */
const path = require("path");
const { URL } = require("url");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;

/** The hosted base URL for production manifests: https only, ending with a slash. */
function productionBaseUrl() {
  const raw = process.env.PIAO_ADDIN_URL;
  if (!raw) return null;
  const url = new URL(raw);
  if (url.protocol !== "https:") throw new Error(`PIAO_ADDIN_URL must be an https URL, got ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Only `webpack serve` needs a certificate; building never asks for one. */
async function httpsServerOptions() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

/**
 * @param {Record<string, unknown>} env
 * @param {{ mode?: "production" | "development" | "none" }} argv
 * @returns {Promise<import("webpack").Configuration>}
 */
module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = dev ? null : productionBaseUrl();
  // The dev server's live-reload socket is the only connection the pages make.
  const connectSrc = serving ? `'self' wss://localhost:${DEV_PORT}` : "'self'";

  return {
    mode: dev ? "development" : "production",
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval. None in production.
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`; tsconfig.json targets Node (commonjs), the bundle needs ES modules.
              transpileOnly: true,
              compilerOptions: { module: "esnext", sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        connectSrc,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        connectSrc,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (baseUrl ? content.toString().split(DEV_URL).join(baseUrl) : content),
          },
        ],
      }),
    ],
    performance: {
      // React + Fluent UI v9 land around this size minified; warn if the task pane grows past it.
      maxEntrypointSize: 512 * 1024,
      maxAssetSize: 512 * 1024,
    },
    devServer: serving
      ? {
          port: DEV_PORT,
          hot: true,
          static: false,
          server: { type: "https", options: await httpsServerOptions() },
        }
      : undefined,
  };
};
