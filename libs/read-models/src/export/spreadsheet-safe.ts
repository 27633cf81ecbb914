/** Characters that make a spreadsheet read a cell as a formula (docs/product.md rule 2). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Neutralises a CSV cell a spreadsheet would run as a formula (CSV injection): a leading
 * `'` makes it text. Every user-supplied cell of every CSV export goes through this.
 */
export function spreadsheetSafe(cell: string): string {
  return cell.length > 0 && FORMULA_TRIGGERS.has(cell[0]!) ? `'${cell}` : cell;
}
