/** A failed HTTP answer (`{"error": "…"}` with its status) as the one error type. Pure: tested in Node. */
import { decodeReasonParams, errorStatus, REASON_HEADER, REASON_PARAMS_HEADER } from '../../../shared/errors';
import { TransportError } from './transport';

const codeForStatus = new Map<number, string>();
for (const [code, status] of Object.entries(errorStatus)) {
  // The first code listed for a status names it (409 → ROOM_UNAVAILABLE would be too specific).
  if (!codeForStatus.has(status) || code === 'CONFLICT') codeForStatus.set(status, code);
}

/** A code the body names itself, when it is one of ours and fits the status (403 FORBIDDEN vs PASSWORD_CHANGE_REQUIRED). */
function namedCode(body: { code?: unknown }, status: number): string | undefined {
  const code = body.code;
  return typeof code === 'string' && (errorStatus as Record<string, number>)[code] === status ? code : undefined;
}

/** `Retry-After` in seconds (RFC 9110 also allows a date; the host sends seconds). */
export function retryAfterSeconds(header: string | null | undefined): number | undefined {
  return header && /^\d+$/.test(header.trim()) ? Number(header.trim()) : undefined;
}

/** The headers of a failed answer that errorFromResponse reads. */
export interface ErrorHeaders {
  get(name: string): string | null;
}

/**
 * Turns a failed response (`{"error": "…"}` with its status) into the one error type; the refusal's
 * reason and params come from the `X-Frontdesk-Reason` headers (the body stays the seeds' shape).
 */
export function errorFromResponse(status: number, bodyText: string, headers?: ErrorHeaders | null): TransportError {
  let message = '';
  let code: string | undefined;
  try {
    const body = JSON.parse(bodyText) as { error?: unknown; message?: unknown; code?: unknown };
    if (typeof body.error === 'string') message = body.error;
    else if (typeof body.message === 'string') message = body.message;
    code = namedCode(body, status);
  } catch {
    message = '';
  }
  code ??= codeForStatus.get(status) ?? (status >= 500 ? 'INTERNAL' : 'HTTP_ERROR');
  const reason = headers?.get(REASON_HEADER) ?? undefined;
  const params = decodeReasonParams(headers?.get(REASON_PARAMS_HEADER));
  return new TransportError(code, message || `Request failed (${status})`, status, retryAfterSeconds(headers?.get('retry-after')), {
    ...(reason ? { reason } : {}),
    ...(params ? { params } : {}),
  });
}

/**
 * The whole body of a download, or a refusal: a server whose export stops part-way closes the
 * connection without the transfer's end (core/export/export-thread.ts), the browser's read of the
 * body then fails, and nothing is saved — never a short file that looks whole.
 */
export async function completeBody(res: Response): Promise<Blob> {
  try {
    return await res.blob();
  } catch {
    throw new TransportError('INTERNAL', 'The export stopped before it was complete', res.status, undefined, { reason: 'export.incomplete' });
  }
}
