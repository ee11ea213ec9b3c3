"use strict";
/**
 * Build examples/piao-massa-carrara-2023-2025.xlsx from the text of the real PIAO 2023-2025 of the
 * Provincia di Massa-Carrara (extracted from the PDF; tables come out as tab-separated rows).
 *
 * The workbook is what someone would have pasted from the PDF into Excel: the strategic objectives of
 * section 2.1, one sheet per unit with the objective "cards" of section 2.2, the summary table and the
 * staff-spending figures of section 3.3. Everything is parsed from the text, nothing is typed in here.
 *
 * Usage: node scripts/build-example.js [reference.txt] [output.xlsx]
 *   reference defaults to $PIAO_REFERENCE, then ../shared/reference/piao-provincia-massa-carrara-2023-2025.txt
 *   (relative to the repository root); output defaults to examples/piao-massa-carrara-2023-2025.xlsx.
 *
 * Real noise kept on purpose (the add-in has to cope with it):
 *   - types written 0 and 1 (stored as numbers) where the source has them, codes written as in the source
 *     ("A 1. 4", "A 1.4", "A. 1.4", "A 1.8"), the header variants ("Ind/Org/ UO", "Ind/Org/Un. Org.", ...),
 *     the context labels each unit uses ("Riferimento al DUP: Missione/Programma" vs "Miss./Programma");
 *   - multi-line cells where the text continues a cell on a later line (actions, one indicator);
 *   - HTML remnants (<p>, <ul>) inside long texts, as in the source;
 *   - on the Staff sheet the context labels sit in column C (as in the source, after the logo cells);
 *     on the Settore sheets every card starts in column B;
 *   - WEIGHTS AS TEXT: counting the cards 1..95 in sheet order (Staff, Settore 1, Settore 2, Settore 3),
 *     the weight of every 7th card (7, 14, 21, ..., 91) is written as a string; the odd-numbered of those
 *     (7th, 21st, 35th, ...) as the bare digits ("3"), the even-numbered (14th, 28th, ...) with a trailing
 *     space ("10 "). All other weights are numbers. With the reference text this gives 13 text weights:
 *     Staff A.1.5 "2", A.1.18 "2 "; Settore 1 A.1.5 "2", A.1.10 "3 "; Settore 2 C.1 "6", A.1.6 "2 ", C.6 "5",
 *     C.13 "3 "; Settore 3 A.1.1 "3", A.1.7 "2 ", B.7 "3", B.14 "5 ", D.3.2 "2".
 *
 * Deterministic: fixed workbook dates and fixed zip entry dates, so every run writes the same bytes.
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const ROOT = path.resolve(__dirname, "..");
const REFERENCE_NAME = "piao-provincia-massa-carrara-2023-2025.txt";
const DEFAULT_REFERENCE = path.resolve(ROOT, "..", "shared", "reference", REFERENCE_NAME);
const DEFAULT_OUTPUT = path.join(ROOT, "examples", "piao-massa-carrara-2023-2025.xlsx");
/** Fixed date for the workbook properties and the zip entries (the plan's approval year). */
const FIXED_DATE = new Date(Date.UTC(2023, 2, 30, 12, 0, 0));
/** Every TEXT_WEIGHT_EVERY-th card gets its weight written as text (see the header comment). */
const TEXT_WEIGHT_EVERY = 7;

// ---------------------------------------------------------------------------------------------------
// Line helpers

/** Fields of a tab-separated line (not trimmed). */
function fieldsOf(line) {
  return line.split("\t");
}

function isBlank(line) {
  return line.trim() === "";
}

/** Markdown-like separator rows left by the extraction: "--", "------\t--", "--\t--\t--\t--\t---". */
function isSeparator(line) {
  return /^[\s-]*$/.test(line) && line.includes("-");
}

/** Remove HTML tags and decode the few entities the extraction leaves; paragraphs become lines. */
function stripHtml(s) {
  return s
    .replace(/<\/p>\s*<p[^>]*>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&nbsp;/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join("\n");
}

/** Parse an Italian number ("4.553.779,86", "20,80", "188.483") into a JS number. */
function parseItalianNumber(s) {
  return Number(s.replace(/\./g, "").replace(",", "."));
}

/** An Italian percentage ("20,80") as a fraction (0.208), without binary noise. */
function parsePercent(s) {
  return Number((parseItalianNumber(s) / 100).toFixed(8));
}

const MONTHS = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
];

// ---------------------------------------------------------------------------------------------------
// Section 2.2: objective cards

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
function contextLabelIndex(fields) {
  for (let i = 0; i < fields.length - 1; i++) {
    if (CONTEXT_LABELS.includes(fields[i].trim())) return i;
  }
  return -1;
}

function isObjectiveHeader(fields) {
  return fields[0].trim() === "N." && fields.length >= 5 && /^Denominazione/.test(fields[1].trim());
}

function isActionsHeader(fields) {
  return fields[0].trim() === "Anno" && /^Azioni/.test((fields[1] || "").trim());
}

/** A line continuing the previous row: starts with a tab and has some text. */
function isContinuation(line) {
  return line.startsWith("\t") && !isBlank(line) && !isSeparator(line);
}

/** Line index (0-based) of the first line equal (trimmed) to text, from `from`; -1 when absent. */
function findLine(lines, text, from = 0) {
  for (let i = from; i < lines.length; i++) if (lines[i].trim() === text) return i;
  return -1;
}

/**
 * Parse section 2.2 into units with their cards.
 * Returns { units, warnings }; every card keeps the 1-based line numbers it came from.
 */
function parseCards(lines) {
  const warnings = [];
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

  const units = [];
  let unit = null;
  let card = null;
  let state = "idle"; // idle | context | objective | actions | status

  const finishCard = () => {
    if (!card) return;
    const problems = [];
    if (card.context.length !== 4) problems.push(`${card.context.length} context rows`);
    if (!card.header) problems.push("no N. header");
    if (!card.objective) problems.push("no objective row");
    const years = card.actions.map((a) => a.year).join(",");
    if (years !== "2023,2024,2025") problems.push(`years ${years || "none"}`);
    if (!card.status) problems.push("no Stato di avanzamento row");
    if (problems.length) warnings.push(`card at line ${card.line}: ${problems.join("; ")}`);
    unit.cards.push(card);
    card = null;
  };

  for (let i = start; i < end; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    const fields = fieldsOf(line);
    const trimmed = line.trim();

    const unitHeader = /^Obiettivi (Uffici di Staff|Settore .+)$/.exec(trimmed);
    if (unitHeader) {
      finishCard();
      state = "idle";
      unit = {
        title: trimmed,
        line: lineNo,
        staff: unitHeader[1] === "Uffici di Staff",
        sheetName: unitHeader[1] === "Uffici di Staff" ? "Staff" : null,
        pageHeaders: [],
        cards: [],
      };
      units.push(unit);
      continue;
    }
    if (!unit) continue;

    const labelAt = contextLabelIndex(fields);
    if (labelAt >= 0) {
      if (state !== "context") {
        finishCard();
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
        state = "context";
      }
      card.context.push({ label: fields[labelAt].trim(), value: fields[labelAt + 1].trim(), line: lineNo });
      continue;
    }

    if (isBlank(line) || isSeparator(line)) continue;

    if (state === "idle" || state === "status") {
      // Page headers between cards: "Provincia di Massa – Carrara", "Settore: Settore 1", the logo caption.
      if (/^Stato di avanzamento/.test(trimmed) || /^20\d\d\t/.test(line) || isObjectiveHeader(fields)) {
        warnings.push(`line ${lineNo}: unexpected outside a card: ${trimmed.slice(0, 60)}`);
      }
      finishCard();
      state = "idle";
      const settore = /^(?:\*\*)?Settore:\s*(Settore\s+(\d+).*?)(?:\*\*)?$/.exec(trimmed);
      if (settore && !unit.sheetName) {
        unit.sheetName = `Settore ${settore[2]}`;
        // The unit name may go on over the next line ("**Settore: Settore 1" / "Amministrativo Finanziario**").
        let name = `Settore: ${settore[1]}`;
        const next = lines[i + 1] || "";
        if (!isBlank(next) && contextLabelIndex(fieldsOf(next)) < 0)
          name += ` ${next.replace(/\*\*/g, "").trim()}`;
        unit.fullName = name;
      }
      if (unit.pageHeaders.length < 8) unit.pageHeaders.push({ text: trimmed, line: lineNo });
      continue;
    }

    if (isObjectiveHeader(fields)) {
      if (state !== "context") warnings.push(`line ${lineNo}: N. header outside the card context`);
      card.header = fields.map((f) => f.trim());
      state = "objective";
      continue;
    }

    if (isActionsHeader(fields)) {
      card.actionsHeader = fields.slice(0, 2).map((f) => f.trim());
      state = "actions";
      continue;
    }

    if (/^Stato di avanzamento/.test(trimmed)) {
      card.status = { text: trimmed, line: lineNo };
      state = "status";
      continue;
    }

    if (state === "objective") {
      if (!card.objective) {
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
        const keys = ["code", "name", "type", "weight", "indicator"];
        fields.forEach((f, k) => {
          if (f.trim() !== "" && k < keys.length) card.objective[keys[k]] += `\n${f.trim()}`;
        });
        card.objective.continued = (card.objective.continued || 0) + 1;
      } else {
        warnings.push(`line ${lineNo}: unexpected in objective row: ${trimmed.slice(0, 60)}`);
      }
      continue;
    }

    if (state === "actions") {
      const year = /^(\d{4})$/.exec(fields[0].trim());
      if (year) {
        card.actions.push({ year: Number(year[1]), text: fields.slice(1).join(" ").trim(), line: lineNo });
      } else if (isContinuation(line) && card.actions.length) {
        // The previous year's text goes on (after a blank line or a page break).
        const last = card.actions[card.actions.length - 1];
        last.text = last.text ? `${last.text}\n${trimmed}` : trimmed;
        last.continued = true;
      } else {
        warnings.push(`line ${lineNo}: unexpected in actions: ${trimmed.slice(0, 60)}`);
      }
      continue;
    }

    warnings.push(`line ${lineNo}: unexpected (${state}): ${trimmed.slice(0, 60)}`);
  }
  finishCard();

  for (const u of units) {
    if (u.staff) {
      // The Staff cards carry the unit in the logo cells: "<p>Provincia Di Massa – Carrara</p> <p>Supporto …</p>".
      const banner = u.cards.length ? u.cards[0].banner : [];
      const parts = banner.map(stripHtml).join("\n").split("\n");
      u.headings = parts.filter((p) => !/Medaglia/.test(p));
      u.fullName = u.headings[u.headings.length - 1] || u.title;
    } else {
      const province = u.pageHeaders.find((h) => /^Provincia di /i.test(h.text));
      u.headings = [province ? province.text : null, u.fullName || u.title].filter(Boolean);
    }
    if (!u.sheetName) warnings.push(`unit "${u.title}": no sheet name found`);
  }
  return { units, warnings, range: [start + 1, end] };
}

/** Numeric value of a weight as written ("3", "10 ", "2,5"); NaN when not a number. */
function weightNumber(w) {
  const s = String(w).trim().replace(",", ".");
  return s === "" ? NaN : Number(s);
}

/** Type as the sheet stores it: the digits 0 and 1 (extraction noise for O and I) become numbers. */
function typeCell(t) {
  return /^[01]$/.test(t) ? Number(t) : t;
}

// ---------------------------------------------------------------------------------------------------
// Section 2.1: strategic objectives table

/**
 * Parse the table "N. | Linea strategica | Obiettivi strategici | Indicatori | Dirigente responsabile".
 * The PDF table has merged cells, so the extraction scatters the line letter and the objective number:
 *   - the letter sits on the middle row of its merged cell (D is on its 2nd objective, so the row
 *     before it, with no letter and no number, is D's 1st objective);
 *   - the objective number is either at the start of the objective text ("1 Valorizzare …") or,
 *     after a page break, alone in the Linea strategica column ("5", "3", "4").
 * Rows without a number under a letter with a single objective (B, C) keep the bare letter.
 */
function parseStrategic(lines) {
  const headerAt = (i) => /^N\.\tLinea strategica\t/.test(lines[i]);
  let first = -1;
  for (let i = 0; i < lines.length; i++) {
    if (headerAt(i)) {
      first = i;
      break;
    }
  }
  if (first < 0) throw new Error("Strategic objectives table (N. | Linea strategica …) not found");
  let title = null;
  for (let i = first; i >= 0; i--) {
    if (/^2\.1\s/.test(lines[i].trim())) {
      title = lines[i].trim();
      break;
    }
  }

  const raw = [];
  let header = null;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i];
    const t = line.trim();
    if (/^(Sezione|SEZIONE)\b/.test(t) || /^2\.2\s/.test(t)) break;
    if (isBlank(line) || isSeparator(line)) continue;
    const f = fieldsOf(line).map((x) => x.trim());
    if (headerAt(i)) {
      header = header || f;
      continue;
    }
    if (f.length < 5) continue;
    const letter = /^[A-Z]$/.test(f[0]) ? f[0] : null;
    let number = null;
    let lineName = null;
    let text = f[2];
    if (/^\d+$/.test(f[1])) number = Number(f[1]);
    else if (f[1] !== "") lineName = f[1];
    const lead = /^(\d+)\s+(.*)$/s.exec(text);
    if (number === null && lead) {
      number = Number(lead[1]);
      text = lead[2];
    }
    raw.push({ line: i + 1, letter, number, lineName, text, indicators: f[3], manager: f[4] });
  }

  // A row with neither letter nor number right before a letter row numbered 2 is that letter's no. 1.
  for (let k = 0; k < raw.length - 1; k++) {
    const r = raw[k];
    const next = raw[k + 1];
    if (!r.letter && r.number === null && next.letter && next.number === 2 && next.line - r.line <= 2) {
      r.letter = next.letter;
      r.lineName = next.lineName;
      r.number = 1;
      r.letterShifted = true;
    }
  }

  const rows = [];
  let letter = null;
  let lineName = null;
  for (const r of raw) {
    if (r.letter && r.letter !== letter) {
      letter = r.letter;
      lineName = r.lineName;
    } else if (r.lineName && !r.letterShifted) {
      lineName = r.lineName;
    }
    if (!letter) continue;
    let number = r.number;
    if (number === null) {
      // No number: a single-objective line (B, C) keeps the bare letter; otherwise follow the previous.
      const prev = rows.length && rows[rows.length - 1].letter === letter ? rows[rows.length - 1] : null;
      number = prev && prev.number !== null ? prev.number + 1 : null;
    }
    rows.push({
      letter,
      number,
      code: number === null ? letter : `${letter}.${number}`,
      lineName: r.lineName || lineName,
      text: r.text,
      indicators: r.indicators,
      manager: r.manager,
      line: r.line,
    });
  }
  return { title, header, rows };
}

// ---------------------------------------------------------------------------------------------------
// Summary table (section 2.2, before the cards)

function parseSummary(lines) {
  const at = lines.findIndex((l) => /^SETTORE\/STAFF\t/.test(l));
  if (at < 0) throw new Error("Summary table (SETTORE/STAFF …) not found");
  const header = fieldsOf(lines[at]).map((f) => f.trim());
  const rows = [];
  let note = null;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    const f = fieldsOf(line).map((x) => x.trim());
    if (f.length >= 3 && /^\d+$/.test(f[1]) && /^\d+$/.test(f[2])) {
      rows.push({ unit: f[0], individual: Number(f[1]), unitLevel: Number(f[2]), line: i + 1 });
      continue;
    }
    const extra = /n\.\s*(\d+)\s+obiettivi di performance organizzativa di Ente/i.exec(line);
    if (extra) note = { text: line.trim(), count: Number(extra[1]), line: i + 1 };
    break;
  }
  return { header, rows, note, line: at + 1 };
}

// ---------------------------------------------------------------------------------------------------
// Section 3.3: staff-spending figures (only what the text states)

function parseSpending(lines) {
  const found = [];
  const warnings = [];
  const section = findLine(lines, "3.3 PIANO TRIENNALE DEI FABBISOGNI DI PERSONALE 2023-2025");
  const sectionEnd = (() => {
    for (let i = section + 1; i < lines.length; i++)
      if (/^3\.3\.1\s|^SEZIONE/.test(lines[i].trim())) return i;
    return lines.length;
  })();
  const search = (re, from = 0, to = lines.length) => {
    for (let i = from; i < to; i++) {
      const m = re.exec(lines[i]);
      if (m) return { m, line: i + 1 };
    }
    return null;
  };
  const add = (label, value, line, format, note) => found.push({ label, value, line, format, note });

  const year = section >= 0 ? /(\d{4})-\d{4}$/.exec(lines[section]) : null;
  if (year) add("Anno del piano", Number(year[1]), section + 1, null, lines[section].trim());

  let hit = search(/valore soglia da considerare per la (Provincia|Città metropolitana|Comune) di ([^,]+),/);
  if (hit) {
    add("Ente", `${hit.m[1]} di ${hit.m[2].replace(/-\s+/g, "-").trim()}`, hit.line);
    add("Tipo ente", hit.m[1], hit.line);
  } else warnings.push("body type not found");

  hit = search(/popolazione residente .*? al (\d{1,2}) (\w+) (\d{4}) è risultata pari a ([\d.]+) abitanti/i);
  if (hit) {
    const month = MONTHS.indexOf(hit.m[2].toLowerCase()) + 1;
    const date = `${hit.m[1].padStart(2, "0")}/${String(month).padStart(2, "0")}/${hit.m[3]}`;
    add(`Popolazione al ${date}`, parseItalianNumber(hit.m[4]), hit.line, "#,##0");
  } else warnings.push("population not found");

  hit = search(
    /fascia ([a-e])\) di cui all.art\. 3 del decreto, in quanto ente con ([^,]+),/,
    section,
    sectionEnd,
  );
  if (hit) add("Fascia demografica (D.M. 11/1/2022)", hit.m[1], hit.line, null, `ente con ${hit.m[2]}`);

  hit = search(/è fissato al (\d+,\d+)%/, section, sectionEnd);
  if (hit) add("Valore soglia (D.M. 11/1/2022, art. 4)", parsePercent(hit.m[1]), hit.line, "0.00%");
  else warnings.push("threshold not found");

  hit = search(/corrisponde all.importo di €\s*([\d.]+,\d{2})/, section, sectionEnd);
  if (hit) {
    add(
      "Spesa massima di personale (valore soglia × entrate correnti nette)",
      parseItalianNumber(hit.m[1]),
      hit.line,
      "#,##0.00",
    );
  } else warnings.push("max spending not found");

  hit = search(/e precisamente al (\d+,\d+)%/, section, sectionEnd);
  if (hit) {
    add("Rapporto spesa di personale / entrate correnti", parsePercent(hit.m[1]), hit.line, "0.00%");
  } else warnings.push("ratio not found");

  hit = search(
    /da applicare alla media delle entrate correnti (\d{4}-\d{4}) risulta pari a €\s*([\d.]+,\d{2})/,
  );
  if (hit) {
    add(
      `Margine (importo da applicare alla media delle entrate correnti ${hit.m[1]})`,
      parseItalianNumber(hit.m[2]),
      hit.line,
      "#,##0.00",
    );
  } else warnings.push("headroom not found");

  hit = search(
    /(risulta rispettato) nell.anno (\d{4}) il limite della spesa di personale, ai sensi dei commi 557/,
  );
  if (hit) add(`Limite spesa di personale c. 557 L. 296/2006 (anno ${hit.m[2]})`, "rispettato", hit.line);

  // The text gives the threshold, the maximum spending and the headroom, not the two figures they come
  // from: derive them (to the cent) as the finance office would, and say so next to each value.
  const get = (prefix) => found.find((f) => f.label.startsWith(prefix));
  const threshold = get("Valore soglia");
  const max = get("Spesa massima");
  const margin = get("Margine");
  if (threshold && max && margin) {
    const cents = (x) => Math.round(x * 100) / 100;
    add(
      "Entrate correnti nette (media rendiconti 2019-2021 al netto del FCDE)",
      cents(max.value / threshold.value),
      max.line,
      "#,##0.00",
      "ricavate: spesa massima / valore soglia",
    );
    add(
      "Spesa di personale (ultimo rendiconto approvato)",
      cents(max.value - margin.value),
      margin.line,
      "#,##0.00",
      "ricavata: spesa massima - margine",
    );
  }

  for (const probe of ["21.893.172,40", "4.375.560,40", "2011-2013", "2011/2013"]) {
    const where = lines.findIndex((l) => l.includes(probe));
    if (where < 0) warnings.push(`"${probe}" is not in the text`);
  }
  return { figures: found, warnings };
}

// ---------------------------------------------------------------------------------------------------
// Workbook

function parseReference(text) {
  const lines = text.split(/\r?\n/);
  const cards = parseCards(lines);
  return {
    lines,
    strategic: parseStrategic(lines),
    summary: parseSummary(lines),
    units: cards.units,
    cardWarnings: cards.warnings,
    cardRange: cards.range,
    spending: parseSpending(lines),
  };
}

const WRAP = { wrapText: true, vertical: "top" };

/** Write a value into a cell, wrapping multi-line texts. */
function put(ws, row, col, value) {
  if (value === null || value === undefined || value === "") return;
  const cell = ws.getCell(row, col);
  cell.value = value;
  if (typeof value === "string" && value.includes("\n")) cell.alignment = WRAP;
}

function addStrategicSheet(wb, strategic) {
  const ws = wb.addWorksheet("Obiettivi strategici");
  let r = 1;
  if (strategic.title) {
    put(ws, r, 1, strategic.title);
    r += 2;
  }
  strategic.header.forEach((h, k) => put(ws, r, k + 1, h));
  ws.getRow(r).font = { bold: true };
  r++;
  for (const row of strategic.rows) {
    [row.code, row.lineName, row.text, row.indicators, row.manager].forEach((v, k) => put(ws, r, k + 1, v));
    r++;
  }
  ws.columns = [{ width: 8 }, { width: 30 }, { width: 70 }, { width: 60 }, { width: 28 }];
}

function addSummarySheet(wb, summary) {
  const ws = wb.addWorksheet("Riepilogo");
  summary.header.forEach((h, k) => put(ws, 1, k + 1, h));
  ws.getRow(1).font = { bold: true };
  summary.rows.forEach((row, k) => {
    put(ws, k + 2, 1, row.unit);
    put(ws, k + 2, 2, row.individual);
    put(ws, k + 2, 3, row.unitLevel);
  });
  if (summary.note) {
    const r = summary.rows.length + 3;
    put(ws, r, 1, summary.note.text);
    put(ws, r + 1, 1, "Obiettivi di performance organizzativa di Ente");
    put(ws, r + 1, 2, summary.note.count);
  }
  ws.columns = [{ width: 45 }, { width: 26 }, { width: 36 }];
}

function addSpendingSheet(wb, spending) {
  const ws = wb.addWorksheet("Spesa personale");
  put(ws, 1, 1, "Capacità assunzionale - dati del PIAO 2023-2025 (sezione 3.3)");
  ws.getCell(1, 1).font = { bold: true };
  let r = 3;
  for (const f of spending.figures) {
    put(ws, r, 1, f.label);
    put(ws, r, 2, f.value);
    if (f.format) ws.getCell(r, 2).numFmt = f.format;
    if (f.note) put(ws, r, 3, f.note);
    r++;
  }
  ws.columns = [{ width: 62 }, { width: 18 }, { width: 40 }];
}

/**
 * Write the unit's cards one under another.
 * Returns the number of cards written; `counter` numbers the cards across sheets (text weights).
 */
function addUnitSheet(wb, unit, counter) {
  const ws = wb.addWorksheet(unit.sheetName);
  const c0 = unit.staff ? 1 : 2; // Settore sheets start in column B
  let r = 1;
  put(ws, r++, c0, unit.title);
  ws.getCell(1, c0).font = { bold: true };
  for (const h of unit.headings) put(ws, r++, c0, h);
  r++;

  for (const card of unit.cards) {
    counter.n++;
    // Context rows: label in one column, value in the next (the Staff cards have the logo cells first).
    card.context.forEach((c, k) => {
      if (k === 0 && card.labelOffset > 0) {
        card.banner.forEach((b, j) => put(ws, r, c0 + j, stripHtml(b)));
      }
      put(ws, r, c0 + card.labelOffset, c.label);
      put(ws, r, c0 + card.labelOffset + 1, c.value);
      r++;
    });
    card.header.slice(0, 5).forEach((h, k) => put(ws, r, c0 + k, h));
    ws.getRow(r).font = { bold: true };
    r++;

    const o = card.objective;
    let weight = weightNumber(o.weight);
    if (counter.n % TEXT_WEIGHT_EVERY === 0) {
      counter.text++;
      weight = counter.text % 2 === 1 ? String(o.weight).trim() : `${String(o.weight).trim()} `;
      counter.textWeights.push({ sheet: unit.sheetName, code: o.code, weight });
    } else if (Number.isNaN(weight)) {
      weight = o.weight;
    }
    [o.code, o.name, typeCell(o.type), weight, o.indicator].forEach((v, k) => put(ws, r, c0 + k, v));
    r++;

    put(ws, r, c0, card.actionsHeader ? card.actionsHeader[0] : "Anno");
    put(ws, r, c0 + 1, card.actionsHeader ? card.actionsHeader[1] : "Azioni");
    r++;
    for (const a of card.actions) {
      put(ws, r, c0, a.year);
      put(ws, r, c0 + 1, a.text);
      r++;
    }
    put(ws, r, c0, card.status ? card.status.text : "");
    r += 2; // the status row, then a blank row
  }

  const widths = [12, 55, 14, 14, 70];
  const cols = [];
  for (let k = 1; k < c0; k++) cols.push({ width: 4 });
  if (unit.staff) widths.splice(2, 3, 38, 30, 14); // context labels in C, values in D
  widths.forEach((w) => cols.push({ width: w }));
  ws.columns = cols;
  return unit.cards.length;
}

async function buildWorkbook(parsed) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "PIAO Sheets (scripts/build-example.js)";
  wb.lastModifiedBy = "PIAO Sheets (scripts/build-example.js)";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.calcProperties = { fullCalcOnLoad: false };

  addStrategicSheet(wb, parsed.strategic);
  const counter = { n: 0, text: 0, textWeights: [] };
  for (const unit of parsed.units) addUnitSheet(wb, unit, counter);
  addSummarySheet(wb, parsed.summary);
  addSpendingSheet(wb, parsed.spending);
  return { wb, textWeights: counter.textWeights };
}

/** Re-pack the xlsx with a fixed date on every zip entry, so that the bytes do not depend on the clock. */
async function normaliseZip(buffer) {
  const JSZip = require(require.resolve("jszip", { paths: [path.dirname(require.resolve("exceljs"))] }));
  const src = await JSZip.loadAsync(buffer);
  const out = new JSZip();
  for (const name of Object.keys(src.files)) {
    const entry = src.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async("uint8array"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

// ---------------------------------------------------------------------------------------------------
// Report

function report(parsed, textWeights, outFile, size) {
  const out = [];
  out.push(`Cards: lines ${parsed.cardRange[0]}-${parsed.cardRange[1]} of the reference`);
  let total = 0;
  let zero = 0;
  for (const u of parsed.units) {
    const sum = u.cards.reduce((s, c) => s + weightNumber(c.objective.weight), 0);
    const byType = {};
    for (const c of u.cards) {
      const w = weightNumber(c.objective.weight);
      const t = { 0: "O", 1: "I" }[c.objective.type] || c.objective.type;
      byType[t] = byType[t] || { n: 0, nPositive: 0, w: 0 };
      byType[t].n++;
      if (w > 0) byType[t].nPositive++;
      byType[t].w += w;
      if (w === 0) {
        zero++;
        out.push(
          `  weight 0: ${u.sheetName} ${c.objective.code} "${c.objective.name}" (line ${c.objective.line})`,
        );
      }
    }
    total += u.cards.length;
    const types = Object.entries(byType)
      .map(([t, v]) => `${t}: ${v.n} (${v.nPositive} with weight > 0), weight ${v.w}`)
      .join("; ");
    out.push(`${u.sheetName} (${u.fullName}): ${u.cards.length} cards, weight sum ${sum} — ${types}`);
  }
  out.push(`Total: ${total} cards, ${zero} with weight 0`);
  out.push(
    `Weights written as text: ${textWeights.map((t) => `${t.sheet} ${t.code} "${t.weight}"`).join(", ")}`,
  );
  out.push(
    `Summary table (line ${parsed.summary.line}): ${parsed.summary.rows
      .map((r) => `${r.unit} ${r.individual}/${r.unitLevel}`)
      .join("; ")}`,
  );
  out.push(
    `Strategic objectives: ${parsed.strategic.rows.map((r) => `${r.code} (l. ${r.line})`).join(", ")}`,
  );
  out.push("Spending figures:");
  for (const f of parsed.spending.figures) out.push(`  ${f.label}: ${f.value} (line ${f.line})`);
  for (const w of [...parsed.cardWarnings, ...parsed.spending.warnings]) out.push(`  note: ${w}`);
  out.push(`Wrote ${path.relative(ROOT, outFile)} (${size} bytes)`);
  return out.join("\n");
}

async function main() {
  const reference = process.argv[2] || process.env.PIAO_REFERENCE || DEFAULT_REFERENCE;
  const outFile = path.resolve(process.argv[3] || DEFAULT_OUTPUT);
  if (!fs.existsSync(reference)) {
    console.error(
      `Reference text not found: ${reference}\nPass its path as the first argument or set PIAO_REFERENCE.`,
    );
    process.exit(1);
  }
  const parsed = parseReference(fs.readFileSync(reference, "utf8"));
  const { wb, textWeights } = await buildWorkbook(parsed);
  const buffer = await normaliseZip(await wb.xlsx.writeBuffer());
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, buffer);
  console.log(report(parsed, textWeights, outFile, buffer.length));
}

module.exports = { parseReference, parseCards, parseStrategic, parseSummary, parseSpending, weightNumber };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
