/**
 * A change says what it changes, once (issue 19 §2): every command that writes declares in the
 * contract the live events it emits (`emits`, shared/contract/command-def.ts), and the renderer
 * refreshes its stores from those declarations alone. Here every write of the contract runs once on
 * the contract fixture (inside a transaction rolled back after it, so each meets the same hotel) and
 * the events the core actually published are compared with the declaration: none may be missing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../core/context';
import { runFileImport } from '../../core/imports/import-file';
import { commandNames, commands, type CommandDef, type CommandName } from '../../shared/contract/commands';
import { liveEvents } from '../../shared/contract/events';
import { parsedContractInput, seedContractHotel, UPLOAD_FILES } from '../support/contract-fixture';
import type { ContractFixture } from '../support/domain-fixture';
import type { TestCore } from '../support/test-core';
import { createUndoingTestCore, type UndoSwitch } from '../support/undoing-core';

const def = (name: CommandName) => commands[name] as CommandDef;
/** A write: anything but a GET, and not a CSV export (a download changes nothing). */
const writes = commandNames.filter((n) => def(n).http.method !== 'GET' && !def(n).export);
/** An event that never leaves the host (`outbox.enqueued` wakes the outbox worker): no client hears it. */
function internal(type: string): boolean {
  try {
    return (liveEvents as Record<string, { audience: (e: never) => unknown }>)[type]?.audience({} as never) === 'internal';
  } catch {
    return false; // its audience reads the event's record: a client's or the desk's
  }
}

let t: TestCore & { undo: UndoSwitch };
let fixture: ContractFixture;

beforeAll(async () => {
  t = await createUndoingTestCore();
  fixture = await seedContractHotel(t.core);
  // Each command's writes are undone, and what it would have published after COMMIT is kept.
  t.undo.keepAfterCommit = true;
});
afterAll(async () => {
  await t?.close();
});

/** The caller a command is run as: the admin where allowed, else the first role it allows. */
function contextFor(name: CommandName): CallContext {
  const roles = def(name).roles;
  const role = roles === 'public' || roles.includes('admin') ? 'admin' : roles[0]!;
  const s = fixture.sessions[role];
  return { actor: { userId: s.userId, username: s.username, role }, via: 'internal' };
}

/** The fixture's file of an upload command, on disk. */
function uploadFile(name: CommandName): string {
  const file = join(mkdtempSync(join(tmpdir(), 'frontdesk-events-')), 'upload.csv');
  writeFileSync(file, UPLOAD_FILES[name] ?? '');
  return file;
}

/** The event types (internal ones left out) that running `name` once on the fixture published. */
async function emitted(name: CommandName): Promise<string[]> {
  const before = t.events.length;
  t.undo.on = true;
  try {
    // A file import has no handler: its file goes beside the input (here for real, not a dry run).
    const handler = def(name).upload
      ? (input: unknown, ctx: CallContext) => runFileImport(t.core.services, { ...(input as object), dryRun: false } as never, uploadFile(name), ctx)
      : (t.core.handlers[name as keyof typeof t.core.handlers] as (input: unknown, ctx: CallContext) => unknown);
    // One unit around the whole command (as the dispatcher's db.write is): a command that reads back
    // what it wrote sees it, and the whole command is undone at once.
    await t.core.deps.db.unit(async () => handler(parsedContractInput(name, fixture), contextFor(name)));
  } finally {
    t.undo.on = false;
  }
  return [...new Set(t.events.slice(before).map((e) => e.type))].filter((type) => !internal(type)).sort();
}

describe('every change declares its live events', () => {
  it('gives every write an `emits` list (empty only where the change is not shown live) and no read one', () => {
    expect(writes.filter((n) => def(n).emits === undefined)).toEqual([]);
    expect(commandNames.filter((n) => !writes.includes(n) && def(n).emits !== undefined)).toEqual([]);
  });

  it('names only live events the contract defines, none of them internal', () => {
    const wrong = writes.flatMap((n) => (def(n).emits ?? []).filter((e) => !(e in liveEvents) || internal(e)).map((e) => `${n}: ${e}`));
    expect(wrong).toEqual([]);
  });

  it('declares every event the core publishes when the command runs', async () => {
    const missing: string[] = [];
    let published = 0;
    for (const name of writes) {
      const declared: readonly string[] = def(name).emits ?? [];
      const got = await emitted(name);
      published += got.length;
      for (const type of got) if (!declared.includes(type)) missing.push(`${name}: ${type}`);
    }
    expect(missing).toEqual([]);
    // The undone commands' events were seen (an empty harvest would pass the check above vacuously).
    expect(published).toBeGreaterThan(writes.length / 2);
  });
});
