/** Spending figures as labelled cells anywhere: value to the right (a few columns away) or below. */
import { convert } from "../src/engine/convert";
import { spendingField } from "../src/engine/spending/detect";
import { snapshotsOf } from "./helpers/workbooks";

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
  expect(spendingField("Spesa di personale 2018")).toEqual({ kind: "base", year: 2018 });
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
