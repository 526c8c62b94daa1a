/** Signal's rule: every migration has its own test, named after it, beside this file. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { journal } from './migration-steps';

describe('the migrations', () => {
  it('each have a test file tests/db/migrations/<tag>.test.ts', () => {
    const missing = journal()
      .map((e) => e.tag)
      .filter((tag) => !existsSync(fileURLToPath(new URL(`./${tag}.test.ts`, import.meta.url))));
    expect(missing).toEqual([]);
  });

  it('are numbered 0000, 0001, … in journal order', () => {
    expect(journal().map((e) => e.tag.slice(0, 4))).toEqual(journal().map((_, i) => String(i).padStart(4, '0')));
  });
});
