/**
 * Every refusal of every domain is translated: each `reason: '<domain>.<name>'` written anywhere in the
 * host's code (core/, db/, shared/, electron/) has `reason.<domain>.<name>` in the dictionaries (English
 * and Danish, the same placeholders), so the Danish UI never falls back to the host's English message.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { da, en } from '../../../renderer/src/composition/dictionaries';
import { messageTexts } from '../../../renderer/src/i18n/message';
import { placeholders } from '../../../renderer/src/i18n/translate';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const named = new Map<string, string>();
/** Every folder the host's code lives in: a new domain's refusals are checked without a line here. */
const DESK_FOLDERS = ['core', 'db', 'shared', 'electron'];
for (const file of DESK_FOLDERS.flatMap(sources)) {
  for (const m of readFileSync(file, 'utf8').matchAll(/reason: '([a-z]+\.[A-Za-z]+)'/g)) named.set(m[1]!, file);
}

describe('refusal reasons', () => {
  it('finds the refusals the host names', () => {
    expect(named.size).toBeGreaterThan(40);
    expect(named.has('stays.roomTakenByStay')).toBe(true);
  });

  it.each([...named])('reason.%s (%s) has English and Danish text with the same placeholders', (reason) => {
    const key = `reason.${reason}` as keyof typeof en;
    expect(en[key], key).toBeDefined();
    expect(da[key], key).toBeDefined();
    const enHoles = messageTexts(en[key]).map(placeholders);
    const daHoles = messageTexts(da[key]).map(placeholders);
    expect(daHoles).toEqual(enHoles);
  });
});
