/**
 * The one synonym dictionary: every header and label variant the recognisers accept, in normalised form
 * (see `normalizeLabel`). A new variant is a new line here, not a regex elsewhere.
 */
import { normalizeLabel } from "./text";

export type ObjectiveField =
  | "code"
  | "name"
  | "type"
  | "weight"
  | "indicator"
  | "unit"
  | "manager"
  | "strategicLine"
  | "costCenter"
  | "missionProgram";

const OBJECTIVE_HEADERS: Record<ObjectiveField, string[]> = {
  code: [
    "n",
    "nr",
    "num",
    "numero",
    "cod",
    "codice",
    "codice obiettivo",
    "id",
    "code",
    "objective code",
    "no",
  ],
  name: [
    "denominazione obiettivo",
    "denominazione",
    "obiettivo",
    "descrizione obiettivo",
    "obiettivo operativo",
    "obiettivo di performance",
    "titolo obiettivo",
    "objective",
    "objective name",
    "description",
  ],
  type: [
    "ind org uo",
    "ind org un org",
    "ind org u o",
    "tipologia",
    "tipo",
    "tipo obiettivo",
    "tipologia obiettivo",
    "type",
    "objective type",
  ],
  weight: ["peso", "peso ponderale", "peso obiettivo", "ponderazione", "weight", "weight %"].map(
    normalizeLabel,
  ),
  indicator: [
    "indicatore",
    "indicatori",
    "indicatore di risultato",
    "indicatore di performance",
    "indicator",
    "indicators",
    "kpi",
  ],
  unit: [
    "settore",
    "area",
    "servizio",
    "unita organizzativa",
    "struttura",
    "ufficio",
    "direzione",
    "unit",
    "department",
    "organisational unit",
    "organizational unit",
  ],
  manager: ["dirigente", "dirigente responsabile", "responsabile", "manager", "owner"],
  strategicLine: ["linea strategica", "strategic line", "obiettivo strategico di riferimento"],
  costCenter: ["centro di costo", "cost centre", "cost center"],
  missionProgram: [
    "miss programma",
    "missione programma",
    "riferimento al dup missione programma",
    "missione e programma",
    "mission programme",
  ],
};

const HEADER_INDEX = new Map<string, ObjectiveField>();
for (const [field, variants] of Object.entries(OBJECTIVE_HEADERS) as [ObjectiveField, string[]][]) {
  for (const v of variants) HEADER_INDEX.set(normalizeLabel(v), field);
}

/** The objective field a header names, if any (`Peso (%)` → weight, `Ind/Org/ Un. Org.` → type). */
export function objectiveField(header: string): ObjectiveField | undefined {
  return HEADER_INDEX.get(normalizeLabel(header));
}

/** `Azioni 2025`, `Target 2024` → the kind and the year. */
export function yearColumn(header: string): { kind: "actions" | "target"; year: number } | undefined {
  const m = /^(azioni|attivita|actions|target|risultato atteso)\s+(?:anno\s+)?((?:19|20)\d\d)$/.exec(
    normalizeLabel(header),
  );
  if (!m) return undefined;
  return {
    kind: m[1] === "target" || m[1] === "risultato atteso" ? "target" : "actions",
    year: Number(m[2]),
  };
}

/** Labels of the context rows above an objective card. */
export const CARD_CONTEXT: Record<
  string,
  "strategicLine" | "costCenter" | "missionProgram" | "manager" | "unit"
> = {
  "linea strategica": "strategicLine",
  "centro di costo": "costCenter",
  "miss programma": "missionProgram",
  "missione programma": "missionProgram",
  "riferimento al dup missione programma": "missionProgram",
  dirigente: "manager",
  "dirigente responsabile": "manager",
  settore: "unit",
};

/** `Anno | Azioni` header of a card's yearly actions. */
export function isActionsHeader(a: string, b: string): boolean {
  return normalizeLabel(a) === "anno" && /^(azioni|attivita|actions)$/.test(normalizeLabel(b));
}

/** `Stato di avanzamento dell'obiettivo alla data del 30 settembre 2023` */
export function isProgressRow(s: string): boolean {
  return normalizeLabel(s).startsWith("stato di avanzamento");
}

/**
 * A unit title (`Settore: Settore 1 Amministrativo Finanziario`, `Obiettivi Settore Tecnico`,
 * `Obiettivi Uffici di Staff`, `Area Servizi`) → the unit's name, or undefined.
 */
export function unitTitle(raw: string): string | undefined {
  const s = raw
    .replace(/<[^>]*>/g, " ")
    .replace(/\*+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const m =
    /^(?:obiettivi\s+(?:del(?:la|l')?\s+|dell['’]\s*)?)?(?:settore\s*:\s*)?((?:settore|area|servizio|staff|uffici\s+di\s+staff|ufficio|direzione|dipartimento|unit[àa]\s+organizzativa)\b.*)$/i.exec(
      s,
    );
  if (!m) return undefined;
  const name = m[1].trim();
  if (name.length > 120) return undefined;
  return name;
}
