/**
 * How the UI reaches the core: one interface, two implementations (IPC inside Electron, HTTP +
 * WebSocket in a browser on the LAN). Stores talk only to this interface.
 */
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract/commands';
import type { LiveEvent } from '../../../shared/contract/events';
import type { StayExportQuery } from '../../../shared/contract/schemas';

export type ConnectionState = 'connecting' | 'live' | 'offline';

/** What the export dialog sends; the transport fills the defaults. */
export type ExportQuery = Partial<StayExportQuery>;
/** `{ path }` after a save dialog (`path: null` when the user cancelled), or 'downloaded' in a browser. */
export type ExportOutcome = { path: string | null; rows: number } | 'downloaded';

export interface Transport {
  readonly kind: 'ipc' | 'http';
  invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>>;
  onEvent(listener: (e: LiveEvent) => void): () => void;
  exportStays(query: ExportQuery): Promise<ExportOutcome>;
  /** Live-feed state; IPC is always live. Calls the listener at once with the current state. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

/**
 * The one error shape every refusal arrives in, whatever the transport: `code` is the core's error
 * code (`ROOM_UNAVAILABLE`, `VALIDATION`, …) or `NETWORK` when the server could not be reached.
 */
export class TransportError extends Error {
  readonly code: string;
  readonly status?: number;
  constructor(code: string, message: string, status?: number) {
    super(message);
    this.name = 'TransportError';
    this.code = code;
    if (status !== undefined) this.status = status;
  }
}

export function isTransportError(e: unknown): e is TransportError {
  return e instanceof TransportError;
}
