/**
 * End to end: the production task pane, built with the project's webpack config, served on 127.0.0.1 and
 * opened in headless Chromium (Debian's /usr/bin/chromium through playwright-core) at 320 px wide, with the
 * in-memory Office host injected in place of Microsoft's office.js and the example workbook loaded.
 * Clicks through Analizza → Crea fogli PIAO → a problem's "go to cell" → a weight typed wrong and
 * Ricontrolla → Rimuovi, checking the fake workbook after each step; saves a screenshot of every pane
 * state in test-output/e2e/ (look at them after a visible change).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { ExportedWorkbook } from "../fakes/fake-excel";
import type { E2EConfig } from "./fake-office-host";
import { OFFICE_JS, OUT, ROOT, buildBundles, exampleSeeds, parseLocation, serve } from "./support";

const CHROMIUM = "/usr/bin/chromium";
const EXAMPLE = path.join(ROOT, "examples", "piao-massa-carrara-2023-2025.xlsx");
const WIDTH = 320;

const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(
    `Skipping the task pane end-to-end test: ${CHROMIUM} is missing (Debian package "chromium"; .ci/run installs it).`,
  );
}
const describeE2E = haveChromium ? describe : describe.skip;

describeE2E("task pane in headless Chromium", () => {
  let dist = "";
  let hostScript = "";
  let server: Awaited<ReturnType<typeof serve>>;
  let context: BrowserContext;
  let page: Page;
  let userDataDir = "";
  const requests: string[] = [];
  const blocked: string[] = [];
  const consoleErrors: string[] = [];

  const state = () =>
    page.evaluate(() =>
      (window as unknown as { __piaoFake: { exportState(): unknown } }).__piaoFake.exportState(),
    ) as Promise<ExportedWorkbook>;
  /** A screenshot of the viewport with the step's heading at the top. */
  const shot = async (name: string, heading?: string) => {
    if (heading)
      await page
        .getByRole("heading", { name: heading })
        .evaluate((h) => h.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: path.join(OUT, name) });
  };

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    for (const f of fs.readdirSync(OUT)) if (f.endsWith(".png")) fs.rmSync(path.join(OUT, f));
    const [bundles, sheets] = await Promise.all([buildBundles(), exampleSeeds(EXAMPLE)]);
    ({ dist, hostScript } = bundles);
    server = await serve(dist);

    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "piao-e2e-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: WIDTH, height: 900 },
      locale: "it-IT",
    });
    const config: E2EConfig = { sheets, displayLanguage: "it-IT", fileName: path.basename(EXAMPLE) };
    await context.addInitScript({ content: `window.__piaoE2E = ${JSON.stringify(config)};` });
    const hostCode = fs.readFileSync(hostScript, "utf8");
    context.on("request", (r) => requests.push(r.url()));
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS)
        await route.fulfill({ status: 200, contentType: "text/javascript", body: hostCode });
      else if (url.startsWith(server.base)) await route.continue();
      else {
        blocked.push(url);
        await route.abort();
      }
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  test("Analizza → Crea fogli PIAO → go to cell → Rimuovi, at 320 px, with no other network access", async () => {
    await page.goto(`${server.base}taskpane.html`);
    const analyze = page.getByRole("button", { name: "Analizza cartella" });
    await analyze.waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("it");
    await shot("01-start.png");
    // Nothing to remove yet: the button says so and cannot be pressed.
    const remove = page.getByRole("button", { name: "Rimuovi fogli generati" });
    await expect(remove.getAttribute("aria-disabled")).resolves.toBe("true");
    await shot("01-start-remove-disabled.png", "5. Rimozione");
    const userSheets = (await state()).sheets;

    // 1. Analysis.
    await analyze.click();
    await page.getByText(/^Analisi completata: 7 fogli;/).waitFor();
    await expect(page.getByTestId("sheets-summary").textContent()).resolves.toMatch(
      /^7 fogli esaminati, 4 con obiettivi \(95 obiettivi in 4 unità\), .*1 con dati di spesa/,
    );
    await shot("02-analysis.png", "1. Analisi");

    // 3. Build.
    await page.getByRole("button", { name: "Crea fogli PIAO" }).click();
    // One warning: the yearly cap of 2023–2024 cannot be checked (no 2019 spending in the example).
    await page.getByText(/^Fogli PIAO creati: \d+ fogli; 0 errori, 1 avviso/).waitFor({ timeout: 30_000 });
    const built = await state();
    const names = built.sheets.map((s) => s.name);
    for (const n of [
      "PIAO Riepilogo",
      "PIAO Obiettivi",
      "PIAO Pesi",
      "PIAO Spesa personale",
      "PIAO Verifica",
      "PIAO Parametri",
    ])
      expect(names).toContain(n);
    expect(built.sheets.filter((s) => !s.name.startsWith("PIAO "))).toEqual(userSheets);
    expect(built.tables.map((t) => t.name)).toEqual(expect.arrayContaining(["PIAO_Obiettivi", "PIAO_Pesi"]));
    const pesi = built.sheets.find((s) => s.name === "PIAO Pesi")!;
    expect(pesi.cells.A2.value).toBe("Uffici di Staff");
    await expect(page.getByTestId("spending-outcome").textContent()).resolves.toBe(
      "Sotto soglia: margine disponibile. Esito provvisorio: il limite annuo di incremento non è verificabile.",
    );
    await expect(page.getByTestId("spending-conditions").textContent()).resolves.toBe(
      "Condizioni per assumere da verificare: nessuna assunzione prima della verifica.",
    );
    await shot("03-build.png", "3. Fogli PIAO");

    // 4. A problem's "go to cell". The list opens on errors and warnings (the example has one warning);
    // Settore 2 has notes only, one click away.
    await page.getByRole("button", { name: /^Mostra anche le \d+ informazioni$/ }).click();
    const unitFilter = page.getByLabel("Unità", { exact: true });
    const settore2 = await unitFilter.locator("option", { hasText: /^Settore 2/ }).getAttribute("value");
    await unitFilter.selectOption(settore2!);
    const goTo = page.getByRole("button", { name: /^Vai alla cella .*Settore 2/ }).first();
    const location = (await goTo.getAttribute("aria-label"))!.replace(/^Vai alla cella /, "");
    // From the keyboard, so that the focus ring shows in the screenshot.
    await goTo.focus();
    await goTo.press("Enter");
    await page.waitForFunction(
      () =>
        (window as unknown as { __piaoFake: { exportState(): ExportedWorkbook } }).__piaoFake.exportState()
          .selection,
    );
    expect((await state()).selection).toEqual(parseLocation(location));
    expect((await state()).activeSheet).toBe("Settore 2");
    await goTo.evaluate((b) => b.closest("li")!.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: path.join(OUT, "04-go-to-cell.png") });

    // 4. A weight typed wrong: the re-check turns red and the list opens on errors and warnings.
    const staff = (await state()).sheets.find((x) => x.name === "Staff")!;
    const [weightCell] = Object.entries(staff.cells).find(([, c]) => c.value === 50)!;
    const setValue = (v: number) =>
      page.evaluate(
        ([address, value]) =>
          (
            window as unknown as {
              __piaoFake: { setValue(s: string, a: string, v: number): Promise<void> };
            }
          ).__piaoFake.setValue("Staff", address as string, value as number),
        [weightCell, v],
      );
    await setValue(60);
    await unitFilter.selectOption({ index: 0 });
    await page.getByRole("button", { name: "Ricontrolla" }).click();
    // 1 error (Staff's weights no longer sum to 100) and 2 warnings: the spending cap of the example, and the
    // weight that PIAO Obiettivi still shows as 50 while the source now says 60 (the source wins).
    const rechecked = page.getByText(/^Controllo ripetuto: 1 errore, 2 avvisi, \d+ informazioni\.$/);
    await rechecked.waitFor();
    await expect(
      rechecked.evaluate((e) => e.closest("[data-intent]")!.getAttribute("data-intent")),
    ).resolves.toBe("error");
    await expect(page.getByLabel("Gravità").inputValue()).resolves.toBe("\u0000serious");
    await shot("05-problems-errors.png", "4. Problemi");
    await page.getByRole("button", { name: /^Mostra anche le \d+ informazioni$/ }).click();
    await shot("06-problems-all.png", "4. Problemi");
    await setValue(50);

    // 5. Removal, after confirmation.
    await remove.click();
    await expect(
      page.getByRole("button", { name: "Annulla" }).evaluate((b) => b === document.activeElement),
    ).resolves.toBe(true);
    await shot("07-remove-confirm.png", "5. Rimozione");
    await page.getByRole("button", { name: "Rimuovi", exact: true }).click();
    await page.getByText(/^\d+ fogli rimossi:/).waitFor();
    expect((await state()).sheets).toEqual(userSheets);
    await shot("08-removed.png", "5. Rimozione");

    // Usable at 320 px: nothing wider than the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    // No request anywhere but the local server and the (intercepted) Office.js URL; no console errors.
    expect(blocked).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(server.base) && u !== OFFICE_JS)).toEqual([]);
    expect(requests).toContain(OFFICE_JS);
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  test("the built page has a Content-Security-Policy and loads only its own bundle and Office.js", () => {
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    const sources = scripts.map((s) => /\bsrc="?([^"\s>]+)"?/.exec(s)?.[1]);
    expect(sources).toHaveLength(2);
    expect(sources).toContain(OFFICE_JS);
    expect(sources.filter((s) => s !== OFFICE_JS)).toEqual([
      expect.stringMatching(/^\/?taskpane\.[0-9a-f]{8}\.js$/),
    ]);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/i); // no inline script

    const bundle = fs.readFileSync(
      path.join(dist, sources.find((s) => s !== OFFICE_JS)!.replace(/^\//, "")),
      "utf8",
    );
    for (const testOnly of [
      "createFakeExcel",
      "FakeOfficeError",
      "__piaoFake",
      "testing-library",
      "playwright",
      "exceljs",
    ])
      expect(bundle).not.toContain(testOnly);

    // The bundle itself opens no connection: no network API, and no URL but XML namespaces and React's
    // error-decoder link (a string in an error message, never requested).
    for (const api of ["fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "importScripts"])
      expect(bundle).not.toContain(api);
    const urls = new Set(bundle.match(/https?:\/\/[A-Za-z0-9./_-]+/g) ?? []);
    const inert = /^http:\/\/www\.w3\.org\/|^https:\/\/reactjs\.org\/docs\/error-decoder\.html$/;
    expect([...urls].filter((u) => !inert.test(u))).toEqual([]);
  });
});
