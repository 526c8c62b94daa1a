/**
 * How a store changes something: the command, then the views its live events reload. The events are
 * the command's own declaration in the contract (`emits`, read from the generated command table), and
 * the views they reload are the live map's (`live-event-table.ts`): the same lookup as when another
 * desk or a browser on the LAN makes the change and the event arrives over IPC or `/ws`. So no store
 * names what to reload, and this desk, another desk and a LAN browser stay in step by one mechanism.
 */
import { COMMAND_TABLE } from '../../../shared/contract/command-table';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract/commands';
import { transport } from '../transport/current-transport';
import { targetsOf } from './live-event-table';
import { refreshNow } from './refreshers';

/** The live events a command declares (none for a read). */
export function emitsOf(command: CommandName): readonly string[] {
  return (COMMAND_TABLE[command] as { emits?: readonly string[] }).emits ?? [];
}

/** Runs `command`; once it succeeded, reloads every view its events reload (a failed reload is a toast). */
export async function change<K extends CommandName>(command: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
  const result = await transport().invoke(command, input);
  await refreshNow(targetsOf(emitsOf(command)));
  return result;
}
