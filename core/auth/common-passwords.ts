/**
 * The most common passwords: zxcvbn-ts's `passwords-common` list (≈49 000 entries from breach
 * corpora, lower-case, most frequent first). Loaded on the first password check, not at start-up:
 * the list costs ~35 ms to decompress and a few MB that most runs of the desk never need.
 */
let common: Promise<Set<string>> | undefined;

export async function isCommonPassword(pw: string): Promise<boolean> {
  common ??= import('@zxcvbn-ts/language-common').then((m) => new Set(m.dictionary['passwords-common']));
  return (await common).has(pw.toLowerCase());
}
