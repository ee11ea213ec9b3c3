/** The engine stays pure, and the plan it produces is plain data. */
import * as fs from "fs";
import * as path from "path";
import { convert } from "../src/engine/convert";
import { card, snapshotsOf } from "./helpers/workbooks";

const ENGINE = path.join(__dirname, "..", "src", "engine");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

test("every import in src/engine resolves inside src/engine (no Office, Node, DOM, React or adapters)", () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(ENGINE)) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(
      /(?:import|export)[^'"]*?from\s*["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)|import\(\s*["']([^"']+)["']/g,
    )) {
      const spec = m[1] ?? m[2] ?? m[3];
      const resolved = spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : spec;
      if (!resolved.startsWith(ENGINE + path.sep)) offenders.push(`${path.relative(ENGINE, file)} → ${spec}`);
    }
    if (
      /\b(Office|Excel)\.\w|\bwindow\.|\bdocument\.|\bprocess\./.test(
        text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""),
      )
    )
      offenders.push(`${path.relative(ENGINE, file)} uses a host global`);
  }
  expect(offenders).toEqual([]);
  expect(sourceFiles(ENGINE).length).toBeGreaterThan(10);
});

test("the WorkbookPlan survives a JSON round trip unchanged", async () => {
  const snapshots = await snapshotsOf([
    {
      name: "Staff",
      rows: [
        ["Obiettivi Uffici di Staff"],
        ...card({ code: "A.1", name: "=SUM(1)", type: "I", weight: 100 }),
      ],
    },
  ]);
  const { plan } = convert(snapshots);
  expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  // User text that looks like a formula is a plain string in the plan, never `{ f }`.
  const objectives = plan.sheets.find((s) => s.name === "PIAO Obiettivi")!;
  expect(objectives.blocks[0].rows[1][1]).toBe("=SUM(1)");
});
