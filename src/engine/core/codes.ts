/** Objective codes as PIAOs write them, read one way by every feature. */

/** `A 1. 4`, `A. 1.4`, `A1.4` → `A.1.4`; anything else is kept as written (trimmed). */
export function normalizeCode(raw: string): string {
  const compact = raw
    .replace(/\s+/g, "")
    .replace(/\.{2,}/g, ".")
    .replace(/\.$/, "");
  const m = /^([A-Za-z]{1,3})\.?(\d+(?:\.\d+)*)$/.exec(compact);
  if (m) return `${m[1].toUpperCase()}.${m[2]}`;
  return raw.trim();
}
