/** Text normalisation: one normaliser for every header and label the engine matches. */

/** Lower case, no accents, punctuation as spaces, single spaces: `Peso (%)` → `peso`, `Unità` → `unita`. */
export function normalizeLabel(s: string): string {
  // Detection normalises the same few labels (headers, types, units) thousands of times: remember them.
  const known = LABELS.get(s);
  if (known !== undefined) return known;
  const label = asciiLabel(s) ?? slowLabel(s);
  if (LABELS.size >= MAX_LABELS) LABELS.clear();
  if (s.length <= 200) LABELS.set(s, label);
  return label;
}

function slowLabel(s: string): string {
  // Accents are stripped only when there is a non-ASCII character: most cells have none.
  const plain = NON_ASCII.test(s) ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s;
  return (plain.includes("<") ? plain.toLowerCase().replace(/<[^>]*>/g, " ") : plain.toLowerCase())
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * The label of an ASCII text without `<` in one pass (letters lowered, every run of other characters one
 * space, none at the ends), or null for any other text: detection normalises every text cell of a sheet.
 */
function asciiLabel(s: string): string | null {
  let out = "";
  let from = -1; // start of the current run of letters and digits
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (c > 127 || c === 60) return null;
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
    if (alnum && from < 0) from = i;
    else if (!alnum && from >= 0) {
      out += (out ? " " : "") + s.slice(from, i);
      from = -1;
    }
  }
  return out.toLowerCase();
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;
const LABELS = new Map<string, string>();
// Detection asks for every text cell about ten times (header, summary-table, spending and indicator checks):
// the cap must hold a whole large workbook's texts, or each pass empties the memory the next one needs
// (20,000 entries on 10,000 objectives with a code and a name each: every call missed).
const MAX_LABELS = 200_000;

const TAG = /<\/?[a-zA-Z][^<>]*>/g;
/** A character that starts a tag, an entity, a bullet or a line break, a tab, a no-break or a double space. */
const NEEDS_CLEANING = /[<&\n\t\u00a0•·▪◦●■□–—*-]| {2}/;
const BULLET = /^[\s]*(?:[•·▪◦●■□–—-]{1,3}|\*)\s+/gm;

/**
 * User text as it should appear in the structured sheets: HTML-like remnants (`<p>`, `<ul>`) and bullets
 * removed, runs of spaces collapsed, line breaks kept. Returns the text and whether anything changed.
 */
export function cleanText(s: string): { text: string; changed: boolean } {
  // Most cells hold none of what the replacements below look for: then only the ends are trimmed.
  if (!NEEDS_CLEANING.test(s)) return { text: s.trim(), changed: false };
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
