/**
 * The contract's text rule (issue 10 item 15): lone UTF-16 surrogates and C0 / C1 control
 * characters are refused in every text field, not silently changed; multi-line text (notes) keeps
 * tab and line breaks. The REST answers are in tests/integration/bad-input*.
 */
import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate, NameSchema, TextSchema, textProblem } from '../../../shared/contract/primitives';
import { PasswordInputSchema } from '../../../shared/contract/auth';
import { StayCreateSchema } from '../../../shared/contract/stays';

describe('textProblem', () => {
  it('accepts real text: accents, CJK, emoji (a surrogate pair), U+FFFD itself, U+00A0', () => {
    for (const v of ['Åse Ærø', '山田 太郎', 'Ann 👩‍👩‍👧 Berg', '\ufffd', 'a\u00a0b', '', '\ud83d\ude00']) expect(textProblem(v), v).toBeNull();
  });

  it('finds a lone high or low surrogate anywhere, and a reversed pair', () => {
    for (const v of ['\ud800', 'ab\ud800', '\ud800x', '\udc00', 'x\udfff', '\ude00\ud83d', '\ud83d\ud83d\ude00']) expect(textProblem(v), JSON.stringify(v)).toBe('surrogate');
    expect(hasLoneSurrogate('a\ud800')).toBe(true);
    expect(hasLoneSurrogate('a\ud83d\ude00')).toBe(false);
  });

  it('finds C0, DEL and C1 control characters; NUL by name', () => {
    expect(textProblem('a\u0000b')).toBe('nul');
    for (const c of ['\u0001', '\u0007', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085', '\u009b', '\u009f', '\t', '\n', '\r']) {
      expect(textProblem(`a${c}b`), JSON.stringify(c)).toBe('control');
    }
  });

  it('lets multi-line text keep tab, line feed and carriage return, and nothing else', () => {
    expect(textProblem('Late arrival\r\n\tby taxi', true)).toBeNull();
    expect(textProblem('a\u001bb', true)).toBe('control');
    expect(textProblem('a\u0085b', true)).toBe('control');
  });
});

describe('the schemas built on it', () => {
  it('refuses with a message naming the problem', () => {
    expect(NameSchema(120, 'guest name').safeParse('Ann\ud800').error?.issues[0]?.message).toMatch(/lone UTF-16 surrogate/);
    expect(TextSchema(40).safeParse('12\u001b34').error?.issues[0]?.message).toBe('must not contain control characters');
    expect(TextSchema(40).safeParse('12\u000034').error?.issues[0]?.message).toBe('must not contain NUL characters');
    expect(PasswordInputSchema.safeParse('Correct-Horse\udc00').success).toBe(false);
    expect(PasswordInputSchema.safeParse('Correct\tHorse-7').success).toBe(true);
  });

  it('keeps notes multi-line and a guest name single-line', () => {
    const base = { roomId: 1, checkin: '2026-06-01', checkout: '2026-06-03', guestName: 'Ann Berg' };
    expect(StayCreateSchema.safeParse({ ...base, notes: 'Late arrival\nby taxi' }).success).toBe(true);
    expect(StayCreateSchema.safeParse({ ...base, guestName: 'Ann\nBerg' }).success).toBe(false);
  });

  it('says so in the schema description (the API document)', () => {
    expect(TextSchema(40).meta()?.description).toMatch(/no lone UTF-16 surrogates/);
    expect(TextSchema(2000, { multiline: true }).meta()?.description).toMatch(/^Tab and line breaks allowed/);
  });
});
