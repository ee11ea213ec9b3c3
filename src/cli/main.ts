/**
 * `piao convert <input.xlsx> [-o <output.xlsx>] [--report <report.json>] [--lang it|en]`
 * `piao check <workbook.xlsx> [--lang it|en]`
 * `piao --help` / `-h` (exit 0), `piao --version`
 * Exit status: 0 converted / no errors; 1 `check` found errors; 2 unusable arguments or input; 3 an
 * unexpected failure.
 */
import * as fs from "fs";
import * as path from "path";
import type { Lang } from "../engine/core/i18n";
import { InputError } from "../xlsx/errors";
import { checkFile, convertFile, defaultOutput, type Progress } from "../app/convert-file";
import { FileError, printable } from "../app/files";
import { CLI } from "./i18n";
import type { CliCatalogue } from "./i18n/it";
import { formatCheck, formatConversion, reportJson } from "./summary";

/** A usage error: its text in the chosen language. */
class UsageError extends Error {
  constructor(readonly text: (t: CliCatalogue) => string) {
    super(text(CLI.it));
  }
}

interface Args {
  command: "convert" | "check" | "help" | "version";
  input: string;
  output?: string;
  report?: string;
  lang: Lang;
}

/** The language asked for anywhere on the line (so that even a usage error speaks it). */
function langOf(argv: string[]): Lang {
  const i = argv.indexOf("--lang");
  return argv.includes("--lang=en") || (i >= 0 && argv[i + 1] === "en") ? "en" : "it";
}

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  const lang = langOf(argv);
  if (command === "--help" || command === "-h" || command === "help")
    return { command: "help", input: "", lang };
  if (command === "--version") return { command: "version", input: "", lang };
  if (command !== "convert" && command !== "check")
    throw new UsageError((t) => (command ? t.unknownCommand(command) : t.missingCommand()));
  const positional: string[] = [];
  let output: string | undefined;
  let report: string | undefined;
  let options = true;
  for (let i = 0; i < rest.length; i++) {
    const [a, inline] = /^--[a-z]+=/.test(rest[i])
      ? [rest[i].split("=")[0], rest[i].slice(rest[i].indexOf("=") + 1)]
      : [rest[i], undefined];
    // `--output=-x.xlsx` gives a value starting with "-"; after `--` every argument is a file name.
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined || v === "" || (inline === undefined && v.startsWith("-")))
        throw new UsageError((t) => t.missingValue(a));
      return v;
    };
    if (!options || a === "-") positional.push(rest[i]);
    else if (a === "--") options = false;
    else if (a === "--help" || a === "-h") return { command: "help", input: "", lang };
    else if (a === "-o" || a === "--output") output = value();
    else if (a === "--report") report = value();
    else if (a === "--lang") {
      const v = value();
      if (v !== "it" && v !== "en") throw new UsageError((t) => t.badLang(v));
    } else if (a.startsWith("-")) throw new UsageError((t) => t.unknownOption(a, command));
    else positional.push(a);
  }
  if (positional.length !== 1)
    throw new UsageError((t) => (positional.length === 0 ? t.missingFile() : t.tooManyArgs()));
  if (command === "check" && (output || report)) throw new UsageError((t) => t.checkOptions());
  return { command, input: positional[0], output, report, lang };
}

/** The version of the package the command belongs to (lib/cli/main.js → package.json). */
function version(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** A progress line on stderr, only when stderr is a terminal (it is overwritten in place). */
function progressLine(t: CliCatalogue): Progress | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (step) => process.stderr.write(`\r\x1b[KPIAO Sheets: ${t.progress(step)}…`);
}

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    // One line: the problem and where to look.
    const t = CLI[langOf(argv)];
    const msg = e instanceof UsageError ? e.text(t) : (e as Error).message;
    process.stderr.write(`piao: ${printable(msg)} — ${t.usageHint()}\n`);
    return 2;
  }
  const t = CLI[args.lang];
  if (args.command === "help") {
    process.stdout.write(`${t.usage()}\n`);
    return 0;
  }
  if (args.command === "version") {
    process.stdout.write(`piao ${version()}\n`);
    return 0;
  }
  try {
    if (args.command === "convert") {
      const output = args.output ?? defaultOutput(args.input);
      const progress = progressLine(t);
      const report = args.report;
      const result = await convertFile(args.input, output, {
        lang: args.lang,
        progress,
        ...(report
          ? {
              report: {
                file: report,
                json: (r) => JSON.stringify(reportJson(args.input, output, r), null, 2),
              },
            }
          : {}),
      });
      if (progress) process.stderr.write("\r\x1b[K");
      process.stdout.write(formatConversion(args.input, output, result, args.lang));
      return 0;
    }
    const result = await checkFile(args.input);
    process.stdout.write(formatCheck(args.input, result, args.lang));
    return result.findings.some((f) => f.severity === "error") ? 1 : 0;
  } catch (e) {
    if (e instanceof InputError || e instanceof FileError) {
      const text = e.text[args.lang];
      process.stderr.write(`piao: ${printable(e.file)}: ${text}\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`piao: ${printable(args.input)}: ${t.unexpected(printable(msg))}\n`);
    return 3;
  }
}
