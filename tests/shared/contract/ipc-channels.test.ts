import { describe, expect, expectTypeOf, it } from 'vitest';
import { ipcCommandNames, type Commands, type CommandName } from '../../../shared/contract/commands';
import { IPC_CHANNELS, type IpcChannel } from '../../../shared/contract/ipc-channels';

type ContractIpcName = { [K in CommandName]: Commands[K] extends { ipc: false } ? never : K }[CommandName];

describe('IPC_CHANNELS (the preload\'s channels, from the generated command table)', () => {
  it('equals ipcCommandNames exactly, in order', () => {
    expect([...IPC_CHANNELS]).toEqual(ipcCommandNames);
  });

  it('matches the contract at the type level too', () => {
    expectTypeOf<IpcChannel>().toEqualTypeOf<ContractIpcName>();
  });

  it('leaves out the HTTP-only CSV download', () => {
    expect(IPC_CHANNELS).not.toContain('stays:seedExport');
  });
});
