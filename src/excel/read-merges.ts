/**
 * Merged areas of the sheets read on the cautious path, read on their own so that one heavily merged
 * sheet cannot make the analysis fail.
 *
 * `Range.getMergedAreasOrNullObject` (ExcelApi 1.13) fails when the range holds more than 512 merged
 * areas, and returns only the areas whose top-left cell is inside the range
 * (https://github.com/OfficeDev/office-js/issues/3611; the 512 limit and the error code are confirmed by
 * docs/excel-checklist.md step 18). So a sheet's used range is read in row bands: each area is returned by
 * the band that holds its top-left cell, and areas are de-duplicated in case a host returns the ones that
 * only cross a band as well. All sheets are tried at once first (one sync); when that fails, sheet by
 * sheet, halving the bands of a sheet after each failure (up to 1,024 bands). A sheet whose bands still fail keeps no
 * merged areas, and the notice `EXCEL_CELLE_UNITE_TROPPE` names it: the rest of the analysis goes on.
 */

import { excelErrorCode } from "./errors";
import { notice } from "./notices";
import type { UsedInfo } from "./read-grid";
import { rangeByIndexes } from "./read-grid";
import type { Resolved } from "./read-options";
import { parseAreaList } from "./refs";

/** Errors about the session, not about the merged areas asked for: halving the bands would not help. */
const SESSION_ERRORS = new Set([
  "InactiveWorkbook",
  "InvalidOperationInCellEditMode",
  "RequestAborted",
  "ItemNotFound",
]);

/** Bands per sheet at most (each up to 512 areas): beyond, the sheet's merged areas are given up. */
const MAX_BANDS = 1024;

interface Band {
  off: number;
  n: number;
}

/** Queues the merged areas of every band of `info`; the result, after the sync, lists them once each. */
function queueBands(info: UsedInfo, bands: Band[], o: Resolved): () => string[] {
  const g = info.grid;
  const loads = bands.map((b) =>
    rangeByIndexes(info.target.ws, g.top + b.off, g.left, b.n, g.cols, o.supports)
      .getMergedAreasOrNullObject()
      .load("address"),
  );
  return () => [...new Set(loads.flatMap((m) => (m.isNullObject ? [] : parseAreaList(m.address))))];
}

function rethrowSession(e: unknown): void {
  if (SESSION_ERRORS.has(excelErrorCode(e) ?? "")) throw e;
}

export async function readMerges(
  context: Excel.RequestContext,
  infos: UsedInfo[],
  o: Resolved,
): Promise<void> {
  if (infos.length === 0) return;
  const whole = infos.map((info) => queueBands(info, [{ off: 0, n: info.grid.rows }], o));
  try {
    await context.sync();
    infos.forEach((info, i) => (info.merges = whole[i]()));
    return;
  } catch (e) {
    rethrowSession(e);
  }
  const unread: string[] = [];
  for (const info of infos) {
    let bands: Band[] = [{ off: 0, n: info.grid.rows }];
    for (;;) {
      const pending = queueBands(info, bands, o);
      try {
        await context.sync();
        info.merges = pending();
        break;
      } catch (e) {
        rethrowSession(e);
        if (bands.every((b) => b.n === 1) || bands.length >= MAX_BANDS) {
          info.merges = [];
          unread.push(info.target.name);
          break;
        }
        bands = bands.flatMap((b) => {
          const h = Math.ceil(b.n / 2);
          return b.n === 1
            ? [b]
            : [
                { off: b.off, n: h },
                { off: b.off + h, n: b.n - h },
              ];
        });
      }
    }
  }
  if (unread.length > 0) o.onNotice?.(notice("EXCEL_CELLE_UNITE_TROPPE", unread.join(", ")));
}
