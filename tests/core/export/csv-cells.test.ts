/**
 * A guest name can no longer hold a line break (the contract refuses it), but rows written before
 * that rule still may: the golden exports no longer carry one, so the cell rule is pinned here.
 * And the same rule on a line SQL joined (`isPlainLine`, core/export/export-reader.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCellText, csvLine, isPlainLine } from '../../../core/export/csv-cells';

describe('csvLine', () => {
  it('quotes a legacy name with a line break and neutralises its formula start', () => {
    expect(csvLine([3, '=HYPERLINK("x")\nmore', 1], ',')).toBe('3,"\'=HYPERLINK(""x"")\nmore",1\r\n');
    expect(csvLine([3, 'a\r\nb'], ';')).toBe('3;"a\r\nb"\r\n');
  });
});

describe('csvCellText: one cell as csvLine writes it (the cells after a line SQL joined)', () => {
  const value = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.integer({ min: -5, max: 1_000_000 }),
    fc.double({ noNaN: true }),
    fc.string({ unit: fc.constantFrom('a', 'Ø', '1', '-', ' ', '"', ',', ';', '\r', '\n', '\t', '\ufeff', '=', '+', '@'), maxLength: 6 }),
  );

  it.each([',', ';'] as const)('joined with the delimiter, gives csvLine\'s line (delimiter %s)', (delimiter) => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), (row) => {
        const cells = row.map((v) => csvCellText(v, delimiter)).join(delimiter);
        expect(cells + '\r\n').toBe(csvLine([...row], delimiter));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('isPlainLine: a line SQL joined is taken as it is only when csvLine would write the same', () => {
  const cell = fc.oneof(
    fc.integer({ min: -5, max: 1_000_000 }),
    fc.string({ unit: fc.constantFrom('a', 'Ø', '1', '-', ':', ' ', '"', ',', ';', '\r', '\n', '\t', '\ufeff', '=', '+', '@'), maxLength: 6 }),
  );

  it.each([',', ';'] as const)('never takes a line csvLine would write otherwise (delimiter %s)', (delimiter) => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (row) => {
        const line = row.join(delimiter);
        if (isPlainLine(line, delimiter, row.length)) expect(csvLine([...row], delimiter)).toBe(line + '\r\n');
      }),
      { numRuns: 5_000 },
    );
  });

  it('takes the stays export\'s everyday lines', () => {
    expect(isPlainLine('1,204,Standard double room,1,2026-05-01T14:00:00+02:00,2026-05-03T12:00:00+02:00,booked,Mette Hansen,2,2,239000', ',', 11)).toBe(true);
    expect(isPlainLine('7;101;Værelse;0;;Hansen, Mette;1', ';', 7)).toBe(true);
  });

  it.each([
    ['a quote', 'a,"b",c'],
    ['the delimiter inside a cell (one cell too many)', 'a,b,c,d'],
    ['a cell too few', 'a,b'],
    ['CR', 'a,b\rx,c'],
    ['LF', 'a,b\nx,c'],
    ['a BOM', 'a,\ufeffb,c'],
    ['a formula start', 'a,=SUM(1),c'],
    ['a plus first', '+45 1234,b,c'],
    ['a minus first', 'a,b,-3'],
    ['an @ first', 'a,@x,c'],
    ['a tab first', 'a,\tb,c'],
    ['a space first', 'a, b,c'],
    ['a space last', 'a,b ,c'],
    ['a space last in the last cell', 'a,b,c '],
  ])('refuses %s', (_what, line) => {
    expect(isPlainLine(line, ',', 3)).toBe(false);
  });
});
