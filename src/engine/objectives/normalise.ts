/** From raw detected rows to normalised objectives, with one info finding per correction. */
import { sourceOf, type RawObjective } from "./detect";
import type { Finding } from "../core/findings";
import { finding, MESSAGES } from "../core/messages";
import type { Objective } from "./model";
import { normalizeCode } from "../core/codes";
import { normalizeType, readWeight } from "./values";
import { cellText, isErrorValue, type Scalar } from "../core/snapshot";
import { cleanText, stripControl } from "../core/text";

function text(v: Scalar | undefined): string {
  if (v === undefined || v === null || isErrorValue(v)) return "";
  return stripControl(cellText(v)).trim();
}

export function normalizeObjectives(raws: RawObjective[]): { objectives: Objective[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const objectives: Objective[] = [];
  for (const r of raws) {
    const unit = r.unit.replace(/\s+/g, " ").trim();
    const at = (f: Parameters<typeof sourceOf>[1]) => sourceOf(r, f);

    for (const field in r.fields) {
      const v = r.fields[field as keyof RawObjective["fields"]]!.v;
      if (isErrorValue(v))
        findings.push(
          finding("warning", "VALORE_ERRORE", MESSAGES.errorValue(String(v)), at(field as never), unit),
        );
    }

    const codeRaw = text(r.fields.code?.v);
    const code = normalizeCode(codeRaw);
    if (codeRaw && code !== codeRaw)
      findings.push(
        finding("info", "CODICE_NORMALIZZATO", MESSAGES.codeNormalized(codeRaw, code), at("code"), unit),
      );

    const typeRaw = text(r.fields.type?.v);
    const type = normalizeType(r.fields.type?.v ?? null);
    if (!type)
      findings.push(finding("error", "TIPO_SCONOSCIUTO", MESSAGES.typeUnknown(typeRaw), at("type"), unit));
    else if (typeRaw !== type)
      findings.push(
        finding("info", "TIPO_NORMALIZZATO", MESSAGES.typeNormalized(typeRaw, type), at("type"), unit),
      );

    const wCell = r.fields.weight;
    const weightRaw = text(wCell?.v);
    const w = readWeight(wCell?.v ?? null, wCell?.nf ?? null);
    let weight: number | null = null;
    if (w.ok) {
      weight = w.value;
      if (w.fromText)
        findings.push(
          finding("info", "PESO_TESTO", MESSAGES.weightText(weightRaw, w.value), at("weight"), unit),
        );
      if (w.fromPercentFormat)
        findings.push(
          finding("info", "PESO_PERCENTUALE", MESSAGES.weightPercentFormat(w.value), at("weight"), unit),
        );
    } else if (w.reason === "missing") {
      findings.push(finding("error", "PESO_MANCANTE", MESSAGES.weightMissing(), at("weight"), unit));
    } else if (w.reason === "date") {
      findings.push(finding("error", "PESO_NON_NUMERICO", MESSAGES.weightDate(), at("weight"), unit));
    } else {
      findings.push(
        finding("error", "PESO_NON_NUMERICO", MESSAGES.weightNotNumber(weightRaw), at("weight"), unit),
      );
    }

    let cleaned = false;
    const clean = (s: string) => {
      const c = cleanText(s);
      cleaned ||= c.changed;
      return c.text;
    };
    const name = clean(text(r.fields.name?.v));
    const indicator = clean(text(r.fields.indicator?.v));
    const actions: Record<number, string> = {};
    for (const [y, a] of Object.entries(r.actions)) actions[Number(y)] = clean(stripControl(a));
    if (cleaned) findings.push(finding("info", "TESTO_PULITO", MESSAGES.textCleaned(), at("name"), unit));
    if (r.hidden) findings.push(finding("info", "RIGA_NASCOSTA", MESSAGES.hiddenRow(), at("name"), unit));
    if (!name)
      findings.push(finding("warning", "OBIETTIVO_SENZA_NOME", MESSAGES.noObjectiveName(), at("code"), unit));

    objectives.push({
      unit,
      code,
      name,
      type,
      typeRaw,
      weight,
      weightRaw,
      indicator,
      manager: clean(text(r.fields.manager?.v) || r.context.manager || ""),
      strategicLine: clean(text(r.fields.strategicLine?.v) || r.context.strategicLine || ""),
      costCenter: clean(text(r.fields.costCenter?.v) || r.context.costCenter || ""),
      missionProgram: text(r.fields.missionProgram?.v) || r.context.missionProgram || "",
      actions,
      targets: r.targets,
      measure: r.measure,
      source: at("code"),
      ...(wCell ? { weightCell: at("weight") } : {}),
    });
  }
  return { objectives, findings };
}
