/**
 * The API under test over `inject`: a real core on a temp-file database (tests/support/test-core.ts)
 * behind the real `buildServer`, with one-line helpers per method. Bodies come back parsed when
 * they are JSON, as text otherwise.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildServer, type BuildServerOptions } from '../../core/api/build-server';
import { createTestCore, type TestCore, type TestCoreOptions } from './test-core';

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  /** The body as received. */
  text: string;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface TestApi {
  t: TestCore;
  app: FastifyInstance;
  get<T = unknown>(url: string): Promise<TestResponse<T>>;
  delete<T = unknown>(url: string): Promise<TestResponse<T>>;
  post<T = unknown>(url: string, body?: unknown): Promise<TestResponse<T>>;
  put<T = unknown>(url: string, body?: unknown): Promise<TestResponse<T>>;
  patch<T = unknown>(url: string, body?: unknown): Promise<TestResponse<T>>;
  raw<T = unknown>(options: InjectOptions): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  core?: TestCoreOptions;
  server?: Partial<Omit<BuildServerOptions, 'dbFile'>>;
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const t = createTestCore(options.core);
  const app = await buildServer(t.core, { dbFile: t.dbFile, ...options.server });
  const raw = async <T>(o: InjectOptions): Promise<TestResponse<T>> => {
    const res = await app.inject(o);
    return { status: res.statusCode, body: parseBody(res.body) as T, text: res.body, headers: res.headers };
  };
  const withBody =
    (method: 'POST' | 'PUT' | 'PATCH') =>
    <T>(url: string, body?: unknown) =>
      raw<T>(body === undefined ? { method, url } : { method, url, payload: body as InjectOptions['payload'] });
  return {
    t,
    app,
    raw,
    get: (url) => raw({ method: 'GET', url }),
    delete: (url) => raw({ method: 'DELETE', url }),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    async close() {
      await app.close();
      t.close();
    },
  };
}
