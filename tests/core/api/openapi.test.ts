import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, type CommandDef } from '../../../shared/contract/commands';
import { startTestApi, type TestApi } from '../../support/http-client';

interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { operationId?: string; requestBody?: { content: Record<string, { schema: { required?: string[] } }> }; parameters?: { name: string; in: string }[] }>>;
}

let api: TestApi;
let doc: OpenApiDoc;

beforeAll(async () => {
  api = await startTestApi();
  const res = await api.get<OpenApiDoc>('/docs/json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(() => api.close());

const openApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');

describe('OpenAPI at /docs', () => {
  it('is titled "Frontdesk API" with the app version', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info).toMatchObject({ title: 'Frontdesk API', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it("lists seed 000's paths exactly", () => {
    expect(Object.keys(doc.paths['/bookings'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/bookings/export/csv']?.get).toBeDefined();
    expect(doc.paths['/bookings/']).toBeUndefined();
  });

  it('documents every command of the contract at its path and method', () => {
    for (const [name, def] of Object.entries(commands) as [string, CommandDef][]) {
      const op = doc.paths[openApiPath(def.http.path)]?.[def.http.method.toLowerCase()];
      expect(op, `${name}: ${def.http.method} ${def.http.path}`).toBeDefined();
    }
  });

  it("derives the request schemas from the contract's zod schemas", () => {
    const body = doc.paths['/bookings']!.post!.requestBody!.content['application/json']!.schema;
    expect(body.required).toEqual(expect.arrayContaining(['roomnumber', 'category', 'checkin', 'checkout']));
    const params = doc.paths['/api/v1/stays/{id}/check-in']!.post!.parameters ?? [];
    expect(params).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path' })]));
  });

  it('leaves out the docs, the WebSocket and the renderer', () => {
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/docs') || p === '/ws' || p === '/')).toEqual([]);
  });

  it('serves the docs page', async () => {
    const res = await api.raw({ method: 'GET', url: '/docs/' });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/text\/html/);
  });
});
