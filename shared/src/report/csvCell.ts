/**
 * CSV writing per RFC 4180 for a report that people open in a spreadsheet. Note text is
 * untrusted: a cell that a spreadsheet would read as a formula (starting with =, +, -, @, tab or
 * carriage return, also after leading spaces) is prefixed with a single quote so it shows as
 * text and never runs (OWASP "CSV injection"). Numbers we computed ourselves are written as
 * numbers, so a negative difference stays a number.
 */

const FORMULA_START = /^[\s]*[=+\-@]|^[\t\r]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing NUL and similar is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export type CsvValue = string | number | null;

/** One cell: numbers as written, null as empty, text neutralised and always quoted. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const clean = value.replace(CONTROL, '');
  const safe = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One record, terminated by CRLF as RFC 4180 asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
