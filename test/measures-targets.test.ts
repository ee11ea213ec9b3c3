/**
 * Targets and values as clerks write them (issue 17): operators and words, Italian and English numbers with
 * units, dates, yes/no, ranges; what cannot be read stays text. Also the reference rules on hand-computed
 * cases (the LibreOffice test compares the formulas with the same functions over generated cases).
 */
import { dateSerial, parseTarget, readPolarity, readQuantity } from "../src/engine/measures/targets";
import { measureAchievement, objectiveAchievement, type RuleInputs } from "../src/engine/measures/rules";

const Y = 2025;
const d = (day: number, month: number, year = Y) => dateSerial(year, month, day)!;

test.each([
  ["<= 30 gg", "decrescente", 30, "giorni"],
  ["≤ 15 giorni", "decrescente", 15, "giorni"],
  ["<=30gg", "decrescente", 30, "giorni"],
  ["non oltre 60 gg", "decrescente", 60, "giorni"],
  ["entro 30 giorni", "decrescente", 30, "giorni"],
  ["massimo 10", "decrescente", 10, ""],
  ["max 2", "decrescente", 2, ""],
  ["minore di 5", "decrescente", 5, ""],
  [">= 40%", "crescente", 0.4, "%"],
  [">=40 %", "crescente", 0.4, "%"],
  ["≥ 95% delle pratiche", "crescente", 0.95, "%"],
  ["almeno il 50%", "crescente", 0.5, "%"],
  ["100%", "crescente", 1, "%"],
  [">= 200.000 €", "crescente", 200000, "€"],
  ["€ 1.500,50", "crescente", 1500.5, "€"],
  ["at least 1,500.50", "crescente", 1500.5, ""],
  ["almeno 5", "crescente", 5, ""],
  ["non meno di 3 incontri", "crescente", 3, "incontri"],
  ["n. 12", "crescente", 12, "n."],
  ["1.000 pratiche", "crescente", 1000, "pratiche"],
  ["1,5", "crescente", 1.5, ""],
  ["entro il 30/04/2025", "scadenza", d(30, 4), ""],
  ["entro il 30/06", "scadenza", d(30, 6), ""],
  ["30 aprile 2025", "scadenza", d(30, 4), ""],
  ["entro il 31 dicembre", "scadenza", d(31, 12), ""],
  ["31/12/2024", "scadenza", d(31, 12, 2024), ""],
  ["30.09.2025", "scadenza", d(30, 9), ""],
  ["Sì", "sì/no", 1, ""],
  ["SI", "sì/no", 1, ""],
  ["X", "sì/no", 1, ""],
  ["fatto", "sì/no", 1, ""],
])("target %j → %s %d %j", (text, polarity, value, unit) => {
  const t = parseTarget(text, null, Y);
  expect(t).not.toBeNull();
  expect(t!.polarity).toBe(polarity);
  expect(t!.rule).toBe(polarity);
  expect(t!.value).toBeCloseTo(value, 10);
  expect(t!.unit).toBe(unit);
});

test("ranges score against their lower end", () => {
  expect(parseTarget("tra 20 e 30", null, Y)).toMatchObject({ value: 20, rule: "crescente" });
  expect(parseTarget("da 1.000 a 2.000 €", null, Y)).toMatchObject({ value: 1000, unit: "€" });
  expect(parseTarget("tra 30 e 20", null, Y)).toBeNull();
});

test.each([
  "Approvazione del regolamento",
  "entro l'anno",
  "31/02/2025",
  ">= sì",
  "in linea con il 2024",
  "",
])("%j is not a target the engine can read: null", (text) => expect(parseTarget(text, null, Y)).toBeNull());

test("cells: numbers by their format, booleans as yes/no", () => {
  expect(parseTarget(0.4, "0%", Y)).toMatchObject({ kind: "percent", value: 0.4, rule: "crescente" });
  expect(parseTarget(d(30, 4), "dd/mm/yyyy", Y)).toMatchObject({ kind: "date", rule: "scadenza" });
  expect(parseTarget(true, null, Y)).toMatchObject({ rule: "sì/no", value: 1 });
  expect(readQuantity("28 gg", null, Y)).toEqual({ kind: "number", value: 28, unit: "giorni" });
  expect(readQuantity("No", null, Y)).toEqual({ kind: "yesno", value: 0, unit: "" });
  expect(readQuantity("15/05/2025", null, Y)).toEqual({ kind: "date", value: d(15, 5), unit: "" });
  expect(readQuantity("in corso", null, Y)).toBeNull();
});

test("polarity words of a Polarità column", () => {
  expect(["crescente", "↓", "scadenza", "Sì/No", "boh"].map(readPolarity)).toEqual([
    "crescente",
    "decrescente",
    "scadenza",
    "sì/no",
    undefined,
  ]);
});

const P = { deadlineTolerance: 0, bandEdges: [0, 0.5, 0.75, 1] };
const rule = (r: Partial<RuleInputs>): RuleInputs => ({
  rule: "crescente",
  polarity: "crescente",
  target: null,
  baseline: null,
  value: null,
  ...r,
});

test.each<[string, Partial<RuleInputs>, number | undefined]>([
  ["crescente without baseline", { target: 0.4, value: 0.35 }, 0.875],
  ["crescente with baseline", { target: 100, baseline: 60, value: 80 }, 0.5],
  ["crescente above target is capped", { target: 10, value: 12 }, 1],
  ["decrescente at target", { rule: "decrescente", target: 30, value: 30 }, 1],
  ["decrescente without baseline", { rule: "decrescente", target: 30, value: 40 }, 0.75],
  ["decrescente with baseline", { rule: "decrescente", target: 30, baseline: 50, value: 45 }, 0.25],
  ["scadenza late", { rule: "scadenza", target: d(30, 4), value: d(15, 5) }, 0],
  ["scadenza on time", { rule: "scadenza", target: d(30, 4), value: d(30, 4) }, 1],
  ["sì/no yes", { rule: "sì/no", value: "Sì" }, 1],
  ["sì/no no", { rule: "sì/no", value: "No" }, 0],
  ["fasce 0.8 → 0.75", { rule: "fasce", target: 10, value: 8 }, 0.75],
  [
    "fasce decrescente 50 for 30 → 0.5",
    { rule: "fasce", polarity: "decrescente", target: 30, value: 50 },
    0.5,
  ],
  ["empty value", { target: 10, value: "" }, undefined],
  ["text value", { target: 10, value: "in corso" }, undefined],
  ["no rule", { rule: "", target: 10, value: 5 }, undefined],
])("reference rule: %s", (_label, inputs, expected) => {
  const got = measureAchievement(rule(inputs), P);
  if (expected === undefined) expect(got).toBeUndefined();
  else expect(got).toBeCloseTo(expected, 12);
});

test("scadenza with a tolerance decays linearly", () => {
  const late = (days: number) =>
    measureAchievement(rule({ rule: "scadenza", target: d(30, 4), value: d(30, 4) + days }), {
      ...P,
      deadlineTolerance: 10,
    });
  expect([0, 5, 10, 20].map(late)).toEqual([1, 0.5, 0, 0]);
});

test("objective achievement: weighted mean, equal weights when none, empty until every measure is in", () => {
  expect(objectiveAchievement([])).toBeUndefined();
  expect(
    objectiveAchievement([
      { weight: null, achievement: 1 },
      { weight: null, achievement: 0.5 },
    ]),
  ).toBe(0.75);
  expect(
    objectiveAchievement([
      { weight: 3, achievement: 1 },
      { weight: 1, achievement: 0 },
    ]),
  ).toBe(0.75);
  expect(
    objectiveAchievement([
      { weight: 3, achievement: 1 },
      { weight: null, achievement: 0 },
    ]),
  ).toBe(1);
  expect(
    objectiveAchievement([
      { weight: 1, achievement: 1 },
      { weight: 1, achievement: undefined },
    ]),
  ).toBeUndefined();
});
