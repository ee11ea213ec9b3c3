/** Spending inputs for tests: empty inputs with some fields set, and the reference PIAO's figures. */
import { emptyInputs, type SpendingInputs } from "../../src/engine/spending/compute";

export const inputs = (o: Partial<SpendingInputs>): SpendingInputs => ({ ...emptyInputs(), ...o });

/** The reference PIAO (Provincia di Massa-Carrara, 2023): net revenue and spending behind its figures. */
export const REFERENCE_SPENDING: SpendingInputs = inputs({
  body: "Provincia",
  population: 188483,
  year: 2023,
  revenue: [21893172.4, 21893172.4, 21893172.4],
  fcde: 0,
  spending: 4375560.4,
});
