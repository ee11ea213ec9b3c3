import { ErrorCircle16Filled, Info16Regular, Warning16Filled } from "@fluentui/react-icons";
import { mergeClasses } from "@fluentui/react-components";
import type { Severity } from "../actions";
import { usePaneStyles } from "../styles";

const ICONS = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Regular } as const;

/** A severity's icon; decorative (the severity is always written next to it). */
export function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = usePaneStyles();
  const Icon = ICONS[severity];
  return (
    <Icon
      aria-hidden="true"
      data-severity={severity}
      className={mergeClasses(styles.icon, styles[severity])}
    />
  );
}
