/**
 * The corpus of messy layouts (`test/corpus`): every office found with its exact objective count and weight
 * sum, and exactly the expected errors and warnings at their cells — nothing dropped or misread silently.
 */
import { convert } from "../src/engine/convert";
import { findingRef } from "../src/engine/core/messages";
import { CORPUS } from "./corpus/cases";
import { snapshotsOf } from "./helpers/workbooks";

describe.each(CORPUS)("$name", (c) => {
  let result: ReturnType<typeof convert>;
  beforeAll(async () => {
    result = convert(await snapshotsOf(c.sheets));
  });

  test("every office with its objectives and weight sum", () => {
    expect(result.units.map((u) => [u.unit, u.objectives, u.weightSum])).toEqual(c.units);
  });

  test("exactly the expected errors and warnings, each at its cell", () => {
    const serious = result.findings
      .filter((f) => f.severity !== "info")
      .map((f) => `${f.code}${findingRef(f) ? " " + findingRef(f).replace(/'/g, "") : ""}`);
    expect(serious).toEqual(c.findings);
  });

  test("the review items", () => {
    const items = result.review.map((r) =>
      r.kind === "unit" ? `unit ${r.sheet}` : `${r.kind} ${r.sheet} ${r.row}`,
    );
    expect(items).toEqual(c.review ?? []);
  });

  test("every non-empty row is accounted for", () => {
    for (const s of result.sheets) {
      const sheet = c.sheets.find((x) => x.name === s.sheet)!;
      const nonEmpty = sheet.rows.filter((r) => r.some((v) => v !== null && v !== "")).length;
      const r = s.rows;
      expect(r.objectives + r.headers + r.totals + r.notes + r.legends + r.other + r.ignored).toBe(nonEmpty);
      expect(r.objectives).toBe(s.objectives);
    }
  });
});
