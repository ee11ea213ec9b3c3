/**
 * `piao convert <input.xlsx> [-o <output.xlsx>] [--report <report.json>] [--lang it|en]`
 * `piao check <workbook.xlsx> [--lang it|en]`
 * Exit status: 0 converted / no errors; 1 `check` found errors; 2 unusable arguments or input; 3 an
 * unexpected failure.
 */
import type { Lang } from "../engine/core/i18n";
import { InputError } from "../xlsx/errors";
import { checkFile, convertFile, defaultOutput } from "../app/convert-file";
import { FileError, printable } from "../app/files";
import { formatCheck, formatConversion, reportJson } from "./summary";

/** The usage, on the same line as a usage error. */
const USAGE_HINT =
  "uso: piao convert FILE.xlsx [-o USCITA.xlsx] [--report RAPPORTO.json] [--lang it|en] | piao check FILE.xlsx";

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
  let options = true;
  for (let i = 0; i < rest.length; i++) {
    const [a, inline] = /^--[a-z]+=/.test(rest[i])
      ? [rest[i].split("=")[0], rest[i].slice(rest[i].indexOf("=") + 1)]
      : [rest[i], undefined];
    // `--output=-x.xlsx` gives a value starting with "-"; after `--` every argument is a file name.
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined || v === "" || (inline === undefined && v.startsWith("-")))
        throw new UsageError(`manca il valore di ${a} (per un nome che inizia con "-": ${a}=NOME)`);
      return v;
    };
    if (!options || a === "-") positional.push(rest[i]);
    else if (a === "--") options = false;
    else if (a === "-o" || a === "--output") output = value();
    else if (a === "--report") report = value();
    else if (a === "--lang") {
      const v = value();
      if (v !== "it" && v !== "en") throw new UsageError(`--lang accetta it o en, non ${v}`);
      lang = v;
    } else if (a.startsWith("-"))
      throw new UsageError(
        `opzione sconosciuta: ${a} (per un file che inizia con "-": piao ${command} -- ${a})`,
      );
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
    // One line: the problem and where to look.
    process.stderr.write(`piao: ${printable((e as Error).message)} — ${USAGE_HINT}\n`);
    return 2;
  }
  try {
    if (args.command === "convert") {
      const output = args.output ?? defaultOutput(args.input);
      const progress = progressLine();
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
      const text = e instanceof FileError ? e.text[args.lang] : args.lang === "en" ? e.en : e.it;
      process.stderr.write(`piao: ${printable(e.file)}: ${text}\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`piao: ${printable(args.input)}: errore imprevisto: ${printable(msg)}\n`);
    return 3;
  }
}
