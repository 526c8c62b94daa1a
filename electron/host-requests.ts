/**
 * What the host process does with main's requests: turn the token into a caller (`core.contextFor`),
 * then call the core, or authorize an export and write its file. Every request gets one
 * `{ ok, value } | { ok, error }` answer: an `AppError` crosses as its code and message, anything
 * else as INTERNAL with nothing of its internals (they go to this process's log).
 *
 * Main has already checked the sender and validated the input against the contract's schema; the
 * core authorizes every call itself, whoever sends it.
 */
import { exportPlan, writeCsvExportFile } from '../core/composition/csv-export';
import type { CsvOptions } from '../core/export/export-def';
import { createHost, type Host, type HostOptions } from '../core/host';
import { runFileImport } from '../core/imports/import-file';
import type { ParsedInput } from '../shared/contract/commands';
import { DEFAULT_LOG_LEVEL, isLogLevel } from '../core/log-levels';
import { INTERNAL_MESSAGE, isAppError, refusalFor } from '../shared/errors';
import { isFileExport, type HostRequest, type HostResult, type HostStartOptions } from './host-protocol';

type LogError = (what: string, error: unknown) => void;

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/**
 * The desk must open even when another program holds its port: then the REST server takes any free
 * one (until an admin sets the LAN port).
 */
export async function startDeskHost(options: HostStartOptions, create: (options: HostOptions) => Promise<Host> = createHost): Promise<Host> {
  const { dataDir, rendererDir, migrationsDir, port } = options;
  // The desk's log: a rotating file in its data folder, at FRONTDESK_LOG_LEVEL (core/logging.ts).
  const level = process.env.FRONTDESK_LOG_LEVEL?.trim().toLowerCase() ?? '';
  const log = { level: isLogLevel(level) ? level : DEFAULT_LOG_LEVEL };
  try {
    return await create({ dataDir, rendererDir, migrationsDir, log, ...(port === undefined ? {} : { port }) });
  } catch (error) {
    if (errorCode(error) !== 'EADDRINUSE') throw error;
    const taken = (error as { port?: unknown }).port ?? port;
    console.warn(`[desk] port ${String(taken)} is taken; the REST API listens on a free port instead`);
    return create({ dataDir, rendererDir, migrationsDir, log, port: 0 });
  }
}

function defaultLogError(what: string, error: unknown): void {
  console.error(`[host] ${what} failed`, error);
}

export function createHostRequestHandler(host: Pick<Host, 'core'>, logError: LogError = defaultLogError): (request: HostRequest) => Promise<HostResult> {
  const { core } = host;

  async function answer(request: HostRequest): Promise<unknown> {
    const ctx = await core.contextFor(request.token, { via: 'ipc' });
    switch (request.kind) {
      case 'call':
        return core.call(request.name, request.input as never, ctx);
      case 'authorize':
        core.authorize(request.name, ctx);
        return isFileExport(request.name) ? exportPlan(host, request.name) : null;
      case 'export':
        core.authorize(request.name, ctx);
        // The same way to the file as the HTTP download's (core/composition/csv-export.ts), audited alike.
        return writeCsvExportFile(host, request.name, request.input as CsvOptions, ctx, request.file);
      case 'importFile':
        core.authorize(request.name, ctx);
        // The same pipeline as an upload's (core/imports/import-file.ts): the worker reads the file where it is.
        return runFileImport(core.services, request.input as ParsedInput<typeof request.name>, request.file, ctx);
    }
  }

  return async (request) => {
    try {
      return { kind: 'result', id: request.id, ok: true, value: await answer(request) };
    } catch (error) {
      if (isAppError(error)) {
        // An internal failure told as a refusal (an export that stopped: export.notSaved) still goes to the log, with its cause.
        if (error.code === 'INTERNAL') logError(request.kind === 'call' ? request.name : `${request.kind} ${request.name}`, error);
        const retry = error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds };
        // The desk's own window: a client never signs in here, so the desk's refusal is told in full.
        const refusal = refusalFor(error, true) ?? {};
        return { kind: 'result', id: request.id, ok: false, error: { code: error.code, message: error.message, ...retry, ...refusal } };
      }
      logError(request.kind === 'call' ? request.name : `${request.kind} ${request.name}`, error);
      return { kind: 'result', id: request.id, ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
    }
  };
}
