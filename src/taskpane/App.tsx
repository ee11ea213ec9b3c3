import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { ChangeEvent } from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ActionUnavailableError,
  HostUnavailableError,
  type AnalysisView,
  type BuildView,
  type FindingView,
  type PaneActions,
  type Severity,
} from "./actions";
import { LANGUAGES, strings, type Language, type Strings } from "./i18n";

export interface AppProps {
  actions: PaneActions;
  initialLanguage: Language;
}

type Busy = "analyze" | "build" | null;

type Outcome =
  | { kind: "analysis"; view: AnalysisView }
  | { kind: "build"; view: BuildView }
  | { kind: "unavailable" }
  | { kind: "hostMissing" }
  | { kind: "error"; detail: string };

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    minWidth: 0,
    maxWidth: "640px",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    overflowWrap: "anywhere",
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  language: { minWidth: "8em" },
  text: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  note: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  actions: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  action: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  button: { width: "100%" },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  heading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  info: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  code: { color: tokens.colorNeutralForeground3 },
});

export function App({ actions, initialLanguage }: AppProps) {
  const styles = useStyles();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const running = useRef(false);
  const analyzeHintId = useId();
  const buildHintId = useId();
  const s = strings(language);

  useEffect(() => {
    document.documentElement.lang = s.htmlLang;
    document.title = s.appTitle;
  }, [s]);

  const run = useCallback(
    async (which: Exclude<Busy, null>) => {
      if (running.current) return;
      running.current = true;
      setBusy(which);
      setOutcome(null);
      try {
        setOutcome(
          which === "analyze"
            ? { kind: "analysis", view: await actions.analyze() }
            : { kind: "build", view: await actions.build() },
        );
      } catch (e) {
        setOutcome(describeFailure(e));
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [actions],
  );

  const onLanguage = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value;
    if ((LANGUAGES as readonly string[]).includes(value)) setLanguage(value as Language);
  };

  return (
    <main className={styles.root} lang={s.htmlLang} aria-busy={busy !== null}>
      <header className={styles.header}>
        <h1 className={styles.title}>{s.appTitle}</h1>
        <Field label={s.languageLabel} size="small" className={styles.language}>
          <Select size="small" value={language} onChange={onLanguage}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {s.languageNames[l]}
              </option>
            ))}
          </Select>
        </Field>
      </header>

      <p className={styles.text}>{s.appDescription}</p>
      <p className={styles.note}>{s.safetyNote}</p>

      <section className={styles.actions} aria-label={s.actionsLabel}>
        <div className={styles.action}>
          <Button
            appearance="primary"
            className={styles.button}
            disabledFocusable={busy !== null}
            aria-describedby={analyzeHintId}
            icon={busy === "analyze" ? <Spinner size="tiny" /> : undefined}
            onClick={() => void run("analyze")}
          >
            {s.analyze}
          </Button>
          <span id={analyzeHintId} className={styles.note}>
            {s.analyzeHint}
          </span>
        </div>
        <div className={styles.action}>
          <Button
            className={styles.button}
            disabledFocusable={busy !== null}
            aria-describedby={buildHintId}
            icon={busy === "build" ? <Spinner size="tiny" /> : undefined}
            onClick={() => void run("build")}
          >
            {s.build}
          </Button>
          <span id={buildHintId} className={styles.note}>
            {s.buildHint}
          </span>
        </div>
      </section>

      {/* Short announcements only; the detailed results below are read on demand. */}
      <div role="status" aria-live="polite">
        {busy === "analyze" && <span className={styles.visuallyHidden}>{s.analyzing}</span>}
        {busy === "build" && <span className={styles.visuallyHidden}>{s.building}</span>}
        {outcome && <Announcement outcome={outcome} s={s} styles={styles} />}
      </div>
      {outcome?.kind === "analysis" && (
        <AnalysisResult view={outcome.view} s={s} language={language} styles={styles} />
      )}
      {outcome?.kind === "build" && (
        <BuildResult view={outcome.view} s={s} language={language} styles={styles} />
      )}
    </main>
  );
}

function describeFailure(e: unknown): Outcome {
  if (e instanceof ActionUnavailableError) return { kind: "unavailable" };
  if (e instanceof HostUnavailableError) return { kind: "hostMissing" };
  return { kind: "error", detail: e instanceof Error ? e.message : String(e) };
}

type Styles = ReturnType<typeof useStyles>;

interface ViewProps {
  s: Strings;
  language: Language;
  styles: Styles;
}

function summarizeFindings(findings: FindingView[], s: Strings): string {
  return findings.length === 0 ? s.noFindings : s.findingsCount(countFindings(findings));
}

function countFindings(findings: FindingView[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function Announcement({ outcome, s, styles }: { outcome: Outcome; s: Strings; styles: Styles }) {
  switch (outcome.kind) {
    case "unavailable":
      return (
        <MessageBar intent="info">
          <MessageBarBody>{s.notAvailable}</MessageBarBody>
        </MessageBar>
      );
    case "hostMissing":
      return (
        <MessageBar intent="warning">
          <MessageBarBody>{s.officeMissing}</MessageBarBody>
        </MessageBar>
      );
    case "error":
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{s.failed}</MessageBarTitle> {outcome.detail}
          </MessageBarBody>
        </MessageBar>
      );
    case "analysis":
      return (
        <span className={styles.visuallyHidden}>
          {s.analysisSummary(outcome.view.sheets.length)} {summarizeFindings(outcome.view.findings, s)}
        </span>
      );
    case "build":
      return (
        <span className={styles.visuallyHidden}>
          {s.buildSummary(outcome.view.sheetsWritten.length)} {summarizeFindings(outcome.view.findings, s)}
        </span>
      );
  }
}

function AnalysisResult({ view, s, language, styles }: ViewProps & { view: AnalysisView }) {
  return (
    <section aria-label={s.analysisTitle}>
      <h2 className={styles.heading}>{s.analysisTitle}</h2>
      <p className={styles.text}>{s.analysisSummary(view.sheets.length)}</p>
      {view.sheets.length > 0 && (
        <>
          <h3 className={styles.heading}>{s.sheetsHeading}</h3>
          <ul className={styles.list}>
            {view.sheets.map((sheet) => (
              <li key={sheet.name}>
                <strong>{sheet.name}</strong>: {sheet.summary[language]}
              </li>
            ))}
          </ul>
        </>
      )}
      <Findings findings={view.findings} s={s} language={language} styles={styles} />
    </section>
  );
}

function BuildResult({ view, s, language, styles }: ViewProps & { view: BuildView }) {
  return (
    <section aria-label={s.buildTitle}>
      <h2 className={styles.heading}>{s.buildTitle}</h2>
      <p className={styles.text}>{s.buildSummary(view.sheetsWritten.length)}</p>
      {view.sheetsWritten.length > 0 && (
        <ul className={styles.list}>
          {view.sheetsWritten.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
      <Findings findings={view.findings} s={s} language={language} styles={styles} />
    </section>
  );
}

function Findings({ findings, s, language, styles }: ViewProps & { findings: FindingView[] }) {
  const counts = countFindings(findings);
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <>
      <h3 className={styles.heading}>{s.findingsHeading}</h3>
      {findings.length === 0 ? (
        <p className={styles.text}>{s.noFindings}</p>
      ) : (
        <>
          <p className={styles.text}>{s.findingsCount(counts)}</p>
          <ul className={styles.list}>
            {sorted.map((f, i) => (
              <li key={`${f.code}-${f.location ?? ""}-${i}`}>
                <span className={styles[f.severity]}>{s.severity[f.severity]}</span>
                {f.location ? ` · ${f.location}` : ""}: {f.message[language]}{" "}
                <span className={styles.code}>({f.code})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
