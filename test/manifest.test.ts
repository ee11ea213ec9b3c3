/**
 * Local checks of manifest.xml. Microsoft's validation service (`npm run validate`) is unreachable from here
 * and from CI, so this test checks what matters to us: identity, host, permissions, requirement set,
 * https everywhere, resource references, icon files and their pixel sizes, and the it/en strings.
 */
import * as fs from "fs";
import * as path from "path";
import { DOMParser, onWarningStopParsing } from "@xmldom/xmldom";
import type { Document, Element } from "@xmldom/xmldom";

const ROOT = path.join(__dirname, "..");
const NS_APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const NS_BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const NS_XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** The released add-in Id. It keys Workbook.settings in users' files: it must never change. */
const ADDIN_ID = "6ca780c8-50dc-4bd4-b510-e0e341a11028";

/** Children of <OfficeApp xsi:type="TaskPaneApp">, in the order the manifest schema requires. */
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
];

const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
// Any parser warning (malformed markup, unbound prefix, …) fails the whole suite.
const doc: Document = new DOMParser({ onError: onWarningStopParsing }).parseFromString(xml, "text/xml");
const root = doc.documentElement as Element;

function elementChildren(el: Element, ns?: string, name?: string): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < el.childNodes.length; i++) {
    const node = el.childNodes[i];
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    if (ns !== undefined && child.namespaceURI !== ns) continue;
    if (name !== undefined && child.localName !== name) continue;
    out.push(child);
  }
  return out;
}

function onlyChild(el: Element, ns: string, name: string): Element {
  const found = elementChildren(el, ns, name);
  if (found.length !== 1)
    throw new Error(`<${el.tagName}> must have exactly one <${name}>, found ${found.length}`);
  return found[0];
}

function descendants(el: Element | Document, ns: string, name: string): Element[] {
  return Array.from(el.getElementsByTagNameNS(ns, name));
}

function allElements(): Element[] {
  return [root, ...Array.from(root.getElementsByTagName("*"))];
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS_XSI, "type");
}

/** Locale overrides of a locale-aware element, keyed by lower-case locale. */
function overrides(el: Element): Map<string, string> {
  const map = new Map<string, string>();
  for (const o of elementChildren(el).filter((c) => c.localName === "Override")) {
    map.set((o.getAttribute("Locale") ?? "").toLowerCase(), o.getAttribute("Value") ?? "");
  }
  return map;
}

const versionOverrides = onlyChild(root, NS_OV, "VersionOverrides");
const resources = onlyChild(versionOverrides, NS_OV, "Resources");

/** Resource ids by kind, from <Resources>. */
function resourceIds(kind: "Images" | "Urls" | "ShortStrings" | "LongStrings"): Map<string, Element> {
  const group = onlyChild(resources, NS_BT, kind);
  const map = new Map<string, Element>();
  for (const item of elementChildren(group, NS_BT)) map.set(item.getAttribute("id") ?? "", item);
  return map;
}

const images = resourceIds("Images");
const urls = resourceIds("Urls");
const shortStrings = resourceIds("ShortStrings");
const longStrings = resourceIds("LongStrings");

/** Maps an add-in URL to the file that serves it: assets/… from the repository, pages from their sources. */
function localFileFor(url: string): string {
  const { pathname } = new URL(url);
  if (pathname.startsWith("/assets/")) return path.join(ROOT, pathname);
  const pages: Record<string, string> = {
    "/taskpane.html": "src/taskpane/taskpane.html",
    "/commands.html": "src/commands/commands.html",
  };
  if (!(pathname in pages)) throw new Error(`No local file known for ${url}`);
  return path.join(ROOT, pages[pathname]);
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (buf.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} has no IHDR chunk first`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  test("is a task pane add-in manifest", () => {
    expect(root.namespaceURI).toBe(NS_APP);
    expect(root.localName).toBe("OfficeApp");
    expect(xsiType(root)).toBe("TaskPaneApp");
  });

  test("top-level elements are in schema order", () => {
    const names = elementChildren(root).map((e) => e.localName ?? "");
    for (const name of names) expect(OFFICE_APP_ORDER).toContain(name);
    const positions = names.map((n) => OFFICE_APP_ORDER.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(names).size).toBe(names.length);
  });

  test("Id is the fixed GUID", () => {
    const id = onlyChild(root, NS_APP, "Id").textContent?.trim();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(id).toBe(ADDIN_ID);
  });

  test("Version has four parts and follows package.json", () => {
    const version = onlyChild(root, NS_APP, "Version").textContent?.trim() ?? "";
    expect(version).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(version.startsWith(`${pkg.version.replace(/[-+].*$/, "")}.`)).toBe(true);
  });

  test("Hosts contains Workbook only", () => {
    const hosts = onlyChild(root, NS_APP, "Hosts");
    const names = elementChildren(hosts, NS_APP, "Host").map((h) => h.getAttribute("Name"));
    expect(names).toEqual(["Workbook"]);
  });

  test("Permissions is exactly ReadWriteDocument", () => {
    expect(onlyChild(root, NS_APP, "Permissions").textContent).toBe("ReadWriteDocument");
  });

  test("Requirements asks for ExcelApi 1.8, right after Hosts and outside VersionOverrides", () => {
    const requirements = onlyChild(root, NS_APP, "Requirements");
    const topLevel = elementChildren(root);
    const hostsIndex = topLevel.findIndex((e) => e.localName === "Hosts");
    expect(topLevel[hostsIndex + 1]).toBe(requirements);

    const sets = onlyChild(requirements, NS_APP, "Sets");
    expect(sets.getAttribute("DefaultMinVersion")).toBe("1.8");
    const excel = elementChildren(sets, NS_APP, "Set").filter((s) => s.getAttribute("Name") === "ExcelApi");
    expect(excel).toHaveLength(1);
    expect(excel[0].getAttribute("MinVersion")).toBe("1.8");

    // A failed <Requirements> inside VersionOverrides would silently drop every ribbon command.
    const inside = allElements().filter((e) => e.localName === "Requirements" && e !== requirements);
    expect(inside).toEqual([]);
  });

  test("task pane and function file point at the built pages", () => {
    const source = onlyChild(onlyChild(root, NS_APP, "DefaultSettings"), NS_APP, "SourceLocation");
    expect(new URL(source.getAttribute("DefaultValue") ?? "").pathname).toBe("/taskpane.html");

    const host = onlyChild(onlyChild(versionOverrides, NS_OV, "Hosts"), NS_OV, "Host");
    expect(xsiType(host)).toBe("Workbook");
    const desktop = onlyChild(host, NS_OV, "DesktopFormFactor");
    const functionFile = onlyChild(desktop, NS_OV, "FunctionFile").getAttribute("resid") ?? "";
    expect(new URL(urls.get(functionFile)?.getAttribute("DefaultValue") ?? "").pathname).toBe(
      "/commands.html",
    );

    for (const url of [source.getAttribute("DefaultValue") ?? "", ...[...urls.values()].map(defaultValue)]) {
      expect(fs.existsSync(localFileFor(url))).toBe(true);
    }
  });

  test("a Home-tab button opens the task pane", () => {
    expect(xsiType(versionOverrides)).toBe("VersionOverridesV1_0");
    const tabs = descendants(versionOverrides, NS_OV, "OfficeTab");
    expect(tabs.map((t) => t.getAttribute("id"))).toEqual(["TabHome"]);
    const extension = tabs[0].parentNode as Element;
    expect(xsiType(extension)).toBe("PrimaryCommandSurface");

    const buttons = descendants(tabs[0], NS_OV, "Control").filter((c) => xsiType(c) === "Button");
    expect(buttons).toHaveLength(1);
    const action = onlyChild(buttons[0], NS_OV, "Action");
    expect(xsiType(action)).toBe("ShowTaskpane");
    const resid = onlyChild(action, NS_OV, "SourceLocation").getAttribute("resid") ?? "";
    expect(new URL(defaultValue(urls.get(resid))).pathname).toBe("/taskpane.html");

    const ids = allElements()
      .filter((e) => ["Group", "Control"].includes(e.localName ?? ""))
      .map((e) => e.getAttribute("id"));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("every URL is https", () => {
    const found: string[] = [];
    for (const el of allElements()) {
      for (let i = 0; i < el.attributes.length; i++) {
        const attr = el.attributes[i];
        // Namespace declarations are names, not locations.
        if (attr.name === "xmlns" || attr.name.startsWith("xmlns:")) continue;
        for (const m of attr.value.matchAll(/[a-z][a-z0-9+.-]*:\/\/\S*/gi)) found.push(m[0]);
      }
      for (let i = 0; i < el.childNodes.length; i++) {
        const node = el.childNodes[i];
        if (node.nodeType !== 3) continue;
        for (const m of (node.nodeValue ?? "").matchAll(/[a-z][a-z0-9+.-]*:\/\/\S*/gi)) found.push(m[0]);
      }
    }
    expect(found.length).toBeGreaterThan(0);
    for (const url of found) expect(new URL(url).protocol).toBe("https:");

    // Elements whose value is a location must hold an absolute https URL, overrides included.
    const locationElements = [
      ...["IconUrl", "HighResolutionIconUrl", "SupportUrl"].flatMap((n) => elementChildren(root, NS_APP, n)),
      onlyChild(onlyChild(root, NS_APP, "DefaultSettings"), NS_APP, "SourceLocation"),
      ...images.values(),
      ...urls.values(),
    ];
    for (const el of locationElements) {
      expect(new URL(defaultValue(el)).protocol).toBe("https:");
      for (const value of overrides(el).values()) expect(new URL(value).protocol).toBe("https:");
    }
    for (const domain of descendants(root, NS_APP, "AppDomain")) {
      expect(new URL(domain.textContent?.trim() ?? "").protocol).toBe("https:");
    }
  });

  test("every resid is defined in Resources, with the right kind, and every resource is used", () => {
    const kindOf: Record<string, Map<string, Element>> = {
      Image: images,
      SourceLocation: urls,
      FunctionFile: urls,
      LearnMoreUrl: urls,
      Label: shortStrings,
      Title: shortStrings,
      Description: longStrings,
    };
    const used = new Set<string>();
    const referencing = allElements().filter((e) => e.hasAttribute("resid"));
    expect(referencing.length).toBeGreaterThan(0);
    for (const el of referencing) {
      const resid = el.getAttribute("resid") ?? "";
      const pool = kindOf[el.localName ?? ""];
      if (!pool) throw new Error(`Unexpected resid on <${el.tagName}>`);
      if (!pool.has(resid))
        throw new Error(`resid "${resid}" on <${el.tagName}> is not defined in Resources`);
      used.add(resid);
    }

    const defined = [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()];
    expect(new Set(defined).size).toBe(defined.length);
    for (const id of defined) {
      expect(id.length).toBeGreaterThan(0);
      expect(id.length).toBeLessThanOrEqual(32);
      expect(used).toContain(id);
    }
  });

  test("icons exist in assets/ with the declared pixel size", () => {
    const checked: string[] = [];
    const expectIcon = (url: string, size: number) => {
      const file = localFileFor(url);
      expect(path.relative(ROOT, file).split(path.sep)[0]).toBe("assets");
      expect(pngSize(file)).toEqual({ width: size, height: size });
      checked.push(path.basename(file));
    };
    expectIcon(defaultValue(onlyChild(root, NS_APP, "IconUrl")), 32);
    expectIcon(defaultValue(onlyChild(root, NS_APP, "HighResolutionIconUrl")), 64);

    const iconLists = descendants(versionOverrides, NS_OV, "Icon");
    expect(iconLists.length).toBeGreaterThan(0);
    for (const list of iconLists) {
      const refs = elementChildren(list, NS_BT, "Image");
      // 16, 32 and 80 are mandatory for ribbon icons.
      expect(refs.map((r) => Number(r.getAttribute("size")))).toEqual(expect.arrayContaining([16, 32, 80]));
      for (const ref of refs) {
        expectIcon(
          defaultValue(images.get(ref.getAttribute("resid") ?? "")),
          Number(ref.getAttribute("size")),
        );
      }
    }
    expect(checked.length).toBeGreaterThan(0);

    // The full set in assets/, including the 128 px store/logo icon.
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  test("the README names the ribbon button and its group as the manifest does", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const label = (id: string) =>
      descendants(root, NS_BT, "String").find((e) => e.getAttribute("id") === id)!;
    const button = label("OpenPane.Label");
    const group = label("Group.Label").getAttribute("DefaultValue")!;
    const names = [button.getAttribute("DefaultValue")!, overrides(button).get("en-us")!];
    for (const name of names) expect(readme).toContain(`**${name}**`);
    expect(readme).toContain(`**${group}** group of the Home tab`);
    // Every bold "… button" of the README is one the manifest defines.
    for (const m of readme.matchAll(/\*\*([^*]+)\*\* button/g)) expect(names).toContain(m[1]);
  });

  test("Italian by default, with English overrides for names and descriptions", () => {
    expect(onlyChild(root, NS_APP, "DefaultLocale").textContent).toBe("it-IT");

    const displayName = onlyChild(root, NS_APP, "DisplayName");
    expect(displayName.getAttribute("DefaultValue")).toBe("PIAO Sheets");
    expect(overrides(displayName).get("en-us")).toBe("PIAO Sheets");

    const description = onlyChild(root, NS_APP, "Description");
    const it = description.getAttribute("DefaultValue") ?? "";
    const en = overrides(description).get("en-us") ?? "";
    expect(overrides(description).get("en-gb")).toBe(en);
    expect(it).toMatch(/\b(fogli|cartell[ae])\b/i);
    expect(en).toMatch(/\b(sheets|workbooks?)\b/i);
    expect(en).not.toBe(it);
    // Schema limits: DisplayName is a short string (125), Description a long one (250).
    expect(displayName.getAttribute("DefaultValue")?.length ?? 0).toBeLessThanOrEqual(125);
    expect(it.length).toBeLessThanOrEqual(250);
    expect(en.length).toBeLessThanOrEqual(250);

    // Ribbon strings: every one has an English override, within the schema's length limit.
    for (const [limit, pool] of [
      [125, shortStrings],
      [250, longStrings],
    ] as const) {
      for (const [id, el] of pool) {
        const values = [defaultValue(el), overrides(el).get("en-us")];
        if (values[1] === undefined) throw new Error(`String "${id}" has no en-us override`);
        // Office matches the UI locale exactly: British English gets the same English strings.
        expect(overrides(el).get("en-gb")).toBe(values[1]);
        for (const v of values) expect((v ?? "").length).toBeLessThanOrEqual(limit);
      }
    }
  });
});

function defaultValue(el: Element | undefined): string {
  const value = el?.getAttribute("DefaultValue");
  if (!value) throw new Error(`Missing DefaultValue on <${el?.tagName ?? "undefined element"}>`);
  return value;
}
