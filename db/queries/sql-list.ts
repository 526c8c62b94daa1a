/**
 * `?, ?, …` lists of positional placeholders (the same on both engines), made once per length: for
 * `IN (…)` lists and multi-row `VALUES (…), (…)`.
 */
const lists = new Map<number, string>();

/** `n` placeholders joined by `, ` (made once per `n`). */
export function placeholders(n: number): string {
  let list = lists.get(n);
  if (list === undefined) {
    list = Array.from({ length: n }, () => '?').join(', ');
    lists.set(n, list);
  }
  return list;
}

/** `VALUES (?, …), (?, …)`: `rows` rows of `columns` placeholders each. */
export function valuesRows(rows: number, columns: number): string {
  return `VALUES ${Array.from({ length: rows }, () => `(${placeholders(columns)})`).join(', ')}`;
}
