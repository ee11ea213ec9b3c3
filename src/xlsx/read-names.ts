/**
 * The workbook's defined names (workbook scope) and tables, read from the package: the engine tells the
 * add-in's sheets from the user's by them and keeps clear of every name the user owns.
 */
import type { WorkbookNames } from "../engine/core/snapshot";
import { isMain, relKind, type Package } from "./package";
import { attr } from "./xml-reader";

export function readWorkbookNames(pkg: Package): WorkbookNames {
  const wb = pkg.workbook();
  const names: WorkbookNames["names"] = [];
  let current: { name: string; formula: string } | undefined;
  pkg.parse(wb.part, {
    open(uri, local, a) {
      if (!isMain(uri) || local !== "definedName") return;
      // Sheet-scoped names never clash with the workbook-scope ones the plan adds.
      current =
        attr(a, "localSheetId") === undefined ? { name: attr(a, "name") ?? "", formula: "" } : undefined;
    },
    text(t) {
      if (current) current.formula += t;
    },
    close(uri, local) {
      if (current && isMain(uri) && local === "definedName") names.push(current);
      if (local === "definedName") current = undefined;
    },
  });
  const tables: WorkbookNames["tables"] = [];
  for (const sheet of wb.sheets) {
    if (!sheet.part) continue;
    for (const t of pkg.targets(sheet.part)) {
      if (relKind(t.rel.type) !== "table") continue;
      pkg.parse(t.part, {
        open(uri, local, a) {
          // Formulas use the display name; `name` is the one Excel keeps for the object model.
          if (isMain(uri) && local === "table")
            tables.push({ name: attr(a, "displayName") ?? attr(a, "name") ?? "", sheet: sheet.name });
        },
      });
    }
  }
  return { names, tables };
}
