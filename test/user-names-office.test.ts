/**
 * The user's sheets, tables and names through the Office.js adapter (issue 18), against the Excel fake: the
 * same rules as the .xlsx path (test/user-names.test.ts). The markers are hidden names; a second build finds
 * the add-in's sheets by them and leaves the user's alone.
 */
import { sheetMarker } from "../src/engine/core/contract";
import { createOfficeActions } from "../src/taskpane/office-actions";
import { createFakeExcel } from "./fakes/fake-excel";
import { fakeHost } from "./taskpane/fixtures";

const USER_OBJECTIVES = [
  ["Codice", "Obiettivo", "Tipo", "Peso", "Unità"],
  ["1.1", "Ridurre i tempi di pagamento", "I", 60, "Settore 1"],
  ["1.2", "Digitalizzare i procedimenti", "O", 40, "Settore 1"],
  ["2.1", "Manutenzione delle scuole", "I", 70, "Settore 2"],
  ["2.2", "Manutenzione delle strade", "UO", 30, "Settore 2"],
];

test("the user's `PIAO Obiettivi`, table `piao_pesi` and name `PIAO_Soglia` are kept; ours get free names", async () => {
  const fake = createFakeExcel([
    { name: "PIAO Obiettivi", values: USER_OBJECTIVES },
    { name: "Note", values: [["Mio"], ["x"]] },
  ]);
  await fake.run(async (ctx) => {
    const t = ctx.workbook.worksheets.getItem("Note").tables.add("A1:A2", true);
    t.name = "piao_pesi";
    ctx.workbook.names.add("PIAO_Soglia", "=Note!$A$2");
    await ctx.sync();
  });
  const actions = createOfficeActions(fakeHost(fake));
  const view = await actions.build({ language: "it" });
  expect(view.objectives).toBe(4);
  expect(view.findings.map((f) => f.code)).toEqual(
    expect.arrayContaining(["NOME_FOGLIO_IN_USO", "NOME_IN_USO"]),
  );
  const state = fake.exportState();
  const names = state.sheets.map((s) => s.name);
  expect(names).toEqual(
    expect.arrayContaining(["PIAO Obiettivi", "Note", "PIAO Obiettivi (2)", "PIAO Pesi"]),
  );
  const user = state.sheets.find((s) => s.name === "PIAO Obiettivi")!;
  expect(user.cells.B2.value).toBe("Ridurre i tempi di pagamento");
  expect(state.tables.map((t) => [t.name, t.sheet])).toEqual(
    expect.arrayContaining([
      ["piao_pesi", "Note"],
      ["PIAO_Pesi_2", "PIAO Pesi"],
    ]),
  );
  expect(state.names).toEqual(
    expect.arrayContaining([
      { name: "PIAO_Soglia", formula: "=Note!$A$2" },
      { name: sheetMarker("objectives"), formula: "='PIAO Obiettivi (2)'!$A$1" },
    ]),
  );
  expect(fake.workbookState.names.find((n) => n.name === sheetMarker("objectives"))?.visible).toBe(false);
  expect(state.names.map((n) => n.name)).toContain("PIAO_Soglia_2");

  // A second build: the markers find the add-in's sheets, the user's sheet is still a source.
  const again = await actions.build({ language: "it" });
  expect(again.objectives).toBe(4);
  expect(
    fake
      .exportState()
      .sheets.map((s) => s.name)
      .sort(),
  ).toEqual([...names].sort());
});
