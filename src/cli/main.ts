/**
 * `piao convert <input.xlsx> [-o <output.xlsx>] [--report <report.json>] [--lang it|en]`
 * `piao check <workbook.xlsx> [--lang it|en]`
 * Exit status: 0 converted / no errors; 1 `check` found errors; 2 unusable arguments or input; 3 an
 * unexpected failure.
 */
import * as fs from "fs";
import * as path from "path";
import type { Lang } from "../engine/core/i18n";
import { InputError } from "../xlsx/errors";
import { checkFile, convertFile, defaultOutput } from "../app/convert-file";
import { formatCheck, formatConversion, reportJson } from "./summary";

const USAGE = `Uso / Usage:
  piao convert <input.xlsx> [-o <output.xlsx>] [--report <report.json>] [--lang it|en]
  piao check <workbook.xlsx> [--lang it|en]`;

class UsageError extends Error {}

interface Args {
  command: "convert" | "check";
  input: string;
  output?: string;
  report?: string;
  lang: Lang;
}

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command !== "convert" && command !== "check")
    throw new UsageError(command ? `comando sconosciuto: ${command}` : "manca il comando");
  const positional: string[] = [];
  let output: string | undefined;
  let report: string | undefined;
  let lang: Lang = "it";
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith("-")) throw new UsageError(`manca il valore di ${a}`);
      return v;
    };
    if (a === "-o" || a === "--output") output = value();
    else if (a === "--report") report = value();
    else if (a === "--lang") {
      const v = value();
      if (v !== "it" && v !== "en") throw new UsageError(`--lang accetta it o en, non ${v}`);
      lang = v;
    } else if (a.startsWith("-")) throw new UsageError(`opzione sconosciuta: ${a}`);
    else positional.push(a);
  }
  if (positional.length !== 1)
    throw new UsageError(positional.length === 0 ? "manca il file .xlsx" : "troppi argomenti");
  if (command === "check" && (output || report)) throw new UsageError("check non accetta -o né --report");
  return { command, input: positional[0], output, report, lang };
}

/** A progress line on stderr, only when stderr is a terminal (it is overwritten in place). */
function progressLine(): ((step: string) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (step) => process.stderr.write(`\r\x1b[KPIAO Sheets: ${step}…`);
}

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`piao: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  try {
    if (args.command === "convert") {
      const output = args.output ?? defaultOutput(args.input);
      if (path.resolve(output) === path.resolve(args.input)) {
        process.stderr.write(
          `piao: ${args.input}: il file di uscita non può sovrascrivere quello di ingresso\n`,
        );
        return 2;
      }
      const progress = progressLine();
      const result = await convertFile(args.input, output, { lang: args.lang, progress });
      if (progress) process.stderr.write("\r\x1b[K");
      if (args.report)
        fs.writeFileSync(args.report, JSON.stringify(reportJson(args.input, output, result), null, 2));
      process.stdout.write(formatConversion(args.input, output, result, args.lang));
      return 0;
    }
    const result = await checkFile(args.input);
    process.stdout.write(formatCheck(args.input, result, args.lang));
    return result.findings.some((f) => f.severity === "error") ? 1 : 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`piao: ${e.file}: ${args.lang === "en" ? e.en : e.it}\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`piao: ${args.input}: errore imprevisto: ${msg}\n`);
    return 3;
  }
}
