/** Where the host listens unless told otherwise; apart from host.ts so `serve --help` loads nothing else. */
export const DEFAULT_PORT = 8787;
/** While the LAN API is off (the default) the host listens on loopback only. */
export const DEFAULT_HOST = '127.0.0.1';
/** The address the LAN API binds once an admin turns it on: every interface. */
export const DEFAULT_LAN_HOST = '0.0.0.0';
