/**
 * The most common passwords: zxcvbn-ts's `passwords-common` list (≈49 000 entries from breach
 * corpora, lower-case, most frequent first). Loaded on the first password check, not at start-up:
 * the list costs ~35 ms to decompress and a few MB that most runs of the desk never need.
 */
import { createRequire } from 'node:module';
import type * as LanguageCommonModule from '@zxcvbn-ts/language-common';

type LanguageCommon = typeof LanguageCommonModule;

let common: Set<string> | undefined;

/**
 * `require`, not `import()`: in the packaged desktop app the package sits inside `app.asar`, which
 * Electron's CommonJS loader reads and a dynamic ESM import of a bare name may not.
 */
function loadCommon(): Set<string> {
  const m = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as LanguageCommon;
  return new Set(m.dictionary['passwords-common']);
}

export async function isCommonPassword(pw: string): Promise<boolean> {
  common ??= loadCommon();
  return common.has(pw.toLowerCase());
}
