import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { Language, LocalizedText } from "../actions";
import type { Strings } from "../i18n";
import { usePaneStyles } from "../styles";

/** A failure as the pane shows it: what happened and what to do, plus the code for support. */
export interface ErrorInfo {
  /** Excel's error code, or the pane's own (`Unexpected`, `HostUnavailable`, …). */
  code: string;
  /** The explanation; when absent the catalogue's `fallback` key is used. */
  text?: LocalizedText;
  fallback: "unexpectedError" | "officeMissing" | "buildNothing";
  details: string[];
}

export function ErrorBar({
  error,
  s,
  language,
  onDismiss,
}: {
  error: ErrorInfo;
  s: Strings;
  language: Language;
  onDismiss: () => void;
}) {
  const styles = usePaneStyles();
  const showCode = error.code !== "HostUnavailable" && error.code !== "NothingRecognised";
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
        <p className={styles.text}>{error.text ? error.text[language] : s[error.fallback]}</p>
        {error.details.length > 0 && (
          <>
            <p className={styles.note}>{s.errorDetails}</p>
            <ul>
              {error.details.map((d) => (
                <li key={d} className={styles.note}>
                  {d}
                </li>
              ))}
            </ul>
          </>
        )}
        {showCode && <p className={styles.note}>{s.errorCode(error.code)}</p>}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="secondary" onClick={onDismiss}>
          {s.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
