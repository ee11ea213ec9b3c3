/** The CLI's catalogues: the same ids in both languages, and counts with the right singular or plural. */
import { en } from "../src/cli/i18n/en";
import { it } from "../src/cli/i18n/it";
import { en as engineEn } from "../src/engine/core/i18n/en";
import { it as engineIt } from "../src/engine/core/i18n/it";

test("English has every id of the Italian catalogue", () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(it).sort());
});

test.each([
  [it.findings(1, 1, 1), "Segnalazioni: 1 errore, 1 avviso, 1 informazione"],
  [it.findings(2, 0, 3), "Segnalazioni: 2 errori, 0 avvisi, 3 informazioni"],
  [en.findings(1, 2, 1), "Findings: 1 error, 2 warnings, 1 info"],
  [it.unitLine(1, "100", true, 1), "  1 obiettivo, somma pesi 100 OK, 1 obiettivo cancello (peso 0)"],
  [it.unitLine(14, "90", false, 2), " 14 obiettivi, somma pesi 90 ERRORE, 2 obiettivi cancello (peso 0)"],
  [en.unitLine(1, "100", true, 0), "  1 objective, weight sum 100 OK"],
  [it.archived(1), "1 riga spostata in PIAO Archivio"],
  [it.archived(3), "3 righe spostate in PIAO Archivio"],
  [it.more(1), "  … e un'altra segnalazione (vedere il foglio PIAO Verifica)"],
  [it.more(4), "  … e altre 4 segnalazioni (vedere il foglio PIAO Verifica)"],
])("%s", (actual, expected) => expect(actual).toBe(expected));

test.each([
  [engineIt.reportObjectives(1, ["A"]), "1 obiettivo in 1 unità (A)"],
  [engineIt.reportObjectives(2, ["A", "B"]), "2 obiettivi in 2 unità (A, B)"],
  [engineIt.reportIndicators(1), "1 indicatore"],
  [engineIt.reportFigures(1), "1 dato di spesa di personale"],
  [engineIt.reportSummaryTable(1), "tabella riassuntiva degli obiettivi (1 riga), confrontata con le schede"],
  [engineIt.indicatorValuesAsText("X", 1), "X: 1 valore scritto come testo letto come numero."],
  [engineEn.reportObjectives(1, ["A"]), "1 objective in 1 unit (A)"],
  [engineEn.reportIndicators(2), "2 indicators"],
])("engine: %s", (actual, expected) => expect(actual).toBe(expected));
