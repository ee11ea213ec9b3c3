/**
 * Section 2.2 of the reference text: the objective "cards" of every unit (Staff, Settore 1, 2, 3).
 *
 * A card is: four context rows (label, value), the "N. | Denominazione | Tipo | Peso | Indicatore" header,
 * one objective row (its cells may go on over later lines), the "Anno | Azioni" header with one row per
 * year, and the "Stato di avanzamento" row. Page headers sit between cards.
 */
import { fieldsOf, findLine, isBlank, isContinuation, isSeparator, stripHtml } from "./lines";

/** A line of the text kept with its 1-based line number. */
export interface TextLine {
  text: string;
  line: number;
}

export interface ContextRow {
  label: string;
  value: string;
  line: number;
}

/** The objective row of a card, every cell as written (trimmed). */
export interface CardObjective {
  code: string;
  name: string;
  type: string;
  weight: string;
  indicator: string;
  line: number;
  /** How many continuation lines were appended to the row's cells. */
  continued?: number;
}

export interface CardAction {
  year: number;
  text: string;
  line: number;
  /** The text goes on over later lines. */
  continued?: boolean;
}

export interface Card {
  /** 1-based line of the first context row. */
  line: number;
  /** The cells before the context label (the Staff cards carry the logo cells there). */
  banner: string[];
  /** Column of the context label, counted from the first field. */
  labelOffset: number;
  context: ContextRow[];
  header: string[] | null;
  objective: CardObjective | null;
  actionsHeader: string[] | null;
  actions: CardAction[];
  status: TextLine | null;
}

export interface Unit {
  /** "Obiettivi Uffici di Staff", "Obiettivi Settore 1", ... */
  title: string;
  line: number;
  staff: boolean;
  /** "Staff", "Settore 1", ...; null when the text never names the unit. */
  sheetName: string | null;
  /** The unit's name as written ("Settore: Settore 1 Amministrativo Finanziario"). */
  fullName?: string;
  /** The lines written under the title on the unit's sheet. */
  headings: string[];
  /** The first page headers met between the cards. */
  pageHeaders: TextLine[];
  cards: Card[];
}

export interface CardsParse {
  units: Unit[];
  warnings: string[];
  /** 1-based first line and (exclusive) end of the section. */
  range: [number, number];
}

/** Context labels of a card, as the units write them. */
const CONTEXT_LABELS = [
  "Linea strategica",
  "Centro di costo",
  "Riferimento al DUP: Missione/Programma",
  "Miss./Programma",
  "Dirigente responsabile",
  "Dirigente",
];

/** Index of the context label among the fields, or -1. */
function contextLabelIndex(fields: readonly string[]): number {
  for (let i = 0; i < fields.length - 1; i++) {
    if (CONTEXT_LABELS.includes(fields[i].trim())) return i;
  }
  return -1;
}

function isObjectiveHeader(fields: readonly string[]): boolean {
  return fields[0].trim() === "N." && fields.length >= 5 && /^Denominazione/.test(fields[1].trim());
}

function isActionsHeader(fields: readonly string[]): boolean {
  return fields[0].trim() === "Anno" && /^Azioni/.test((fields[1] || "").trim());
}

/** The objective row's cells, in column order (continuation lines append to the same column). */
const OBJECTIVE_KEYS = ["code", "name", "type", "weight", "indicator"] as const;

type State = "idle" | "context" | "objective" | "actions" | "status";

/** Reads the section line by line; a card is open while the state is not "idle". */
class CardReader {
  readonly units: Unit[] = [];
  readonly warnings: string[] = [];
  private unit: Unit | null = null;
  private card: Card | null = null;
  private state: State = "idle";

  constructor(private readonly lines: readonly string[]) {}

  read(i: number): void {
    const line = this.lines[i];
    const lineNo = i + 1;
    const fields = fieldsOf(line);
    const trimmed = line.trim();

    const unitHeader = /^Obiettivi (Uffici di Staff|Settore .+)$/.exec(trimmed);
    if (unitHeader) {
      this.startUnit(trimmed, unitHeader[1] === "Uffici di Staff", lineNo);
      return;
    }
    const unit = this.unit;
    if (!unit) return;

    const labelAt = contextLabelIndex(fields);
    if (labelAt >= 0) {
      this.readContext(fields, labelAt, lineNo);
      return;
    }
    if (isBlank(line) || isSeparator(line)) return;

    const card = this.card;
    if (this.state === "idle" || this.state === "status" || !card) this.readBetweenCards(unit, i);
    else this.readInCard(card, line, lineNo);
  }

  finishCard(): void {
    const card = this.card;
    if (!card || !this.unit) return;
    const problems: string[] = [];
    if (card.context.length !== 4) problems.push(`${card.context.length} context rows`);
    if (!card.header) problems.push("no N. header");
    if (!card.objective) problems.push("no objective row");
    const years = card.actions.map((a) => a.year).join(",");
    if (years !== "2023,2024,2025") problems.push(`years ${years || "none"}`);
    if (!card.status) problems.push("no Stato di avanzamento row");
    if (problems.length) this.warnings.push(`card at line ${card.line}: ${problems.join("; ")}`);
    this.unit.cards.push(card);
    this.card = null;
  }

  private startUnit(title: string, staff: boolean, lineNo: number): void {
    this.finishCard();
    this.state = "idle";
    this.unit = {
      title,
      line: lineNo,
      staff,
      sheetName: staff ? "Staff" : null,
      headings: [],
      pageHeaders: [],
      cards: [],
    };
    this.units.push(this.unit);
  }

  /** A context row: the first one opens a new card. */
  private readContext(fields: readonly string[], labelAt: number, lineNo: number): void {
    let card = this.card;
    if (this.state !== "context" || !card) {
      this.finishCard();
      card = {
        line: lineNo,
        banner: fields.slice(0, labelAt).map((f) => f.trim()),
        labelOffset: labelAt,
        context: [],
        header: null,
        objective: null,
        actionsHeader: null,
        actions: [],
        status: null,
      };
      this.card = card;
      this.state = "context";
    }
    card.context.push({ label: fields[labelAt].trim(), value: fields[labelAt + 1].trim(), line: lineNo });
  }

  /** Page headers between cards: "Provincia di Massa – Carrara", "Settore: Settore 1", the logo caption. */
  private readBetweenCards(unit: Unit, i: number): void {
    const line = this.lines[i];
    const trimmed = line.trim();
    if (
      /^Stato di avanzamento/.test(trimmed) ||
      /^20\d\d\t/.test(line) ||
      isObjectiveHeader(fieldsOf(line))
    ) {
      this.warnings.push(`line ${i + 1}: unexpected outside a card: ${trimmed.slice(0, 60)}`);
    }
    this.finishCard();
    this.state = "idle";
    const settore = /^(?:\*\*)?Settore:\s*(Settore\s+(\d+).*?)(?:\*\*)?$/.exec(trimmed);
    if (settore && !unit.sheetName) {
      unit.sheetName = `Settore ${settore[2]}`;
      // The unit name may go on over the next line ("**Settore: Settore 1" / "Amministrativo Finanziario**").
      let name = `Settore: ${settore[1]}`;
      const next = this.lines[i + 1] || "";
      if (!isBlank(next) && contextLabelIndex(fieldsOf(next)) < 0)
        name += ` ${next.replace(/\*\*/g, "").trim()}`;
      unit.fullName = name;
    }
    if (unit.pageHeaders.length < 8) unit.pageHeaders.push({ text: trimmed, line: i + 1 });
  }

  /** A line inside an open card: a header, the objective row, a yearly action or the status row. */
  private readInCard(card: Card, line: string, lineNo: number): void {
    const fields = fieldsOf(line);
    const trimmed = line.trim();
    if (isObjectiveHeader(fields)) {
      if (this.state !== "context") this.warnings.push(`line ${lineNo}: N. header outside the card context`);
      card.header = fields.map((f) => f.trim());
      this.state = "objective";
    } else if (isActionsHeader(fields)) {
      card.actionsHeader = fields.slice(0, 2).map((f) => f.trim());
      this.state = "actions";
    } else if (/^Stato di avanzamento/.test(trimmed)) {
      card.status = { text: trimmed, line: lineNo };
      this.state = "status";
    } else if (this.state === "objective") {
      this.readObjectiveRow(card, line, lineNo);
    } else if (this.state === "actions") {
      this.readActionRow(card, line, lineNo);
    } else {
      this.warnings.push(`line ${lineNo}: unexpected (${this.state}): ${trimmed.slice(0, 60)}`);
    }
  }

  private readObjectiveRow(card: Card, line: string, lineNo: number): void {
    const fields = fieldsOf(line);
    const objective = card.objective;
    if (!objective) {
      const f = fields.map((x) => x.trim());
      card.objective = {
        code: f[0],
        name: f[1] || "",
        type: f[2] || "",
        weight: f[3] || "",
        indicator: f.slice(4).join(" ").trim(),
        line: lineNo,
      };
    } else if (isContinuation(line)) {
      // A cell of the objective row going on after a page break: append to the same column.
      fields.forEach((f, k) => {
        if (f.trim() !== "" && k < OBJECTIVE_KEYS.length) objective[OBJECTIVE_KEYS[k]] += `\n${f.trim()}`;
      });
      objective.continued = (objective.continued || 0) + 1;
    } else {
      this.warnings.push(`line ${lineNo}: unexpected in objective row: ${line.trim().slice(0, 60)}`);
    }
  }

  private readActionRow(card: Card, line: string, lineNo: number): void {
    const fields = fieldsOf(line);
    const trimmed = line.trim();
    const year = /^(\d{4})$/.exec(fields[0].trim());
    if (year) {
      card.actions.push({ year: Number(year[1]), text: fields.slice(1).join(" ").trim(), line: lineNo });
    } else if (isContinuation(line) && card.actions.length) {
      // The previous year's text goes on (after a blank line or a page break).
      const last = card.actions[card.actions.length - 1];
      last.text = last.text ? `${last.text}\n${trimmed}` : trimmed;
      last.continued = true;
    } else {
      this.warnings.push(`line ${lineNo}: unexpected in actions: ${trimmed.slice(0, 60)}`);
    }
  }
}

/** The lines a unit's sheet shows under its title, and the unit's full name. */
function nameUnit(unit: Unit): void {
  if (unit.staff) {
    // The Staff cards carry the unit in the logo cells: "<p>Provincia Di Massa – Carrara</p> <p>Supporto …</p>".
    const banner = unit.cards.length ? unit.cards[0].banner : [];
    const parts = banner
      .map((b) => stripHtml(b))
      .join("\n")
      .split("\n");
    unit.headings = parts.filter((p) => !/Medaglia/.test(p));
    unit.fullName = unit.headings[unit.headings.length - 1] || unit.title;
  } else {
    const province = unit.pageHeaders.find((h) => /^Provincia di /i.test(h.text));
    unit.headings = [province ? province.text : null, unit.fullName || unit.title].filter((h): h is string =>
      Boolean(h),
    );
  }
}

/** Parse section 2.2 into units with their cards; every card keeps the 1-based line numbers it came from. */
export function parseCards(lines: readonly string[]): CardsParse {
  const perf = findLine(lines, "2.2 Performance");
  const start = findLine(lines, "Obiettivi Uffici di Staff", perf < 0 ? 0 : perf);
  if (start < 0) throw new Error('Section 2.2 not found (no line "Obiettivi Uffici di Staff")');
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^SEZIONE\b/i.test(lines[i].trim()) || /^2\.3\s/.test(lines[i].trim())) {
      end = i;
      break;
    }
  }

  const reader = new CardReader(lines);
  for (let i = start; i < end; i++) reader.read(i);
  reader.finishCard();

  for (const unit of reader.units) {
    nameUnit(unit);
    if (!unit.sheetName) reader.warnings.push(`unit "${unit.title}": no sheet name found`);
  }
  return { units: reader.units, warnings: reader.warnings, range: [start + 1, end] };
}
