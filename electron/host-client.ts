/**
 * Main's side of the desk's host process (host-runner.ts): starts it, sends requests and matches
 * each `result` to its request by id, hands live events to subscribers, closes it, and notices when
 * it dies.
 *
 * No request has a timeout: the host answers every one (a slow CSV export legitimately takes
 * seconds). What could leave a caller waiting forever is the process dying, so its exit answers every
 * pending request with INTERNAL at once, and an exit nobody asked for is reported through `onCrash`
 * (the desk shows it and quits rather than leave a window that can do nothing).
 */
import type { IpcResult } from '../shared/contract/commands';
import type { LiveEvent } from '../shared/contract/events';
import type { HandledCommandName } from '../core/context';
import type { FileExportName, FileImportName, FromHost, HostRequest, HostRequestBody, HostStarted, HostStartOptions, ToHost } from './host-protocol';

/** What main needs of Electron's `UtilityProcess` (node-utility-process.ts gives the same over Node's fork). */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface HostClientOptions {
  spawn: () => UtilityProcessLike;
  options: HostStartOptions;
  /** The host exited while running, without being asked to. */
  onCrash: (code: number) => void;
  /** How long `close()` waits for the host to exit on its own before killing it. */
  closeGraceMs?: number;
}

type Result = IpcResult<unknown>;

export interface HostClient extends HostStarted {
  call(name: HandledCommandName, input: unknown, token: string | null): Promise<Result>;
  /**
   * Whether `token`'s caller may run the export (before main shows a save dialog for it); when it
   * may, the value is the dialog's title and proposed file name (`ExportPlan`).
   */
  authorize(name: FileExportName | FileImportName, token: string | null): Promise<Result>;
  /** The host writes the export to `file` (the path the user picked); the value is `{ path, rows }`. */
  exportFile(name: FileExportName, input: unknown, token: string | null, file: string): Promise<Result>;
  /** The host imports the CSV at `file` (the path the user chose); the value is the import's summary. */
  importFile(name: FileImportName, input: unknown, token: string | null, file: string): Promise<Result>;
  /** Every committed change, as the host publishes it; returns the unsubscribe function. */
  onEvent(listener: (event: LiveEvent) => void): () => void;
  /** Asks the host to close (database included) and waits until it has exited; kills it after the grace period. Once. */
  close(): Promise<void>;
}

export const DEFAULT_CLOSE_GRACE_MS = 5_000;
const NOT_RUNNING: Result = { ok: false, error: { code: 'INTERNAL', message: "The desk's host is not running." } };

// eslint-disable-next-line max-lines-per-function -- the host process's one life (spawn, requests, crash, close) over one state
export function startHostClient({ spawn, options, onCrash, closeGraceMs = DEFAULT_CLOSE_GRACE_MS }: HostClientOptions): Promise<HostClient> {
  const child = spawn();
  const pending = new Map<number, (result: Result) => void>();
  const listeners = new Set<(event: LiveEvent) => void>();
  let nextId = 1;
  let state: 'starting' | 'running' | 'closing' | 'exited' = 'starting';
  let markExited: () => void = () => undefined;
  const exited = new Promise<void>((resolve) => (markExited = resolve));
  let closing: Promise<void> | undefined;

  const post = (message: ToHost): boolean => {
    try {
      child.postMessage(message);
      return true;
    } catch {
      return false;
    }
  };

  const request = (message: HostRequestBody): Promise<Result> => {
    if (state !== 'running') return Promise.resolve(NOT_RUNNING);
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      if (!post({ ...message, id } as HostRequest)) {
        pending.delete(id);
        resolve(NOT_RUNNING);
      }
    });
  };

  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (state === 'exited') return;
      state = 'closing';
      post({ kind: 'close' });
      const timer = setTimeout(() => child.kill(), closeGraceMs);
      await exited;
      clearTimeout(timer);
    })();
    return closing;
  };

  return new Promise<HostClient>((resolve, reject) => {
    child.on('message', (raw) => {
      const message = raw as FromHost;
      switch (message.kind) {
        case 'result': {
          const { kind: _kind, id, ...result } = message;
          const done = pending.get(id);
          pending.delete(id);
          done?.(result as Result);
          return;
        }
        case 'event':
          for (const listener of listeners) {
            try {
              listener(message.event);
            } catch (error) {
              console.error('[desk] a live-event listener failed', error);
            }
          }
          return;
        case 'started':
          if (state !== 'starting') return;
          state = 'running';
          resolve({
            url: message.url,
            port: message.port,
            database: message.database,
            call: (name, input, token) => request({ kind: 'call', name, input, token }),
            authorize: (name, token) => request({ kind: 'authorize', name, token }),
            exportFile: (name, input, token, file) => request({ kind: 'export', name, input, token, file }),
            importFile: (name, input, token, file) => request({ kind: 'importFile', name, input, token, file }),
            onEvent(listener) {
              listeners.add(listener);
              return () => listeners.delete(listener);
            },
            close,
          });
          return;
        case 'start-failed':
          if (state !== 'starting') return;
          reject(new Error(message.message));
          void close();
          return;
      }
    });
    child.on('exit', (code) => {
      const was = state;
      state = 'exited';
      for (const done of pending.values()) done(NOT_RUNNING);
      pending.clear();
      markExited();
      if (was === 'starting') reject(new Error(`The desk's host stopped while starting (exit code ${code}).`));
      else if (was === 'running') onCrash(code);
    });
    if (!post({ kind: 'start', options })) {
      reject(new Error("The desk's host could not be started."));
      void close();
    }
  });
}
