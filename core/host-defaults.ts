/** Where the host listens unless told otherwise; apart from host.ts so `serve --help` loads nothing else. */
export const DEFAULT_PORT = 8787;
/** Loopback only: the LAN sees the API when the admin or `--host 0.0.0.0` says so. */
export const DEFAULT_HOST = '127.0.0.1';
