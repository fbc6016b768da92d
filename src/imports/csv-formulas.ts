// Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with =, +, -, @, a
// tab or a carriage return is run as a formula when the file is opened in a spreadsheet. Exports
// put an apostrophe in front of such a cell (the spreadsheet then shows it as text), and imports
// take that apostrophe off again, so an exported file imports back unchanged.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function restoreNeutralized(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** csv-stringify options that neutralize every text cell. */
export const SAFE_CELLS = { cast: { string: (value: string) => neutralizeFormula(value) } };
