import { Field, ProgressBar } from "@fluentui/react-components";
import type { Progress } from "../actions";
import type { Strings } from "../i18n";

/** Determinate while writing (estimated bytes), indeterminate otherwise (reading, analysing, short calls). */
export function ProgressIndicator({ progress, s }: { progress: Progress | null; s: Strings }) {
  const fraction =
    progress?.phase === "write" && progress.total
      ? Math.min(1, (progress.done ?? 0) / progress.total)
      : undefined;
  const label = !progress
    ? s.working
    : progress.phase === "read"
      ? s.progressRead
      : progress.phase === "analyze"
        ? s.progressAnalyze
        : s.progressWrite(Math.round((fraction ?? 0) * 100));
  return (
    <Field label={label} validationState="none">
      <ProgressBar value={fraction} thickness="large" />
    </Field>
  );
}
