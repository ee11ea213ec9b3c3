/** Errors of the .xlsx adapter, with their messages from the catalogue (`i18n/`). */
import { bilingual, type Text } from "../engine/core/i18n";
import { en } from "./i18n/en";
import { it } from "./i18n/it";

/** Every message of the adapter in both languages, by id. */
export const PACKAGE_MESSAGES = bilingual({ it, en });

/** An input the CLI cannot use: the message names the problem, the caller prints the file's name. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly text: Text,
  ) {
    super(text.en);
  }
}
