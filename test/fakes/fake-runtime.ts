/**
 * The request/sync machinery of the fake, modelled on Office.js:
 * - every property write, method call, proxy creation and `load()` is queued, not executed;
 * - `context.sync()` sends the queue as one request: it is measured (JSON bytes), rejected with
 *   `RequestPayloadSizeLimitExceeded` when it exceeds the limit, then executed in order, stopping at the
 *   first failing operation (earlier operations stay applied, as in Excel);
 * - loaded values become readable only after a successful sync; reading anything else throws
 *   `PropertyNotLoaded`. (Real Office.js also returns a value you have just set yourself; the fake is
 *   stricter and throws, because code that reads back its own writes is a smell.)
 */

import { FakeOfficeError, type FakeLimits, notLoaded } from "./fake-errors";
import type { FakeWorkbookState } from "./fake-state";

export interface OpResult {
  /** Response bytes this operation produces (loads). */
  bytes?: number;
  /** Applied only when the whole sync succeeds (loaded values, null-object flags). */
  commit?: () => void;
}

interface QueuedOp {
  json: unknown;
  run: () => OpResult | void;
}

export interface SyncRecord {
  /** Request payload: JSON bytes of the queued operations. */
  bytes: number;
  ops: number;
  responseBytes: number;
  suspendedCalculation: boolean;
  suspendedScreenUpdating: boolean;
  error?: string;
}

export interface FakeStats {
  syncs: number;
  /** Request bytes of each sync, in order. */
  requests: number[];
  log: SyncRecord[];
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v);
  return s === undefined ? 0 : utf8Length(s);
}

export function versionAtLeast(have: string, need: string): boolean {
  const [a1, a2] = have.split(".").map(Number);
  const [b1, b2] = need.split(".").map(Number);
  return a1 > b1 || (a1 === b1 && (a2 ?? 0) >= (b2 ?? 0));
}

/**
 * A failure to inject: the `atSync`-th sync from now fails with `code` after running its first
 * `afterOps` operations (earlier ones stay applied, as in Excel); `persistent` makes every later sync fail
 * too, before running anything, until the failure is cleared — Excel refusing every call while another
 * workbook is active (`InactiveWorkbook`,
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-troubleshooting).
 */
export interface InjectedFailure {
  atSync: number;
  code: string;
  afterOps?: number;
  persistent?: boolean;
}

export class FakeRuntime {
  private queue: QueuedOp[] = [];
  /** The armed failure, with the absolute sync number it fires at. */
  private failure: (InjectedFailure & { at: number }) | null = null;
  readonly stats: FakeStats = { syncs: 0, requests: [], log: [] };
  private current: SyncRecord | null = null;
  private nextObjectId = 1;

  constructor(
    readonly state: FakeWorkbookState,
    readonly limits: FakeLimits,
    readonly apiVersion: string,
  ) {}

  newId(): number {
    return this.nextObjectId++;
  }

  enqueue(json: unknown, run: () => OpResult | void): void {
    this.queue.push({ json, run });
  }

  injectFailure(f: InjectedFailure | null): void {
    this.failure = f && { ...f, at: this.stats.syncs + f.atSync };
  }

  pending(): number {
    return this.queue.length;
  }

  /** Called while an operation runs: fails like Excel when the host lacks the API. */
  requireApi(version: string, api: string): void {
    if (!versionAtLeast(this.apiVersion, version)) {
      throw new FakeOfficeError("ApiNotFound", `${api} requires ExcelApi ${version}.`, api);
    }
  }

  supports(version: string): boolean {
    return versionAtLeast(this.apiVersion, version);
  }

  markSuspended(kind: "calculation" | "screen"): void {
    if (!this.current) return;
    if (kind === "calculation") this.current.suspendedCalculation = true;
    else this.current.suspendedScreenUpdating = true;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const bytes = utf8Length(JSON.stringify(ops.map((o) => o.json)));
    const record: SyncRecord = {
      bytes,
      ops: ops.length,
      responseBytes: 0,
      suspendedCalculation: false,
      suspendedScreenUpdating: false,
    };
    this.stats.syncs++;
    this.stats.requests.push(bytes);
    this.stats.log.push(record);
    await Promise.resolve();
    if (bytes > this.limits.requestBytes) {
      record.error = "RequestPayloadSizeLimitExceeded";
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${bytes} bytes) has exceeded the limit (${this.limits.requestBytes} bytes).`,
        "context.sync",
      );
    }
    const commits: (() => void)[] = [];
    const f = this.failure;
    const n = this.stats.syncs;
    const injected = f && (n === f.at || (f.persistent && n > f.at)) ? f.code : null;
    const failAfter = injected && n === f?.at ? (f.afterOps ?? 0) : 0;
    if (injected && !f?.persistent) this.failure = null;
    const fail = () => new FakeOfficeError(injected ?? "", `Injected failure (${injected}).`, "context.sync");
    this.current = record;
    try {
      for (const [i, op] of ops.entries()) {
        if (injected && i >= failAfter) throw fail();
        const r = op.run();
        if (r) {
          record.responseBytes += r.bytes ?? 0;
          if (r.commit) commits.push(r.commit);
        }
      }
      if (injected) throw fail(); // every operation ran, the response is lost
    } catch (e) {
      record.error = (e as { code?: string }).code ?? String(e);
      throw e;
    } finally {
      this.current = null;
    }
    if (record.responseBytes > this.limits.responseBytes) {
      record.error = "ResponsePayloadSizeLimitExceeded";
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`,
        "context.sync",
      );
    }
    for (const c of commits) c();
  }
}

/** Replaces proxies by `{ ref: id }` so that arguments can be measured as JSON. */
export function ser(v: unknown): unknown {
  if (v instanceof FakeClientObject) return { ref: v._id };
  if (Array.isArray(v)) return v.map(ser);
  if (v && typeof v === "object" && !(v instanceof Date)) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = ser(x);
    return o;
  }
  return v;
}

/** Staged effects of one load operation (applied when the sync succeeds). */
export type LoadCommits = (() => void)[] & { items?: Map<FakeClientObject, FakeClientObject[]> };

type Binding<T> = { state: "pending" } | { state: "ok"; target: T } | { state: "null" };

/**
 * Base of every proxy. A proxy is bound to its target (a sheet, a range rectangle, a table…) when the
 * operation that created it runs inside a sync; navigation children (`range.format.font`) derive their
 * target from their parent instead.
 */
export abstract class FakeClientObject<T = unknown> {
  readonly _id: number;
  protected readonly _loaded = new Map<string, unknown>();
  private _binding: Binding<T> = { state: "pending" };
  private _nullKnown: boolean | undefined;
  protected abstract readonly _typeName: string;

  /**
   * @param _parent for navigation children: the object they hang from
   * @param _derive for navigation children: computes the target from the parent's, at each use
   */
  constructor(
    readonly context: unknown,
    protected readonly _rt: FakeRuntime,
    private readonly _parent?: FakeClientObject,
    private readonly _derive?: () => T,
  ) {
    this._id = _rt.newId();
  }

  protected get _wb(): FakeWorkbookState {
    return this._rt.state;
  }

  /** Queues the creation of this proxy by `method(args)` on `parent`; `resolve` runs inside the sync. */
  _createdBy(
    parent: FakeClientObject | null,
    method: string,
    args: unknown[],
    resolve: () => T | null | undefined,
    nullable = false,
  ): this {
    this._rt.enqueue({ o: this._id, p: parent?._id ?? 0, m: method, a: ser(args) }, () => {
      const t = resolve();
      if (t === null || t === undefined) {
        if (!nullable) {
          throw new FakeOfficeError(
            "ItemNotFound",
            `The requested resource doesn't exist (${method}).`,
            method,
          );
        }
        this._binding = { state: "null" };
      } else {
        this._binding = { state: "ok", target: t };
      }
      return { commit: () => (this._nullKnown = this._binding.state === "null") };
    });
    return this;
  }

  /** Binds a proxy handed out already resolved (collection items after a load). */
  _bindNow(target: T): this {
    this._binding = { state: "ok", target };
    this._nullKnown = false;
    return this;
  }

  get isNullObject(): boolean {
    if (this._parent && this._binding.state === "pending") return this._parent.isNullObject;
    if (this._nullKnown === undefined) throw notLoaded("isNullObject", this._typeName);
    return this._nullKnown;
  }

  _isNull(): boolean {
    if (this._parent && this._binding.state === "pending") return this._parent._isNull();
    return this._binding.state === "null";
  }

  /** The bound target; throws when the proxy is a null object or was never resolved. */
  _target(): T {
    if (this._binding.state === "ok") return this._binding.target;
    if (this._binding.state === "pending" && this._derive) return this._derive();
    if (this._binding.state === "null") {
      throw new FakeOfficeError(
        "InvalidObjectPath",
        `A ${this._typeName} null object was used: check isNullObject after a sync before using it.`,
        this._typeName,
      );
    }
    throw new FakeOfficeError(
      "InvalidObjectPath",
      `The ${this._typeName} object was never created (the request that created it failed).`,
      this._typeName,
    );
  }

  /** Reads a loaded property (throws PropertyNotLoaded otherwise). */
  protected _get<V>(prop: string): V {
    if (!this._loaded.has(prop)) throw notLoaded(prop, this._typeName);
    return this._loaded.get(prop) as V;
  }

  /** Queues a property write; `apply` runs inside the sync. */
  protected _set(prop: string, value: unknown, apply: () => void, raw = false): void {
    this._rt.enqueue({ o: this._id, s: prop, v: raw ? value : ser(value) }, () => {
      apply();
    });
  }

  /** Queues a method call; `apply` runs inside the sync. */
  protected _call(method: string, args: unknown[], apply: () => void): void {
    this._rt.enqueue({ o: this._id, m: method, a: ser(args) }, () => {
      apply();
    });
  }

  /** Scalar properties that `load()` with no argument loads. */
  _scalarProps(): string[] {
    return [];
  }

  /** Current value of a scalar property (inside a sync). */
  _read(prop: string): unknown {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The property '${prop}' does not exist on ${this._typeName} (or the fake does not model it).`,
      `${this._typeName}.load`,
    );
  }

  /** Navigation property (`format`, `font`, `worksheet`…), if `prop` is one. */
  _nav(prop: string): FakeClientObject | undefined {
    void prop;
    return undefined;
  }

  load(spec?: string | string[] | { select?: string; expand?: string }): this {
    let paths: string[];
    if (spec === undefined) paths = this._scalarProps();
    else if (typeof spec === "string") paths = spec.split(",");
    else if (Array.isArray(spec)) paths = spec.flatMap((s) => s.split(","));
    else paths = [...(spec.select ?? "").split(","), ...(spec.expand ?? "").split(",")];
    paths = paths.map((p) => p.trim()).filter((p) => p.length > 0);
    this._rt.enqueue({ o: this._id, l: paths }, () => {
      const commits: LoadCommits = [];
      let bytes = 0;
      for (const p of paths)
        bytes += this._loadPath(
          p.split("/").map((s) => s.trim()),
          commits,
        );
      return { bytes, commit: () => commits.forEach((c) => c()) };
    });
    return this;
  }

  _loadPath(segs: string[], commits: LoadCommits): number {
    if (this._isNull()) return 0;
    const [head, ...rest] = segs;
    const child = this._nav(head);
    if (child) {
      if (rest.length > 0) return child._loadPath(rest, commits);
      let b = 0;
      for (const p of child._scalarProps()) b += child._loadPath([p], commits);
      return b;
    }
    if (rest.length > 0) {
      throw new FakeOfficeError("InvalidArgument", `'${head}' is not a navigation property.`, this._typeName);
    }
    const v = this._read(head);
    commits.push(() => this._loaded.set(head, v));
    return jsonBytes(v);
  }

  /** Like Office.js: a plain object with the loaded properties. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** Base of collections: `items` (after `load("items/…")`), per-item paths, `count`. */
export abstract class FakeCollection<I extends FakeClientObject> extends FakeClientObject<null> {
  /** Fresh, bound proxies for the current members (inside a sync). */
  protected abstract _members(): I[];

  get items(): I[] {
    return this._get<I[]>("items");
  }

  override _target(): null {
    return null;
  }

  override _isNull(): boolean {
    return false;
  }

  override _read(prop: string): unknown {
    if (prop === "count") return this._members().length;
    return super._read(prop);
  }

  override _loadPath(segs: string[], commits: LoadCommits): number {
    const [head, ...rest] = segs;
    if (head === "count") return super._loadPath(segs, commits);
    const itemPath = head === "items" ? rest : segs; // "name" on a collection means "items/name"
    // One load("items/a,items/b") fills one list of item proxies with both properties.
    commits.items ??= new Map();
    let items = commits.items.get(this) as I[] | undefined;
    if (!items) {
      const fresh = this._members();
      items = fresh;
      commits.items.set(this, fresh);
      commits.push(() => this._loaded.set("items", fresh));
    }
    let b = 0;
    for (const it of items) {
      if (itemPath.length > 0) b += it._loadPath(itemPath, commits);
      else for (const p of it._scalarProps()) b += it._loadPath([p], commits);
    }
    return b;
  }
}
