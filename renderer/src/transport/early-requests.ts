/**
 * The desk's first GETs, sent by the boot script before the app's bundle is evaluated (that takes
 * 100 ms and more on a slow desk PC): the commands the contract flags `boot` (the session check, the
 * settings and the board), with the session's token. The host works on them meanwhile, and the HTTP
 * transport takes the answer instead of asking again when the app makes the same call with the same
 * token. This file must stay small and must not load the contract's schemas (zod): the paths come
 * from the generated command table.
 */
import { COMMAND_TABLE } from '../../../shared/contract/command-table';
import { queryString } from './query-string';

type Table = typeof COMMAND_TABLE;
/** The commands the contract flags `boot`. */
export type BootCommand = { [K in keyof Table]: Table[K] extends { boot: true } ? K : never }[keyof Table];

export interface EarlyRequest {
  name: BootCommand;
  input: Record<string, unknown>;
  url: string;
}

/**
 * The calls the app makes first, for a page at `origin`, with their URLs; `board` is the board's
 * input for the period the page opens on (boot.ts reads it from the URL, board/board-period.ts).
 */
export function earlyRequests(origin: string, board: Record<string, unknown>): EarlyRequest[] {
  const base = origin.replace(/\/$/, '');
  // The small answers first: the host answers in order, and they then land (and render) while the
  // board is still on its way, instead of re-rendering the desk just after the board.
  const inputs: Record<BootCommand, Record<string, unknown>> = {
    'auth:me': {},
    'settings:get': {},
    'board:get': board,
  };
  return (Object.keys(inputs) as BootCommand[]).map((name) => ({ name, input: inputs[name], url: `${base}${COMMAND_TABLE[name].path}${queryString(inputs[name])}` }));
}

/** An early GET's answer, its body already read. */
export interface EarlyAnswer {
  response: Response;
  text: string;
}

/** Each answer with the token its request carried. */
const pending = new Map<string, { answer: Promise<EarlyAnswer>; token: string }>();

function key(name: string, input: unknown): string {
  return `${name}${queryString((input ?? {}) as Record<string, unknown>)}`;
}

/**
 * Sends the GETs now with `token` (`Authorization: Bearer`); each answer waits for `takeEarlyGet`.
 * Each body is read as soon as it arrives, between the tasks that evaluate the app's bundle: the
 * app's first render then finds the board's answer read, where reading it only when the app asks
 * (its 0.7 MB on a 300-room, 90-day board) let the desk's empty shell render and paint a frame
 * before the board.
 */
export function startEarlyGets(requests: readonly EarlyRequest[], token: string): void {
  for (const r of requests) {
    const answer = fetch(r.url, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } }).then(async (response) => ({
      response,
      text: await response.text(),
    }));
    // Nobody may take it (the app asked for something else first); a failure then is nobody's error.
    answer.catch(() => undefined);
    pending.set(key(r.name, r.input), { answer, token });
  }
}

/**
 * The early answer to exactly this call, once, when it was asked with the caller's `token`;
 * undefined otherwise (then send it). A desk that signed in as someone else meanwhile, or out,
 * must not read what the earlier session was answered.
 */
export function takeEarlyGet(name: string, input: unknown, token: string | null): Promise<EarlyAnswer> | undefined {
  const k = key(name, input);
  const early = pending.get(k);
  pending.delete(k);
  return early && early.token === token ? early.answer : undefined;
}
