import { describe, expect, it } from 'vitest';
import { AUDIT_DETAIL_MAX, auditDetailJson } from '../../../core/auth/audit-detail';

describe('auditDetailJson', () => {
  it('drops every key that looks like a secret, at any depth, and keeps the rest', () => {
    const detail = {
      username: 'eva',
      password: 'x',
      confirm_password: 'x',
      nested: { newPassword: 'y', currentPassword: 'z', tokenHash: 'h', access_token: 't', role: 'staff' },
      list: [{ signingSecret: 's', PASSWORD_HASH: 'p', keep: 1 }],
    };
    expect(JSON.parse(auditDetailJson(detail))).toEqual({ username: 'eva', nested: { role: 'staff' }, list: [{ keep: 1 }] });
    expect(auditDetailJson(detail)).not.toMatch(/"x"|"y"|"z"|"h"|"t"|"s"|"p"/);
  });

  it('stores {} for nothing and survives cycles and BigInt', () => {
    expect(auditDetailJson(undefined)).toBe('{}');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(JSON.parse(auditDetailJson(cyclic))).toEqual({ a: 1, self: '[cycle]' });
    expect(JSON.parse(auditDetailJson({ n: 10n }))).toEqual({ n: '10' });
  });

  it('caps the JSON at about 4 KB with a valid, marked excerpt, even when escaping inflates it', () => {
    for (const filler of ['a', '"', '\u0001']) {
      const json = auditDetailJson({ notes: filler.repeat(20_000) });
      expect(json.length).toBeLessThanOrEqual(AUDIT_DETAIL_MAX);
      const parsed = JSON.parse(json) as { truncated: boolean; excerpt: string };
      expect(parsed.truncated).toBe(true);
      expect(parsed.excerpt.startsWith('{"notes":"')).toBe(true);
    }
    const small = { notes: 'a'.repeat(100) };
    expect(JSON.parse(auditDetailJson(small))).toEqual(small);
  });
});
