/**
 * The house rules of docs/architecture.md, checked on the sources: no import cycle anywhere in src/, the
 * engine's features import only core/ (never each other), core/ imports nothing above it, adapters and shells
 * stay in their rooms, and no source file grows past 450 lines.
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.join(__dirname, "..", "src");
const ROOT = path.join(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Relative imports of a file, resolved to source files. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    const base = path.resolve(path.dirname(file), m[1]);
    const hit = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((c) => fs.existsSync(c));
    if (hit) out.push(hit);
  }
  return out;
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => path.relative(SRC, f);

/** `engine/core`, `engine/objectives`, … for engine files; `engine` for convert.ts/check.ts; else the folder. */
function room(file: string): string {
  const parts = rel(file).split(path.sep);
  if (parts[0] !== "engine") return parts[0];
  return parts.length > 2 ? `engine/${parts[1]}` : "engine";
}

const FEATURES = ["engine/objectives", "engine/indicators", "engine/spending", "engine/measures"];

/** What each room may import besides itself. */
const ALLOWED: Record<string, string[]> = {
  "engine/core": [],
  ...Object.fromEntries(FEATURES.map((f) => [f, ["engine/core"]])),
  "engine/workbook": ["engine/core"],
  engine: ["engine/core", ...FEATURES, "engine/workbook"],
};

test("no import cycle anywhere in src/", () => {
  const cycles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, "open");
    stack.push(f);
    for (const d of graph.get(f) ?? []) {
      if (state.get(d) === "open") cycles.push([...stack.slice(stack.indexOf(d)), d].map(rel).join(" → "));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of files) if (!state.has(f)) visit(f);
  expect(cycles).toEqual([]);
});

test("engine rooms import only what they may: features only core/, core/ nothing above it", () => {
  const offenders: string[] = [];
  for (const [f, deps] of graph) {
    const from = room(f);
    const allowed = ALLOWED[from];
    if (!allowed) continue;
    for (const d of deps) {
      const to = room(d);
      if (to !== from && !allowed.includes(to)) offenders.push(`${rel(f)} → ${rel(d)}`);
    }
  }
  expect(offenders).toEqual([]);
  // The check looks at real files: every room exists.
  for (const r of [
    "engine/core",
    "engine/objectives",
    "engine/indicators",
    "engine/spending",
    "engine/workbook",
  ])
    expect(files.some((f) => room(f) === r)).toBe(true);
});

test("adapters hold no use case and shells no pipeline: only app/ and the shells call convert or check", () => {
  const offenders = files
    .filter((f) => ["xlsx", "excel", "engine"].includes(room(f).split("/")[0]))
    .filter((f) => room(f) !== "engine")
    .filter((f) =>
      (graph.get(f) ?? []).some((d) => ["convert.ts", "check.ts"].includes(rel(d).replace(/^engine\//, ""))),
    )
    .map(rel);
  expect(offenders).toEqual([]);
});

/** Files still being split by work in progress (each must shrink below the limit and leave this list). */
const STILL_LONG = new Set<string>([]);

test("no source file over 450 lines (src/ and scripts/)", () => {
  const all = [...files, ...sourceFiles(path.join(ROOT, "scripts"))];
  const long = all
    .map((f) => ({ f: path.relative(ROOT, f), n: fs.readFileSync(f, "utf8").split("\n").length }))
    .filter((x) => x.n > 450 && !STILL_LONG.has(x.f))
    .map((x) => `${x.f}: ${x.n}`);
  expect(long).toEqual([]);
});
