import { afterEach, describe, expect, it, vi } from 'vitest';
import { HubClient } from '../../../electron/main/sync/hub-client';

afterEach(() => vi.unstubAllGlobals());

function hubAnswering(body: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })));
  return new HubClient({ baseUrl: 'http://127.0.0.1:9', token: 't' });
}

describe('hub client push answers', () => {
  it('accepts every refusal code the hub sends, including its role check', async () => {
    const id = '0b9c4f5e-3c57-4f43-9d2b-7f0a7f8d1a11';
    const client = hubAnswering({ results: [{ id, status: 'refused', code: 'forbidden', reason: 'A back office may not moveBooking.' }] });
    await expect(client.push([{ id, name: 'moveBooking', args: {} }])).resolves.toEqual({
      results: [{ id, status: 'refused', code: 'forbidden', reason: 'A back office may not moveBooking.' }],
    });
  });

  it('still refuses an answer with an unknown refusal code as malformed', async () => {
    const id = '0b9c4f5e-3c57-4f43-9d2b-7f0a7f8d1a11';
    const client = hubAnswering({ results: [{ id, status: 'refused', code: 'because', reason: 'x' }] });
    await expect(client.push([{ id, name: 'moveBooking', args: {} }])).rejects.toMatchObject({ kind: 'malformed' });
  });
});
