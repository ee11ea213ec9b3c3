/** The wiring between the pane and Excel, against the in-memory Excel fake (no DOM needed). */
import { GENERATED_SHEETS } from "../../src/engine/core/contract";
import type { Progress } from "../../src/taskpane/actions";
import { PaneError } from "../../src/taskpane/actions";
import { toPaneError } from "../../src/taskpane/errors";
import { MAPPING_SETTING, sanitizeMapping } from "../../src/app/pane-settings";
import { createOfficeActions } from "../../src/taskpane/office-actions";
import { ExcelAdapterError } from "../../src/excel";
import { createFakeExcel, FakeOfficeError } from "../fakes/fake-excel";
import { FLAT, NEEDS_REVIEW, fakeHost } from "./fixtures";

test("the mapping round-trips through the workbook's settings; an empty one removes the setting", async () => {
  const fake = createFakeExcel(NEEDS_REVIEW);
  const actions = createOfficeActions(fakeHost(fake));
  expect(await actions.loadMapping()).toEqual({});
  await actions.saveMapping({ "Ufficio tecnico": { unit: " Servizio tecnico ", weightColumn: 3 } });
  expect(await actions.loadMapping()).toEqual({
    "Ufficio tecnico": { unit: "Servizio tecnico", weightColumn: 3 },
  });
  await actions.saveMapping({});
  expect(fake.exportState().settings).toEqual({});
  expect(await actions.loadMapping()).toEqual({});
});

test("stored choices are validated: junk is dropped, not trusted", () => {
  expect(sanitizeMapping("{bad")).toEqual({});
  expect(sanitizeMapping(42)).toEqual({});
  expect(sanitizeMapping([1, 2])).toEqual({});
  expect(
    sanitizeMapping({
      version: 1,
      sheets: {
        A: { unit: "", weightColumn: -1 },
        B: { weightColumn: 2.5 },
        C: { unit: "X", weightColumn: 0 },
        D: null,
      },
    }),
  ).toEqual({ C: { unit: "X", weightColumn: 0 } });
  // An object stored directly (not as JSON text) is accepted too.
  expect(sanitizeMapping({ sheets: { S: { unit: "U" } } })).toEqual({ S: { unit: "U" } });
});

test("analysis lists the generated sheets present, and a second read takes a single sync", async () => {
  const fake = createFakeExcel(FLAT);
  const actions = createOfficeActions(fakeHost(fake));
  const first = await actions.analyze({ language: "it" });
  expect(first.generated).toEqual([]);
  await actions.build({ language: "it" });
  fake.resetStats();
  const view = await actions.analyze({ language: "it" });
  expect(view.generated.sort()).toEqual(
    fake
      .exportState()
      .sheets.map((s) => s.name)
      .filter((n) => GENERATED_SHEETS.includes(n))
      .sort(),
  );
  expect(view.sheets.map((s) => s.name)).toEqual(["Obiettivi", "Note"]);
  // The stored choices travel with the read; the sheet names known from the last run save a sync. One more
  // sync reads which rows are hidden where a used range is only partly hidden (src/excel/read-hidden.ts):
  // PIAO Spesa personale keeps its two service cells on hidden rows.
  expect(fake.stats.syncs).toBe(2);
  expect(fake.exportState().sheets.find((s) => s.name === "PIAO Spesa personale")!.hiddenRows).toHaveLength(
    2,
  );
});

test("on an older Excel, what the adapter had to leave out is listed as warnings", async () => {
  const fake = createFakeExcel(FLAT, { apiVersion: "1.7" });
  const view = await createOfficeActions(fakeHost(fake)).build({ language: "en" });
  const warnings = view.findings.filter((f) => f.code.startsWith("EXCEL_API_"));
  expect(warnings.length).toBeGreaterThan(0);
  expect(warnings.every((f) => f.severity === "warning")).toBe(true);
  expect(new Set(warnings.map((f) => f.code)).size).toBe(warnings.length);
  expect(warnings.map((f) => f.message.en).join(" ")).toMatch(/Update Excel/);
  // Errors still come first.
  expect(view.findings[0].severity).toBe("error");
});

test("build reports progress in order and ends with everything written", async () => {
  const fake = createFakeExcel(FLAT);
  const actions = createOfficeActions(fakeHost(fake));
  const seen: Progress[] = [];
  const view = await actions.build({ language: "en", onProgress: (p) => seen.push(p) });
  expect(seen.map((p) => p.phase).filter((p, i, a) => p !== a[i - 1])).toEqual(["read", "analyze", "write"]);
  const last = seen[seen.length - 1];
  expect(last.done).toBe(last.total);
  expect(view.sheetsWritten).toContain("PIAO Obiettivi");
  // The source name comes from the host; the findings sheet's severities follow the pane's language.
  const sheets = fake.exportState().sheets;
  const summary = sheets.find((s) => s.name === "PIAO Riepilogo")!;
  expect(summary.cells.A2.value).toBe("Generato da PIAO Sheets a partire da: test.xlsx");
  const verifica = sheets.find((s) => s.name === "PIAO Verifica")!;
  const values = Object.values(verifica.cells).map((c) => c.value);
  expect(values).toContain("Error");
  expect(values).not.toContain("Errore");
});

test("build refuses a workbook with nothing recognised, without touching it", async () => {
  const fake = createFakeExcel();
  const actions = createOfficeActions(fakeHost(fake));
  await expect(actions.build({ language: "it" })).rejects.toMatchObject({ code: "NothingRecognised" });
  expect(fake.exportState().sheets.map((s) => s.name)).toEqual(["Sheet1"]);
});

test("findings carry their cell for 'go to cell'", async () => {
  const fake = createFakeExcel(FLAT);
  const view = await createOfficeActions(fakeHost(fake)).analyze({ language: "it" });
  expect(view.findings[0]).toEqual({
    severity: "error",
    code: "PESO_SOMMA",
    message: expect.objectContaining({ en: "Settore 1: the weights sum to 90, they must sum to 100." }),
    sheet: "Obiettivi",
    address: "D2",
    location: "Obiettivi!D2",
    unit: "Settore 1",
  });
});

test("removing generated sheets keeps the user's, and a workbook left with no visible sheet stays valid", async () => {
  const fake = createFakeExcel(FLAT);
  const actions = createOfficeActions(fakeHost(fake));
  await actions.build({ language: "it" });
  const { removed } = await actions.removeGenerated();
  expect(removed.length).toBeGreaterThan(4);
  expect(fake.exportState().sheets.map((s) => s.name)).toEqual(["Obiettivi", "Note"]);
  expect(await actions.removeGenerated()).toEqual({ removed: [] });
});

test("errors become PaneErrors with a text in both languages and no raw message", () => {
  const e = toPaneError(new FakeOfficeError("AccessDenied", "raw text", "Range.values"));
  expect(e).toBeInstanceOf(PaneError);
  expect((e as PaneError).code).toBe("AccessDenied");
  expect((e as PaneError).text!.it).toMatch(/protett/);
  expect((e as PaneError).text!.en).toMatch(/protected/);
  expect(e.message).not.toMatch(/raw text/);

  const conflict = toPaneError(
    new ExcelAdapterError("NameConflict", "x", ["table 'T' on sheet 'S'"]),
  ) as PaneError;
  expect(conflict.details).toEqual(["table 'T' on sheet 'S'"]);

  const odd = toPaneError({ code: "SomethingNew", message: "?" }) as PaneError;
  expect(odd.text!.en).toMatch(/unexpected error.*\(code: SomethingNew\)/);

  const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const bug = toPaneError(new Error("boom")) as PaneError;
  expect(bug.code).toBe("Unexpected");
  expect(bug.text).toBeUndefined();
  log.mockRestore();
});

test("the mapping setting key is stable (users' files keep it)", () => {
  expect(MAPPING_SETTING).toBe("piao.mapping");
});

test("build then remove leaves the workbook identical to before the conversion (sheets, names, tables)", async () => {
  const fake = createFakeExcel(FLAT);
  const before = fake.exportState();
  const actions = createOfficeActions(fakeHost(fake));
  await actions.build({ language: "it" });
  expect(fake.exportState().sheets.length).toBeGreaterThan(before.sheets.length);
  await actions.removeGenerated();
  const after = fake.exportState();
  expect(after.sheets).toEqual(before.sheets);
  expect(after.names).toEqual(before.names);
  expect(after.tables).toEqual(before.tables);
});

test("remove goes by the markers: the user's own sheet called `PIAO Obiettivi` is a source and stays", async () => {
  const own = {
    name: "PIAO Obiettivi",
    values: [
      ["Codice", "Obiettivo", "Tipo", "Peso", "Unità"],
      ["3.1", "Sportello unico", "I", 100, "Settore 3"],
    ],
  };
  const fake = createFakeExcel([...FLAT, own]);
  const before = fake.exportState();
  const actions = createOfficeActions(fakeHost(fake));
  const built = await actions.build({ language: "it" });
  expect(built.sheets.map((s) => s.name)).toEqual(["Obiettivi", "Note", "PIAO Obiettivi"]);
  expect(built.units.map((u) => u.unit)).toContain("Settore 3");
  expect(built.generated).toContain("PIAO Obiettivi (2)");
  expect(built.generated).not.toContain("PIAO Obiettivi");
  const view = await actions.analyze({ language: "it" });
  expect(view.generated).not.toContain("PIAO Obiettivi");
  expect(view.sheets.map((s) => s.name)).toContain("PIAO Obiettivi");

  const { removed } = await actions.removeGenerated();
  expect(removed).toContain("PIAO Obiettivi (2)");
  expect(removed).not.toContain("PIAO Obiettivi");
  const after = fake.exportState();
  expect(after.sheets).toEqual(before.sheets);
  expect(after.names).toEqual(before.names);
  expect(after.tables).toEqual(before.tables);
});
