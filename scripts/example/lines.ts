/**
 * Line and number helpers for reading the reference text: the PDF extraction writes tables as
 * tab-separated rows, leaves markdown-like separator rows and some HTML, and uses Italian numbers.
 */

/** Fields of a tab-separated line (not trimmed). */
export function fieldsOf(line: string): string[] {
  return line.split("\t");
}

export function isBlank(line: string): boolean {
  return line.trim() === "";
}

/** Markdown-like separator rows left by the extraction: "--", "------\t--", "--\t--\t--\t--\t---". */
export function isSeparator(line: string): boolean {
  return /^[\s-]*$/.test(line) && line.includes("-");
}

/** A line continuing the previous row: starts with a tab and has some text. */
export function isContinuation(line: string): boolean {
  return line.startsWith("\t") && !isBlank(line) && !isSeparator(line);
}

/** Line index (0-based) of the first line equal (trimmed) to text, from `from`; -1 when absent. */
export function findLine(lines: readonly string[], text: string, from = 0): number {
  for (let i = from; i < lines.length; i++) if (lines[i].trim() === text) return i;
  return -1;
}

/** Remove HTML tags and decode the few entities the extraction leaves; paragraphs become lines. */
export function stripHtml(s: string): string {
  return s
    .replace(/<\/p>\s*<p[^>]*>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&nbsp;/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join("\n");
}

/** Parse an Italian number ("4.553.779,86", "20,80", "188.483") into a JS number. */
export function parseItalianNumber(s: string): number {
  return Number(s.replace(/\./g, "").replace(",", "."));
}

/** An Italian percentage ("20,80") as a fraction (0.208), without binary noise. */
export function parsePercent(s: string): number {
  return Number((parseItalianNumber(s) / 100).toFixed(8));
}

export const MONTHS = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
];
