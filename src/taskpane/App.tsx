import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button, Field, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import {
  HostUnavailableError,
  type AnalysisView,
  type FindingView,
  type Mapping,
  type PaneActions,
  type Progress,
} from "./actions";
import { BuildSummary, type BuiltInfo } from "./components/BuildSummary";
import { ErrorBar, type ErrorInfo } from "./components/ErrorBar";
import { Problems } from "./components/Problems";
import { ProgressIndicator } from "./components/ProgressIndicator";
import { RemoveGenerated } from "./components/RemoveGenerated";
import { Review, hasReview, openReviewItems } from "./components/Review";
import { SheetsReport, isBuildable } from "./components/SheetsReport";
import { NOTHING_RECOGNISED, toPaneError } from "./errors";
import { countFindings } from "./format";
import { LANGUAGES, strings, type Counts, type Language, type Strings } from "./i18n";
import { usePaneStyles } from "./styles";

export interface AppProps {
  actions: PaneActions;
  initialLanguage: Language;
}

/** The steps of the journey; each shows its own progress, result message and error. */
type Step = "analyze" | "review" | "build" | "problems" | "remove";

interface Notice {
  step: Step;
  text: (s: Strings) => string;
  /** The colour of the result: it follows the worst finding (green only without errors or warnings). */
  intent: "success" | "warning" | "error" | "info";
}

const worst = (c: Counts): Notice["intent"] =>
  c.error > 0 ? "error" : c.warning > 0 ? "warning" : "success";

function errorInfo(e: unknown): ErrorInfo {
  const err = toPaneError(e);
  if (err instanceof HostUnavailableError)
    return { code: "HostUnavailable", fallback: "officeMissing", details: [] };
  if (err.code === NOTHING_RECOGNISED) return { code: err.code, fallback: "buildNothing", details: [] };
  return { code: err.code, text: err.text, fallback: "unexpectedError", details: err.details };
}

/** Step 2 with nothing to choose: said honestly (nothing recognised, or headers read by resemblance). */
function reviewNothing(view: AnalysisView, s: Strings): string {
  if (!isBuildable(view)) return s.reviewNothingRecognised;
  const interpreted = view.findings.filter((f) => f.code === "INTESTAZIONE_INTERPRETATA").length;
  return interpreted > 0 ? s.reviewInterpreted(interpreted) : s.reviewNothing;
}

export function App({ actions, initialLanguage }: AppProps) {
  const styles = usePaneStyles();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [view, setView] = useState<AnalysisView | null>(null);
  /** Bumped on every new analysis: remounts the review inputs from the new state. */
  const [generation, setGeneration] = useState(0);
  const [built, setBuilt] = useState<BuiltInfo | null>(null);
  const [busy, setBusy] = useState<Step | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<{ step: Step; info: ErrorInfo } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const running = useRef(false);
  const problemsHeading = useRef<HTMLHeadingElement>(null);
  const ids = {
    analyze: useId(),
    review: useId(),
    build: useId(),
    problems: useId(),
    remove: useId(),
    analyzeHint: useId(),
    buildHint: useId(),
  };
  const s = strings(language);

  useEffect(() => {
    document.documentElement.lang = s.htmlLang;
    document.title = s.appTitle;
  }, [s]);

  /** Runs one operation at a time; any failure becomes a readable message in the step's section. */
  const perform = useCallback(async (step: Step, work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(step);
    setError(null);
    setNotice(null);
    setProgress(null);
    try {
      await work();
    } catch (e) {
      setError({ step, info: errorInfo(e) });
    } finally {
      running.current = false;
      setBusy(null);
      setProgress(null);
    }
  }, []);

  const showAnalysis = (v: AnalysisView) => {
    setView(v);
    setGeneration((g) => g + 1);
  };

  const analyze = (step: "analyze" | "problems") =>
    perform(step, async () => {
      const v = await actions.analyze({ language, onProgress: setProgress });
      showAnalysis(v);
      const counts = countFindings(v.findings);
      setNotice({
        step,
        text: (t) => (step === "analyze" ? t.analysisDone(v.sheets.length, counts) : t.recheckDone(counts)),
        intent: worst(counts),
      });
    });

  const build = () =>
    perform("build", async () => {
      const v = await actions.build({ language, onProgress: setProgress });
      showAnalysis(v);
      setBuilt({ sheetsWritten: v.sheetsWritten, archived: v.archived });
      const counts = countFindings(v.findings);
      setNotice({
        step: "build",
        text: (t) => t.buildDone(v.sheetsWritten.length, counts),
        intent: worst(counts),
      });
    });

  const saveChoices = (mapping: Mapping, forget: boolean) =>
    perform("review", async () => {
      await actions.saveMapping(mapping);
      showAnalysis(await actions.analyze({ language, onProgress: setProgress }));
      setNotice({
        step: "review",
        text: (t) => (forget ? t.choicesForgotten : t.choicesSaved),
        intent: "success",
      });
    });

  const goTo = (f: FindingView) =>
    perform("problems", async () => {
      if (f.sheet && f.address) await actions.selectCell(f.sheet, f.address);
    });

  const remove = () =>
    perform("remove", async () => {
      const { removed } = await actions.removeGenerated();
      setBuilt(null);
      setView((v) => (v ? { ...v, generated: [] } : v));
      setNotice({
        step: "remove",
        text: (t) => (removed.length > 0 ? t.removed(removed.length, removed.join(", ")) : t.nothingRemoved),
        intent: removed.length > 0 ? "success" : "info",
      });
    });

  const showProblems = () => {
    const h = problemsHeading.current;
    h?.focus();
    h?.scrollIntoView?.({ block: "start" });
  };

  /** Progress, error and result message of one step, inside its section. */
  const stepStatus = (step: Step): ReactNode => (
    <>
      {busy === step && <ProgressIndicator progress={progress} s={s} />}
      {error?.step === step && (
        <ErrorBar error={error.info} s={s} language={language} onDismiss={() => setError(null)} />
      )}
      <div role="status" aria-live="polite">
        {notice?.step === step && (
          <MessageBar intent={notice.intent} layout="multiline" data-intent={notice.intent}>
            <MessageBarBody>{notice.text(s)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </>
  );

  const isBusy = busy !== null;
  const buildable = view !== null && isBuildable(view);
  const openReview = view ? openReviewItems(view) : 0;
  const buildHint = !view ? s.buildNeedsAnalysis : !buildable ? s.buildNothing : s.buildHint;

  return (
    <main className={styles.root} lang={s.htmlLang} aria-busy={isBusy}>
      <header className={styles.header}>
        <h1 className={styles.title}>{s.appTitle}</h1>
        <Field label={s.languageLabel} size="small" className={styles.language}>
          <Select
            size="small"
            value={language}
            onChange={(_, d) => {
              if ((LANGUAGES as readonly string[]).includes(d.value)) setLanguage(d.value as Language);
            }}
          >
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

      <section className={styles.section} aria-labelledby={ids.analyze}>
        <h2 id={ids.analyze} className={styles.heading}>
          {s.analyzeHeading}
        </h2>
        <Button
          appearance="primary"
          className={styles.button}
          disabledFocusable={isBusy}
          aria-describedby={ids.analyzeHint}
          onClick={() => void analyze("analyze")}
        >
          {s.analyze}
        </Button>
        <p id={ids.analyzeHint} className={styles.note}>
          {s.analyzeHint}
        </p>
        {stepStatus("analyze")}
        {view && <SheetsReport view={view} s={s} language={language} />}
      </section>

      <section className={styles.section} aria-labelledby={ids.review}>
        <h2 id={ids.review} className={styles.heading}>
          {s.reviewHeading}
        </h2>
        {view && hasReview(view) ? (
          <Review
            key={generation}
            view={view}
            s={s}
            disabled={isBusy}
            onSave={(m) => void saveChoices(m, false)}
            onForget={() => void saveChoices({}, true)}
          />
        ) : (
          <p className={styles.note}>{view ? reviewNothing(view, s) : s.reviewBefore}</p>
        )}
        {stepStatus("review")}
      </section>

      <section className={styles.section} aria-labelledby={ids.build}>
        <h2 id={ids.build} className={styles.heading}>
          {s.buildHeading}
        </h2>
        <Button
          appearance={view && buildable ? "primary" : "secondary"}
          className={styles.button}
          disabledFocusable={isBusy || !buildable}
          aria-describedby={ids.buildHint}
          onClick={() => void build()}
        >
          {s.build}
        </Button>
        <p id={ids.buildHint} className={styles.note}>
          {buildHint}
          {buildable && openReview > 0 ? ` ${s.buildOpenReview(openReview)}` : ""}
        </p>
        {stepStatus("build")}
        {built && view && <BuildSummary built={built} view={view} s={s} onShowProblems={showProblems} />}
      </section>

      <section className={styles.section} aria-labelledby={ids.problems}>
        <h2 id={ids.problems} ref={problemsHeading} tabIndex={-1} className={styles.heading}>
          {s.problemsHeading}
        </h2>
        {view ? (
          <Problems
            findings={view.findings}
            s={s}
            language={language}
            disabled={isBusy}
            onGoTo={(f) => void goTo(f)}
            onRecheck={() => void analyze("problems")}
          />
        ) : (
          <p className={styles.note}>{s.problemsBeforeAnalysis}</p>
        )}
        {stepStatus("problems")}
      </section>

      <section className={styles.section} aria-labelledby={ids.remove}>
        <h2 id={ids.remove} className={styles.heading}>
          {s.removeHeading}
        </h2>
        <RemoveGenerated
          s={s}
          known={view ? view.generated : null}
          disabled={isBusy}
          onConfirm={() => void remove()}
        />
        {stepStatus("remove")}
      </section>
    </main>
  );
}
