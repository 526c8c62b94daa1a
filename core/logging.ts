/**
 * The host's log (issue 8 §6): structured JSON lines from Fastify's pino, to a rotating file in the
 * data folder (`<data>/logs/frontdesk.<date>.<n>.log`, pino-roll: a new file each day or at 10 MB,
 * the last 14 kept) and, for `npm run serve`, to the console as well.
 *
 * - **Level**: `--log-level` (serve) or `FRONTDESK_LOG_LEVEL` (serve and the desktop app):
 *   fatal, error, warn, info (default), debug, trace, silent.
 * - **One request id per request**: a fresh UUID, or the caller's own `X-Request-Id` when it is a
 *   short plain token; every line of that request carries it as `reqId`, and the answer returns it
 *   in `X-Request-Id` (core/api/build-server.ts).
 * - **Secrets never reach the log** (issue 18 item 7): bodies are not logged; the `Authorization`,
 *   `Cookie` and `Set-Cookie` headers and every password field of the contract (`password`,
 *   `newPassword`, `confirm_password`, `smtpPassword`, …: found by name in every command's input, so
 *   a new one is covered the day it is added) and `token`, `access_token`, `jwt`… are censored by
 *   pino's `redact`; the request serializer replaces a URL's query values named like a credential
 *   (`?jwt=`, `?token=`, `?access_token=`, `?key=`, Socket.IO's handshake) and anything shaped like a
 *   JWT anywhere in the URL with `[redacted]` before the URL is logged.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import { commands, type CommandDef } from '../shared/contract/commands';
import { DEFAULT_LOG_LEVEL, type LogLevel } from './log-levels';

export { DEFAULT_LOG_LEVEL, isLogLevel, LOG_LEVELS, type LogLevel } from './log-levels';

export const LOG_DIR_NAME = 'logs';
/** The active file is `frontdesk.<yyyy-MM-dd>.<n>.log` in `<data>/logs`. */
export const LOG_FILE_BASE = 'frontdesk';
export const LOG_ROTATE_SIZE = '10m';
export const LOG_FILES_KEPT = 14;
export const REDACTED = '[redacted]';

/** A field or query parameter whose name says it holds a credential. */
const SECRET_NAME = /pass|secret|token|jwt|auth|key|session|cookie|credential|bearer|signature|^sig$/i;

/** A field of the contract that holds a credential by its name (not `sessionHours`, which only mentions one). */
const SECRET_FIELD_NAME = /pass|secret|token|jwt/i;

/** The input fields of every command whose names say they hold a credential (`password`, `confirm_password`, `smtpPassword`…). */
function contractSecretFields(): string[] {
  const names = new Set<string>();
  const visit = (schema: unknown) => {
    const def = (schema as { _zod?: { def?: { shape?: Record<string, unknown>; options?: unknown[] } } })._zod?.def;
    for (const option of def?.options ?? []) visit(option);
    for (const key of Object.keys(def?.shape ?? {})) if (SECRET_FIELD_NAME.test(key)) names.add(key);
  };
  for (const def of Object.values(commands) as CommandDef[]) visit(def.input);
  return [...names];
}

/** Field names whose values are secrets wherever they appear. */
export const SECRET_FIELDS = [
  ...new Set(['password', 'newPassword', 'currentPassword', 'confirm_password', 'smtpPassword', 'token', 'access_token', 'refresh_token', 'jwt', 'authorization', 'cookie', 'secret', ...contractSecretFields()]),
];

/** What pino censors: the secret headers, and the secret fields at the top level and one or two levels down. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["set-cookie"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
];

/** A JSON Web Token (header.payload.signature, base64url; the header always starts `eyJ`), wherever it stands. */
const JWT_SHAPE = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/**
 * A URL fit for the log: the values of its credential-looking query parameters replaced
 * (`/bookings?jwt=…` → `?jwt=[redacted]`, `?api%5Fkey=…` too), and any JWT-shaped text, in the path
 * or under any other name, replaced as well.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const masked = url.replace(JWT_SHAPE, REDACTED);
  const q = masked.indexOf('?');
  if (q < 0) return masked;
  return `${masked.slice(0, q)}?${redactQuery(masked.slice(q + 1))}`;
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key);
      } catch {
        // a malformed escape: judged as written
      }
      return eq >= 0 && SECRET_NAME.test(name) ? `${key}=${REDACTED}` : pair;
    })
    .join('&');
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The request's id: the caller's `X-Request-Id` when it is a short plain token, else a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** What is logged of a request and an answer: never a body, never a header but these. */
export const logSerializers = {
  req: (req: { method?: string; url?: string; headers?: Record<string, unknown>; ip?: string; socket?: { remoteAddress?: string } }) => ({
    method: req.method,
    url: redactUrl(req.url),
    host: req.headers?.host,
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
    userAgent: req.headers?.['user-agent'],
  }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
  err: pino.stdSerializers.err,
};

const loggerOptions = (level: LogLevel): pino.LoggerOptions => ({
  level,
  base: { app: 'frontdesk', pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: REDACT_PATHS, censor: REDACTED },
  serializers: logSerializers,
});

/** A logger to stdout only, with the same redaction (a server built without the host's log file). */
export function consoleLogger(level: LogLevel): Logger {
  return pino(loggerOptions(level));
}

export interface LogOptions {
  level?: LogLevel;
  /** Also write to the console (stdout): `npm run serve`. */
  console?: boolean;
}

export interface HostLog {
  logger: Logger;
  /** The folder of the log files (`<data>/logs`). */
  dir: string;
  /** Writes out what is buffered and closes the file. */
  close(): Promise<void>;
}

/** Opens the rotating log file in `<dataDir>/logs` (created if missing) and the logger over it. */
export async function createHostLog(dataDir: string, options: LogOptions = {}): Promise<HostLog> {
  const level = options.level ?? DEFAULT_LOG_LEVEL;
  const dir = join(dataDir, LOG_DIR_NAME);
  const file = await pinoRoll({
    file: join(dir, LOG_FILE_BASE),
    extension: '.log',
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    size: LOG_ROTATE_SIZE,
    limit: { count: LOG_FILES_KEPT },
    mkdir: true,
  });
  const streams: pino.StreamEntry[] = [{ level: level === 'silent' ? 'fatal' : level, stream: file }];
  if (options.console) streams.push({ level: level === 'silent' ? 'fatal' : level, stream: process.stdout });
  const logger = pino(loggerOptions(level), pino.multistream(streams));
  let closing: Promise<void> | undefined;
  return {
    logger,
    dir,
    close() {
      closing ??= new Promise<void>((resolve) => {
        logger.flush();
        file.once('close', () => resolve());
        file.once('error', () => resolve());
        file.end();
      });
      return closing;
    },
  };
}
