/**
 * The bearer token of a browser's session with the host (HTTP transport only; over IPC the desk's
 * session is held by the Electron main process and the page never sees a token). Kept in
 * sessionStorage: the session lasts while the tab is open and ends with it, and other tabs or sites
 * cannot read it. Reached through `globalThis` and typed here, so the session store loads in Node.
 */
export const SESSION_TOKEN_KEY = 'frontdesk.token';

interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function storage(): TokenStorage | undefined {
  return (globalThis as { sessionStorage?: TokenStorage }).sessionStorage;
}

export function readStoredToken(): string | null {
  try {
    return storage()?.getItem(SESSION_TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token) storage()?.setItem(SESSION_TOKEN_KEY, token);
    else storage()?.removeItem(SESSION_TOKEN_KEY);
  } catch {
    // storage disabled: the session then lasts only as long as this page's memory
  }
}
