import { describe, expect, it } from 'vitest';
import { actionLabel, auditActions, detailPairs } from '../../../renderer/src/audit/audit-actions';
// The words, installed as main.tsx installs them.
import '../../../renderer/src/composition/dictionaries';

describe('the audit log in words', () => {
  it('names an action in the language shown, and keeps the code of one without words yet', () => {
    expect(actionLabel('stays:checkIn', 'en')).toBe('Checked a guest in');
    expect(actionLabel('stays:checkIn', 'da')).toBe('Checkede en gæst ind');
    expect(actionLabel('auth:loginFailed', 'da')).toBe('Login afvist');
    expect(actionLabel('future:thing', 'da')).toBe('future:thing');
  });

  it('offers every write and export of the contract and the sign-in refusals to filter by, in words, sorted', () => {
    const en = auditActions('en');
    const codes = en.map((a) => a.code);
    for (const code of ['stays:create', 'stays:checkOut', 'blocks:remove', 'settings:update', 'stays:export', 'audit:export', 'auth:loginFailed', 'auth:changePasswordFailed']) {
      expect(codes).toContain(code);
    }
    expect(codes).not.toContain('stays:list');
    expect(codes).not.toContain('board:get');
    expect(en.find((a) => a.code === 'stays:cancel')!.label).toBe('Cancelled a stay');
    const labels = en.map((a) => a.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en')));
    expect(auditActions('da').find((a) => a.code === 'rooms:deactivate')!.label).toBe('Tog et værelse ud af brug');
  });

  it('has words, in English and Danish, for every action the filter offers (a new command cannot be left as a code)', () => {
    for (const lang of ['en', 'da'] as const) {
      const raw = auditActions(lang).filter((a) => a.label === a.code).map((a) => a.code);
      expect(raw, lang).toEqual([]);
    }
  });

  it('shows the details as field: value pairs, nested values as short JSON, other text as it is', () => {
    expect(detailPairs('{"roomnumber":101,"category":"Suite","guest":null,"dates":{"from":"2026-06-01"}}')).toEqual([
      { key: 'roomnumber', value: '101' },
      { key: 'category', value: 'Suite' },
      { key: 'guest', value: '—' },
      { key: 'dates', value: '{"from":"2026-06-01"}' },
    ]);
    expect(detailPairs('{}')).toEqual([]);
    expect(detailPairs('not json')).toBe('not json');
    expect(detailPairs('[1,2]')).toBe('[1,2]');
  });
});
