/**
 * A guest name can no longer hold a line break (the contract refuses it), but rows written before
 * that rule still may: the golden exports no longer carry one, so the cell rule is pinned here.
 */
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../../core/export/csv-cells';

describe('csvLine', () => {
  it('quotes a legacy name with a line break and neutralises its formula start', () => {
    expect(csvLine([3, '=HYPERLINK("x")\nmore', 1], ',')).toBe('3,"\'=HYPERLINK(""x"")\nmore",1\r\n');
    expect(csvLine([3, 'a\r\nb'], ';')).toBe('3;"a\r\nb"\r\n');
  });
});
