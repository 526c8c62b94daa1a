/** A failed HTTP answer (`{"error": "…"}` with its status) as the one error type. Pure: tested in Node. */
import { errorStatus } from '../../../shared/errors';
import { TransportError } from './transport';

const codeForStatus = new Map<number, string>();
for (const [code, status] of Object.entries(errorStatus)) {
  // The first code listed for a status names it (409 → ROOM_UNAVAILABLE would be too specific).
  if (!codeForStatus.has(status) || code === 'CONFLICT') codeForStatus.set(status, code);
}

/** Turns a failed response (`{"error": "…"}` with its status) into the one error type. */
export function errorFromResponse(status: number, bodyText: string): TransportError {
  let message = '';
  try {
    const body = JSON.parse(bodyText) as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string') message = body.error;
    else if (typeof body.message === 'string') message = body.message;
  } catch {
    message = '';
  }
  const code = codeForStatus.get(status) ?? (status >= 500 ? 'INTERNAL' : 'HTTP_ERROR');
  return new TransportError(code, message || `Request failed (${status})`, status);
}
