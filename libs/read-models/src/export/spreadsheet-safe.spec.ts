import { spreadsheetSafe } from './spreadsheet-safe.js';

describe('spreadsheetSafe (formula neutralisation, docs/product.md rule 2)', () => {
  it.each(['=SUM(A1)', '+1', '-1+2', '@cmd', '\tx', '\rx'])(
    'prefixes %j with an apostrophe',
    (cell) => expect(spreadsheetSafe(cell)).toBe(`'${cell}`),
  );

  it.each(['Contoso', '', ' =x', "'quoted", 'a=b', '1-2'])('leaves %j as it is', (cell) =>
    expect(spreadsheetSafe(cell)).toBe(cell),
  );
});
