/**
 * Errors raised by the in-memory Excel fake. They have the shape of `OfficeExtension.Error`
 * (`name`, `code`, `message`, `debugInfo`), so adapter code that branches on `error.code` behaves the
 * same against the fake as against Excel.
 */

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

/** Limits the fake enforces. The defaults are Excel on the web's (the strictest host). */
export interface FakeLimits {
  /** Maximum request payload per `context.sync()` (JSON bytes of the queued operations). */
  requestBytes: number;
  /** Maximum response payload per `context.sync()` (JSON bytes of the loaded values). */
  responseBytes: number;
  /** A range larger than this returns `null` for values/formulas/numberFormat, as documented. */
  readCells: number;
}

export const DEFAULT_FAKE_LIMITS: FakeLimits = {
  requestBytes: 5 * 1024 * 1024,
  responseBytes: 5 * 1024 * 1024,
  readCells: 5_000_000,
};

export function notLoaded(prop: string, typeName: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method ` +
      `on the containing object (${typeName}) and call "context.sync()" on the associated request context.`,
    `${typeName}.${prop}`,
  );
}
