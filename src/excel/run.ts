/** Running a batch in Excel. */

/**
 * `Excel.run` with `delayForCellEdit: true`: when the user is editing a cell, Excel waits until the edit
 * ends instead of failing the batch with `InvalidOperationInCellEditMode`
 * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
 */
export function runInExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, batch);
}
