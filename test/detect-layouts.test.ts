/** Detection of objectives in the layouts users have, on workbooks written as real .xlsx files. */
import { convert } from "../src/engine/convert";
import { editDistance, oneEditApart } from "../src/engine/core/near-miss";
import { card, snapshotsOf, type TestCell } from "./helpers/workbooks";

const codes = (r: ReturnType<typeof convert>) =>
  r.objectives.map((o) => `${o.unit}|${o.code}|${o.type}|${o.weight}`);

describe("objective cards", () => {
  test("all cards on one sheet under section titles: the unit is the nearest title above", async () => {
    const rows: TestCell[][] = [
      ["Obiettivi Uffici di Staff"],
      [],
      ...card({ code: "A.1.14", name: "Presidio del ruolo", type: "I", weight: 60 }),
      ...card({
        code: "A 1. 4",
        name: "Tempi di pagamento",
        type: 0,
        weight: 0,
        manager: "Tutti i Dirigenti",
      }),
      ...card({ code: "A.1.5", name: "Benessere", type: "UO", weight: 40 }),
      ["Obiettivi Settore Tecnico"],
      ...card({ code: "B.1.1", name: "Ponti", type: 1, weight: "100" }),
    ];
    const r = convert(await snapshotsOf([{ name: "Obiettivi", rows }]));
    expect(codes(r)).toEqual([
      "Uffici di Staff|A.1.14|I|60",
      "Uffici di Staff|A.1.4|O|0",
      "Uffici di Staff|A.1.5|UO|40",
      "Settore Tecnico|B.1.1|I|100",
    ]);
    expect(r.units.map((u) => [u.unit, u.weightSum, u.ok])).toEqual([
      ["Uffici di Staff", 100, true],
      ["Settore Tecnico", 100, true],
    ]);
    // "Tutti i Dirigenti" is the manager, never the unit.
    expect(r.objectives[1].manager).toBe("Tutti i Dirigenti");
    expect(r.objectives[0].actions[2023]).toBe("Azione 2023");
    expect(r.objectives[0].missionProgram).toBe("01.03");
    const info = r.findings.map((f) => f.code);
    expect(info).toEqual(
      expect.arrayContaining([
        "CODICE_NORMALIZZATO",
        "TIPO_NORMALIZZATO",
        "PESO_TESTO",
        "OBIETTIVO_CANCELLO",
      ]),
    );
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("cards over several sheets, starting in column C: the unit comes from the sheet title or name", async () => {
    const r = convert(
      await snapshotsOf([
        {
          name: "Settore 1",
          at: "C4",
          rows: [
            ["Settore: Settore 1\nAmministrativo Finanziario"],
            [],
            ...card({ code: "A.1.9", name: "Bilancio", type: "I", weight: 100 }),
          ],
        },
        {
          name: "Ragioneria",
          at: "B2",
          rows: card({ code: "A.2.1", name: "Entrate", type: "Ind", weight: 100 }),
        },
      ]),
    );
    expect(codes(r)).toEqual(["Settore 1 Amministrativo Finanziario|A.1.9|I|100", "Ragioneria|A.2.1|I|100"]);
    expect(r.objectives[0].source).toEqual({ sheet: "Settore 1", row: 11, col: 2 });
  });

  test("actions split over continuation rows are joined to their year", async () => {
    const rows = card({ code: "A.1.1", name: "X", type: "O", weight: 100, actions: { 2023: "Prima parte" } });
    const at = rows.findIndex((r) => r[0] === 2023);
    rows.splice(at + 1, 0, [null, "seconda parte"], ["------"], [2024, "Azione 2024"]);
    const r = convert(await snapshotsOf([{ name: "Staff", rows }]));
    expect(r.objectives[0].actions).toEqual({ 2023: "Prima parte\nseconda parte", 2024: "Azione 2024" });
  });
});

describe("flat tables", () => {
  test("shuffled columns with English headers, a unit column, and Azioni/Target year columns", async () => {
    const rows: TestCell[][] = [
      ["Weight", "Unit", "Objective", "Code", "Type", "Indicator", "Azioni 2025", "Manager"],
      [30, "Finance", "Close the accounts", "F 1", "I", "Days", "Do it", "Ms Green"],
      [70, "Finance", "Collect revenue", "F.2", "O", "Rate", "", "Ms Green"],
      ["100%", "Works", "Bridges", "W.1", "UO", "Safe bridges", "Inspect", "Mr Brown"],
    ];
    const r = convert(await snapshotsOf([{ name: "Data", rows }]));
    expect(codes(r)).toEqual(["Finance|F.1|I|30", "Finance|F.2|O|70", "Works|W.1|UO|100"]);
    expect(r.objectives[2].actions[2025]).toBe("Inspect");
    expect(r.units.every((u) => u.ok)).toBe(true);
  });

  test("a cell reading like a property of every JavaScript object (`constructor`) is text like any other", async () => {
    // Card context labels were looked up on a plain object: `constructor` found its prototype's function, and the
    // row was taken for a card's context line, silently left out of the objectives.
    const rows: TestCell[][] = [
      ["Unit", "Code", "Objective", "Type", "Weight", "Indicator", "Manager"],
      ["Works", "W.1", "Bridges", "I", 60, "Constructor", "Mr Brown"],
      ["Works", "W.2", "Roads", "O", 40, "toString", "valueOf"],
      // Nor is `constructor` a type: the objective keeps its row, with the type reported as unknown.
      ["Works", "W.3", "Parks", "constructor", 0, "Trees", "Ms Green"],
    ];
    const r = convert(await snapshotsOf([{ name: "Data", rows }]));
    expect(codes(r)).toEqual(["Works|W.1|I|60", "Works|W.2|O|40", "Works|W.3|null|0"]);
    expect(r.objectives.map((o) => [o.indicator, o.manager])).toEqual([
      ["Constructor", "Mr Brown"],
      ["toString", "valueOf"],
      ["Trees", "Ms Green"],
    ]);
    expect(r.findings.filter((f) => f.code === "TIPO_SCONOSCIUTO").map((f) => f.row)).toEqual([3]);
  });

  test("a table starting at row 7, column C, below a title block", async () => {
    const r = convert(
      await snapshotsOf([
        {
          name: "Piano",
          at: "C1",
          rows: [
            ["Provincia di Esempio"],
            ["Piano della performance 2024"],
            [],
            ["Area Servizi Finanziari"],
            [],
            [],
            [
              "Cod.",
              "Descrizione obiettivo",
              "Tipologia",
              "Peso (%)",
              "Indicatore di risultato",
              "Responsabile",
            ],
            ["1.1", "Rendiconto", "Individuale", 50, "Entro aprile", "Dott. Bianchi"],
            ["1.2", "Bilancio", "Organizzativa", 50, "Entro dicembre", "Dott. Bianchi"],
          ],
        },
      ]),
    );
    expect(codes(r)).toEqual(["Area Servizi Finanziari|1.1|I|50", "Area Servizi Finanziari|1.2|O|50"]);
    expect(r.objectives[0].source).toEqual({ sheet: "Piano", row: 7, col: 2 });
  });

  test("percent-formatted weights are read on a 100 scale", async () => {
    const r = convert(
      await snapshotsOf([
        {
          name: "Area",
          rows: [
            ["Codice", "Obiettivo", "Tipo", "Peso"],
            ["A.1", "Uno", "I", 0.25],
            ["A.2", "Due", "O", 0.75],
          ],
          formats: { D2: "0%", D3: "0%" },
        },
      ]),
    );
    expect(r.objectives.map((o) => o.weight)).toEqual([25, 75]);
    expect(r.findings.filter((f) => f.code === "PESO_PERCENTUALE")).toHaveLength(2);
    expect(r.units[0].ok).toBe(true);
  });

  test("fractions summing to 1 are scaled to 100 with a notice", async () => {
    const r = convert(
      await snapshotsOf([
        {
          name: "Area",
          rows: [
            ["Codice", "Obiettivo", "Tipo", "Peso"],
            ["A.1", "Uno", "I", "0,4"],
            ["A.2", "Due", "O", 0.6],
          ],
        },
      ]),
    );
    expect(r.objectives.map((o) => o.weight)).toEqual([40, 60]);
    expect(r.findings.map((f) => f.code)).toContain("PESI_SCALATI");
    expect(r.units[0].ok).toBe(true);
  });
});

describe("what is not recognised is reported", () => {
  test("a workbook with no PIAO content gives a clear per-sheet report and no objectives", async () => {
    const r = convert(
      await snapshotsOf([
        {
          name: "Spese",
          rows: [
            ["Voce", "Importo"],
            ["Cancelleria", 120],
          ],
        },
        { name: "Vuoto", rows: [] },
      ]),
    );
    expect(r.objectives).toEqual([]);
    expect(r.sheets.map((s) => s.summary.it)).toEqual([
      "Nessun contenuto PIAO riconosciuto: nessuna riga di intestazione con Obiettivo e Peso o Tipo.",
      "Nessun contenuto PIAO riconosciuto: il foglio è vuoto.",
    ]);
    expect(r.findings.filter((f) => f.code === "FOGLIO_NON_RICONOSCIUTO")).toHaveLength(2);
  });
});

describe("review: what detection cannot decide is asked, and the user's choices are applied", () => {
  const sheet = {
    name: "Foglio1",
    rows: [
      ["Codice", "Obiettivo", "Tipo", "Punti", "Note"],
      ["A.1", "Uno", "I", 60, ""],
      ["A.2", "Due", "O", 40, ""],
    ] as TestCell[][],
  };

  test("an unrecognised weight column and a unit taken from the sheet name become review items", async () => {
    const r = convert(await snapshotsOf([sheet]));
    expect(r.review).toEqual([
      { kind: "unit", sheet: "Foglio1", current: "Foglio1", objectives: 2 },
      {
        kind: "weightColumn",
        sheet: "Foglio1",
        row: 0,
        options: ["Codice", "Obiettivo", "Tipo", "Punti", "Note"].map((text, col) => ({ col, text })),
      },
    ]);
    expect(r.findings.filter((f) => f.code === "PESO_MANCANTE")).toHaveLength(2);
  });

  test("with the user's mapping the weights and the unit are read", async () => {
    const r = convert(await snapshotsOf([sheet]), {
      mapping: { Foglio1: { unit: "Area Tecnica", weightColumn: 3 } },
    });
    expect(codes(r)).toEqual(["Area Tecnica|A.1|I|60", "Area Tecnica|A.2|O|40"]);
    expect(r.units[0].ok).toBe(true);
    expect(r.review.filter((i) => i.kind === "weightColumn")).toEqual([]);
  });
});

describe("the PIAO's summary table is compared with the cards", () => {
  test("a summary that disagrees with the cards is a warning; one that agrees says nothing", async () => {
    const cards: TestCell[][] = [
      ["Settore: Settore 1 Finanze"],
      ...card({ code: "A.1", name: "Uno", type: "I", weight: 60 }),
      ...card({ code: "A.2", name: "Due", type: "UO", weight: 40 }),
    ];
    const summary = (i: number, uo: number): TestCell[][] => [
      ["SETTORE/STAFF", "PERFORMANCE INDIVIDUALE", "PERFORMANCE DI UNITÀ ORGANIZZATIVA"],
      ["Settore 1 Amministrativo Finanziario", i, uo],
    ];
    const agree = convert(
      await snapshotsOf([
        { name: "Riepilogo", rows: summary(1, 1) },
        { name: "S1", rows: cards },
      ]),
    );
    expect(agree.findings.filter((f) => f.code === "RIEPILOGO_DIVERSO")).toEqual([]);
    const disagree = convert(
      await snapshotsOf([
        { name: "Riepilogo", rows: summary(2, 1) },
        { name: "S1", rows: cards },
      ]),
    );
    const w = disagree.findings.filter((f) => f.code === "RIEPILOGO_DIVERSO");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({
      severity: "warning",
      sheet: "Riepilogo",
      row: 1,
      col: 0,
      unit: "Settore 1 Finanze",
    });
  });
});

test("hidden rows and columns are read, and flagged", async () => {
  const snaps = await snapshotsOf([
    {
      name: "Area",
      rows: [
        ["Codice", "Obiettivo", "Tipo", "Peso"],
        ["A.1", "Uno", "I", 50],
        ["A.2", "Due", "O", 50],
      ],
      hiddenRows: [3],
      hiddenCols: [4],
    },
  ]);
  const r = convert(snaps);
  expect(r.objectives.map((o) => o.weight)).toEqual([50, 50]);
  expect(r.findings.filter((f) => f.code === "RIGA_NASCOSTA").map((f) => f.row)).toEqual([2]);
  expect(r.findings.filter((f) => f.code === "COLONNA_NASCOSTA").map((f) => [f.row, f.col])).toEqual([
    [0, 3],
  ]);
});

test("a total label or a SUM formula makes a total row only when the row is not an objective", async () => {
  const r = convert(
    await snapshotsOf([
      {
        name: "Area",
        rows: [
          ["Codice", "Obiettivo", "Tipo", "Peso", "Indicatore"],
          ["A.1", "Totale digitalizzazione degli atti", "I", 40, "=SUM(A1:A9)"],
          ["=SUM(A1:A9)", "Riscossione", null, 60, "Indicatore"],
          ["Totale", null, null, { formula: "SUM(D2:D3)", result: 100 }],
        ],
      },
    ]),
  );
  expect(codes(r)).toEqual(["Area|A.1|I|40", "Area|=SUM(A1:A9)|null|60"]);
  expect(r.sheets[0].rows).toMatchObject({ objectives: 2, totals: 1, ignored: 0 });
  expect(r.findings.filter((f) => f.code === "TOTALE_DIVERSO")).toEqual([]);
});

test("the fast one-edit check agrees with the edit distance on every pair of short strings over a small alphabet", () => {
  // All strings of up to 4 letters over {a, b, c}: substitutions, insertions, deletions and transpositions.
  const words = [""];
  for (let len = 1; len <= 4; len++)
    for (const w of words.filter((x) => x.length === len - 1)) for (const c of "abc") words.push(w + c);
  let ones = 0;
  for (const a of words)
    for (const b of words) {
      const expected = editDistance(a, b) === 1;
      if (expected) ones++;
      expect([a, b, oneEditApart(a, b)]).toEqual([a, b, expected]);
    }
  expect(ones).toBeGreaterThan(1000);
});
