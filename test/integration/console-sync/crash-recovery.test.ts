import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { readEntity } from '../../../electron/main/db/entity-rows';
import { openReplica } from '../../../electron/main/db/open-replica';
import { pendingMutations } from '../../../electron/main/sync/outbox';
import { startDemoHub, startHub, stopChild, type HubProcess } from '../support/hub-process';
import { connect, replicaFile, startTestConsole, waitFor, type TestConsole } from './support/console';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
let hub: HubProcess | undefined;
const consoles: TestConsole[] = [];
afterAll(async () => {
  consoles.forEach((c) => c.close());
  await hub?.stop();
});

describe('crash recovery', () => {
  it('keeps every committed local mutation across a SIGKILL and pushes them all once the hub is back', async () => {
    hub = await startDemoHub();
    const dataFile = replicaFile();
    const first = startTestConsole({ dataFile, seedDemo: false });
    await connect(first, hub.url);
    first.close();
    await hub.stop();

    // Node itself with tsx's loader (not the tsx wrapper), so SIGKILL hits the writing process.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support', 'crash-writer.ts'), dataFile], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const committed: { mutationId: string; workOrderId: string }[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => committed.push(JSON.parse(line) as { mutationId: string; workOrderId: string }));
    // 'close' (not 'exit'): every line the child printed has been read by then.
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    await waitFor(() => committed.length >= 25 || child.exitCode !== null, 'the writer to commit 25 mutations', 30_000);
    expect(stderr).toBe('');
    child.kill('SIGKILL');
    await exited;
    const reported = [...committed];

    const db = openReplica(dataFile);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const queued = pendingMutations(db).map((m) => m.mutationId);
    // Every reported mutation is queued; at most one more committed before its line was printed.
    expect(queued.slice(0, reported.length)).toEqual(reported.map((r) => r.mutationId));
    expect(queued.length - reported.length).toBeGreaterThanOrEqual(0);
    expect(queued.length - reported.length).toBeLessThanOrEqual(1);
    for (const r of reported) expect(readEntity(db, 'workOrder', r.workOrderId)).toBeDefined();
    db.close();
    await stopChild(child);

    hub = await startHub({ dataDir: hub.dataDir, port: hub.port });
    const recovered = startTestConsole({ dataFile, seedDemo: false });
    consoles.push(recovered);
    await waitFor(() => recovered.services.sync.status().pendingCount === 0 && recovered.services.sync.status().connection === 'online', 'the recovered outbox to drain');
    expect(recovered.services.sync.status().refusedCount).toBe(0);

    // The hub has them: a brand-new console pulls every one of them.
    const other = startTestConsole({ seedDemo: false });
    consoles.push(other);
    await connect(other, hub.url);
    for (const r of reported) expect(readEntity(other.services.db, 'workOrder', r.workOrderId), r.workOrderId).toBeDefined();
  });
});
