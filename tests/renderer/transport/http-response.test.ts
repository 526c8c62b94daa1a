/**
 * A browser's CSV download is saved only when the whole body arrived: a server whose export stops
 * part-way cuts the transfer off (core/export/export-thread.ts), and the read of such a body fails.
 * Then nothing is saved and the refusal is `export.incomplete` (the desk says it in its language).
 */
import { describe, expect, it } from 'vitest';
import { completeBody } from '../../../renderer/src/transport/http-response';
import { TransportError } from '../../../renderer/src/transport/transport';

function responseOf(chunks: string[], failAtEnd: boolean): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      if (failAtEnd) controller.error(new TypeError('terminated'));
      else controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/csv' } });
}

describe('completeBody', () => {
  it('hands over a body that arrived whole', async () => {
    expect(await (await completeBody(responseOf(['a,b\r\n', '1,2\r\n'], false))).text()).toBe('a,b\r\n1,2\r\n');
  });

  it('refuses a body cut off part-way with export.incomplete, keeping none of it', async () => {
    const refusal = await completeBody(responseOf(['a,b\r\n', '1,2\r\n'], true)).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(TransportError);
    expect(refusal).toMatchObject({ code: 'INTERNAL', status: 200, reason: 'export.incomplete' });
  });
});
