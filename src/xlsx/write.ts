/**
 * Apply a WorkbookPlan to a package: the output is the input package plus the plan's parts. Every entry
 * the plan does not concern is copied as it is stored (compressed bytes included). Only these parts
 * change: the workbook (sheets, defined names, active tab, full recalculation on load), its relationships,
 * [Content_Types].xml, docProps/app.xml (its sheet list is dropped; Excel rebuilds it on save) and
 * styles.xml (formats appended); calcChain.xml is removed. The previous run's generated sheets (same
 * names as the plan's) and the parts only they used (tables, drawings, charts) are replaced.
 */
import { replacedSheets, type WorkbookPlan } from "../engine/core/plan";
import { bookViewEdits, tabSelected } from "./book-views";
import { chartXml, drawingXml } from "./charts";
import { InputError, PACKAGE_MESSAGES as M } from "./errors";
import { dirOf, relativeTarget, relKind, relsPathOf, type Package, type WorkbookInfo } from "./package";
import { RelsEdit } from "./rels-edit";
import { definedNameXml, sheetXml, tableHeaders, tableXml } from "./sheet-xml";
import { MINIMAL_STYLES, StyleBook } from "./styles";
import { applyEdits, attrsOf, closeOf, escapeAttr, rootOf, scanTags, type Tag } from "./xml";
import { newEntry, writeZip, type ZipEntry } from "./zip";

const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

/** CT_Workbook children that come after definedNames / calcPr. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];
const AFTER_CALC_PR = AFTER_DEFINED_NAMES.slice(1);

const MACRO_CONTENT_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

interface NewPart {
  part: string;
  /** The part's text, or its zip entry made as soon as it was written (large sheets: memory freed early). */
  data: string | ZipEntry;
  contentType?: string;
}

const text = (pkg: Package, part: string) => pkg.read(part)?.toString("utf8");

const firstChild = (tags: Tag[], local: string, depth = 1) =>
  tags.findIndex((t) => t.depth === depth && t.local === local && t.kind !== "close");

/** Every part reachable through relationships from `starts`, not entering `stop`. */
function closure(pkg: Package, starts: string[], stop: Set<string>): Set<string> {
  const seen = new Set<string>();
  const todo = [...starts];
  while (todo.length) {
    const p = todo.pop()!;
    const key = p.toLowerCase();
    if (seen.has(key) || stop.has(key) || !pkg.has(p)) continue;
    seen.add(key);
    for (const t of pkg.targets(p)) todo.push(t.part);
  }
  return seen;
}

/** Whether the package is a macro-enabled workbook (.xlsm). */
export function isMacroEnabled(pkg: Package, wb: WorkbookInfo): boolean {
  const types = text(pkg, "[Content_Types].xml") ?? "";
  const tag = scanTags(types).find(
    (t) =>
      t.local === "Override" &&
      (attrsOf(t).get("PartName") ?? "").toLowerCase() === "/" + wb.part.toLowerCase(),
  );
  return tag !== undefined && attrsOf(tag).get("ContentType") === MACRO_CONTENT_TYPE;
}

/** Lowest free `dir/baseN.xml` not among `taken` (lower-cased part names). */
function freePart(dir: string, base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const p = `${dir}/${base}${n}.xml`;
    if (!taken.has(p.toLowerCase())) {
      taken.add(p.toLowerCase());
      return p;
    }
  }
}

/** The output package's bytes. */
export function writePlan(pkg: Package, plan: WorkbookPlan): Buffer {
  const wb = pkg.workbook();
  const fl = wb.flavour;
  const planned = replacedSheets(plan);
  const replaced = wb.sheets.filter((s) => planned.has(s.name.toLowerCase()));
  const kept = wb.sheets.filter((s) => !planned.has(s.name.toLowerCase()));
  // The plan's active sheet only when no kept sheet selects its own tab (book-views.ts tabSelected).
  const active = kept.some((s) => s.part && tabSelected(pkg, s.part)) ? undefined : plan.activeSheet;
  const wbTargets = pkg.targets(wb.part);

  // Parts to drop: what only the replaced sheets used, and the calculation chain.
  const replacedParts = new Set(replaced.flatMap((s) => (s.part ? [s.part.toLowerCase()] : [])));
  const calcChain = wbTargets.filter((t) => relKind(t.rel.type) === "calcChain");
  const stop = new Set([...replacedParts, ...calcChain.map((t) => t.part.toLowerCase())]);
  const keep = closure(pkg, [wb.part, ...pkg.targets("").map((t) => t.part)], stop);
  const removed = new Set(
    [...closure(pkg, [...replacedParts], new Set()), ...stop].filter((p) => !keep.has(p)),
  );
  for (const p of [...removed]) {
    removed.add(relsPathOf(p).toLowerCase());
  }

  const taken = new Set(pkg.entries.map((e) => e.name.toLowerCase()).filter((n) => !removed.has(n)));
  const base = dirOf(wb.part);
  const newParts: NewPart[] = [];
  const changed = new Map<string, string>();

  // Styles: the workbook's own, formats appended.
  const wbRels = new RelsEdit(text(pkg, relsPathOf(wb.part)));
  const replacedIds = new Set(replaced.map((s) => s.relId));
  const calcIds = new Set(calcChain.map((t) => t.rel.id));
  wbRels.remove((id) => replacedIds.has(id) || calcIds.has(id));
  let stylesPart = wbTargets.find((t) => relKind(t.rel.type) === "styles")?.part;
  let stylesXml = stylesPart ? text(pkg, stylesPart) : undefined;
  if (!stylesPart || stylesXml === undefined) {
    stylesPart = freePart(base, "styles", taken);
    stylesXml = MINIMAL_STYLES;
    wbRels.add(fl.relType("styles"), relativeTarget(wb.part, stylesPart));
    newParts.push({ part: stylesPart, data: "", contentType: CT.styles });
  }
  const styles = new StyleBook(stylesXml);

  // Table ids are unique in the workbook.
  let tableId = 0;
  for (const p of keep) {
    if (!/\/tables\/[^/]+\.xml$/i.test(p)) continue;
    const m = /<(?:\w+:)?table\b[^>]*?\sid="(\d+)"/.exec(text(pkg, p) ?? "");
    if (m) tableId = Math.max(tableId, Number(m[1]));
  }

  // The generated sheets and their parts.
  const newSheets: { name: string; relId: string }[] = [];
  for (const sp of plan.sheets) {
    const sheetPart = freePart(`${base}/worksheets`, "sheet", taken);
    const sheetRels = new RelsEdit(undefined);
    const tableRelIds = sp.tables.map((t) => {
      const part = freePart(`${base}/tables`, "table", taken);
      newParts.push({
        part,
        data: tableXml(t, ++tableId, tableHeaders(sp, t), fl.main),
        contentType: CT.table,
      });
      return sheetRels.add(fl.relType("table"), relativeTarget(sheetPart, part));
    });
    let drawingRelId: string | undefined;
    if (sp.charts.length > 0) {
      const drawingPart = freePart(`${base}/drawings`, "drawing", taken);
      const drawingRels = new RelsEdit(undefined);
      for (const chart of sp.charts) {
        const chartPart = freePart(`${base}/charts`, "chart", taken);
        const n = Number(/(\d+)\.xml$/.exec(chartPart)![1]);
        newParts.push({ part: chartPart, data: chartXml(chart, n), contentType: CT.chart });
        drawingRels.add(fl.relType("chart"), relativeTarget(drawingPart, chartPart));
      }
      newParts.push({ part: drawingPart, data: drawingXml(sp.charts), contentType: CT.drawing });
      newParts.push({ part: relsPathOf(drawingPart), data: drawingRels.result() });
      drawingRelId = sheetRels.add(fl.relType("drawing"), relativeTarget(sheetPart, drawingPart));
    }
    const sheetData = sheetXml(sp, fl, styles, {
      tableRelIds,
      drawingRelId,
      active: sp.name === active,
    });
    newParts.push({
      part: sheetPart,
      data: newEntry(sheetPart, sheetData),
      contentType: CT.worksheet,
    });
    if (tableRelIds.length || drawingRelId)
      newParts.push({ part: relsPathOf(sheetPart), data: sheetRels.result() });
    newSheets.push({
      name: sp.name,
      relId: wbRels.add(fl.relType("worksheet"), relativeTarget(wb.part, sheetPart)),
    });
  }

  const styled = styles.result();
  if (styled !== undefined || newParts.some((p) => p.part === stylesPart)) {
    const existing = newParts.find((p) => p.part === stylesPart);
    if (existing) existing.data = styled ?? stylesXml;
    else changed.set(stylesPart.toLowerCase(), styled!);
  }

  changed.set(relsPathOf(wb.part).toLowerCase(), wbRels.result());
  changed.set(
    wb.part.toLowerCase(),
    workbookXml(
      pkg,
      wb,
      kept.map((s) => s.name),
      newSheets,
      { ...plan, activeSheet: active },
    ),
  );
  changed.set("[content_types].xml", contentTypes(pkg, removed, newParts));
  const app = appXml(pkg);
  if (app) changed.set(app.part.toLowerCase(), app.xml);

  const out: ZipEntry[] = [];
  for (const e of pkg.entries) {
    const key = e.name.toLowerCase();
    if (removed.has(key)) continue;
    const c = changed.get(key);
    out.push(c === undefined ? e : newEntry(e.name, Buffer.from(c, "utf8")));
    changed.delete(key);
  }
  for (const [part, xml] of changed) out.push(newEntry(part, Buffer.from(xml, "utf8")));
  for (const p of newParts)
    out.push(typeof p.data === "string" ? newEntry(p.part, Buffer.from(p.data, "utf8")) : p.data);
  return writeZip(out);
}

function workbookXml(
  pkg: Package,
  wb: WorkbookInfo,
  keptNames: string[],
  newSheets: { name: string; relId: string }[],
  plan: WorkbookPlan,
): string {
  let xml = text(pkg, wb.part)!;
  let tags = scanTags(xml);
  const root = rootOf(tags, wb.part);
  const q = root.prefix ? root.prefix + ":" : "";
  if (firstChild(tags, "sheets") < 0) {
    // A workbook with no sheet at all (exceljs writes one without <sheets>): the element is added first.
    const at = insertionPoint(tags, [
      "functionGroups",
      "externalReferences",
      "definedNames",
      ...AFTER_DEFINED_NAMES,
    ]);
    xml = xml.slice(0, at) + `<${q}sheets></${q}sheets>` + xml.slice(at);
    tags = scanTags(xml);
  }
  const rPrefix = [...attrsOf(root)]
    .find(([k, v]) => k.startsWith("xmlns:") && v === wb.flavour.rel)?.[0]
    .slice(6);
  const edits: { start: number; end: number; text: string }[] = [];
  const oldNames = wb.sheets.map((s) => s.name);
  const newNames = [...keptNames, ...newSheets.map((s) => s.name)];
  const newIndex = (old: number) => {
    const name = oldNames[old];
    const kept = keptNames.indexOf(name);
    return kept >= 0 ? kept : -1;
  };
  const planned = replacedSheets(plan);

  // <sheets>: the replaced sheets out, the generated ones appended.
  const sheetsAt = firstChild(tags, "sheets");
  let maxId = 0;
  tags.forEach((t, i) => {
    if (t.depth !== 2 || t.local !== "sheet" || t.kind === "close" || i < sheetsAt) return;
    const a = attrsOf(t);
    if (planned.has((a.get("name") ?? "").toLowerCase()))
      edits.push({ start: t.start, end: closeOf(tags, i).end, text: "" });
    else maxId = Math.max(maxId, Number(a.get("sheetId")) || 0);
  });
  const rAttr = (id: string) =>
    rPrefix ? `${rPrefix}:id="${id}"` : `xmlns:r="${wb.flavour.rel}" r:id="${id}"`;
  const added = newSheets
    .map((s) => `<${q}sheet name="${escapeAttr(s.name)}" sheetId="${++maxId}" ${rAttr(s.relId)}/>`)
    .join("");
  const sheetsTag = tags[sheetsAt];
  if (sheetsTag.kind === "empty")
    edits.push({
      start: sheetsTag.start,
      end: sheetsTag.end,
      text: `<${sheetsTag.qname}>${added}</${sheetsTag.qname}>`,
    });
  else edits.push({ start: closeOf(tags, sheetsAt).start, end: closeOf(tags, sheetsAt).start, text: added });

  edits.push(
    ...bookViewEdits(xml, tags, tags[sheetsAt].start, q, { oldNames, newNames, active: plan.activeSheet }),
  );

  // <definedNames>: the plan's names replace those of the same name; sheet-scoped names follow their
  // sheet's new position and go with a replaced sheet.
  const planNames = new Set(plan.names.map((n) => n.name.toLowerCase()));
  const namesAt = firstChild(tags, "definedNames");
  const newDefs = plan.names.map((n) => definedNameXml(q, n)).join("");
  if (namesAt >= 0) {
    tags.forEach((t, i) => {
      if (t.depth !== 2 || t.local !== "definedName" || t.kind === "close" || i < namesAt) return;
      const a = attrsOf(t);
      const local = a.get("localSheetId");
      const end = closeOf(tags, i).end;
      if (local === undefined) {
        if (planNames.has((a.get("name") ?? "").toLowerCase())) edits.push({ start: t.start, end, text: "" });
        return;
      }
      const ni = newIndex(Number(local));
      if (ni < 0) edits.push({ start: t.start, end, text: "" });
      else if (ni !== Number(local)) {
        const raw = xml.slice(t.start, t.end).replace(/(\slocalSheetId=")\d+"/, `$1${ni}"`);
        edits.push({ start: t.start, end: t.end, text: raw });
      }
    });
    const namesTag = tags[namesAt];
    if (namesTag.kind === "empty")
      edits.push({
        start: namesTag.start,
        end: namesTag.end,
        text: `<${namesTag.qname}>${newDefs}</${namesTag.qname}>`,
      });
    else
      edits.push({ start: closeOf(tags, namesAt).start, end: closeOf(tags, namesAt).start, text: newDefs });
  } else if (newDefs) {
    const at = insertionPoint(tags, AFTER_DEFINED_NAMES);
    edits.push({ start: at, end: at, text: `<${q}definedNames>${newDefs}</${q}definedNames>` });
  }

  // <calcPr fullCalcOnLoad="1">: the calculation chain is gone and the new formulas have no cached values.
  const calcAt = firstChild(tags, "calcPr");
  if (calcAt >= 0) {
    const t = tags[calcAt];
    const raw = xml.slice(t.start, t.end);
    const withFlag = /\sfullCalcOnLoad="[^"]*"/.test(raw)
      ? raw.replace(/(\sfullCalcOnLoad=")[^"]*"/, `$11"`)
      : raw.replace(/^<[\w:.-]+/, (m) => `${m} fullCalcOnLoad="1"`);
    edits.push({ start: t.start, end: t.end, text: withFlag });
  } else {
    const at = insertionPoint(tags, AFTER_CALC_PR);
    edits.push({ start: at, end: at, text: `<${q}calcPr fullCalcOnLoad="1"/>` });
  }
  return applyEdits(xml, edits);
}

/** Offset before the first top-level element named in `later`, else before the root's end tag. */
function insertionPoint(tags: Tag[], later: string[]): number {
  const next = tags.find((t) => t.depth === 1 && t.kind !== "close" && later.includes(t.local));
  return next ? next.start : tags.filter((t) => t.depth === 0 && t.kind === "close")[0].start;
}

function contentTypes(pkg: Package, removed: Set<string>, added: NewPart[]): string {
  const xml = text(pkg, "[Content_Types].xml");
  if (xml === undefined) throw new InputError(pkg.file, M.noContentTypes());
  const tags = scanTags(xml);
  const root = rootOf(tags, "[Content_Types].xml");
  const q = root.prefix ? root.prefix + ":" : "";
  const edits: { start: number; end: number; text: string }[] = [];
  tags.forEach((t, i) => {
    if (t.depth !== 1 || t.local !== "Override" || t.kind === "close") return;
    const name = (attrsOf(t).get("PartName") ?? "").replace(/^\//, "").toLowerCase();
    if (removed.has(name)) edits.push({ start: t.start, end: closeOf(tags, i).end, text: "" });
  });
  const overrides = added
    .filter((p) => p.contentType)
    .map((p) => `<${q}Override PartName="/${escapeAttr(p.part)}" ContentType="${p.contentType}"/>`)
    .join("");
  const close = tags.filter((t) => t.depth === 0 && t.kind === "close")[0];
  edits.push({ start: close.start, end: close.start, text: overrides });
  return applyEdits(xml, edits);
}

/** docProps/app.xml without its sheet list (HeadingPairs, TitlesOfParts), which no longer matches. */
function appXml(pkg: Package): { part: string; xml: string } | undefined {
  const t = pkg.targets("").find((r) => r.rel.type.endsWith("/extended-properties"));
  if (!t) return undefined;
  const xml = text(pkg, t.part);
  if (xml === undefined) return undefined;
  const tags = scanTags(xml);
  const edits = tags.flatMap((tag, i) =>
    tag.depth === 1 && tag.kind !== "close" && (tag.local === "HeadingPairs" || tag.local === "TitlesOfParts")
      ? [{ start: tag.start, end: closeOf(tags, i).end, text: "" }]
      : [],
  );
  return edits.length ? { part: t.part, xml: applyEdits(xml, edits) } : undefined;
}
