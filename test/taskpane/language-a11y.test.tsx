/** @jest-environment jsdom */
/** Language (Office's display language, with a switch), one catalogue per language, keyboard use and labels. */
import { screen } from "@testing-library/react";
import { en } from "../../src/taskpane/i18n/en";
import { it as itStrings } from "../../src/taskpane/i18n/it";
import { languageFor } from "../../src/taskpane/i18n";
import { FLAT, paneOver } from "./helpers";

test.each([
  ["it-IT", "it"],
  ["it-CH", "it"],
  ["IT", "it"],
  ["it_IT", "it"],
  ["en-US", "en"],
  ["de-DE", "en"],
  ["", "en"],
  [undefined, "en"],
  ["iten", "en"],
])("display language %p → %p", (tag, lang) => {
  expect(languageFor(tag)).toBe(lang);
});

test("both catalogues have the same keys and no empty string", () => {
  const shape = (o: object): string[] =>
    Object.entries(o)
      .flatMap(([k, v]) => (v && typeof v === "object" ? shape(v).map((x) => `${k}.${x}`) : [k]))
      .sort();
  expect(shape(en)).toEqual(shape(itStrings));
  const empty = (o: object): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === "string" ? (v.trim() ? [] : [k]) : v && typeof v === "object" ? empty(v) : [],
    );
  expect(empty(en)).toEqual([]);
  expect(empty(itStrings)).toEqual([]);
});

test("starts in English for an English Office and switches to Italian, engine messages included", async () => {
  const { user } = paneOver(FLAT, "en");
  expect(document.documentElement.lang).toBe("en");
  await user.click(screen.getByRole("button", { name: "Analyse workbook" }));
  expect(await screen.findByText("Settore 1: the weights sum to 90, they must sum to 100.")).toBeVisible();
  expect(screen.getByText("4 objectives in 2 units (Settore 1, Settore 2).")).toBeVisible();

  await user.selectOptions(screen.getByLabelText("Language"), "Italiano");
  expect(document.documentElement.lang).toBe("it");
  expect(screen.getByRole("main")).toHaveAttribute("lang", "it");
  expect(screen.getByText("Settore 1: la somma dei pesi è 90, deve essere 100.")).toBeVisible();
  expect(screen.getByRole("button", { name: "Crea fogli PIAO" })).toBeVisible();
});

test("the journey works from the keyboard alone, with visible labels for every control", async () => {
  const { user, fake } = paneOver(FLAT);
  await user.tab();
  expect(screen.getByLabelText("Lingua")).toHaveFocus();
  await user.tab();
  expect(screen.getByRole("button", { name: "Analizza cartella" })).toHaveFocus();
  await user.keyboard("{Enter}");
  await screen.findByText(/Analisi completata/);

  await user.tab();
  expect(screen.getByRole("button", { name: "Crea fogli PIAO" })).toHaveFocus();
  await user.keyboard(" ");
  await screen.findByText(/^Fogli PIAO creati/);

  // Go on tabbing to the first problem's "go to cell" and press it.
  const goTo = screen.getByRole("button", { name: "Vai alla cella Obiettivi!D2" });
  for (let i = 0; i < 20 && document.activeElement !== goTo; i++) await user.tab();
  expect(goTo).toHaveFocus();
  await user.keyboard("{Enter}");
  expect(fake.exportState().selection).toEqual({ sheet: "Obiettivi", address: "D2" });

  // Every interactive control has an accessible name; form controls have a label.
  for (const el of screen.getAllByRole("button")) expect(el).toHaveAccessibleName();
  for (const el of screen.getAllByRole("combobox")) expect(el).toHaveAccessibleName();
});
