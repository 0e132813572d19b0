import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubClient, HubError } from '../../../electron/main/sync/hub-client';
import { readSnapshot } from '../../../electron/main/sync/snapshot-reader';
import type { PreparedLine } from '../../../electron/main/sync/snapshot-rows';

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

async function readAll(): Promise<PreparedLine[]> {
  const body = await new HubClient({ baseUrl: url, token: 't' }).snapshot();
  const read: PreparedLine[] = [];
  for await (const line of readSnapshot(body!, { baseUrl: url })) read.push(line);
  return read;
}

const header = { kind: 'header', hub: { storeId: 's', epoch: 'e' }, cursor: 2 } as const;
const rows = { kind: 'rows', entity: 'territory', rows: [['ter-1', 'Zürich – 東京 🚚', 1, 1], ['ter-2', 'Ålesund', 1, 2]] } as const;
const end = { kind: 'end', rows: 2 } as const;
const body = [header, rows, end].map((line) => JSON.stringify(line)).join('\n') + '\n';
/** The territories as the replica's INSERTs take them (id, name, version, change number), checked by the worker. */
const prepared: PreparedLine = { kind: 'rows', entity: 'territory', count: 2, tables: [{ cells: ['ter-1', 'Zürich – 東京 🚚', 1, 1, 'ter-2', 'Ålesund', 1, 2], keys: ['ter-1', 'ter-2'] }] };

describe('the snapshot stream read line by line', () => {
  it.each([1, 3, 7, 64])('gives every line intact however the bytes arrive (pieces of %i bytes)', async (size) => {
    pieces = cut(body, size);
    expect(await readAll()).toEqual([header, prepared, end]);
  });

  it('is malformed when the stream ends in the middle of a line', async () => {
    pieces = cut(body.slice(0, body.length - 5), 16);
    const error = await readAll().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).kind).toBe('malformed');
    expect((error as Error).message).toMatch(/ended its snapshot in the middle of a line/);
  });
});

/** An endless snapshot made on the spot: a header, then lines of `rowsPerLine` territories; counts the bytes handed out. */
function endlessSnapshot(rowsPerLine: number) {
  const counted = { bytes: 0, closed: false };
  async function* pieces(): AsyncGenerator<Uint8Array> {
    try {
      yield Buffer.from(JSON.stringify(header) + '\n');
      for (let n = 0; ; n++) {
        const line = { kind: 'rows', entity: 'territory', rows: Array.from({ length: rowsPerLine }, (_, i) => [`ter-${n}-${i}`, `Territory ${n}/${i}`, 1, n * rowsPerLine + i + 1]) };
        const piece = Buffer.from(JSON.stringify(line) + '\n');
        counted.bytes += piece.byteLength;
        yield piece;
      }
    } finally {
      counted.closed = true;
    }
  }
  return { counted, body: pieces() };
}

describe('the snapshot reader and a slow writer', () => {
  it('reads at most about 16 MB ahead of what was written, so a big snapshot never sits in memory whole', async () => {
    const { counted, body } = endlessSnapshot(1_000);
    const lines = readSnapshot(body, { baseUrl: url });
    expect((await lines.next()).value).toEqual(header);
    let written = 0;
    for (let i = 0; i < 5; i++) written += ((await lines.next()).value as { count: number }).count;
    expect(written).toBe(5_000);
    // The writer pauses: the reader must stop too, not read the endless stream into memory.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const ahead = counted.bytes;
    expect(ahead).toBeGreaterThan(1_000_000);
    expect(ahead).toBeLessThan(18 * 1024 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(counted.bytes, 'nothing more is read while nothing is written').toBe(ahead);
    await lines.return(undefined);
    await expect.poll(() => counted.closed, { timeout: 5_000 }).toBe(true);
  });

  it('stops reading the stream when the download stops before its end', async () => {
    const { counted, body } = endlessSnapshot(10);
    const lines = readSnapshot(body, { baseUrl: url });
    await lines.next();
    await lines.return(undefined);
    await expect.poll(() => counted.closed, { timeout: 5_000 }).toBe(true);
  });

  it('says so when its worker cannot start, rather than waiting for it', async () => {
    const { body } = endlessSnapshot(10);
    const lines = readSnapshot(body, { baseUrl: url, workerFile: '/nonexistent/snapshot-worker.js' });
    await expect(lines.next()).rejects.toThrow(/Cannot find module|snapshot reader's worker stopped/);
  });
});
