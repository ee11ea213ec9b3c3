/**
 * Detection and normalisation of indicator series (wide and long layouts, ratios) and of the strategic
 * objectives table of section 2.1, on workbooks written as real .xlsx files; the plan of PIAO Indicatori.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { INDICATOR_COLUMNS as C, SHEETS, TABLES, TREND_PARAMETERS } from "../src/engine/core/contract";
import { detectIndicators } from "../src/engine/indicators/detect";
import type { Indicator } from "../src/engine/indicators/model";
import { parseRatioText, splitIndicatorText } from "../src/engine/indicators/normalise";
import { indicatorsPart, indicatorYears } from "../src/engine/indicators/part";
import { isFormula, type PlanValue } from "../src/engine/core/plan";
import type { SheetSnapshot } from "../src/engine/core/snapshot";
import { snapshotWorkbook } from "./helpers/xlsx";
import { card, snapshotsOf } from "./helpers/workbooks";

const EXAMPLE = path.join(__dirname, "..", "examples", "piao-massa-carrara-2023-2025.xlsx");

const codes = (part: ReturnType<typeof indicatorsPart>) => part.findings.map((f) => f.code);

describe("wide series", () => {
  test("one indicator per row, years as `2019`, `Anno 2020` or numbers; optional columns in any order", async () => {
    const snaps = await snapshotsOf([
      {
        name: "Indicatori",
        at: "B3",
        rows: [
          ["Indicatori di valore pubblico"],
          [],
          ["INDICATORE", "Unità di misura", "Anno 2019", 2020, "2021", "Polarità", "Target", "Anno target"],
          ["Dipendenti formati", "%", 40, "45,5", null, "crescente", 60, 2025],
          ["Tempi medi di pagamento", "giorni", 35, 31, 28, "Decrescente", "30", null],
          ["Segnalazioni", null, "n.d.", "-", "12", "lower is better"],
          ["Servizi online", null, "molti", null, null, "boh"],
          [],
          ["Note: dati provvisori"],
        ],
        formats: {},
      },
    ]);
    const part = indicatorsPart(snaps, [2023, 2024, 2025]);
    expect(part.indicators.map((i) => i.name)).toEqual([
      "Dipendenti formati",
      "Tempi medi di pagamento",
      "Segnalazioni",
      "Servizi online",
    ]);
    const [formati, tempi, segnalazioni, online] = part.indicators;
    expect(formati.values).toEqual({ 2019: 40, 2020: 45.5 });
    expect(formati.unitOfMeasure).toBe("%");
    expect([formati.target, formati.targetYear, formati.polarity]).toEqual([60, 2025, "crescente"]);
    expect(tempi.values).toEqual({ 2019: 35, 2020: 31, 2021: 28 });
    expect([tempi.polarity, tempi.target, tempi.targetYear]).toEqual(["decrescente", 30, null]);
    expect(segnalazioni.values).toEqual({ 2021: 12 });
    expect(segnalazioni.polarity).toBe("decrescente");
    expect(online.values).toEqual({});
    expect(online.polarity).toBe("crescente");
    expect(formati.source).toEqual({ sheet: "Indicatori", row: 5, col: 1 });
    expect(codes(part)).toEqual(
      expect.arrayContaining([
        "INDICATORE_VALORE_TESTO",
        "INDICATORE_VALORE_NON_NUMERICO",
        "INDICATORE_POLARITA_SCONOSCIUTA",
      ]),
    );
    // "n.d." and "-" are placeholders, not errors; "molti" is reported.
    expect(part.findings.filter((f) => f.code === "INDICATORE_VALORE_NON_NUMERICO")).toHaveLength(1);
    // Year columns: the years found and the plan years, contiguous.
    expect(part.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(part.perSheet.get("Indicatori")).toBe(4);
  });

  test("percent-formatted values become percentage points with unit %", async () => {
    const snaps = await snapshotsOf([
      {
        name: "S",
        rows: [
          ["Indicatore", "2022", "2023", "Target"],
          ["Copertura", 0.45, 0.5, 0.6],
        ],
        formats: { B2: "0%", C2: "0.0%", D2: "0%" },
      },
    ]);
    const part = indicatorsPart(snaps, []);
    expect(part.indicators[0].values).toEqual({ 2022: 45, 2023: 50 });
    expect(part.indicators[0].target).toBe(60);
    expect(part.indicators[0].unitOfMeasure).toBe("%");
    expect(codes(part)).toContain("INDICATORE_PERCENTUALE");
  });

  test("a merged objective cell applies to every indicator row it spans", async () => {
    const snaps = await snapshotsOf([
      {
        name: "S",
        rows: [
          ["Obiettivo strategico", "Indicatore", "2021", "2022"],
          ["Sicurezza stradale", "Sinistri", 10, 8],
          [null, "Controlli autovelox", 100, 120],
        ],
        merges: ["A2:A3"],
      },
    ]);
    const part = indicatorsPart(snaps, []);
    expect(part.indicators.map((i) => [i.objective, i.name])).toEqual([
      ["Sicurezza stradale", "Sinistri"],
      ["Sicurezza stradale", "Controlli autovelox"],
    ]);
  });

  test("objective cards (an Indicatore column but no years) are not indicator series", async () => {
    const snaps = await snapshotsOf([
      { name: "Staff", rows: card({ code: "A.1.1", name: "X", type: "I", weight: 100 }) },
    ]);
    expect(detectIndicators(snaps[0]).indicators).toEqual([]);
    expect(indicatorsPart(snaps, [2023]).indicators).toEqual([]);
  });
});

describe("long series", () => {
  test("indicator, year, value rows grouped by indicator; an empty indicator cell repeats the one above", async () => {
    const snaps = await snapshotsOf([
      {
        name: "Serie storiche",
        rows: [
          ["Indicatore", "Anno", "Valore", "U.M.", "Polarità"],
          ["Volontari protezione civile", 2019, 310, "n.", "crescente"],
          [null, "2020", 325],
          [null, "Anno 2021", 0],
          [null, "ventidue", 3],
          ["Incidenti", 2020, 14, "n.", "decrescente"],
          ["Incidenti", 2021, -2],
          ["Volontari protezione civile", 2022, 360],
          [],
          ["Year", "Indicator", "Value"],
          [2020, "Other", 1],
        ],
      },
    ]);
    const part = indicatorsPart(snaps, []);
    expect(part.indicators.map((i) => [i.name, i.values, i.unitOfMeasure, i.polarity])).toEqual([
      ["Volontari protezione civile", { 2019: 310, 2020: 325, 2021: 0, 2022: 360 }, "n.", "crescente"],
      ["Incidenti", { 2020: 14, 2021: -2 }, "n.", "decrescente"],
      ["Other", { 2020: 1 }, "", "crescente"],
    ]);
    expect(codes(part)).toContain("INDICATORE_ANNO_NON_VALIDO");
    expect(part.indicators[0].origin).toBe("long");
  });
});

describe("ratio indicators", () => {
  test("wide: Numeratore/Denominatore year columns and the factor from the text give the values", async () => {
    const snaps = await snapshotsOf([
      {
        name: "Rapporti",
        rows: [
          ["Indicatore", "Numeratore 2021", "Numeratore 2022", "Denominatore 2021", "Denominatore 2022"],
          ["n. volontari protezione civile / n. abitanti *100.000", 310, 330, 190000, 0],
        ],
      },
    ]);
    const [ind] = indicatorsPart(snaps, []).indicators;
    expect(ind.ratio).toMatchObject({
      numerator: "n. volontari protezione civile",
      denominator: "n. abitanti",
      factor: 100000,
      numerators: { 2021: 310, 2022: 330 },
      denominators: { 2021: 190000, 2022: 0 },
    });
    // A zero denominator leaves the year empty.
    expect(ind.values).toEqual({ 2021: (310 / 190000) * 100000 });
  });

  test("long: numeric Numeratore/Denominatore columns with a Fattore column; descriptions when text", async () => {
    const snaps = await snapshotsOf([
      {
        name: "Formazione",
        rows: [
          ["Indicatore", "Anno", "Numeratore", "Denominatore", "Fattore"],
          ["Tasso di formazione", 2021, 80, 200, 100],
          [null, 2022, 150, 210],
          [null, 2023, null, 205],
        ],
      },
      {
        name: "Descrizioni",
        rows: [
          ["Indicatore", "Numeratore", "Denominatore", "Fattore", "2022"],
          ["Ponti sicuri", "ponti sicuri", "ponti valutati", 100, 62.5],
        ],
      },
    ]);
    const [formazione, ponti] = indicatorsPart(snaps, []).indicators;
    expect(formazione.ratio).toMatchObject({ factor: 100, numerators: { 2021: 80, 2022: 150 } });
    expect(formazione.values).toEqual({ 2021: 40, 2022: (150 / 210) * 100 });
    expect(ponti.ratio).toMatchObject({
      numerator: "ponti sicuri",
      denominator: "ponti valutati",
      factor: 100,
    });
    expect(ponti.values).toEqual({ 2022: 62.5 });
  });

  test("ratio texts of the reference PIAO", () => {
    expect(
      parseRatioText(
        "Indicatore di formazione professionale Tasso di formazione del personale (corsi interni/esterni) – n dipendenti formati/n dipendenti * 100 (trend nel tempo)",
      ),
    ).toEqual({ numerator: "n dipendenti formati", denominator: "n dipendenti", factor: 100 });
    expect(parseRatioText("Trend n. volontari protezione civile / n. abitanti *100.000")).toEqual({
      numerator: "n. volontari protezione civile",
      denominator: "n. abitanti",
      factor: 100000,
    });
    expect(parseRatioText("trend ponti sicuri/ponti valutati * 100")).toEqual({
      numerator: "ponti sicuri",
      denominator: "ponti valutati",
      factor: 100,
    });
    // Two ratios in one text: not a single ratio indicator.
    expect(
      parseRatioText(
        "n permessi soggiorno / n. stranieri * 100 Trend studenti che abbandonano gli studi /n residenti * 100",
      ),
    ).toBeNull();
    expect(parseRatioText("Trend (pendolarismo per studio/lavoro) – n. utenti TPL")).toBeNull();
  });
});

describe("strategic objectives (section 2.1)", () => {
  test("splitting an Indicatori cell: numbered, paragraphs, bullets; otherwise one item", () => {
    expect(
      splitIndicatorText("1 Grado medio (percentuale) 2 Rispetto dei tempi * 100 3 Numero di edifici"),
    ).toEqual(["Grado medio (percentuale)", "Rispetto dei tempi * 100", "Numero di edifici"]);
    expect(splitIndicatorText("<p>1 Primo</p> <p>2 trend secondo</p>")).toEqual(["Primo", "trend secondo"]);
    expect(splitIndicatorText("<p>Trend A</p> <p>Trend B</p>")).toEqual(["Trend A", "Trend B"]);
    expect(splitIndicatorText("• Uno\n• Due")).toEqual(["Uno", "Due"]);
    expect(splitIndicatorText("<p>Solo uno</p>")).toEqual(["Solo uno"]);
    // Not clearly numbered: the numbers do not start the text, or do not run in order.
    expect(splitIndicatorText("Trend n. abitanti 2 Numero")).toEqual(["Trend n. abitanti 2 Numero"]);
    expect(splitIndicatorText("1 Riduzione entro 3 Giorni")).toEqual(["1 Riduzione entro 3 Giorni"]);
    expect(splitIndicatorText("")).toEqual([]);
  });

  test("the example's strategic objectives (lines A–D) become rows with their indicator texts", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXAMPLE);
    const part = indicatorsPart(await snapshotWorkbook(wb), [2023, 2024, 2025]);
    const rows = part.indicators;
    const perCode = new Map<string, number>();
    for (const r of rows) perCode.set(r.objectiveCode, (perCode.get(r.objectiveCode) ?? 0) + 1);
    expect([...perCode]).toEqual([
      ["A.1", 1],
      ["A.2", 1],
      ["A.3", 1],
      ["A.4", 1],
      ["A.5", 1],
      ["B", 7],
      ["C", 7],
      ["D.1", 2],
      ["D.2", 1],
      ["D.3", 1],
      ["D.4", 4],
    ]);
    expect(rows.every((r) => r.origin === "strategic" && Object.keys(r.values).length === 0)).toBe(true);
    expect(part.perSheet).toEqual(new Map([["Obiettivi strategici", 27]]));

    const a1 = rows.find((r) => r.objectiveCode === "A.1")!;
    expect(a1.name).toContain("n dipendenti formati/n dipendenti * 100");
    expect(a1.objective).toBe("Valorizzare le risorse umane");
    expect(a1.strategicLine).toBe("Perseguire il miglioramento e la qualità organizzativa");
    expect(a1.manager).toBe("Dott.ssa Claudia Bigi");
    expect(a1.ratio).toMatchObject({
      numerator: "n dipendenti formati",
      denominator: "n dipendenti",
      factor: 100,
    });
    const a5 = rows.find((r) => r.objectiveCode === "A.5")!;
    expect(a5.name).toBe("Trend n. volontari protezione civile / n. abitanti *100.000");
    expect(a5.ratio?.factor).toBe(100000);
    expect(rows.find((r) => r.objectiveCode === "A.3")!.name).toBe(
      "Trend n. di servizi accessibili tramite SPID e CIE",
    );

    const b = rows.filter((r) => r.objectiveCode === "B").map((r) => r.name);
    expect(b[0]).toBe("Grado (medio) di perseguimento degli obiettivi individuali (percentuale)");
    expect(b[5]).toBe("trend ponti sicuri/ponti valutati * 100");
    expect(b[6]).toMatch(/^Sinistrosità/);
    expect(rows.find((r) => r.objectiveCode === "B")!.objective).not.toMatch(/<p>/);
    expect(rows.filter((r) => r.objectiveCode === "C").map((r) => r.name)[5]).toBe("Misure di microclima");
    const d1 = rows.filter((r) => r.objectiveCode === "D.1").map((r) => r.name);
    expect(d1[0]).toMatch(/^Riduzione della necessità di pendolarismo fra zone.*\* 100$/);
    expect(d1[1]).toMatch(/^Numero di strutture scolastiche/);
    const d3 = rows.find((r) => r.objectiveCode === "D.3")!;
    expect(d3.ratio).toMatchObject({
      numerator: "Comuni raggiunti dal TPL",
      denominator: "Comuni ubicati in aree deboli",
    });
    expect(d3.manager).toBe("Ing. Stefano Michela");
    expect(rows.filter((r) => r.objectiveCode === "D.4").map((r) => r.name)).toEqual([
      "Trend delle iniziative realizzate nelle varie sale del Palazzo Ducale",
      "Trend del numero dei fruitori delle iniziative culturali",
      "Trend delle richieste di supporto amministrativo e delle azioni di supporto espletate",
      "Trend del numero delle gare espletate dalla Provincia in qualità di stazione unica",
    ]);
    expect(rows.find((r) => r.objectiveCode === "D.4")!.manager).toBe(
      "Arch. Marina Tongiani; Dott.ssa Claudia Bigi",
    );
    expect(codes(part)).toEqual(expect.arrayContaining(["INDICATORI_SEPARATI", "INDICATORE_RAPPORTO"]));
    expect(part.findings.filter((f) => f.severity !== "info")).toEqual([]);

    // Every row is ready to fill: plan years as columns, empty values; no chart until a value is typed.
    expect(part.years).toEqual([2023, 2024, 2025]);
    expect(part.charts).toEqual([]);
  });

  test("a series with the name of one strategic indicator fills that row; an ambiguous one gets its own", async () => {
    const snaps = await snapshotsOf([
      {
        name: "Strategia",
        rows: [
          ["N.", "Linea strategica", "Obiettivi strategici", "Indicatori", "Dirigente responsabile"],
          ["B", "Viabilità", "Ponti", "<p>1 Grado medio</p><p>2 Ponti sicuri</p>", "Ing. Rossi"],
          ["C", "Scuole", "Edifici", "1 Grado medio 2 Microclima", "Arch. Bianchi"],
        ],
      },
      {
        name: "Dati",
        rows: [
          ["Indicatore", "2021", "2022"],
          ["Ponti sicuri", 40, 45],
          ["Grado medio", 90, 95],
        ],
      },
    ]);
    const part = indicatorsPart(snaps, [2023]);
    expect(part.indicators.map((i) => `${i.objectiveCode}|${i.name}|${JSON.stringify(i.values)}`)).toEqual([
      "B|Grado medio|{}",
      'B|Ponti sicuri|{"2021":40,"2022":45}',
      "C|Grado medio|{}",
      "C|Microclima|{}",
      '|Grado medio|{"2021":90,"2022":95}',
    ]);
    expect(codes(part)).toContain("INDICATORE_NON_ABBINATO");
    expect(part.perSheet).toEqual(
      new Map([
        ["Strategia", 4],
        ["Dati", 2],
      ]),
    );
  });
});

describe("the PIAO Indicatori plan", () => {
  const ind = (name: string, values: Record<number, number>, extra: Partial<Indicator> = {}): Indicator => ({
    name,
    objective: "",
    objectiveCode: "",
    strategicLine: "",
    manager: "",
    unitOfMeasure: "",
    polarity: "crescente",
    values,
    ratio: null,
    target: null,
    targetYear: null,
    source: { sheet: "S", row: 1, col: 0 },
    origin: "wide",
    ...extra,
  });

  test("columns, uniform non-volatile formulas, parameters, conditional formats and charts", async () => {
    const snaps = await snapshotsOf([
      {
        name: "S",
        rows: [
          ["Obiettivo", "Indicatore", "Numeratore 2021", "Denominatore 2021", "2022", "Fattore"],
          ["Formazione", "Formati", 10, 20, null, 100],
          ["Formazione", "Ore", null, null, 5],
          ["Strade", "Sinistri", null, null, 7],
        ],
      },
    ]);
    const part = indicatorsPart(snaps, [2024, 2025]);
    const block = part.sheet.blocks.find((b) => b.at === "A2")!;
    const header = block.rows[0] as string[];
    for (const h of [
      "Indicatore",
      "Obiettivo",
      "Polarità",
      "2021",
      "2022",
      "2023",
      "2024",
      "2025",
      "Variazione",
      "Variazione %",
      "CAGR",
      "Pendenza",
      "Tendenza",
      "Target",
      "Anno target",
      "Proiezione",
      "Esito target",
      "Numeratore 2021",
      "Denominatore 2025",
    ])
      expect(header).toContain(h);
    const years = header.filter((h) => /^\d{4}$/.test(h));
    expect(years).toEqual(["2021", "2022", "2023", "2024", "2025"]);
    // Year columns are contiguous; row 1 holds them as numbers for SLOPE/FORECAST.
    const first = header.indexOf("2021");
    expect(header.indexOf("2025")).toBe(first + 4);
    expect(part.sheet.blocks.find((b) => b.rows[0]?.[0] === 2021)?.rows).toEqual([
      [2021, 2022, 2023, 2024, 2025],
    ]);
    expect(part.sheet.tables).toEqual([expect.objectContaining({ name: TABLES.indicators })]);

    // Every computed column holds one formula per row, identical once the row number is abstracted.
    const dataRows = block.rows.slice(1);
    const shape = (v: PlanValue, r: number) =>
      isFormula(v) ? v.f.replace(new RegExp(`([A-Z]+)${r}(?!\\d)`, "g"), "$1#") : null;
    for (const key of [
      "count",
      "firstYear",
      "lastYear",
      "lastValue",
      "change",
      "changePct",
      "cagr",
      "slope",
    ] as const) {
      const c = header.indexOf(C[key]);
      const shapes = new Set(dataRows.map((row, i) => shape(row[c], i + 3)));
      expect(shapes.size).toBe(1);
      expect([...shapes][0]).not.toBeNull();
    }
    const all = dataRows
      .flat()
      .filter(isFormula)
      .map((f) => f.f);
    for (const f of all) {
      expect(f).not.toMatch(/\b(OFFSET|INDIRECT|TODAY|NOW|RAND|RANDBETWEEN|FORECAST\.LINEAR|TREND)\(/);
      expect(f).not.toMatch(/\b[A-Z]+:[A-Z]+\b/); // no whole-column references
    }
    expect(all.some((f) => f.includes(TREND_PARAMETERS.stability))).toBe(true);
    // The ratio row's 2021 value is numerator / denominator × factor.
    const formati = dataRows[0][first] as { f: string };
    expect(formati.f).toMatch(/^=IF\(AND\(ISNUMBER\([A-Z]+3\),ISNUMBER\([A-Z]+3\)\)/);
    expect(dataRows[1][first + 1]).toBe(5);

    expect(part.parameterSection).toMatchObject({
      kind: "values",
      table: TREND_PARAMETERS.table,
      rows: [
        expect.objectContaining({ name: "PIAO_SogliaStabilita", value: 0.01 }),
        expect.objectContaining({ name: "PIAO_AnnoProiezione", value: 2025 }),
      ],
    });
    const tendenza = `${String.fromCharCode(65 + header.indexOf(C.direction))}`;
    expect(part.sheet.conditionalFormats.filter((c) => c.range.startsWith(tendenza))).toHaveLength(4);
    expect(part.charts.map((c) => [c.type, c.title, c.series.length])).toEqual([
      ["line", "Formazione", 2],
      ["line", "Strade", 1],
    ]);
    expect(part.charts[0].series[0].values).toMatch(/^'PIAO Indicatori'!\$[A-Z]+\$3:\$[A-Z]+\$3$/);
    expect(part.charts[0].series[0].categories).toMatch(/\$2:\$[A-Z]+\$2$/);
    expect(part.sheet.name).toBe(SHEETS.indicators);
  });

  test("year columns: the years found plus the plan years, gaps filled; none without data and plan", () => {
    expect(indicatorYears([ind("a", { 2019: 1 }), ind("b", { 2021: 2 })], [2023, 2024])).toEqual([
      2019, 2020, 2021, 2022, 2023, 2024,
    ]);
    expect(indicatorYears([ind("a", {})], [])).toEqual([]);
    const empty = indicatorsPart([], []);
    expect(empty.indicators).toEqual([]);
    expect(empty.charts).toEqual([]);
    expect(empty.sheet.tables).toHaveLength(1);
  });

  test("a 40,000-row long table and a 20,000-row wide table are read completely", () => {
    const long: SheetSnapshot = {
      name: "L",
      top: 0,
      left: 0,
      values: [
        ["Indicatore", "Anno", "Valore"],
        ...Array.from({ length: 40000 }, (_, i) => [`Ind ${i % 500}`, 2000 + (i % 25), i]),
      ],
      merges: [],
      hiddenRows: [],
      hiddenCols: [],
    };
    const wide: SheetSnapshot = {
      ...long,
      name: "W",
      values: [
        ["Indicatore", ...Array.from({ length: 20 }, (_, k) => String(2000 + k))],
        ...Array.from({ length: 20000 }, (_, i) => [
          `Ind ${i}`,
          ...Array.from({ length: 20 }, (_, k) => i + k),
        ]),
      ],
    };
    // Speed is measured by `npm run bench`, not asserted here (a loaded machine would make it flaky).
    for (const s of [long, wide]) {
      const det = detectIndicators(s);
      expect(det.indicators.length).toBe(s === long ? 500 : 20000);
    }
  });
});
