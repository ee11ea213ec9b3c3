/** Text normalisation: one normaliser for every header and label the engine matches. */

/** Lower case, no accents, punctuation as spaces, single spaces: `Peso (%)` → `peso`, `Unità` → `unita`. */
export function normalizeLabel(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/<[^>]*>/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const TAG = /<\/?[a-zA-Z][^<>]*>/g;
const BULLET = /^[\s]*(?:[•·▪◦●■□–—-]{1,3}|\*)\s+/gm;

/**
 * User text as it should appear in the structured sheets: HTML-like remnants (`<p>`, `<ul>`) and bullets
 * removed, runs of spaces collapsed, line breaks kept. Returns the text and whether anything changed.
 */
export function cleanText(s: string): { text: string; changed: boolean } {
  const text = s
    .replace(/<\s*br\s*\/?>/gi, "\n")
    .replace(/<\/p>\s*<p[^>]*>/gi, "\n")
    .replace(TAG, " ")
    .replace(/&nbsp;/g, " ")
    .replace(BULLET, "")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text, changed: text !== s.trim() };
}

/** Control characters other than tab and line breaks, which Excel cannot store in a cell. */
export function stripControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}
