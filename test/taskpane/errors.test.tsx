/** @jest-environment jsdom */
/**
 * Error paths: Excel's errors are shown as a readable message saying what to do (in the pane's language),
 * with the code for support, never a raw message or a stack.
 */
import { screen } from "@testing-library/react";
import { ExcelAdapterError } from "../../src/excel";
import { noHostActions } from "../../src/taskpane/actions";
import { toPaneError } from "../../src/taskpane/errors";
import { createOfficeActions } from "../../src/taskpane/office-actions";
import { createFakeExcel, FakeOfficeError } from "../fakes/fake-excel";
import { EMPTY_VIEW, FLAT, fakeHost, renderPane, stubActions } from "./helpers";

const RAW = /RichApi|Range\.values|at \w+ \(|\.js:\d+|internal error has occurred|is protected\./;

async function analyseThenBuild(user: ReturnType<typeof renderPane>["user"]) {
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  await screen.findByText(/Analisi completata/);
  await user.click(screen.getByRole("button", { name: "Crea fogli PIAO" }));
  return screen.findByRole("alert");
}

test("a protected sheet (AccessDenied from Excel) says how to lift the protection", async () => {
  const error = new FakeOfficeError(
    "AccessDenied",
    "The cell you're trying to change is on a protected sheet ('PIAO Obiettivi').",
    "Range.values",
  );
  const { user } = renderPane(
    stubActions({
      analyze: () => Promise.resolve({ ...EMPTY_VIEW, objectives: 3 }),
      build: () => Promise.reject(error),
    }),
  );
  const alert = await analyseThenBuild(user);
  expect(alert).toHaveTextContent("Operazione non riuscita");
  expect(alert).toHaveTextContent("il foglio o la cartella di lavoro è protetto");
  expect(alert).toHaveTextContent("Revisione › Rimuovi protezione foglio");
  expect(alert).toHaveTextContent("Codice: AccessDenied");
  expect(document.body.textContent).not.toMatch(RAW);
});

test("a protected workbook stopping the write half-way (through the real adapter) is explained", async () => {
  const fake = createFakeExcel(FLAT);
  const host = fakeHost(fake, {
    // Excel rejects a request of the write (after the read and the existence check), as it does when
    // the workbook structure is protected; the fake does not model structure protection itself.
    run: (batch) =>
      fake.run((context) => {
        const sync = context.sync.bind(context);
        let n = 0;
        context.sync = () => {
          n++;
          if (n === 4)
            return Promise.reject(
              new FakeOfficeError("InvalidOperation", "Workbook is protected.", "Worksheet.add"),
            );
          return sync();
        };
        return batch(context);
      }),
  });
  const { user } = renderPane(createOfficeActions(host), "en");
  await user.click(screen.getByRole("button", { name: "Analyse workbook" }));
  await screen.findByText(/Analysis complete/);
  await user.click(screen.getByRole("button", { name: "Create PIAO sheets" }));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("The operation failed");
  expect(alert).toHaveTextContent("often because a sheet is protected");
  expect(alert).toHaveTextContent("Code: InvalidOperation");
  expect(document.body.textContent).not.toMatch(/Workbook is protected\./);
});

test("an Excel API error (GeneralException) is readable and never shows its raw message or stack", async () => {
  const error = {
    name: "RichApi.Error",
    code: "GeneralException",
    message: "An internal error has occurred.",
    stack:
      "RichApi.Error: An internal error has occurred.\n    at t (https://appsforoffice.microsoft.com/excel-web-16.00.js:25:1)",
  };
  const { user } = renderPane(stubActions({ analyze: () => Promise.reject(error) }));
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("Excel ha segnalato un errore interno. Salva il file, chiudilo e riaprilo");
  expect(alert).toHaveTextContent("Codice: GeneralException");
  expect(document.body.textContent).not.toMatch(RAW);

  // The message can be dismissed, and the language switch translates it.
  await user.selectOptions(screen.getByLabelText("Lingua"), "English");
  expect(screen.getByRole("alert")).toHaveTextContent("Excel reported an internal error.");
  await user.click(screen.getByRole("button", { name: "Dismiss" }));
  expect(screen.queryByRole("alert")).not.toBeInTheDocument();
});

test("a name conflict the adapter finds is named in the message", async () => {
  // The engine gives ours free names (test/user-names-office.test.ts); the adapter's check stays as a net.
  const conflict = new ExcelAdapterError(
    "NameConflict",
    "Names needed by the generated sheets are already in use.",
    ["table 'PIAO_Obiettivi' on sheet 'Obiettivi'"],
  );
  const { user } = renderPane(
    stubActions({
      analyze: () => Promise.resolve({ ...EMPTY_VIEW, objectives: 3 }),
      build: () => Promise.reject(toPaneError(conflict)),
    }),
  );
  const alert = await analyseThenBuild(user);
  expect(alert).toHaveTextContent("Un nome che il componente deve creare è già usato");
  expect(alert).toHaveTextContent("table 'PIAO_Obiettivi' on sheet 'Obiettivi'");
});

test("a defect in the add-in shows the generic message; details go to the console only", async () => {
  const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const { user } = renderPane(
    stubActions({
      analyze: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')")),
    }),
  );
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("Si è verificato un errore imprevisto nel componente");
  expect(document.body.textContent).not.toMatch(/Cannot read properties/);
  expect(log).toHaveBeenCalled();
  log.mockRestore();
});

test("outside Excel every action says to open the pane from Excel", async () => {
  const { user } = renderPane(noHostActions);
  await user.click(screen.getByRole("button", { name: "Analizza cartella" }));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("Excel non è disponibile: apri questo riquadro dall'interno di Excel.");
  expect(alert).not.toHaveTextContent("Codice");
});
