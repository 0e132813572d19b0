import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startHub, type RunningHub } from './hub-process';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.stop();
});

describe('hub shutdown', () => {
  it('exits 0 within a few seconds of SIGTERM, even with an event stream open', async () => {
    const token = await signIn(hub);
    const stream = await fetch(`${hub.url}/api/v1/sync/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(stream.status).toBe(200);
    const exited = new Promise<number | null>((done) => hub.child.once('exit', (code) => done(code)));
    const startedAt = Date.now();
    hub.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    await stream.body?.cancel().catch(() => undefined);
  });
});
