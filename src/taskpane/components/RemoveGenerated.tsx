import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@fluentui/react-components";
import type { Strings } from "../i18n";
import { usePaneStyles } from "../styles";

/**
 * Step 5: removes the add-in's sheets, after an explicit confirmation. The confirmation is inline (a
 * modal dialog would cost ~20 KB gzip of the bundle and fits a 320 px pane no better): focus moves to
 * Cancel, Escape or Cancel closes it and gives focus back to the button that opened it.
 */
export function RemoveGenerated({
  s,
  known,
  disabled,
  onConfirm,
}: {
  s: Strings;
  /** The generated sheets seen at the last analysis, when there was one. */
  known: string[] | null;
  disabled: boolean;
  onConfirm: () => void;
}) {
  const styles = usePaneStyles();
  /** Only when the workbook holds generated sheets is there something to remove. */
  const canAct = known !== null && known.length > 0;
  const [confirming, setConfirming] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const hintId = useId();
  const panelId = useId();
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    trigger.current?.focus();
  };

  return (
    <>
      <Button
        ref={trigger}
        className={styles.button}
        disabledFocusable={disabled || !canAct}
        aria-describedby={hintId}
        aria-expanded={confirming}
        aria-controls={confirming ? panelId : undefined}
        onClick={() => setConfirming(true)}
      >
        {s.remove}
      </Button>
      <p id={hintId} className={styles.note}>
        {canAct ? s.removeHint : s.removeNone}
      </p>
      {confirming && (
        <div
          id={panelId}
          role="group"
          aria-labelledby={titleId}
          aria-describedby={bodyId}
          className={styles.confirm}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              cancel();
            }
          }}
        >
          <p id={titleId} className={styles.subheading}>
            {s.removeConfirmTitle}
          </p>
          <p id={bodyId} className={styles.text}>
            {s.removeConfirmBody}
          </p>
          {canAct && <p className={styles.note}>{s.removeConfirmList(known.join(", "))}</p>}
          <div className={styles.row}>
            {/* Cancel first: it has the focus, so Enter never deletes by accident. */}
            <Button ref={cancelButton} appearance="secondary" onClick={cancel}>
              {s.cancel}
            </Button>
            <Button
              appearance="primary"
              disabledFocusable={disabled}
              onClick={() => {
                setConfirming(false);
                trigger.current?.focus();
                onConfirm();
              }}
            >
              {s.removeConfirm}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
