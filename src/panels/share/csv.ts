// One CSV cell, safe to open in a spreadsheet: RFC 4180 quoting, and the OWASP guard
// against formula injection (a custom model's name may start with '=').

/** A text cell starting with one of these would be run as a formula by Excel, Sheets or Calc. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number (-1.5, 2e-3) is data, not a formula: it stays numeric. */
const PLAIN_NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
/** RFC 4180: a field holding a quote, the separator or a line break is enclosed in quotes. */
const NEEDS_QUOTES = /[",\r\n]/;

export const CSV_LINE_BREAK = '\r\n';

export function csvCell(v: string | number | boolean): string {
  // A machine that does not fit has no times (NaN) and needs "Infinity" chips: an empty
  // cell is what a spreadsheet reads as missing.
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  let s = String(v);
  if (typeof v === 'string' && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly (string | number | boolean)[]): string {
  return cells.map(csvCell).join(',');
}
