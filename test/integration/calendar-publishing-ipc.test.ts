import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiDispatcher, type ApiDispatcher } from '../../electron/main/ipc/register';
import { startConsoleServices, type ConsoleServices } from '../../electron/main/services';
import { HubClient, HubError } from '../../electron/main/sync/hub-client';

/**
 * Portal → Calendars at the IPC boundary: payloads are checked against the contract (every
 * refusal names the field), nothing reaches the hub without a session, and what a hub answers
 * is checked before the screen sees it.
 */
let services: ConsoleServices;
let dispatch: ApiDispatcher;

beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dd-calendars-ipc-'));
  services = startConsoleServices({ dataFile: path.join(dir, 'replica.sqlite'), appVersion: 'test', runtime: 'browser-host' });
  dispatch = createApiDispatcher(services, () => undefined);
});
afterAll(() => services.close());

const target = { url: 'https://dav.example.com/alex/work/', username: 'alex', password: 'secret', enabled: true };

async function refusal(method: string, payload: unknown): Promise<{ code: string; message: string }> {
  const result = await dispatch(method, payload);
  if (result.ok) throw new Error(`${method} was accepted`);
  return result.error;
}

describe('calendar publishing requests', () => {
  it('refuses a CalDAV target that is not an http(s) address, an empty password, unknown fields, with the field named', async () => {
    expect(await refusal('saveCaldavTarget', { resourceId: 'r-1', target: { ...target, url: 'ftp://dav.example.com/' } })).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('target.url: must start with http:// or https://') });
    expect(await refusal('saveCaldavTarget', { resourceId: 'r-1', target: { ...target, url: 'dav.example.com' } })).toMatchObject({ message: expect.stringContaining('target.url: must be a full address') });
    expect(await refusal('saveCaldavTarget', { resourceId: 'r-1', target: { ...target, password: '' } })).toMatchObject({ message: expect.stringContaining('target.password: must not be empty') });
    expect(await refusal('saveCaldavTarget', { resourceId: 'r-1', target: { ...target, username: '   ' } })).toMatchObject({ message: expect.stringContaining('target.username: is required') });
    expect((await refusal('saveCaldavTarget', { resourceId: 'r-1', target: { ...target, token: 'x' } })).message).toMatch(/target: .*token/);
    expect((await refusal('saveCaldavTarget', { resourceId: 'r-1', target: { ...target, enabled: 'yes' } })).message).toContain('target.enabled');
  });

  it('refuses a missing or oversized technician id and extra fields', async () => {
    expect((await refusal('rotateCalendarFeed', {})).message).toContain('resourceId');
    expect((await refusal('pushCaldavNow', { resourceId: 'x'.repeat(65) })).message).toContain('resourceId: is too long');
    expect((await refusal('rotateCalendarFeed', { resourceId: 'r-1', url: 'x' })).message).toMatch(/url/);
  });

  it('answers a valid request without a hub session with "connect first", never a call to nowhere', async () => {
    for (const [method, payload] of [['getCalendarPublishing', {}], ['rotateCalendarFeed', { resourceId: 'r-1' }], ['saveCaldavTarget', { resourceId: 'r-1', target }], ['pushCaldavNow', { resourceId: 'r-1' }]] as const) {
      expect(await refusal(method, payload)).toEqual({ code: 'not_connected', message: expect.stringContaining('This screen does not work offline or on demo data.') });
    }
  });
});

describe("the hub's answers", () => {
  let server: Server;
  let client: HubClient;
  let answer: { status: number; body: unknown };
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new HubClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 't' });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a malformed publishing state, naming what is wrong', async () => {
    answer = { status: 200, body: { technicians: [{ resourceId: 'r-1', name: 'Ann', timeZone: 'Mars/Olympus', feedIssuedAt: null, caldav: null }] } };
    await expect(client.calendarPublishing()).rejects.toThrow(/technicians\.0\.timeZone: is not a known IANA time zone/);
    answer = { status: 200, body: { resourceId: 'r-1', url: 'javascript:alert(1)' } };
    await expect(client.rotateCalendarFeed('r-1')).rejects.toBeInstanceOf(HubError);
  });

  it('takes a 404 on the publishing route for a hub without it, and keeps the reason of other refusals', async () => {
    answer = { status: 404, body: { error: { code: 'not_found', message: 'There is no route GET /api/v1/calendar-publishing.' } } };
    await expect(client.calendarPublishing()).resolves.toBeUndefined();
    answer = { status: 400, body: { error: { code: 'invalid_request', message: 'Invalid CalDAV target: url: must start with http:// or https://' } } };
    await expect(client.saveCaldavTarget('r-1', target)).rejects.toMatchObject({ kind: 'rejected', message: 'Invalid CalDAV target: url: must start with http:// or https://' });
  });
});
