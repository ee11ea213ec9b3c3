/** The CLI's catalogues, by language. */
import type { Lang } from "../../engine/core/i18n";
import { en } from "./en";
import { it, type CliCatalogue } from "./it";

export const CLI: Record<Lang, CliCatalogue> = { it, en };
