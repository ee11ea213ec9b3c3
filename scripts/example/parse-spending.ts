/**
 * Section 3.3 of the reference text: the staff-spending figures, only what the text states (plus the two
 * figures they come from, derived to the cent and labelled as derived).
 */
import { MONTHS, findLine, parseItalianNumber, parsePercent } from "./lines";

/** One figure of the "Spesa personale" sheet. */
export interface SpendingFigure {
  label: string;
  value: number | string;
  /** 1-based line the figure was read from. */
  line: number;
  /** Excel number format of the value, if any. */
  format: string | null;
  /** Written next to the value. */
  note?: string;
}

export interface SpendingParse {
  figures: SpendingFigure[];
  warnings: string[];
}

interface Hit {
  m: RegExpExecArray;
  line: number;
}

const SECTION = "3.3 PIANO TRIENNALE DEI FABBISOGNI DI PERSONALE 2023-2025";

/** Collects the figures in the order they are found; every search works on the whole text or a range. */
class FigureReader {
  readonly figures: SpendingFigure[] = [];
  readonly warnings: string[] = [];

  constructor(private readonly lines: readonly string[]) {}

  search(re: RegExp, from = 0, to = this.lines.length): Hit | null {
    for (let i = from; i < to; i++) {
      const m = re.exec(this.lines[i]);
      if (m) return { m, line: i + 1 };
    }
    return null;
  }

  add(
    label: string,
    value: number | string,
    line: number,
    format: string | null = null,
    note?: string,
  ): void {
    this.figures.push({ label, value, line, format, note });
  }

  get(prefix: string): SpendingFigure | undefined {
    return this.figures.find((f) => f.label.startsWith(prefix));
  }
}

/** The body (type and name) and its resident population, stated outside section 3.3. */
function readBody(r: FigureReader): void {
  let hit = r.search(
    /valore soglia da considerare per la (Provincia|Città metropolitana|Comune) di ([^,]+),/,
  );
  if (hit) {
    r.add("Ente", `${hit.m[1]} di ${hit.m[2].replace(/-\s+/g, "-").trim()}`, hit.line);
    r.add("Tipo ente", hit.m[1], hit.line);
  } else r.warnings.push("body type not found");

  hit = r.search(
    /popolazione residente .*? al (\d{1,2}) (\w+) (\d{4}) è risultata pari a ([\d.]+) abitanti/i,
  );
  if (hit) {
    const month = MONTHS.indexOf(hit.m[2].toLowerCase()) + 1;
    const date = `${hit.m[1].padStart(2, "0")}/${String(month).padStart(2, "0")}/${hit.m[3]}`;
    r.add(`Popolazione al ${date}`, parseItalianNumber(hit.m[4]), hit.line, "#,##0");
  } else r.warnings.push("population not found");
}

/** Band, threshold, maximum spending and ratio, stated in section 3.3 (lines from..to). */
function readThreshold(r: FigureReader, from: number, to: number): void {
  let hit = r.search(
    /fascia ([a-e])\) di cui all.art\. 3 del decreto, in quanto ente con ([^,]+),/,
    from,
    to,
  );
  if (hit) r.add("Fascia demografica (D.M. 11/1/2022)", hit.m[1], hit.line, null, `ente con ${hit.m[2]}`);

  hit = r.search(/è fissato al (\d+,\d+)%/, from, to);
  if (hit) r.add("Valore soglia (D.M. 11/1/2022, art. 4)", parsePercent(hit.m[1]), hit.line, "0.00%");
  else r.warnings.push("threshold not found");

  hit = r.search(/corrisponde all.importo di €\s*([\d.]+,\d{2})/, from, to);
  if (hit) {
    r.add(
      "Spesa massima di personale (valore soglia × entrate correnti nette)",
      parseItalianNumber(hit.m[1]),
      hit.line,
      "#,##0.00",
    );
  } else r.warnings.push("max spending not found");

  hit = r.search(/e precisamente al (\d+,\d+)%/, from, to);
  if (hit) {
    r.add("Rapporto spesa di personale / entrate correnti", parsePercent(hit.m[1]), hit.line, "0.00%");
  } else r.warnings.push("ratio not found");
}

/** The headroom and the c. 557 limit, stated anywhere in the text. */
function readHeadroom(r: FigureReader): void {
  let hit = r.search(
    /da applicare alla media delle entrate correnti (\d{4}-\d{4}) risulta pari a €\s*([\d.]+,\d{2})/,
  );
  if (hit) {
    r.add(
      `Margine (importo da applicare alla media delle entrate correnti ${hit.m[1]})`,
      parseItalianNumber(hit.m[2]),
      hit.line,
      "#,##0.00",
    );
  } else r.warnings.push("headroom not found");

  hit = r.search(
    /(risulta rispettato) nell.anno (\d{4}) il limite della spesa di personale, ai sensi dei commi 557/,
  );
  if (hit) r.add(`Limite spesa di personale c. 557 L. 296/2006 (anno ${hit.m[2]})`, "rispettato", hit.line);
}

/**
 * The text gives the threshold, the maximum spending and the headroom, not the two figures they come
 * from: derive them (to the cent) as the finance office would, and say so next to each value.
 */
function deriveInputs(r: FigureReader): void {
  const threshold = r.get("Valore soglia");
  const max = r.get("Spesa massima");
  const margin = r.get("Margine");
  if (!threshold || !max || !margin) return;
  const cents = (x: number) => Math.round(x * 100) / 100;
  r.add(
    "Entrate correnti nette (media rendiconti 2019-2021 al netto del FCDE)",
    cents(Number(max.value) / Number(threshold.value)),
    max.line,
    "#,##0.00",
    "ricavate: spesa massima / valore soglia",
  );
  r.add(
    "Spesa di personale (ultimo rendiconto approvato)",
    cents(Number(max.value) - Number(margin.value)),
    margin.line,
    "#,##0.00",
    "ricavata: spesa massima - margine",
  );
}

export function parseSpending(lines: readonly string[]): SpendingParse {
  const r = new FigureReader(lines);
  const section = findLine(lines, SECTION);
  let sectionEnd = lines.length;
  for (let i = section + 1; i < lines.length; i++) {
    if (/^3\.3\.1\s|^SEZIONE/.test(lines[i].trim())) {
      sectionEnd = i;
      break;
    }
  }

  const year = section >= 0 ? /(\d{4})-\d{4}$/.exec(lines[section]) : null;
  if (year) r.add("Anno del piano", Number(year[1]), section + 1, null, lines[section].trim());

  readBody(r);
  readThreshold(r, section, sectionEnd);
  readHeadroom(r);
  deriveInputs(r);

  for (const probe of ["21.893.172,40", "4.375.560,40", "2011-2013", "2011/2013"]) {
    if (!lines.some((l) => l.includes(probe))) r.warnings.push(`"${probe}" is not in the text`);
  }
  return { figures: r.figures, warnings: r.warnings };
}
