/** `?a=1&b=x` from an input's values, leaving out undefined and null; empty when nothing is left. */
export function queryString(values: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    params.append(k, String(v));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
