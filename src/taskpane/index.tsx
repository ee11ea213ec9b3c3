import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { runInExcel } from "../excel/run";
import { officeSupports } from "../excel/supports";
import { App } from "./App";
import { noHostActions, type PaneActions } from "./actions";
import { languageFor, type Language } from "./i18n";
import { officeSourceName } from "../app/pane-pipeline";
import { createOfficeActions } from "./office-actions";

function render(actions: PaneActions, language: Language): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} initialLanguage={language} />
    </FluentProvider>,
  );
}

if (typeof Office === "undefined") {
  // office.js did not load (offline, blocked CDN, or the page was opened outside Office).
  render(noHostActions, languageFor(navigator.language));
} else {
  void Office.onReady((info) => {
    const inExcel = info.host === Office.HostType.Excel;
    const language = languageFor(Office.context?.displayLanguage ?? navigator.language);
    const actions = inExcel
      ? createOfficeActions({
          run: runInExcel,
          supports: officeSupports,
          sourceName: officeSourceName,
        })
      : noHostActions;
    render(actions, language);
  });
}
