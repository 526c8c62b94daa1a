/**
 * Functions of one job (issue 19 §6): eslint.config.js refuses a function past 80 lines of code unless
 * a comment beside it says why (`// eslint-disable-next-line max-lines-per-function -- <why>`). This
 * test refuses such a comment without its reason, and proves the rule fires.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCES = ['shared', 'db', 'core', 'electron', 'renderer/src', 'bench', 'scripts'];

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(tsx?|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

describe('long functions', () => {
  it('each one a disable comment lets past 80 lines says why', () => {
    const bare: string[] = [];
    for (const file of SOURCES.flatMap((dir) => sources(join(ROOT, dir)))) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (/eslint-disable(-next-line|-line)?\s+[^*]*max-lines-per-function/.test(line) && !/max-lines-per-function\s+--\s+\S.{10,}/.test(line)) {
          bare.push(`${relative(ROOT, file)}:${i + 1}`);
        }
      });
    }
    expect(bare).toEqual([]);
  });

  it('are refused past 80 lines of code, and let through with a reason', async () => {
    // The probe is no file of the TypeScript project: linted untyped, as tests/lint/boundaries.test.ts does.
    const eslint = new ESLint({
      cwd: ROOT,
      overrideConfig: {
        files: ['**/probe.ts'],
        languageOptions: { parserOptions: { projectService: false, project: null } },
        rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off', '@typescript-eslint/await-thenable': 'off' },
      },
    });
    const body = Array.from({ length: 81 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const long = `export function long(): number {\n${body}\n  return v0;\n}\n`;
    const rules = async (code: string) => (await eslint.lintText(code, { filePath: 'core/probe.ts' }))[0]!.messages.map((m) => m.ruleId);
    expect(await rules(long)).toContain('max-lines-per-function');
    expect(await rules(`// eslint-disable-next-line max-lines-per-function -- a probe of the rule\n${long}`)).not.toContain('max-lines-per-function');
  });
});
