/**
 * The API under test over `inject`: a real core on a fresh database of the run's engine (tests/support/test-core.ts)
 * behind the real `buildServer`, with one-line helpers per method. Bodies come back parsed when
 * they are JSON, as text otherwise.
 *
 * Every route but a few needs a token, so requests go signed in: by default as the first admin
 * (created with TEST_ADMIN_PASSWORD and signed in through the real sign-in). A request may ask to go
 * `as: 'staff' | 'client' | 'admin' | 'anonymous'` (a user of that role is created and signed in on
 * first use), or bring its own `authorization` header, which is then sent as it is.
 *
 * Every answer is checked against the API document (openapi-conformance.ts): an undocumented status
 * or a body that differs from its documented schema throws in the test that received it.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildServer, type BuildServerOptions } from '../../core/api/build-server';
import type { Role } from '../../shared/contract/roles';
import { assertConformant, checkResponsesAgainstDocs } from './openapi-conformance';
import { signIn, signInFirstAdmin, type CallerAs, type Session } from './sessions';
import { createTestCore, type TestCore, type TestCoreOptions } from './test-core';

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  /** The body as received. */
  text: string;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface RequestOptions {
  /** Who sends it (default: the API's `as`). Ignored when `headers` has an `authorization`. */
  as?: CallerAs;
  headers?: Record<string, string>;
}

export type RawOptions = Exclude<InjectOptions, string> & { as?: CallerAs };

/** The request helpers, bound to one caller by default. */
export interface TestRequests {
  get<T = unknown>(url: string, options?: RequestOptions): Promise<TestResponse<T>>;
  delete<T = unknown>(url: string, options?: RequestOptions): Promise<TestResponse<T>>;
  post<T = unknown>(url: string, body?: unknown, options?: RequestOptions): Promise<TestResponse<T>>;
  put<T = unknown>(url: string, body?: unknown, options?: RequestOptions): Promise<TestResponse<T>>;
  patch<T = unknown>(url: string, body?: unknown, options?: RequestOptions): Promise<TestResponse<T>>;
  raw<T = unknown>(options: RawOptions): Promise<TestResponse<T>>;
}

export interface TestApi extends TestRequests {
  t: TestCore;
  app: FastifyInstance;
  /** The same helpers, sent as `who` unless a request says otherwise. */
  as(who: CallerAs): TestRequests;
  /** The signed-in user of `role` the helpers use (created and signed in on first use). */
  session(role: Role): Promise<Session>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  core?: TestCoreOptions;
  server?: Partial<BuildServerOptions>;
  /**
   * The first admin: signed in with TEST_ADMIN_PASSWORD (default); `default`: seed 002's first-run
   * `admin`/`admin` that must change its password (requests then default to anonymous); `none`: no user.
   */
  firstAdmin?: 'password' | 'default' | 'none';
  /** Who requests go as by default: `admin` (or `anonymous` when there is no usable admin). */
  as?: CallerAs;
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function hasAuthorization(headers: InjectOptions['headers']): boolean {
  return Object.keys(headers ?? {}).some((k) => k.toLowerCase() === 'authorization');
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const t = await createTestCore(options.core);
  const firstAdmin = options.firstAdmin ?? 'password';
  const sessions = new Map<Role, Promise<Session>>();
  if (firstAdmin === 'password') sessions.set('admin', signInFirstAdmin(t.core));
  else if (firstAdmin === 'default') await t.core.auth.ensureFirstRunAdmin();
  const session = (role: Role): Promise<Session> => {
    let s = sessions.get(role);
    if (!s) {
      s = signIn(t.core, role);
      sessions.set(role, s);
    }
    return s;
  };
  await sessions.get('admin');
  const app = await buildServer(t.core, { ...options.server });
  // Every answer is checked against the API document; a test receiving one that differs fails.
  const conformance = checkResponsesAgainstDocs(app);

  const requests = (defaultAs: CallerAs): TestRequests => {
    const raw = async <T>({ as = defaultAs, ...o }: RawOptions): Promise<TestResponse<T>> => {
      const headers: Record<string, string | string[] | number | undefined> = { ...o.headers };
      if (as !== 'anonymous' && !hasAuthorization(headers)) headers.authorization = `Bearer ${(await session(as)).token}`;
      const res = await app.inject({ ...o, headers });
      assertConformant(conformance);
      return { status: res.statusCode, body: parseBody(res.body) as T, text: res.body, headers: res.headers };
    };
    const noBody =
      (method: 'GET' | 'DELETE') =>
      <T>(url: string, r: RequestOptions = {}) =>
        raw<T>({ method, url, as: r.as, headers: r.headers });
    const withBody =
      (method: 'POST' | 'PUT' | 'PATCH') =>
      <T>(url: string, body?: unknown, r: RequestOptions = {}) =>
        raw<T>({ method, url, as: r.as, headers: r.headers, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) });
    return { raw, get: noBody('GET'), delete: noBody('DELETE'), post: withBody('POST'), put: withBody('PUT'), patch: withBody('PATCH') };
  };

  return {
    t,
    app,
    ...requests(options.as ?? (firstAdmin === 'password' ? 'admin' : 'anonymous')),
    as: requests,
    session,
    async close() {
      await app.close();
      await t.close();
    },
  };
}
