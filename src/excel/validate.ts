/**
 * Checks a WorkbookPlan against Excel's rules before anything is written, so that a bad plan fails
 * with a clear list instead of half-way through (Office.js changes cannot be rolled back).
 * Pure: no Office.js calls.
 */

import { type RangeRef, parseCell, parseRange } from "../engine/core/address";
import type { WorkbookPlan } from "../engine/core/plan";
import { ExcelAdapterError } from "./errors";
import { splitSheetRef } from "./refs";

const FORBIDDEN_SHEET_CHARS = /[\\/?*[\]:]/;

export function sheetNameProblem(name: string): string | null {
  if (!name) return "is empty";
  if (name.length > 31) return "is longer than 31 characters";
  if (FORBIDDEN_SHEET_CHARS.test(name)) return "contains one of \\ / ? * [ ] :";
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "is reserved by Excel";
  return null;
}

/** Excel's rules for table and defined names (kept to ASCII, which is what the engine emits). */
export function identifierProblem(name: string): string | null {
  if (!name) return "is empty";
  if (name.length > 255) return "is longer than 255 characters";
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name))
    return "must start with a letter or _ and contain only letters, digits, _ and .";
  if (/^[A-Za-z]{1,3}\d{1,7}$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) {
    return "looks like a cell reference";
  }
  return null;
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function tryRange(a: string): RangeRef | null {
  try {
    return parseRange(a);
  } catch {
    return null;
  }
}

/** Throws `ExcelAdapterError("InvalidPlan")` listing every problem found. */
export function assertValidPlan(plan: WorkbookPlan): void {
  const problems: string[] = [];
  const sheetNames = new Set<string>();
  const workbookNames = new Map<string, string>(); // lower-case name → what it is

  const claim = (name: string, what: string) => {
    const key = name.toLowerCase();
    const prev = workbookNames.get(key);
    if (prev) problems.push(`${what} '${name}' clashes with ${prev} of the same name`);
    else workbookNames.set(key, `${what} '${name}'`);
  };
  const checkRef = (ref: string, where: string) => {
    try {
      const { sheet, address } = splitSheetRef(ref);
      if (sheet === null) problems.push(`${where}: reference '${ref}' has no sheet`);
      else if (!tryRange(address)) problems.push(`${where}: reference '${ref}' is not a range`);
    } catch {
      problems.push(`${where}: reference '${ref}' cannot be parsed`);
    }
  };

  for (const s of plan.sheets) {
    const p = sheetNameProblem(s.name);
    if (p) problems.push(`sheet name '${s.name}' ${p}`);
    if (sheetNames.has(s.name.toLowerCase())) problems.push(`sheet '${s.name}' appears twice`);
    sheetNames.add(s.name.toLowerCase());
    if (s.tabColor !== undefined && !/^#[0-9A-Fa-f]{6}$/.test(s.tabColor)) {
      problems.push(`sheet '${s.name}': tab colour '${s.tabColor}' is not #RRGGBB`);
    }

    s.blocks.forEach((b, i) => {
      try {
        parseCell(b.at);
      } catch {
        problems.push(`sheet '${s.name}' block ${i}: '${b.at}' is not a cell`);
      }
      b.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (typeof v === "number" && !Number.isFinite(v)) {
            problems.push(`sheet '${s.name}' block ${i}: non-finite number at row ${r}, column ${c}`);
          }
        }),
      );
    });

    const tableRects: { name: string; r: RangeRef }[] = [];
    for (const t of s.tables) {
      const ip = identifierProblem(t.name);
      if (ip) problems.push(`table name '${t.name}' ${ip}`);
      claim(t.name, "table");
      const r = tryRange(t.ref);
      if (!r) problems.push(`table '${t.name}': '${t.ref}' is not a range`);
      else {
        for (const o of tableRects)
          if (overlaps(o.r, r)) problems.push(`tables '${o.name}' and '${t.name}' overlap`);
        tableRects.push({ name: t.name, r });
      }
    }
    for (const m of s.merges) {
      const r = tryRange(m);
      if (!r) problems.push(`sheet '${s.name}': merge '${m}' is not a range`);
      else
        for (const t of tableRects)
          if (overlaps(t.r, r)) problems.push(`merge '${m}' overlaps table '${t.name}'`);
    }
    for (const v of s.validations) {
      if (!tryRange(v.range))
        problems.push(`sheet '${s.name}': validation range '${v.range}' is not a range`);
      if (v.type === "list") {
        if (v.values.some((x) => x.includes(","))) {
          problems.push(`sheet '${s.name}': list validation on ${v.range} has a value containing a comma`);
        }
        if (v.values.join(",").length > 255) {
          problems.push(`sheet '${s.name}': list validation on ${v.range} is longer than 255 characters`);
        }
        if (v.values.length === 0) problems.push(`sheet '${s.name}': list validation on ${v.range} is empty`);
      } else if (!Number.isFinite(v.min) || (v.max !== undefined && !Number.isFinite(v.max))) {
        problems.push(`sheet '${s.name}': validation on ${v.range} has a non-finite bound`);
      }
    }
    for (const cf of s.conditionalFormats) {
      if (!tryRange(cf.range))
        problems.push(`sheet '${s.name}': conditional format range '${cf.range}' is not a range`);
      if (!cf.formula.startsWith("="))
        problems.push(`sheet '${s.name}': conditional format formula must start with '='`);
    }
    for (const rs of s.rangeStyles ?? []) {
      if (!tryRange(rs.range)) problems.push(`sheet '${s.name}': styled range '${rs.range}' is not a range`);
    }
    for (const u of s.protection?.unlocked ?? []) {
      if (!tryRange(u)) problems.push(`sheet '${s.name}': unlocked range '${u}' is not a range`);
    }
    for (const l of s.links) {
      try {
        parseCell(l.cell);
      } catch {
        problems.push(`sheet '${s.name}': link cell '${l.cell}' is not a cell`);
      }
      checkRef(l.target, `sheet '${s.name}' link at ${l.cell}`);
    }
    s.charts.forEach((ch, i) => {
      if (ch.series.length === 0) problems.push(`sheet '${s.name}' chart ${i}: no series`);
      try {
        parseCell(ch.at);
      } catch {
        problems.push(`sheet '${s.name}' chart ${i}: '${ch.at}' is not a cell`);
      }
      for (const se of ch.series) {
        checkRef(se.values, `chart '${ch.title}'`);
        checkRef(se.categories, `chart '${ch.title}'`);
      }
    });
  }
  const planTables = new Set(plan.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
  for (const n of plan.names) {
    const ip = identifierProblem(n.name);
    if (ip) problems.push(`defined name '${n.name}' ${ip}`);
    claim(n.name, "defined name");
    if (!n.tableColumn) checkRef(n.ref, `defined name '${n.name}'`);
    else if (!planTables.has(/^([^[]+)\[\[.+\]\]$/.exec(n.ref)?.[1].toLowerCase() ?? ""))
      problems.push(`defined name '${n.name}': '${n.ref}' is not a column of a table of the plan`);
  }
  if (problems.length)
    throw new ExcelAdapterError("InvalidPlan", "The workbook plan cannot be written to Excel.", problems);
}
