import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { HostUnavailableError, unavailableActions, type PaneActions } from "./actions";
import { languageFor, type Language } from "./i18n";

/** Used when the page is not running inside Excel: every action says so instead of failing obscurely. */
const noHostActions: PaneActions = {
  analyze: () => Promise.reject(new HostUnavailableError()),
  build: () => Promise.reject(new HostUnavailableError()),
};

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
    // The Office.js adapter and the engine are wired in here later; until then the pane is honest about it.
    render(inExcel ? unavailableActions : noHostActions, language);
  });
}
