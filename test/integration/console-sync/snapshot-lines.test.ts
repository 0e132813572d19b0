import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubClient, HubError } from '../../../electron/main/sync/hub-client';
import type { SnapshotLine } from '../../../shared/contract/snapshot-stream';

/** What the fake hub sends: the body cut into pieces, each written on its own after a pause. */
let pieces: Buffer[] = [];
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer(async (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    for (const piece of pieces) {
      res.write(piece);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** `body` cut every `size` bytes (so multi-byte characters and lines fall across pieces). */
function cut(body: string, size: number): Buffer[] {
  const bytes = Buffer.from(body, 'utf8');
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

async function readAll(): Promise<SnapshotLine[]> {
  const lines = await new HubClient({ baseUrl: url, token: 't' }).snapshot();
  const read: SnapshotLine[] = [];
  for await (const line of lines!) read.push(line);
  return read;
}

const header: SnapshotLine = { kind: 'header', hub: { storeId: 's', epoch: 'e' }, cursor: 2 };
const rows: SnapshotLine = { kind: 'rows', entity: 'territory', rows: [['ter-1', 'Zürich – 東京 🚚', 1, 1], ['ter-2', 'Ålesund', 1, 2]] };
const end: SnapshotLine = { kind: 'end', rows: 2 };
const body = [header, rows, end].map((line) => JSON.stringify(line)).join('\n') + '\n';

describe('the snapshot stream read line by line', () => {
  it.each([1, 3, 7, 64])('gives every line intact however the bytes arrive (pieces of %i bytes)', async (size) => {
    pieces = cut(body, size);
    expect(await readAll()).toEqual([header, rows, end]);
  });

  it('is malformed when the stream ends in the middle of a line', async () => {
    pieces = cut(body.slice(0, body.length - 5), 16);
    const error = await readAll().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).kind).toBe('malformed');
    expect((error as Error).message).toMatch(/ended its snapshot in the middle of a line/);
  });
});
