import { describe, expect, it } from 'vitest';
import { commands } from '../../../shared/contract/commands';
import { AUDIT_PAGE_SIZE, auditFilterInput, auditQuery, auditRangeInvalid, EMPTY_AUDIT_FILTER } from '../../../renderer/src/audit/audit-query';

describe('auditQuery', () => {
  it('asks for the first page with only the filters that are filled in, trimmed', () => {
    const filter = { ...EMPTY_AUDIT_FILTER, actor: ' anna ', entity: 'stay', from: '2026-05-01' };
    expect(auditQuery(filter)).toEqual({ actor: 'anna', entity: 'stay', from: '2026-05-01', limit: AUDIT_PAGE_SIZE });
  });

  it('pages back from the oldest entry shown', () => {
    expect(auditQuery(EMPTY_AUDIT_FILTER, 57)).toEqual({ limit: AUDIT_PAGE_SIZE, beforeId: 57 });
  });

  it('builds queries the contract accepts', () => {
    const full = { actor: 'anna', action: 'stays:create', entity: 'stay', from: '2026-05-01', to: '2026-05-31' };
    expect(commands['audit:list'].input.safeParse(auditQuery(full, 9)).success).toBe(true);
    expect(commands['audit:export'].input.safeParse(auditFilterInput(full)).success).toBe(true);
  });
});

describe('auditRangeInvalid', () => {
  it('flags a range that ends before it starts, and nothing else', () => {
    expect(auditRangeInvalid({ ...EMPTY_AUDIT_FILTER, from: '2026-05-10', to: '2026-05-01' })).toBe(true);
    expect(auditRangeInvalid({ ...EMPTY_AUDIT_FILTER, from: '2026-05-10', to: '2026-05-10' })).toBe(false);
    expect(auditRangeInvalid({ ...EMPTY_AUDIT_FILTER, from: '2026-05-10' })).toBe(false);
  });
});
