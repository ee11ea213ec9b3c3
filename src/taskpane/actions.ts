/**
 * What the task pane asks of the rest of the add-in. Plain data only: the pane knows nothing about
 * Office.js or the engine; whoever wires it (index.tsx) passes an implementation of PaneActions.
 */

export type Severity = "error" | "warning" | "info";

/** A text in both UI languages, as the engine produces it. */
export interface LocalizedText {
  it: string;
  en: string;
}

export interface FindingView {
  severity: Severity;
  /** Stable machine code, e.g. `PESO_SOMMA`. */
  code: string;
  message: LocalizedText;
  /** Where the finding points, ready to show, e.g. `'Settore 1'!B12`. */
  location?: string;
}

/** One of the user's sheets and what detection made of it. */
export interface SheetView {
  name: string;
  summary: LocalizedText;
}

export interface AnalysisView {
  sheets: SheetView[];
  findings: FindingView[];
}

export interface BuildView {
  /** Names of the PIAO sheets written (created or regenerated). */
  sheetsWritten: string[];
  findings: FindingView[];
}

export interface PaneActions {
  analyze(): Promise<AnalysisView>;
  build(): Promise<BuildView>;
}

/** Thrown by an action that this build does not provide yet; the pane shows "not available yet". */
export class ActionUnavailableError extends Error {
  constructor(action: keyof PaneActions) {
    super(`Action "${action}" is not available yet`);
    this.name = "ActionUnavailableError";
  }
}

/** Thrown when the pane runs outside Excel (Office.js missing or no Excel host). */
export class HostUnavailableError extends Error {
  constructor() {
    super("Excel is not available");
    this.name = "HostUnavailableError";
  }
}

/** Placeholder until the Office.js adapter and the engine are wired in: every action says so, honestly. */
export const unavailableActions: PaneActions = {
  analyze: () => Promise.reject(new ActionUnavailableError("analyze")),
  build: () => Promise.reject(new ActionUnavailableError("build")),
};
