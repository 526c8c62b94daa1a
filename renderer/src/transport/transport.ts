/**
 * How the UI reaches the core: one interface, two implementations (IPC inside Electron, HTTP +
 * WebSocket in a browser on the LAN). Stores talk only to this interface.
 */
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract/commands';
import type { LiveEvent } from '../../../shared/contract/events';
import type { FileExportName, FileImportName, ImportOpenResult } from '../../../shared/contract/ipc-channels';

export type ConnectionState = 'connecting' | 'live' | 'offline';

/** The CSV exports the UI can run: the contract's commands with the `export` flag (and IPC). */
export type ExportCommand = FileExportName;
/** An export's filters, delimiter and BOM (its command's input); the transport fills the defaults. */
export type ExportQuery<K extends ExportCommand = ExportCommand> = Partial<CommandInput<K>>;
/** The file imports the UI can run: the contract's commands with the `upload` flag (and IPC). */
export type ImportCommand = FileImportName;

/** `{ path }` after a save dialog (`path: null` when the user cancelled), or 'downloaded' in a browser. */
export type ExportOutcome = { path: string | null; rows: number } | 'downloaded';

/**
 * A refusal that concerns the session rather than the call (401, 403), from any command, an export
 * or the live feed (`command` is then `live`). The session store decides what it means.
 */
export type RefusalListener = (command: string, error: TransportError) => void;

export interface Transport {
  readonly kind: 'ipc' | 'http';
  invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>>;
  onEvent(listener: (e: LiveEvent) => void): () => void;
  /** Runs a CSV export: the save dialog and a file in the desktop app, a download in a browser. */
  exportCsv<K extends ExportCommand>(name: K, query: ExportQuery<K>): Promise<ExportOutcome>;
  /**
   * The desktop app's print-to-PDF with a save dialog (`path: null`: cancelled). Absent in a browser,
   * which prints with `window.print()` and the page's print stylesheet.
   */
  printPdf?(fileName: string, title: string): Promise<{ path: string | null }>;
  /**
   * The desktop app's open dialog for an import (null: cancelled): main keeps the chosen file for the
   * window, and the next `importFile` reads it. Absent in a browser, which has its file field.
   */
  chooseImportFile?(title: string): Promise<ImportOpenResult>;
  /**
   * Runs a file import: in a browser `file` is sent as the request's body, streamed from disk (no
   * JSON limit); in the desktop app the host reads the file chosen in the open dialog (`file` unused).
   */
  importFile<K extends ImportCommand>(name: K, input: CommandInput<K>, file: Blob | null): Promise<CommandOutput<K>>;
  /** Live-feed state; IPC is always live. Calls the listener at once with the current state. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  onRefusal(listener: RefusalListener): () => void;
  /**
   * Opens the live feed once signed in, and closes it on sign-out: over HTTP the feed needs the
   * session's token. Over IPC the main process feeds the window itself.
   */
  setLive(on: boolean): void;
}

/**
 * The one error shape every refusal arrives in, whatever the transport: `code` is the core's error
 * code (`ROOM_UNAVAILABLE`, `VALIDATION`, …) or `NETWORK` when the server could not be reached.
 */
export class TransportError extends Error {
  readonly code: string;
  readonly status?: number;
  /** RATE_LIMITED: seconds until the next attempt is evaluated, when the server said. */
  readonly retryAfterSeconds?: number;
  /** The refusal's stable name (`stays.roomTaken`), which errorText translates as `reason.<reason>`. */
  readonly reason?: string;
  readonly params?: Readonly<Record<string, string | number>>;
  constructor(code: string, message: string, status?: number, retryAfterSeconds?: number, refusal?: { reason?: string; params?: Record<string, string | number> }) {
    super(message);
    this.name = 'TransportError';
    this.code = code;
    if (status !== undefined) this.status = status;
    if (retryAfterSeconds !== undefined) this.retryAfterSeconds = retryAfterSeconds;
    if (refusal?.reason !== undefined) this.reason = refusal.reason;
    if (refusal?.params !== undefined) this.params = refusal.params;
  }
}

export function isTransportError(e: unknown): e is TransportError {
  return e instanceof TransportError;
}

/** The listeners of `onRefusal`, and who counts as one: every 401 and 403. */
export function refusalListeners(): { on(listener: RefusalListener): () => void; check(command: string, error: unknown): void } {
  const listeners = new Set<RefusalListener>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    check(command, error) {
      if (!isTransportError(error) || (error.status !== 401 && error.status !== 403)) return;
      for (const l of listeners) l(command, error);
    },
  };
}
