/**
 * The little of a browser that the stores touch when their modules load (the URL hash, the language
 * remembered in localStorage, `<html lang>`), for store tests in Node. Import it first, before any
 * renderer module; each test file runs in its own process, so the globals end with it.
 */
const storage = new Map<string, string>();
const storageApi = {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
  clear: () => storage.clear(),
};

const g = globalThis as Record<string, unknown>;
g.window ??= {
  location: { hash: '', protocol: 'http:', origin: 'http://desk.test' },
  localStorage: storageApi,
  sessionStorage: storageApi,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
};
g.localStorage ??= storageApi;
g.sessionStorage ??= storageApi;
g.document ??= { documentElement: { lang: '' } };
