/**
 * Round half away from zero to `d` decimals, as Excel's and LibreOffice's ROUND do on the decimal value
 * (toPrecision(15) first, so that 1.005 is treated as the 1.005 the user sees).
 */
export function roundHalfAway(x: number, d = 2): number {
  const f = 10 ** d;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / f;
}
