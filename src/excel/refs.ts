/** Parsing of the sheet-qualified references Excel and the plan use (no Office.js calls). */

/**
 * Splits `'PIAO Pesi'!$A$2:$A$5`, `Foglio1!B3` or `B3` (an optional leading `=` is ignored) into the
 * unquoted sheet name (null when absent) and the local address.
 */
export function splitSheetRef(ref: string): { sheet: string | null; address: string } {
  const s = ref.trim().replace(/^=/, "");
  if (s.startsWith("'")) {
    let name = "";
    let i = 1;
    for (; i < s.length; i++) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += s[i];
    }
    if (s[i] !== "'" || s[i + 1] !== "!") throw new Error(`Invalid reference: ${ref}`);
    return { sheet: name, address: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: s };
  return { sheet: s.slice(0, bang), address: s.slice(bang + 1) };
}

/**
 * Splits a RangeAreas address (`Sheet1!A1:B2, 'My sheet'!D1:D4`) into local addresses without `$`.
 * The separator may be `,` or `;` depending on the host's list separator; quoted sheet names may
 * contain either, so this walks the string instead of splitting it.
 */
export function parseAreaList(list: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = list.length;
  while (i < n) {
    while (i < n && /[\s,;]/.test(list[i])) i++;
    if (i >= n) break;
    if (list[i] === "'") {
      i++;
      while (i < n) {
        if (list[i] === "'" && list[i + 1] === "'") i += 2;
        else if (list[i] === "'") {
          i++;
          break;
        } else i++;
      }
    }
    const start = i;
    while (i < n && !/[\s,;]/.test(list[i])) i++;
    const token = list.slice(start, i);
    const bang = token.lastIndexOf("!");
    const local = (bang >= 0 ? token.slice(bang + 1) : token).replace(/\$/g, "");
    if (local) out.push(local);
  }
  return out;
}
