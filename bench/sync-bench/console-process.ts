import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ConsoleOp, ConsoleOps, ConsoleReply } from './console-protocol';
import { stopChild } from './hub';

/** The benchmark's side of a console child process: typed request/reply over the IPC channel. */
export interface ConsoleProcess {
  pid: number;
  call<K extends ConsoleOp>(op: K, args: ConsoleOps[K]['args']): Promise<ConsoleOps[K]['result']>;
  /** Closes the console's services (replica file closed cleanly), then ends the process. */
  exit(): Promise<void>;
}

const script = path.join(import.meta.dirname, 'console-child.ts');

export async function startConsoleProcess(dataFile: string, snapshotWorkerFile: string): Promise<ConsoleProcess> {
  // node --import tsx directly, so the pid is the console's own process (see hub.ts).
  const child = fork(script, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (reply: ConsoleReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.result);
    else waiter?.reject(new Error(`console ${child.pid}: ${reply.error}`));
  });
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`The console process exited (${code}).`));
    pending.clear();
  });
  let nextId = 0;
  const call = <K extends ConsoleOp>(op: K, args: ConsoleOps[K]['args']) =>
    new Promise<ConsoleOps[K]['result']>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, op, args });
    });
  await call('start', { dataFile, snapshotWorkerFile });
  return { pid: child.pid ?? -1, call, exit: () => exitConsole(child, call) };
}

async function exitConsole(child: ChildProcess, call: ConsoleProcess['call']): Promise<void> {
  await call('close', {}).catch(() => undefined);
  child.disconnect();
  await stopChild(child);
}
