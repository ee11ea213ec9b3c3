/** Every string the task pane shows. One catalogue per language: it.ts, en.ts. */
export interface Strings {
  /** BCP 47 tag of the catalogue, set on the pane's root element as `lang`. */
  htmlLang: string;
  appTitle: string;
  appDescription: string;
  safetyNote: string;

  languageLabel: string;
  languageNames: { it: string; en: string };

  actionsLabel: string;
  analyze: string;
  analyzeHint: string;
  analyzing: string;
  build: string;
  buildHint: string;
  building: string;

  notAvailable: string;
  failed: string;
  officeMissing: string;

  analysisTitle: string;
  analysisSummary: (sheets: number) => string;
  buildTitle: string;
  buildSummary: (sheets: number) => string;
  sheetsHeading: string;
  findingsHeading: string;
  noFindings: string;
  findingsCount: (counts: { error: number; warning: number; info: number }) => string;
  severity: { error: string; warning: string; info: string };
}
