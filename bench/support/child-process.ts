/**
 * Runs a bench script in its own Node process (through tsx) with an IPC channel. The servers and the
 * load generators live in separate processes so that, on a 2-core machine, the host's event loop
 * never shares a thread with the client that loads it, and the host's memory is measured alone.
 */
import { fork, type ChildProcess } from 'node:child_process';

export interface BenchMessage {
  type: string;
  [key: string]: unknown;
}

export interface BenchChild {
  process: ChildProcess;
  send(message: BenchMessage): void;
  /** The next message of `type` (messages that arrive earlier are queued). */
  next<T extends object = BenchMessage>(type: string, timeoutMs?: number): Promise<T>;
  /** Sends `request` and waits for the reply of `replyType`. */
  ask<T extends object = BenchMessage>(request: BenchMessage, replyType: string, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

/** Starts `script` (TypeScript through tsx; a plain `.cjs`/`.mjs` file as is), with `v8Flags` on its command line. */
export function startChild(script: string, args: string[] = [], env: Record<string, string> = {}, v8Flags: readonly string[] = []): BenchChild {
  const child = fork(script, args, {
    execArgv: [...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), ...v8Flags],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const queue: BenchMessage[] = [];
  const waiters: { type: string; resolve(m: BenchMessage): void; reject(e: Error): void }[] = [];
  let exited: Error | undefined;

  child.on('message', (raw) => {
    const message = raw as BenchMessage;
    if (message.type === 'error') {
      const error = new Error(`${script}: ${String(message.message)}`);
      for (const w of waiters.splice(0)) w.reject(error);
      return;
    }
    const i = waiters.findIndex((w) => w.type === message.type);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(message);
    else queue.push(message);
  });
  child.on('exit', (code, signal) => {
    exited = new Error(`${script} exited (code ${code}, signal ${signal})`);
    for (const w of waiters.splice(0)) w.reject(exited);
  });

  const next = <T extends object>(type: string, timeoutMs = 600_000): Promise<T> => {
    const i = queue.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(queue.splice(i, 1)[0] as T);
    if (exited) return Promise.reject(exited);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script}: no "${type}" within ${timeoutMs} ms`)), timeoutMs);
      waiters.push({
        type,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  };

  return {
    process: child,
    send: (message) => child.send(message),
    next,
    ask(request, replyType, timeoutMs) {
      // Wait for the reply from before the request goes out, so a fast reply is never missed.
      const reply = next(replyType, timeoutMs);
      child.send(request);
      return reply as never;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise((r) => child.once('exit', r));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** In a child: handle the parent's requests; `stop` runs `onStop` and exits; a throw is reported. */
export function serveParent(handlers: Record<string, (m: BenchMessage) => Promise<BenchMessage | void> | BenchMessage | void>, onStop?: () => Promise<void>): void {
  // An orphan (the parent crashed or was killed) must not keep a server or a load running.
  process.on('disconnect', () => process.exit(1));
  process.on('message', (raw) => {
    const message = raw as BenchMessage;
    if (message.type === 'stop') {
      void (async () => {
        await onStop?.();
        process.exit(0);
      })();
      return;
    }
    const handler = handlers[message.type];
    if (!handler) {
      process.send!({ type: 'error', message: `unknown request ${message.type}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(message))
      .then(
        (reply) => reply && process.send!(reply),
        (e: unknown) => process.send!({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
      );
  });
}
