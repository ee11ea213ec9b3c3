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
