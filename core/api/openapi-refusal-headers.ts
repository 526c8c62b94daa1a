/**
 * The refusal headers in the OpenAPI document. Every refusal over HTTP carries its stable code in
 * `X-Frontdesk-Reason` and the code's values in `X-Frontdesk-Reason-Params` (error-handler.ts
 * `sendError`), beside a body that stays `{"error": "…"}`. The document describes both once, under
 * `components.headers`, and every 4xx answer of every operation refers to them — except 413 and 415,
 * which Fastify answers before any of our code runs, 431, which Node answers before Fastify, and
 * 405 (a method the path does not take), all without a code. Neither header is required: a
 * refusal without a code (a malformed URL) has none, and one without values has no params.
 */
/**
 * The headers' names as the document spells them: shared/errors.ts's REASON_HEADER and
 * REASON_PARAMS_HEADER, which the error handler sends (HTTP header names are case-insensitive).
 */
export const REFUSAL_HEADERS = ['X-Frontdesk-Reason', 'X-Frontdesk-Reason-Params'] as const;

/** Where the codes are listed, for the headers' descriptions. */
const WHERE_LISTED =
  'The codes are listed, with their English text and the values each takes, as the `reason.<code>` keys of the desk\'s ' +
  'dictionaries: `renderer/src/i18n/refusal-text.ts` and each domain\'s `renderer/src/<domain>/<domain>-text.ts` ' +
  '(docs/stays-desk.md, "Refusal codes").';

const HEADER_DOCS: Record<(typeof REFUSAL_HEADERS)[number], object> = {
  'X-Frontdesk-Reason': {
    description:
      'Why the request was refused, as a stable code `<domain>.<name>` (`stays.roomTakenByStay`, `input.invalidFields`, ' +
      '`auth.roleForbidden`) that a client translates to say the refusal in its own language; the body\'s `error` stays the ' +
      `English message. Sent with every refusal that has a code. ${WHERE_LISTED}`,
    required: false,
    schema: { type: 'string', examples: ['stays.roomTakenByStay'] },
  },
  'X-Frontdesk-Reason-Params': {
    description:
      'The values of the code in `X-Frontdesk-Reason` (the `{placeholders}` of its text), as percent-encoded JSON ' +
      '(`encodeURIComponent(JSON.stringify(params))`: a header is ASCII, guest names are not); string and number values ' +
      'only. Sent only when the code has values. A caller outside the desk (a `client`) is never told another guest\'s ' +
      `data: a conflict then says only that the room is taken. ${WHERE_LISTED}`,
    required: false,
    schema: { type: 'string', examples: [encodeURIComponent(JSON.stringify({ room: 101, from: '2026-06-01', to: '2026-06-05' }))] },
  },
};

/** Whether answers with this status may carry the refusal headers: every 4xx but Fastify's own 413 and 415, the 405 of a wrong method and Node's 431. */
export function carriesRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 405 && status !== 413 && status !== 415 && status !== 431;
}

interface DocumentShape {
  components?: Record<string, unknown> & { headers?: Record<string, unknown> };
  paths?: Record<string, Record<string, { responses?: Record<string, { headers?: Record<string, unknown> }> }>>;
}

/** The generated document with the refusal headers described once and referred to by every 4xx answer. */
export function withRefusalHeaders<T extends object>(document: T): T {
  const doc = document as DocumentShape;
  doc.components = { ...doc.components, headers: { ...doc.components?.headers, ...HEADER_DOCS } };
  const refs = Object.fromEntries(REFUSAL_HEADERS.map((name) => [name, { $ref: `#/components/headers/${name}` }]));
  for (const operations of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (carriesRefusal(Number(status))) response.headers = { ...response.headers, ...refs };
      }
    }
  }
  return document;
}
