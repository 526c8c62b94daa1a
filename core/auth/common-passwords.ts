/**
 * The most common passwords: zxcvbn-ts's `passwords-common` list (≈49 000 entries from breach
 * corpora, lower-case, most frequent first). Loaded on the first password check, not at start-up:
 * the list costs ~35 ms to decompress, which most runs of the desk never need.
 *
 * Kept as one string (`\n`-separated, 0.37 MB), not as the package's array of 49 000 strings and a
 * Set of them, and the package's modules dropped from Node's module cache once read: the heap a host
 * keeps after its first password check, +3.55 MB before, +0.75 MB now (plain Node, collected until
 * nothing more is freed; docs/benchmarks.md §4, twenty-seventh pass). A lookup scans that string (0.1 ms;
 * passwords are set rarely).
 */
import { createRequire } from 'node:module';

/** The list's file in the package (its `dictionary['passwords-common']`, without the other lists). */
const LIST_MODULE = '@zxcvbn-ts/language-common/dist/passwords.json.cjs';

let common: string | undefined;

/**
 * `require`, not `import()`: in the packaged desktop app the package sits inside `app.asar`, which
 * Electron's CommonJS loader reads and a dynamic ESM import of a bare name may not.
 */
function loadCommon(): string {
  const require = createRequire(import.meta.url);
  const cachedBefore = new Set(Object.keys(require.cache));
  try {
    return `\n${(require(LIST_MODULE) as string[]).join('\n')}\n`;
  } finally {
    // Every module this load added (the list's and its decompressor's: a module's first parent keeps it alive).
    for (const file of Object.keys(require.cache)) if (!cachedBefore.has(file)) delete require.cache[file];
  }
}

export async function isCommonPassword(pw: string): Promise<boolean> {
  const lower = pw.toLowerCase();
  // No entry holds a line break; one in the password would otherwise join two entries.
  if (lower.includes('\n')) return false;
  common ??= loadCommon();
  return common.includes(`\n${lower}\n`);
}
