/**
 * Queues write operations and syncs only when the next one would push the request over the byte
 * budget. Each batch starts by suspending calculation (ExcelApi 1.6) and screen updating (ExcelApi
 * 1.9), each where the host has it: both last "until next sync", so they are re-issued at the start of
 * every batch, never in a loop of their own.
 */

import type { Supports } from "./supports";

export class WriteBatcher {
  /** Syncs made by this batcher. */
  syncs = 0;
  /** Estimated bytes queued since the last sync. */
  private pending = 0;
  private open = false;
  private done = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly maxBytes: number,
    private readonly supports: Supports,
    private readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  /** Bytes that still fit in the current batch. */
  room(): number {
    return this.maxBytes - this.pending;
  }

  hasPending(): boolean {
    return this.pending > 0;
  }

  /**
   * Makes room for an operation of `bytes` (syncing first if it would not fit and something is
   * already queued), opens the batch if needed, and accounts for it. Call before queueing the operation.
   */
  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.maxBytes) await this.flush();
    if (!this.open) {
      if (this.supports("1.6")) this.context.application.suspendApiCalculationUntilNextSync();
      if (this.supports("1.9")) this.context.application.suspendScreenUpdatingUntilNextSync();
      this.open = true;
    }
    this.pending += bytes;
  }

  /** Syncs what is queued (if anything) and reports progress. */
  async flush(): Promise<void> {
    if (!this.open) return;
    await this.context.sync();
    this.syncs++;
    this.done += this.pending;
    this.pending = 0;
    this.open = false;
    this.onProgress?.(Math.min(this.done, this.total), this.total);
  }
}
