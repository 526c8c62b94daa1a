import { describe, expect, expectTypeOf, it } from 'vitest';
import { ipcCommandNames } from '../../shared/contract/commands';
import { LIVE_EVENT_CHANNEL } from '../../shared/contract/events';
import { IPC_CHANNELS, LIVE_EVENT_IPC_CHANNEL, type IpcChannel, type IpcCommandName } from '../../shared/contract/ipc-channels';

describe('IPC_CHANNELS (the preload copy of the contract)', () => {
  it('equals ipcCommandNames exactly, in order', () => {
    expect([...IPC_CHANNELS]).toEqual(ipcCommandNames);
  });

  it('matches the contract at the type level too', () => {
    expectTypeOf<IpcChannel>().toEqualTypeOf<IpcCommandName>();
  });

  it('leaves out the HTTP-only CSV download', () => {
    expect(IPC_CHANNELS).not.toContain('bookings:exportCsv');
  });

  it('carries live events on the same channel as the contract', () => {
    expect(LIVE_EVENT_IPC_CHANNEL).toBe(LIVE_EVENT_CHANNEL);
  });
});
