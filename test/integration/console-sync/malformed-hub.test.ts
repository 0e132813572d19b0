import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplica } from '../../../electron/main/db/open-replica';
import { readSyncState } from '../../../electron/main/db/queries/sync-state-queries';
import { HubClient, HubError } from '../../../electron/main/sync/hub-client';
import { pull } from '../../../electron/main/sync/pull';
import { failOnRebaseError, replicaFile } from './support/console';

let server: Server;
let url: string;
let answer: unknown;
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a hub that answers malformed data', () => {
  it('is an error and nothing of the page is applied', async () => {
    const db = openReplica(replicaFile());
    try {
      answer = {
        changes: [
          { entity: 'territory', id: 'ter-x', version: 1, changeNumber: 1, deleted: false, data: { id: 'ter-x', name: 'X' } },
          { entity: 'booking', id: 'b-1', version: 1, changeNumber: 2, deleted: false, data: { id: 'b-1', start: 'yesterday' } },
        ],
        cursor: 2,
        hasMore: false,
        latest: 2,
      };
      const error = await pull(db, new HubClient({ baseUrl: url, token: 't' }), { actor: 'test', now: Date.now, onRebaseError: failOnRebaseError }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HubError);
      expect((error as HubError).kind).toBe('malformed');
      expect((error as Error).message).toMatch(/changes\.1\.data/);
      expect(db.prepare('SELECT COUNT(*) FROM territories').pluck().get()).toBe(0);
      expect(readSyncState(db).cursor).toBe(0);
    } finally {
      db.close();
    }
  });
});
