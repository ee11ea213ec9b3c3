/**
 * Queues write operations and syncs only when the next one would push the request over the byte
 * budget. Each batch starts by suspending calculation (ExcelApi 1.6) and screen updating (ExcelApi
 * 1.9), each where the host has it: both last "until next sync", so they are re-issued at the start of
 * every batch, never in a loop of their own.
 *
 * A request Excel rejects as too large (`RequestPayloadSizeLimitExceeded`: Excel on the web refuses
 * requests over 5 MB, https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization)
 * changes nothing, so its operations are queued again with half the byte budget (row chunks larger
 * than that are split), as many times as it takes; an operation rejected on its own that cannot be
 * split is an error.
 */

import { excelErrorCode } from "./errors";
import type { Supports } from "./supports";

/** An operation: its estimated bytes, what queues it, and (for row chunks) how to halve it. */
export interface Queued {
  bytes: number;
  run: () => void;
  split?: () => Queued[];
}

export class WriteBatcher {
  /** Syncs made by this batcher (rejected requests included). */
  syncs = 0;
  /** Estimated bytes queued since the last sync. */
  private pending = 0;
  private queued: Queued[] = [];
  private open = false;
  private done = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private maxBytes: number,
    private readonly supports: Supports,
    private readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  /** The current budget per request (halved after each rejected request). */
  get budget(): number {
    return this.maxBytes;
  }

  /** Bytes that still fit in the current batch. */
  room(): number {
    return this.maxBytes - this.pending;
  }

  hasPending(): boolean {
    return this.pending > 0;
  }

  /**
   * Queues an operation of `bytes`: syncs first if it would not fit and something is already queued,
   * opens the batch if needed, then calls `run`, which queues the Office.js calls. `run` may be called
   * again if the request is rejected as too large, so it must only queue calls.
   */
  async add(bytes: number, run: () => void, split?: () => Queued[]): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.maxBytes) await this.flush();
    if (!this.open) {
      if (this.supports("1.6")) this.context.application.suspendApiCalculationUntilNextSync();
      if (this.supports("1.9")) this.context.application.suspendScreenUpdatingUntilNextSync();
      this.open = true;
    }
    this.pending += bytes;
    this.queued.push({ bytes, run, split });
    run();
  }

  /** Queues a rejected operation again, split while it is larger than the (halved) budget. */
  private async replay(q: Queued): Promise<void> {
    const parts = q.bytes > this.maxBytes && q.split ? q.split() : [];
    if (parts.length > 1) for (const p of parts) await this.replay(p);
    else await this.add(q.bytes, q.run, q.split);
  }

  /** Syncs what is queued (if anything) and reports progress. */
  async flush(): Promise<void> {
    if (!this.open) return;
    const batch = this.queued;
    const bytes = this.pending;
    this.queued = [];
    this.pending = 0;
    this.open = false;
    this.syncs++;
    try {
      await this.context.sync();
    } catch (e) {
      if (excelErrorCode(e) !== "RequestPayloadSizeLimitExceeded") throw e;
      const pieces = batch.length > 1 ? batch : (batch[0]?.split?.() ?? []);
      if (pieces.length < 2) throw e;
      this.maxBytes = Math.max(1, Math.floor(this.maxBytes / 2));
      for (const q of pieces) await this.replay(q);
      await this.flush();
      return;
    }
    this.done += bytes;
    this.onProgress?.(Math.min(this.done, this.total), this.total);
  }
}
