/**
 * A store's `load`: what `read` answers is set with `loaded` on and the error cleared; a failure is
 * kept as `error` (the screen shows it) and thrown to the caller.
 */
export async function loadInto<State extends { loaded: boolean; error: unknown }>(set: (patch: Partial<State>) => void, read: () => Promise<Partial<State>>): Promise<void> {
  try {
    set({ ...(await read()), loaded: true, error: null } as Partial<State>);
  } catch (e) {
    set({ error: e } as Partial<State>);
    throw e;
  }
}
