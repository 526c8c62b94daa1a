/**
 * The host process's line to its parent, the same whichever runs it: Electron's `process.parentPort`
 * in a utility process (messages arrive wrapped as `{ data }`), or Node's child_process IPC channel
 * (`process.send` / `process.on('message')`) when a test or benchmark 4 forks the host with plain
 * Node. The parent's own side of Node IPC is node-utility-process.ts.
 */

export interface HostPort {
  onMessage(listener: (message: unknown) => void): void;
  post(message: unknown): void;
  /** Called when the parent is gone (Node IPC only: Electron ends its utility processes itself). */
  onParentGone(listener: () => void): void;
}

interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

export function hostPort(): HostPort {
  const electronPort = (process as { parentPort?: ElectronParentPort | null }).parentPort;
  if (electronPort) {
    return {
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
      post: (message) => electronPort.postMessage(message),
      onParentGone: () => undefined,
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('The desk host must be started by the desk (a utility process or a forked child), not on its own.');
  return {
    onMessage: (listener) => process.on('message', listener),
    // After the parent has gone, nothing can be told; a late event or answer is dropped, not a crash.
    post: (message) => {
      if (process.connected) send(message);
    },
    onParentGone: (listener) => process.on('disconnect', listener),
  };
}
