/**
 * Workbook-level proxies of the fake: request context, application, workbook, worksheets, tables,
 * names, charts, protection, freeze panes and settings.
 */

import { FakeOfficeError } from "./fake-errors";
import {
  type Rect,
  MAX_COLS,
  MAX_ROWS,
  cols,
  intersects,
  isUnbounded,
  parseLocal,
  rows,
  splitSheet,
} from "./fake-a1";
import { FakeClientObject, FakeCollection, type FakeRuntime } from "./fake-runtime";
import {
  type FakeChart,
  type FakeChartSeries,
  type FakeSheet,
  type FakeTable,
  addSheet,
  cellKey,
  checkIdentifier,
  checkSortFilter,
  checkSheetName,
  checkWritable,
  deleteSheet,
  ensureCell,
  findSheet,
  getCell,
  nameTaken,
  qualifiedAddress,
  sheetAlive,
  usedRect,
} from "./fake-state";
import { FakeRange, missingTable, type RangeTarget, rectOn } from "./fake-range";

// ---------------------------------------------------------------------------------------------
// Context, application, workbook

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly runtime = { enableEvents: true };
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(readonly _rt: FakeRuntime) {
    this.application = new FakeApplication(this, _rt);
    this.workbook = new FakeWorkbook(this, _rt, this.application);
  }

  sync(): Promise<void> {
    return this._rt.sync();
  }
}

export class FakeApplication extends FakeClientObject<null> {
  protected readonly _typeName = "Application";

  constructor(context: unknown, rt: FakeRuntime) {
    super(context, rt);
    this._bindNow(null);
  }

  override _scalarProps(): string[] {
    return ["calculationMode"];
  }

  override _read(prop: string): unknown {
    if (prop === "calculationMode") return this._wb.calculationMode;
    return super._read(prop);
  }

  /** ExcelApi 1.1 (setting it: 1.8). */
  get calculationMode(): string {
    return this._get("calculationMode");
  }

  /** ExcelApi 1.1. */
  calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void {
    this._call("calculate", [calculationType], () => this._wb.calculations.push(calculationType));
  }

  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], () => {
      this._rt.requireApi("1.6", "Application.suspendApiCalculationUntilNextSync");
      this._rt.markSuspended("calculation");
    });
  }

  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], () => {
      this._rt.requireApi("1.9", "Application.suspendScreenUpdatingUntilNextSync");
      this._rt.markSuspended("screen");
    });
  }
}

export class FakeWorkbook extends FakeClientObject<null> {
  protected readonly _typeName = "Workbook";
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly settings: FakeSettingCollection;

  constructor(
    context: unknown,
    rt: FakeRuntime,
    readonly application: FakeApplication,
  ) {
    super(context, rt);
    this._bindNow(null);
    this.worksheets = new FakeWorksheetCollection(context, rt, this);
    this.names = new FakeNamedItemCollection(context, rt, this);
    this.tables = new FakeTableCollection(context, rt, this);
    this.settings = new FakeSettingCollection(context, rt, this);
  }

  override _nav(prop: string): FakeClientObject | undefined {
    if (prop === "worksheets") return this.worksheets;
    if (prop === "names") return this.names;
    if (prop === "tables") return this.tables;
    if (prop === "settings") return this.settings;
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  protected readonly _typeName = "WorksheetCollection";

  protected _members(): FakeWorksheet[] {
    return this._wb.sheets.map((s) => new FakeWorksheet(this.context, this._rt)._bindNow(s));
  }

  add(name?: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, this._rt);
    return ws._createdBy(this, "add", name === undefined ? [] : [name], () => addSheet(this._wb, name));
  }

  getItem(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, this._rt);
    return ws._createdBy(this, "getItem", [key], () => findSheet(this._wb, key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, this._rt);
    return ws._createdBy(this, "getItemOrNullObject", [key], () => findSheet(this._wb, key), true);
  }

  getActiveWorksheet(): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, this._rt);
    return ws._createdBy(this, "getActiveWorksheet", [], () => this._wb.activeSheet);
  }
}

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  protected readonly _typeName = "Worksheet";
  private _protection?: FakeWorksheetProtection;
  private _freeze?: FakeFreezePanes;
  private _tables?: FakeTableCollection;
  private _charts?: FakeChartCollection;

  /** The sheet, checking it still exists (inside a sync). */
  _live(): FakeSheet {
    const s = this._target();
    sheetAlive(this._wb, s);
    return s;
  }

  get protection(): FakeWorksheetProtection {
    return (this._protection ??= new FakeWorksheetProtection(this.context, this._rt, this, () =>
      this._live(),
    ));
  }
  get freezePanes(): FakeFreezePanes {
    return (this._freeze ??= new FakeFreezePanes(this.context, this._rt, this, () => this._live()));
  }
  get tables(): FakeTableCollection {
    return (this._tables ??= new FakeTableCollection(this.context, this._rt, this, () => this._live()));
  }
  get charts(): FakeChartCollection {
    return (this._charts ??= new FakeChartCollection(this.context, this._rt, this, () => this._live()));
  }
  /** ExcelApi 1.9. */
  get autoFilter(): FakeAutoFilter {
    return new FakeAutoFilter(this.context, this._rt, this, () => this._live());
  }

  override _nav(prop: string): FakeClientObject | undefined {
    if (prop === "protection") return this.protection;
    if (prop === "tables") return this.tables;
    if (prop === "charts") return this.charts;
    return undefined;
  }

  override _scalarProps(): string[] {
    return ["name", "id", "position", "visibility", "tabColor"];
  }

  override _read(prop: string): unknown {
    const s = this._live();
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return `{sheet-${s.id}}`;
      case "position":
        return this._wb.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor ?? "";
      default:
        return super._read(prop);
    }
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, () => {
      const s = this._live();
      checkSheetName(v);
      const other = findSheet(this._wb, v);
      if (other && other !== s) {
        throw new FakeOfficeError(
          "ItemAlreadyExists",
          `A sheet named '${v}' already exists.`,
          "Worksheet.name",
        );
      }
      s.name = v;
    });
  }

  get id(): string {
    return this._get("id");
  }

  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, () => {
      const s = this._live();
      const list = this._wb.sheets.filter((x) => x !== s);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
      this._wb.sheets = list;
    });
  }

  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this._set("visibility", v, () => {
      const s = this._live();
      if (v !== "Visible" && !this._wb.sheets.some((x) => x !== s && x.visibility === "Visible")) {
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must keep one visible sheet.",
          "Worksheet.visibility",
        );
      }
      s.visibility = v;
    });
  }

  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._set("tabColor", v, () => {
      this._rt.requireApi("1.7", "Worksheet.tabColor");
      if (v !== "" && !/^#[0-9A-Fa-f]{6}$/.test(v)) {
        throw new FakeOfficeError("InvalidArgument", `Colour '${v}' is not #RRGGBB.`, "Worksheet.tabColor");
      }
      this._live().tabColor = v === "" ? undefined : v.toUpperCase();
    });
  }

  private _range(
    method: string,
    args: unknown[],
    f: (s: FakeSheet) => Rect | null,
    nullable = false,
  ): FakeRange {
    const r = new FakeRange(this.context, this._rt);
    return r._createdBy(
      this,
      method,
      args,
      () => {
        const sheet = this._live();
        const rect = f(sheet);
        return rect ? { sheet, rect } : null;
      },
      nullable,
    );
  }

  getRange(address?: string): FakeRange {
    return this._range("getRange", address === undefined ? [] : [address], (s) =>
      address === undefined
        ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }
        : rectOn(s, address),
    );
  }

  /** ExcelApi 1.7. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this._range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      this._rt.requireApi("1.7", "Worksheet.getRangeByIndexes");
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) {
        throw new FakeOfficeError("InvalidArgument", "Invalid range indexes.", "Worksheet.getRangeByIndexes");
      }
      const rect = {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
      if (rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The range is outside the grid.",
          "Worksheet.getRangeByIndexes",
        );
      }
      return rect;
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this._range("getCell", [row, column], () => ({
      top: row,
      bottom: row,
      left: column,
      right: column,
    }));
  }

  /** On an empty sheet Excel returns A1. */
  getUsedRange(valuesOnly = false): FakeRange {
    return this._range(
      "getUsedRange",
      [valuesOnly],
      (s) => usedRect(s, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
    );
  }

  /** ExcelApi 1.4. Null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this._range(
      "getUsedRangeOrNullObject",
      [valuesOnly],
      (s) => {
        this._rt.requireApi("1.4", "Worksheet.getUsedRangeOrNullObject");
        return usedRect(s, valuesOnly);
      },
      true,
    );
  }

  activate(): void {
    this._call("activate", [], () => {
      const s = this._live();
      if (s.visibility !== "Visible") {
        throw new FakeOfficeError(
          "InvalidOperation",
          "A hidden sheet cannot be activated.",
          "Worksheet.activate",
        );
      }
      this._wb.activeSheet = s;
    });
  }

  delete(): void {
    this._call("delete", [], () => deleteSheet(this._wb, this._live()));
  }
}

/** A user-style filter: refused over locked cells on a protected sheet (see `checkSortFilter`). */
export class FakeAutoFilter extends FakeClientObject<FakeSheet> {
  protected readonly _typeName = "AutoFilter";

  apply(range: FakeRange | string, columnIndex?: number, criteria?: Record<string, unknown>): void {
    this._call("apply", columnIndex === undefined ? [range] : [range, columnIndex, criteria], () => {
      this._rt.requireApi("1.9", "AutoFilter.apply");
      const sheet = this._target();
      const rect = typeof range === "string" ? rectOn(sheet, range) : range._live().rect;
      checkSortFilter(sheet, rect, "allowAutoFilter");
      sheet.autoFilter = rect;
    });
  }
}

export class FakeWorksheetProtection extends FakeClientObject<FakeSheet> {
  protected readonly _typeName = "WorksheetProtection";

  override _scalarProps(): string[] {
    return ["protected", "options"];
  }

  override _read(prop: string): unknown {
    const s = this._target();
    if (prop === "protected") return s.protection.protected;
    if (prop === "options") return { ...(s.protection.options ?? {}) };
    return super._read(prop);
  }

  get protected(): boolean {
    return this._get("protected");
  }
  get options(): Record<string, unknown> {
    return this._get("options");
  }

  protect(options?: Record<string, unknown>, password?: string): void {
    this._call("protect", password === undefined ? [options] : [options, password], () => {
      this._rt.requireApi("1.2", "WorksheetProtection.protect");
      if (password !== undefined) this._rt.requireApi("1.7", "WorksheetProtection.protect(password)");
      const s = this._target();
      if (s.protection.protected) {
        // Excel builds from 2026-06 throw AccessDenied here (office-js #6784); older ones ignored it.
        throw new FakeOfficeError(
          "AccessDenied",
          "The sheet is already protected.",
          "WorksheetProtection.protect",
        );
      }
      s.protection = { protected: true, options: { ...(options ?? {}) }, password };
    });
  }

  unprotect(password?: string): void {
    this._call("unprotect", password === undefined ? [] : [password], () => {
      const s = this._target();
      if (s.protection.password !== undefined && s.protection.password !== password) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The password is incorrect.",
          "WorksheetProtection.unprotect",
        );
      }
      s.protection = { protected: false };
    });
  }
}

/** ExcelApi 1.7. */
export class FakeFreezePanes extends FakeClientObject<FakeSheet> {
  protected readonly _typeName = "WorksheetFreezePanes";

  private _freeze(
    method: string,
    args: unknown[],
    f: (s: FakeSheet) => { rows: number; cols: number } | undefined,
  ) {
    this._call(method, args, () => {
      this._rt.requireApi("1.7", `WorksheetFreezePanes.${method}`);
      const s = this._target();
      const v = f(s);
      s.frozen = v && (v.rows > 0 || v.cols > 0) ? v : undefined;
    });
  }

  freezeRows(count = 1): void {
    this._freeze("freezeRows", [count], () => ({ rows: count, cols: 0 }));
  }

  freezeColumns(count = 1): void {
    this._freeze("freezeColumns", [count], () => ({ rows: 0, cols: count }));
  }

  freezeAt(frozenRange: FakeRange | string): void {
    this._freeze("freezeAt", [frozenRange], (s) => {
      const rect = typeof frozenRange === "string" ? rectOn(s, frozenRange) : frozenRange._target().rect;
      return { rows: rect.bottom + 1, cols: rect.right + 1 };
    });
  }

  unfreeze(): void {
    this._freeze("unfreeze", [], () => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

export class FakeTableCollection extends FakeCollection<FakeTableProxy> {
  protected readonly _typeName = "TableCollection";

  /** @param _sheetOf set for `worksheet.tables`, absent for `workbook.tables`. */
  constructor(
    context: unknown,
    rt: FakeRuntime,
    parent: FakeClientObject,
    private readonly _sheetOf?: () => FakeSheet,
  ) {
    super(context, rt, parent);
  }

  protected _members(): FakeTableProxy[] {
    const sheet = this._sheetOf?.();
    return this._wb.tables
      .filter((t) => !sheet || t.sheet === sheet)
      .map((t) => new FakeTableProxy(this.context, this._rt)._bindNow(t));
  }

  add(address: FakeRange | string, hasHeaders: boolean): FakeTableProxy {
    const p = new FakeTableProxy(this.context, this._rt);
    return p._createdBy(this, "add", [address, hasHeaders], () => {
      let target: RangeTarget;
      if (address instanceof FakeRange) {
        this._rt.requireApi("1.3", "TableCollection.add(Range)");
        target = address._live();
      } else {
        const { sheet: sn } = splitSheet(address);
        const sheet = sn !== null ? findSheet(this._wb, sn) : (this._sheetOf?.() ?? this._wb.activeSheet);
        if (!sheet)
          throw new FakeOfficeError("ItemNotFound", `No sheet for '${address}'.`, "TableCollection.add");
        target = { sheet, rect: rectOn(sheet, address) };
      }
      const own = this._sheetOf?.();
      if (own && own !== target.sheet) {
        throw new FakeOfficeError("InvalidArgument", "The range is on another sheet.", "TableCollection.add");
      }
      return createTable(this._wb, target, hasHeaders);
    });
  }

  getItem(key: string): FakeTableProxy {
    const p = new FakeTableProxy(this.context, this._rt);
    return p._createdBy(this, "getItem", [key], () => this._find(key));
  }

  getItemOrNullObject(key: string): FakeTableProxy {
    const p = new FakeTableProxy(this.context, this._rt);
    return p._createdBy(this, "getItemOrNullObject", [key], () => this._find(key), true);
  }

  private _find(key: string): FakeTable | undefined {
    const sheet = this._sheetOf?.();
    return this._wb.tables.find(
      (t) => t.name.toLowerCase() === key.toLowerCase() && (!sheet || t.sheet === sheet),
    );
  }
}

function createTable(wb: FakeRuntime["state"], { sheet, rect }: RangeTarget, hasHeaders: boolean): FakeTable {
  if (isUnbounded(rect))
    throw new FakeOfficeError("InvalidArgument", "A table needs a bounded range.", "TableCollection.add");
  if (!hasHeaders) {
    throw new FakeOfficeError(
      "NotImplemented",
      "The fake only models tables created with hasHeaders = true.",
      "TableCollection.add",
    );
  }
  checkWritable(sheet, rect, "TableCollection.add");
  if (wb.tables.some((t) => t.sheet === sheet && intersects(t.rect, rect))) {
    throw new FakeOfficeError(
      "InvalidOperation",
      "A table can't overlap another table.",
      "TableCollection.add",
    );
  }
  if (sheet.merges.some((m) => intersects(m, rect))) {
    throw new FakeOfficeError(
      "InvalidOperation",
      "A table can't contain merged cells.",
      "TableCollection.add",
    );
  }
  // Header cells become unique, non-empty static text, as Excel makes them.
  const seen = new Set<string>();
  for (let c = rect.left; c <= rect.right; c++) {
    const cell = getCell(sheet, rect.top, c);
    let h = cell && cell.value !== null && cell.formula === undefined ? String(cell.value) : "";
    if (h === "") h = `Column${c - rect.left + 1}`;
    let u = h;
    for (let i = 2; seen.has(u.toLowerCase()); i++) u = `${h}${i}`;
    seen.add(u.toLowerCase());
    const hc = ensureCell(sheet, rect.top, c);
    hc.value = u;
    hc.formula = undefined;
  }
  let n = 1;
  while (nameTaken(wb, `Table${n}`)) n++;
  const table: FakeTable = {
    id: wb.nextId++,
    name: `Table${n}`,
    sheet,
    rect,
    style: "TableStyleMedium2",
    showHeaders: true,
  };
  wb.tables.push(table);
  return table;
}

export class FakeTableProxy extends FakeClientObject<FakeTable> {
  protected readonly _typeName = "Table";

  private _live(): FakeTable {
    const t = this._target();
    if (!this._wb.tables.includes(t))
      throw new FakeOfficeError("ItemNotFound", `Table '${t.name}' no longer exists.`, "Table");
    return t;
  }

  override _scalarProps(): string[] {
    return ["id", "name", "style", "showHeaders", "showTotals"];
  }

  override _read(prop: string): unknown {
    const t = this._live();
    if (prop === "id") return `{table-${t.id}}`;
    if (prop === "name") return t.name;
    if (prop === "style") return t.style;
    if (prop === "showHeaders") return t.showHeaders;
    if (prop === "showTotals") return false;
    return super._read(prop);
  }

  private _worksheet?: FakeWorksheet;
  /** Like Office.js, the same proxy every time (so that `load("items/worksheet/name")` fills it). */
  get worksheet(): FakeWorksheet {
    this._worksheet ??= new FakeWorksheet(this.context, this._rt, this, () => this._live().sheet);
    return this._worksheet;
  }

  override _nav(prop: string): FakeClientObject | undefined {
    return prop === "worksheet" ? this.worksheet : undefined;
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, () => {
      const t = this._live();
      checkIdentifier(v, "table");
      if (t.name.toLowerCase() !== v.toLowerCase() && nameTaken(this._wb, v)) {
        throw new FakeOfficeError(
          "ItemAlreadyExists",
          `The name '${v}' is already used by a table or a defined name.`,
          "Table.name",
        );
      }
      t.name = v;
    });
  }

  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, () => {
      if (v !== "" && !/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(v)) {
        throw new FakeOfficeError("InvalidArgument", `Unknown table style '${v}'.`, "Table.style");
      }
      this._live().style = v;
    });
  }

  private _rangeOf(method: string, f: (t: FakeTable) => Rect | null): FakeRange {
    const r = new FakeRange(this.context, this._rt);
    return r._createdBy(this, method, [], () => {
      const t = this._live();
      const rect = f(t);
      return rect ? { sheet: t.sheet, rect } : null;
    });
  }

  getRange(): FakeRange {
    return this._rangeOf("getRange", (t) => t.rect);
  }
  getHeaderRowRange(): FakeRange {
    return this._rangeOf("getHeaderRowRange", (t) => ({ ...t.rect, bottom: t.rect.top }));
  }
  getDataBodyRange(): FakeRange {
    return this._rangeOf("getDataBodyRange", (t) =>
      rows(t.rect) > 1 ? { ...t.rect, top: t.rect.top + 1 } : null,
    );
  }

  /**
   * ExcelApi 1.13. Growing a table is refused on a protected sheet, whatever the protection options: a
   * table on a protected sheet cannot grow (a user cannot add a row to it either,
   * https://support.microsoft.com/office/protect-a-worksheet-3179efdb-1285-4d49-a9c3-f4ca36276de6).
   */
  resize(newRange: FakeRange | string): void {
    this._call("resize", [newRange], () => {
      this._rt.requireApi("1.13", "Table.resize");
      const t = this._live();
      if (t.sheet.protection.protected) {
        throw new FakeOfficeError(
          "AccessDenied",
          `The sheet '${t.sheet.name}' is protected.`,
          "Table.resize",
        );
      }
      const rect = typeof newRange === "string" ? rectOn(t.sheet, newRange) : newRange._live().rect;
      if (rect.top !== t.rect.top || rect.left !== t.rect.left) {
        throw new FakeOfficeError("InvalidArgument", "The header row must stay where it is.", "Table.resize");
      }
      t.rect = rect;
    });
  }

  delete(): void {
    this._call("delete", [], () => {
      const t = this._live();
      this._wb.tables = this._wb.tables.filter((x) => x !== t);
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.cells.delete(cellKey(r, c));
      }
    });
  }

  convertToRange(): FakeRange {
    const r = this._rangeOf("convertToRange", (t) => t.rect);
    this._call("convertToRange", [], () => {
      const t = this._live();
      this._wb.tables = this._wb.tables.filter((x) => x !== t);
    });
    return r;
  }
}

// ---------------------------------------------------------------------------------------------
// Defined names (ExcelApi 1.4)

interface NameTarget {
  name: string;
}

export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  protected readonly _typeName = "NamedItemCollection";

  protected _members(): FakeNamedItem[] {
    return this._wb.names.map((n) => new FakeNamedItem(this.context, this._rt)._bindNow({ name: n.name }));
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    const p = new FakeNamedItem(this.context, this._rt);
    return p._createdBy(
      this,
      "add",
      comment === undefined ? [name, reference] : [name, reference, comment],
      () => {
        this._rt.requireApi("1.4", "NamedItemCollection.add");
        checkIdentifier(name, "defined name");
        if (nameTaken(this._wb, name)) {
          throw new FakeOfficeError(
            "ItemAlreadyExists",
            `The name '${name}' already exists.`,
            "NamedItemCollection.add",
          );
        }
        let formula: string;
        if (reference instanceof FakeRange) {
          const { sheet, rect } = reference._live();
          formula = `=${qualifiedAddress(sheet, rect, true)}`;
        } else if (typeof reference === "string" && reference.length > 0) {
          formula = reference.startsWith("=") ? reference : `=${reference}`;
          const { sheet } = splitSheet(formula.slice(1));
          // A structured reference must name an existing table, as in a cell's formula.
          const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
          if ((sheet !== null && !findSheet(this._wb, sheet)) || missingTable(this._wb, code)) {
            throw new FakeOfficeError(
              "InvalidArgument",
              `The reference '${reference}' is not valid.`,
              "NamedItemCollection.add",
            );
          }
        } else {
          throw new FakeOfficeError(
            "InvalidArgument",
            "A name needs a reference.",
            "NamedItemCollection.add",
          );
        }
        this._wb.names.push({ name, formula, comment });
        return { name };
      },
    );
  }

  getItem(name: string): FakeNamedItem {
    const p = new FakeNamedItem(this.context, this._rt);
    return p._createdBy(this, "getItem", [name], () => this._find(name));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    const p = new FakeNamedItem(this.context, this._rt);
    return p._createdBy(this, "getItemOrNullObject", [name], () => this._find(name), true);
  }

  private _find(name: string): NameTarget | undefined {
    const n = this._wb.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return n ? { name: n.name } : undefined;
  }
}

export class FakeNamedItem extends FakeClientObject<NameTarget> {
  protected readonly _typeName = "NamedItem";

  private _live() {
    const key = this._target().name.toLowerCase();
    const n = this._wb.names.find((x) => x.name.toLowerCase() === key);
    if (!n) throw new FakeOfficeError("ItemNotFound", `The name '${key}' no longer exists.`, "NamedItem");
    return n;
  }

  override _scalarProps(): string[] {
    return ["name", "formula", "type", "visible"];
  }

  override _read(prop: string): unknown {
    const n = this._live();
    if (prop === "name") return n.name;
    if (prop === "formula") return n.formula;
    if (prop === "type") return n.formula.includes("#REF!") ? "Error" : "Range";
    if (prop === "visible") return n.visible ?? true;
    if (prop === "comment") return n.comment ?? "";
    return super._read(prop);
  }

  get name(): string {
    return this._get("name");
  }
  get formula(): string {
    return this._get("formula");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, () => {
      this._live().visible = v;
    });
  }

  delete(): void {
    this._call("delete", [], () => {
      const n = this._live();
      this._wb.names = this._wb.names.filter((x) => x !== n);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Charts

interface ChartTarget {
  sheet: FakeSheet;
  chart: FakeChart;
}

export class FakeChartCollection extends FakeCollection<FakeChartProxy> {
  protected readonly _typeName = "ChartCollection";

  constructor(
    context: unknown,
    rt: FakeRuntime,
    parent: FakeClientObject,
    private readonly _sheet: () => FakeSheet,
  ) {
    super(context, rt, parent);
  }

  protected _members(): FakeChartProxy[] {
    const sheet = this._sheet();
    return sheet.charts.map((chart) => new FakeChartProxy(this.context, this._rt)._bindNow({ sheet, chart }));
  }

  add(type: string, sourceData: FakeRange, seriesBy: "Auto" | "Columns" | "Rows" = "Auto"): FakeChartProxy {
    const p = new FakeChartProxy(this.context, this._rt);
    return p._createdBy(this, "add", [type, sourceData, seriesBy], () => {
      const sheet = this._sheet();
      if (!(sourceData instanceof FakeRange)) {
        throw new FakeOfficeError("InvalidArgument", "sourceData must be a Range.", "ChartCollection.add");
      }
      const src = sourceData._live();
      const byRows = seriesBy === "Rows" || (seriesBy === "Auto" && cols(src.rect) > rows(src.rect));
      const n = byRows ? rows(src.rect) : cols(src.rect);
      const series: FakeChartSeries[] = [];
      for (let i = 0; i < n; i++) {
        const rect = byRows
          ? { ...src.rect, top: src.rect.top + i, bottom: src.rect.top + i }
          : { ...src.rect, left: src.rect.left + i, right: src.rect.left + i };
        series.push({ name: `Series${i + 1}`, values: qualifiedAddress(src.sheet, rect, true) });
      }
      const chart: FakeChart = {
        id: this._wb.nextId++,
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        series,
        valueAxis: {},
      };
      sheet.charts.push(chart);
      return { sheet, chart };
    });
  }
}

export class FakeChartProxy extends FakeClientObject<ChartTarget> {
  protected readonly _typeName = "Chart";

  override _scalarProps(): string[] {
    return ["id", "name", "chartType"];
  }

  override _read(prop: string): unknown {
    const { chart } = this._target();
    if (prop === "id") return `{chart-${chart.id}}`;
    if (prop === "name") return chart.name;
    if (prop === "chartType") return chart.type;
    return super._read(prop);
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, () => (this._target().chart.name = v));
  }

  get title(): FakeChartTitle {
    return new FakeChartTitle(this.context, this._rt, this, () => this._target());
  }

  get series(): FakeChartSeriesCollection {
    return new FakeChartSeriesCollection(this.context, this._rt, this, () => this._target());
  }

  get axes(): FakeChartAxes {
    return new FakeChartAxes(this.context, this._rt, this, () => this._target());
  }

  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this._call("setPosition", endCell === undefined ? [startCell] : [startCell, endCell], () => {
      const { sheet, chart } = this._target();
      const addr = (x: FakeRange | string) =>
        typeof x === "string"
          ? qualifiedAddress(sheet, parseLocal(splitSheet(x).local))
          : qualifiedAddress(x._target().sheet, x._target().rect);
      chart.position = { start: addr(startCell), end: endCell === undefined ? undefined : addr(endCell) };
    });
  }

  delete(): void {
    this._call("delete", [], () => {
      const { sheet, chart } = this._target();
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

export class FakeChartTitle extends FakeClientObject<ChartTarget> {
  protected readonly _typeName = "ChartTitle";

  override _scalarProps(): string[] {
    return ["text"];
  }

  override _read(prop: string): unknown {
    if (prop === "text") return this._target().chart.title ?? "";
    return super._read(prop);
  }

  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v, () => (this._target().chart.title = v));
  }
}

export class FakeChartAxes extends FakeClientObject<ChartTarget> {
  protected readonly _typeName = "ChartAxes";

  get valueAxis(): FakeChartAxis {
    return new FakeChartAxis(this.context, this._rt, this, () => this._target());
  }
}

/** The value axis: where it starts (ExcelApi 1.7) and its label format (1.8). */
export class FakeChartAxis extends FakeClientObject<ChartTarget> {
  protected readonly _typeName = "ChartAxis";

  override _scalarProps(): string[] {
    return ["minimum", "numberFormat"];
  }

  override _read(prop: string): unknown {
    const axis = this._target().chart.valueAxis;
    if (prop === "minimum") return axis.minimum ?? null;
    if (prop === "numberFormat") return axis.numberFormat ?? "General";
    return super._read(prop);
  }

  get minimum(): number | null {
    return this._get("minimum");
  }
  set minimum(v: number) {
    this._set("minimum", v, () => {
      this._rt.requireApi("1.7", "ChartAxis.minimum");
      this._target().chart.valueAxis.minimum = v;
    });
  }
  get numberFormat(): string {
    return this._get("numberFormat");
  }
  set numberFormat(v: string) {
    this._set("numberFormat", v, () => {
      this._rt.requireApi("1.8", "ChartAxis.numberFormat");
      this._target().chart.valueAxis.numberFormat = v;
    });
  }
}

interface SeriesTarget {
  chart: FakeChart;
  series: FakeChartSeries;
}

export class FakeChartSeriesCollection extends FakeCollection<FakeChartSeriesProxy> {
  protected readonly _typeName = "ChartSeriesCollection";

  constructor(
    context: unknown,
    rt: FakeRuntime,
    parent: FakeClientObject,
    private readonly _chart: () => ChartTarget,
  ) {
    super(context, rt, parent);
  }

  protected _members(): FakeChartSeriesProxy[] {
    const { chart } = this._chart();
    return chart.series.map((series) =>
      new FakeChartSeriesProxy(this.context, this._rt)._bindNow({ chart, series }),
    );
  }

  getItemAt(index: number): FakeChartSeriesProxy {
    const p = new FakeChartSeriesProxy(this.context, this._rt);
    return p._createdBy(this, "getItemAt", [index], () => {
      const { chart } = this._chart();
      const series = chart.series[index];
      return series ? { chart, series } : null;
    });
  }

  /** ExcelApi 1.7. */
  add(name?: string, index?: number): FakeChartSeriesProxy {
    const p = new FakeChartSeriesProxy(this.context, this._rt);
    return p._createdBy(this, "add", [name, index], () => {
      this._rt.requireApi("1.7", "ChartSeriesCollection.add");
      const { chart } = this._chart();
      const series: FakeChartSeries = { name: name ?? `Series${chart.series.length + 1}` };
      if (index === undefined) chart.series.push(series);
      else chart.series.splice(index, 0, series);
      return { chart, series };
    });
  }
}

export class FakeChartSeriesProxy extends FakeClientObject<SeriesTarget> {
  protected readonly _typeName = "ChartSeries";

  override _scalarProps(): string[] {
    return ["name"];
  }

  override _read(prop: string): unknown {
    if (prop === "name") return this._target().series.name;
    return super._read(prop);
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, () => (this._target().series.name = v));
  }

  private _ref(r: FakeRange): string {
    if (!(r instanceof FakeRange))
      throw new FakeOfficeError("InvalidArgument", "sourceData must be a Range.", "ChartSeries");
    const { sheet, rect } = r._live();
    if (rows(rect) > 1 && cols(rect) > 1) {
      throw new FakeOfficeError("InvalidArgument", "A series needs a single row or column.", "ChartSeries");
    }
    return qualifiedAddress(sheet, rect, true);
  }

  /** ExcelApi 1.7. */
  setValues(sourceData: FakeRange): void {
    this._call("setValues", [sourceData], () => {
      this._rt.requireApi("1.7", "ChartSeries.setValues");
      this._target().series.values = this._ref(sourceData);
    });
  }

  /** ExcelApi 1.7. */
  setXAxisValues(sourceData: FakeRange): void {
    this._call("setXAxisValues", [sourceData], () => {
      this._rt.requireApi("1.7", "ChartSeries.setXAxisValues");
      this._target().series.xValues = this._ref(sourceData);
    });
  }

  delete(): void {
    this._call("delete", [], () => {
      const { chart, series } = this._target();
      chart.series = chart.series.filter((s) => s !== series);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Settings (ExcelApi 1.4)

interface SettingTarget {
  key: string;
}

export class FakeSettingCollection extends FakeCollection<FakeSetting> {
  protected readonly _typeName = "SettingCollection";

  protected _members(): FakeSetting[] {
    return [...this._wb.settings.keys()].map((key) =>
      new FakeSetting(this.context, this._rt)._bindNow({ key }),
    );
  }

  add(key: string, value: unknown): FakeSetting {
    const p = new FakeSetting(this.context, this._rt);
    return p._createdBy(this, "add", [key, value], () => {
      this._rt.requireApi("1.4", "SettingCollection.add");
      if (typeof key !== "string" || key.length === 0) {
        throw new FakeOfficeError("InvalidArgument", "A setting needs a key.", "SettingCollection.add");
      }
      this._wb.settings.set(key, JSON.parse(JSON.stringify(value ?? null)));
      return { key };
    });
  }

  getItem(key: string): FakeSetting {
    const p = new FakeSetting(this.context, this._rt);
    return p._createdBy(this, "getItem", [key], () => (this._wb.settings.has(key) ? { key } : null));
  }

  getItemOrNullObject(key: string): FakeSetting {
    const p = new FakeSetting(this.context, this._rt);
    return p._createdBy(
      this,
      "getItemOrNullObject",
      [key],
      () => (this._wb.settings.has(key) ? { key } : null),
      true,
    );
  }
}

export class FakeSetting extends FakeClientObject<SettingTarget> {
  protected readonly _typeName = "Setting";

  override _scalarProps(): string[] {
    return ["key", "value"];
  }

  override _read(prop: string): unknown {
    const { key } = this._target();
    if (!this._wb.settings.has(key))
      throw new FakeOfficeError("ItemNotFound", `Setting '${key}' no longer exists.`, "Setting");
    if (prop === "key") return key;
    if (prop === "value") return this._wb.settings.get(key);
    return super._read(prop);
  }

  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this._set("value", v, () =>
      this._wb.settings.set(this._target().key, JSON.parse(JSON.stringify(v ?? null))),
    );
  }

  delete(): void {
    this._call("delete", [], () => this._wb.settings.delete(this._target().key));
  }
}
