/** The transport inside Electron: each command is one function on `window.frontdesk`. */
import type { CommandInput, CommandName, CommandOutput, IpcResult } from '../../../shared/contract/commands';
import { errorStatus } from '../../../shared/errors';
import type { FrontdeskApi } from './frontdesk-api';
import { refusalListeners, TransportError, type ExportOutcome, type Transport } from './transport';

/** `{ ok: true, value }` → value; `{ ok: false, error }` → the same TransportError HTTP would throw. */
export function unwrapIpcResult<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  const { code, message } = result.error;
  const status = (errorStatus as Record<string, number>)[code] as number | undefined;
  const { retryAfterSeconds: retryAfter, reason, params } = result.error as { retryAfterSeconds?: unknown; reason?: unknown; params?: unknown };
  throw new TransportError(code, message, status, typeof retryAfter === 'number' ? retryAfter : undefined, {
    ...(typeof reason === 'string' ? { reason } : {}),
    ...(typeof params === 'object' && params !== null ? { params: params as Record<string, string | number> } : {}),
  });
}

type AnyCommand = (input: unknown) => Promise<IpcResult<unknown>>;

export function createIpcTransport(api: FrontdeskApi): Transport {
  const refusals = refusalListeners();
  const call = async (name: string, input: unknown): Promise<unknown> => {
    const fn = (api as unknown as Record<string, AnyCommand | undefined>)[name];
    if (typeof fn !== 'function') throw new TransportError('NOT_FOUND', `The desktop app does not offer ${name}`);
    try {
      return unwrapIpcResult(await fn(input));
    } catch (e) {
      refusals.check(name, e);
      throw e;
    }
  };

  return {
    kind: 'ipc',
    invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
      return call(name, input) as Promise<CommandOutput<K>>;
    },
    onEvent(listener) {
      return api.onEvent(listener);
    },
    onConnection(listener) {
      listener('live');
      return () => undefined;
    },
    onRefusal(listener) {
      return refusals.on(listener);
    },
    // The main process sends the window the events its signed-in user may see.
    setLive: () => undefined,
    // The main process shows the save dialog and has the host write the file (electron/export-dialog.ts).
    async exportCsv(name, query): Promise<ExportOutcome> {
      const input = { delimiter: ',', bom: false, ...query };
      return (await call(name, input)) as { path: string | null; rows: number };
    },
    // Main prints the window itself and shows the save dialog (electron/print-dialog.ts).
    async printPdf(fileName, title) {
      return unwrapIpcResult(await api.printToPdf({ fileName, title }));
    },
    // Main shows the open dialog and keeps the path; the host reads the file (electron/import-dialog.ts).
    async chooseImportFile(title) {
      return unwrapIpcResult(await api.openImportFile({ title }));
    },
    importFile(name, input) {
      return call(name, input) as never;
    },
  };
}
