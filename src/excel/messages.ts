/** The Office.js adapter's messages in both languages, by id (catalogues in `i18n/`). */
import { bilingual } from "../engine/core/i18n";
import { en } from "./i18n/en";
import { it } from "./i18n/it";

export const EXCEL_MESSAGES = bilingual({ it, en });
