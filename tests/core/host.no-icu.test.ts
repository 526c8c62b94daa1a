/**
 * The host keeps ICU out of its memory (docs/benchmarks.md, twenty-third pass): one
 * `Intl.DateTimeFormat`, `NumberFormat` or collator brings ~7–10 MB of ICU's data and objects into the
 * process for good. A host that starts with the demo hotel (its downtime pack written at start, with
 * money and dates), books a stay over HTTP, lists what is available and the desk's lists, makes none.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../core/host';
import { PACKS_DIR } from '../../core/print/downtime-pack';
import { addDays, localDate } from '../../shared/time';
import { signInOverHttp, TEST_ADMIN_PASSWORD } from '../support/sessions';
import { deskCtx } from '../support/test-core';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database';

/** Every way into ICU's formatters and collator, wrapped to record who asked. */
function spyOnIcu(): { calls: string[]; restore(): void } {
  const calls: string[] = [];
  const undo: (() => void)[] = [];
  const wrap = <T extends object>(owner: T, key: keyof T & string, label: string) => {
    const original = owner[key] as unknown as (...args: unknown[]) => unknown;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      calls.push(`${label}\n${new Error().stack?.split('\n').slice(2, 6).join('\n')}`);
      return new.target ? Reflect.construct(original, args, new.target) : original.apply(this, args);
    };
    Object.defineProperty(wrapped, 'prototype', { value: (original as { prototype?: unknown }).prototype });
    owner[key] = wrapped as unknown as T[keyof T & string];
    undo.push(() => (owner[key] = original as unknown as T[keyof T & string]));
  };
  for (const k of ['DateTimeFormat', 'NumberFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'DisplayNames', 'Segmenter'] as const) wrap(Intl, k, `Intl.${k}`);
  wrap(String.prototype, 'localeCompare', 'localeCompare');
  wrap(Number.prototype, 'toLocaleString', 'Number#toLocaleString');
  for (const k of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'] as const) wrap(Date.prototype, k, `Date#${k}`);
  return { calls, restore: () => undo.forEach((u) => u()) };
}

let dir: string;
let host: Host | undefined;
let database: TestDatabase | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-no-icu-'));
});
afterEach(async () => {
  await host?.close();
  await database?.drop();
  host = undefined;
  database = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('the host without ICU', () => {
  it('starts with the demo hotel, writes its downtime pack, books and lists without Intl\'s formatters or collator', async () => {
    const spy = spyOnIcu();
    try {
      if (testEngine === 'postgres') database = await createTestDatabase();
      host = await createHost({
        dataDir: dir, port: 0, rendererDir: join(dir, 'no-renderer'), adminPassword: TEST_ADMIN_PASSWORD, demo: true,
        settings: { timeZone: 'Europe/Copenhagen' },
        ...(database ? { databaseUrl: (database.config as { url: string }).url } : {}),
      });
      await expect.poll(() => existsSync(join(dir, PACKS_DIR)) && readdirSync(join(dir, PACKS_DIR)).some((f) => /^\d{4}-/.test(f))).toBe(true);
      const today = localDate(Date.now(), 'Europe/Copenhagen');
      const token = await signInOverHttp(host.url);
      const auth = { authorization: `Bearer ${token}` };
      const rooms = (await (await fetch(`${host.url}/api/v1/rooms`, { headers: auth })).json()) as { id: number }[];
      const booked = await fetch(`${host.url}/api/v1/stays`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ roomId: rooms.at(-1)!.id, guestName: 'Åse Ørsted', checkin: addDays(today, 300), checkout: addDays(today, 303) }),
      });
      expect(booked.status).toBe(201);
      const available = await host.core.handlers['rooms:available']({ checkin: addDays(today, 40), checkout: addDays(today, 42) }, deskCtx);
      expect((available as { categories: unknown[] }).categories.length).toBeGreaterThan(1);
      await host.core.handlers['desk:worklists']({}, deskCtx);
      expect(spy.calls).toEqual([]);
    } finally {
      spy.restore();
    }
  });
});
