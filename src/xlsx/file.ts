/** Opening and saving .xlsx files, with a clear message for every way a file can be unusable. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import type { WorkbookPlan } from "../engine/core/plan";
import { addChartsToXlsx } from "./charts";
import { addLinksToXlsx, type XlsxLink } from "./hyperlinks";

/** An input the CLI cannot use: the message names the file and the problem, in Italian and English. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly it: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory())
      throw new InputError(file, "è una cartella, non un file .xlsx", "is a folder, not an .xlsx file");
    buf = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(file, "file non trovato", "file not found");
    if (code === "EACCES") throw new InputError(file, "permesso di lettura negato", "permission denied");
    throw new InputError(file, "impossibile leggere il file", "cannot read the file");
  }
  if (buf.length === 0) throw new InputError(file, "il file è vuoto", "the file is empty");
  if (buf.subarray(0, 8).equals(OLE)) {
    // An OLE container is either an encrypted .xlsx or an old binary .xls.
    throw new InputError(
      file,
      "file protetto da password o in formato .xls: salvarlo come cartella di lavoro .xlsx senza password",
      "password-protected or an old .xls file: save it as an .xlsx workbook without a password",
    );
  }
  if (!buf.subarray(0, 4).equals(ZIP)) {
    throw new InputError(
      file,
      "non è un file .xlsx (contenuto non riconosciuto)",
      "not an .xlsx file (unrecognised content)",
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new InputError(file, "file .xlsx danneggiato o non leggibile", "damaged or unreadable .xlsx file");
  }
  if (wb.worksheets.length === 0)
    throw new InputError(
      file,
      "file .xlsx senza fogli di lavoro leggibili",
      "an .xlsx file with no readable worksheet",
    );
  return wb;
}

/**
 * Save the workbook, adding the plan's charts and internal links (which exceljs cannot write) to the
 * file; a link displays the text its cell holds.
 */
export async function saveWorkbook(wb: ExcelJS.Workbook, file: string, plan?: WorkbookPlan): Promise<void> {
  const sheets = plan?.sheets ?? [];
  const charts = new Map(sheets.filter((s) => s.charts.length > 0).map((s) => [s.name, s.charts]));
  const links = new Map<string, XlsxLink[]>(
    sheets
      .filter((s) => s.links.length > 0)
      .map((s) => {
        const ws = wb.getWorksheet(s.name);
        return [s.name, s.links.map((l) => ({ ...l, display: ws?.getCell(l.cell).text ?? l.target }))];
      }),
  );
  const withCharts = await addChartsToXlsx(Buffer.from(await wb.xlsx.writeBuffer()), charts);
  const bytes = await addLinksToXlsx(withCharts, links);
  try {
    fs.writeFileSync(file, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR" || code === "EROFS")
      throw new InputError(file, "impossibile scrivere il file di uscita", "cannot write the output file");
    throw e;
  }
}
