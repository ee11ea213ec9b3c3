/** Spending figures as labelled cells anywhere: value to the right (a few columns away) or below. */
import * as path from "path";
import { convert } from "../src/engine/convert";
import { departuresIn, spendingField } from "../src/engine/spending/detect";
import { snapshotsOf } from "./helpers/workbooks";
import { snapshotsOfFile } from "./helpers/xlsx";

const EXAMPLE = path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");

test("labels are recognised, output figures are not taken as inputs", () => {
  expect(spendingField("Tipo ente")?.kind).toBe("body");
  expect(spendingField("Abitanti al 31/12/2022")?.kind).toBe("population");
  expect(spendingField("Entrate correnti rendiconto 2021 (Titoli I-III)")).toEqual({
    kind: "revenue",
    year: 2021,
  });
  expect(spendingField("FCDE")?.kind).toBe("fcde");
  expect(spendingField("Fondo crediti di dubbia esigibilità")?.kind).toBe("fcde");
  expect(spendingField("Spesa di personale")?.kind).toBe("spending");
  expect(spendingField("Spesa media 2011-2013")?.kind).toBe("average557");
  expect(spendingField("Spesa di personale 2018")).toEqual({ kind: "spendingYear", year: 2018 }); // base or not by body type
  expect(spendingField("Spesa massima di personale")).toBeUndefined();
  expect(spendingField("Rapporto spesa di personale / entrate correnti")).toBeUndefined();
});

test("figures in a free layout pre-fill the spending inputs, with their source cells", async () => {
  const r = convert(
    await snapshotsOf([
      {
        name: "Ragioneria",
        at: "B3",
        rows: [
          ["Tipo ente", null, "Comune di Esempio"],
          ["Abitanti al 31/12/2022", null, null, "12.345"],
          ["Entrate correnti rendiconto 2022 (Titoli I-III)", 9_000_000],
          ["Entrate correnti rendiconto 2020 (Titoli I-III)", 8_000_000],
          ["Entrate correnti rendiconto 2021 (Titoli I-III)", 8_500_000],
          ["FCDE", "€ 120.000,50"],
          ["Spesa di personale"],
          [2_100_000],
          ["Spesa media 2011-2013", 2_000_000],
          ["Anno del piano", 2024],
        ],
      },
    ]),
  );
  const i = r.spending.inputs;
  expect(i.body).toBe("Comune");
  expect(i.population).toBe(12345);
  expect(i.revenue).toEqual([8_000_000, 8_500_000, 9_000_000]); // oldest first
  expect(i.fcde).toBe(120000.5);
  expect(i.spending).toBe(2_100_000);
  expect(i.spending2011_2013).toEqual([2_000_000, 2_000_000, 2_000_000]);
  expect(i.year).toBe(2024);
  expect(r.spending.outputs.netRevenue).toBe(8379999.5);
  expect(r.spending.outputs.band).toBe("f");
  expect(r.sheets[0].summary.it).toContain("dati di spesa di personale");
  expect(r.findings.map((f) => f.code)).toContain("SPESA_MEDIA_557");
});

test("base year by body type; a year's spending without 'rendiconto'; 557 statement; departures; population date", async () => {
  expect(spendingField("Spesa di personale 2021")).toEqual({ kind: "spendingYear", year: 2021 });
  expect(spendingField("Limite spesa di personale c. 557 L. 296/2006 (anno 2022)")).toEqual({
    kind: "statement557",
    year: 2022,
  });
  expect(spendingField("Popolazione al 31/12/2021")).toEqual({ kind: "population", date: "31/12/2021" });
  expect(spendingField("FCDE assestato 2021")?.kind).toBe("fcde");
  expect(departuresIn("Sono previste 7 cessazioni nel 2023 e 2 nel 2024")).toEqual([
    { year: 2023, count: 7 },
    { year: 2024, count: 2 },
  ]);
  const sheet = (body: string) => ({
    name: "Ragioneria",
    at: "A1",
    rows: [
      ["Tipo ente", body],
      ["Popolazione al 31/12/2022", 12345],
      ["Spesa di personale 2019", 1_900_000],
      ["Spesa di personale 2018", 1_800_000],
      ["Spesa di personale 2021", 2_100_000],
      ["Spesa di personale 2008", 1_500_000],
      ["Entrate correnti rendiconto 2019", 8_000_000],
      ["Entrate correnti rendiconto 2020", 8_500_000],
      ["Entrate correnti rendiconto 2021", 9_000_000],
      ["Limite spesa di personale c. 557 (anno 2022)", "rispettato"],
      ["Nel triennio: 7 cessazioni nel 2023"],
    ],
  });
  const c = convert(await snapshotsOf([sheet("Comune")])).spending.inputs;
  expect([c.baseSpending, c.spending, c.spending2008, c.lastRendiconto]).toEqual([
    1_800_000, 2_100_000, 1_500_000, 2021,
  ]);
  expect([c.populationDate, c.statement557]).toEqual(["31/12/2022", "rispettato nel 2022"]);
  expect(c.departures).toEqual([{ year: 2023, area: null, count: 7, months: null }]);
  const p = convert(await snapshotsOf([sheet("Provincia")])).spending.inputs;
  expect([p.baseSpending, p.spending]).toEqual([1_900_000, 2_100_000]);
});

test("the reference PIAO: figures, the c. 557 statement and the cap warning", async () => {
  const r = convert(snapshotsOfFile(EXAMPLE));
  expect(r.spending.inputs.statement557).toBe("rispettato nel 2022");
  expect(r.spending.inputs.populationDate).toBe("31/12/2021");
  expect(r.spending.inputs.lastRendiconto).toBe(2021);
  expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.code)).toEqual([
    "SPESA_LIMITE_NON_VERIFICABILE",
  ]);
  expect(r.spending.outputs.conditions).toBe("da verificare");
  expect(r.spending.years.map((y) => [y.year, y.margin, y.capState])).toEqual([
    [2023, 178219.46, "non verificabile"],
    [2024, 178219.46, "non verificabile"],
    [2025, 178219.46, "non previsto"],
  ]);
});
