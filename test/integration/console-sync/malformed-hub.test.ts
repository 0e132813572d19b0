import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplica } from '../../../electron/main/db/open-replica';
import { readSyncState } from '../../../electron/main/db/queries/sync-state-queries';
import { HubClient, HubError } from '../../../electron/main/sync/hub-client';
import { pull } from '../../../electron/main/sync/pull';
import { failOnRebaseError, indexDefinitions, migratedIndexDefinitions, replicaFile } from './support/console';

let server: Server;
let url: string;
let answer: unknown;
/** The snapshot stream's body; null: a hub from before snapshots (404), so the console pages from zero. */
let snapshotBody: string | null = null;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v1/sync/snapshot')) {
      if (snapshotBody === null) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not_found","message":"no such route"}}');
      return void res.writeHead(200, { 'content-type': 'application/x-ndjson' }).end(snapshotBody);
    }
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

  const header = JSON.stringify({ kind: 'header', hub: { storeId: 's', epoch: 'e' }, cursor: 2 });
  const territory = JSON.stringify({ kind: 'rows', entity: 'territory', rows: [['ter-x', 'X', 1, 1]] });

  /** One line of `count` territories ter-1…; `as` gives some of them (by 1-based position) another id. */
  const territories = (count: number, as: Record<number, string> = {}) =>
    JSON.stringify({ kind: 'rows', entity: 'territory', rows: Array.from({ length: count }, (_, i) => [Object.hasOwn(as, i + 1) ? as[i + 1] : `ter-${i + 1}`, `Territory ${i + 1}`, 1, i + 1]) });

  it.each([
    ['a row that fails its schema', [header, territory, JSON.stringify({ kind: 'rows', entity: 'characteristic', rows: [['chr-x', '', 1, 2]] }), JSON.stringify({ kind: 'end', rows: 2 })], /invalid characteristic row "chr-x" \(row 2 of the snapshot\) \(name: /],
    ['a row with too few cells', [header, JSON.stringify({ kind: 'rows', entity: 'territory', rows: [['ter-x', 'X']] }), JSON.stringify({ kind: 'end', rows: 1 })], /malformed territory row "ter-x" \(row 1 of the snapshot\) \(a territory snapshot row has 2 cells, not 4\)/],
    // Rows go to SQLite 64 to a statement: a refused one is found and named, in a full batch or in the rest.
    ['a key sent twice (in a full batch)', [header, territories(100, { 40: 'ter-3' }), JSON.stringify({ kind: 'end', rows: 100 })], /territory row "ter-3" the replica refuses \(.*UNIQUE constraint failed: territories\.id/],
    ['a key sent twice (after the last full batch)', [header, territories(100, { 90: 'ter-3' }), JSON.stringify({ kind: 'end', rows: 100 })], /territory row "ter-3" the replica refuses/],
    ['no end line (cut off)', [header, territory], /ended before its end line/],
    ['an end line that miscounts', [header, territory, JSON.stringify({ kind: 'end', rows: 5 })], /counted 5 rows but sent 1/],
    ['a line that is not JSON', [header, '{"kind":"rows",'], /not JSON/],
    [
      'a row whose parent is not in it',
      [header, JSON.stringify({ kind: 'rows', entity: 'contact', rows: [['con-x', 'acc-missing', 'Nobody', 'nobody@example.com', '[]', 0, 1, 1]] }), JSON.stringify({ kind: 'end', rows: 1 })],
      /1 rows refer to rows that are not there \(first: contacts row \d+ → accounts\)/,
    ],
  ])('in a snapshot (%s) is an error, nothing of it is applied, and the next pull pages instead', async (_what, lines, message) => {
    const db = openReplica(replicaFile());
    try {
      snapshotBody = lines.join('\n') + '\n';
      const client = new HubClient({ baseUrl: url, token: 't' });
      const error = await pull(db, client, { actor: 'test', now: Date.now, onRebaseError: failOnRebaseError }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HubError);
      expect((error as HubError).kind).toBe('malformed');
      expect((error as Error).message).toMatch(message);
      expect(db.prepare('SELECT COUNT(*) FROM territories').pluck().get()).toBe(0);
      expect(readSyncState(db).cursor).toBe(0);
      expect(db.pragma('foreign_keys', { simple: true }), 'references are checked again after the snapshot').toBe(1);
      expect(indexDefinitions(db), 'the indexes dropped for the load are back').toEqual(migratedIndexDefinitions());
      answer = { hub: { storeId: 's', epoch: 'e' }, changes: [{ entity: 'territory', id: 'ter-y', version: 1, changeNumber: 1, deleted: false, data: { id: 'ter-y', name: 'Y' } }], cursor: 1, hasMore: false, latest: 1 };
      await pull(db, client, { actor: 'test', now: Date.now, onRebaseError: failOnRebaseError });
      expect(db.prepare('SELECT id FROM territories').pluck().all()).toEqual(['ter-y']);
    } finally {
      snapshotBody = null;
      db.close();
    }
  });
});
