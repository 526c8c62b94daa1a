/**
 * The audit log's actions in words (issue 10 item 17): the screen shows "Checked in" / "Checkede
 * ind" instead of `stays:checkIn`, the details as "field: value" instead of JSON, and the action
 * filter is a list to pick from instead of a code to type exactly. Each domain keeps its actions'
 * words in its own dictionary (`'auditAction.stays:checkIn': 'Checked a guest in'` in
 * stays/stays-text.ts, named in its entry of composition/domains.ts like every word), so a new domain adds no
 * line here. A test refuses a write or export of the contract without words; an unknown code (from
 * an older version) shows as it is. Pure: tested in Node.
 */
import { COMMAND_TABLE } from '../../../shared/contract/command-table';
import { dictionaries } from '../i18n/translate';

type Lang = 'en' | 'da';

/** The dictionary key that holds an action's words: each domain keeps its own in its dictionary. */
const PREFIX = 'auditAction.';

/** The action in words, or its code when it has none yet. */
export function actionLabel(code: string, lang: Lang): string {
  const words: unknown = (dictionaries[lang] as Record<string, unknown>)[PREFIX + code];
  return typeof words === 'string' ? words : code;
}

/**
 * Every action the log can hold, for the filter's list: each command that changes something or
 * exports, and the refusals the sign-in writes; in words, alphabetically in the language shown.
 */
export function auditActions(lang: Lang): { code: string; label: string }[] {
  const codes = new Set(Object.keys(dictionaries.en).filter((key) => key.startsWith(PREFIX)).map((key) => key.slice(PREFIX.length)));
  for (const [name, def] of Object.entries(COMMAND_TABLE) as [string, { method: string; export?: string }][]) {
    if (def.method !== 'GET' || def.export) codes.add(name);
  }
  return [...codes].map((code) => ({ code, label: actionLabel(code, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang));
}

/**
 * The entry's detail (JSON of what was sent, secrets removed) as "field: value" pairs; nested values
 * stay short JSON. Text that is not a JSON object is shown as it is.
 */
export function detailPairs(detail: string): { key: string; value: string }[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return detail;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return detail;
  return Object.entries(parsed as Record<string, unknown>).map(([key, value]) => ({
    key,
    value: typeof value === 'string' ? value : value === null ? '—' : JSON.stringify(value),
  }));
}
