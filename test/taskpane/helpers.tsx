/** Shared set-up of the task pane's component tests: the pane over the in-memory Excel fake. */
import "@testing-library/jest-dom";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import type { Language, PaneActions } from "../../src/taskpane/actions";
import { createOfficeActions } from "../../src/taskpane/office-actions";
import { createFakeExcel, type FakeSheetSeed } from "../fakes/fake-excel";
import { fakeHost } from "./fixtures";

export * from "./fixtures";

/** The pane as index.tsx renders it. */
export function renderPane(actions: PaneActions, language: Language = "it") {
  const user = userEvent.setup();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} initialLanguage={language} />
    </FluentProvider>,
  );
  return { user, ...view };
}

/** The real actions (engine + Office.js adapter) over a fake workbook. */
export function paneOver(seeds?: FakeSheetSeed[], language: Language = "it") {
  const fake = createFakeExcel(seeds);
  const actions = createOfficeActions(fakeHost(fake));
  return { fake, actions, ...renderPane(actions, language) };
}
