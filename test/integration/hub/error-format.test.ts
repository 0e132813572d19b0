import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange, type RawAnswer } from '../support/raw-http';
import { signIn, startHub, type RunningHub } from './hub-process';

/** Every 4xx, the framework's and Node's own included, answers `{ "error": { "code", "message" } }` (docs/hub.md). */

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.stop();
});

function expectDocumentedError(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(answer.body) as unknown;
  expect(body).toEqual({ error: { code, message: expect.stringMatching(/\S/) } });
}

const post = (path: string, headers: string, body: string) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
const get = (path: string, headers = '') => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`;

describe('hub error format', () => {
  it.each([
    ['a malformed %-escape in the path', get('/api/v1/%E0%A4%A'), 400, 'bad_url'],
    ['a %-escape that is not hex', get('/api/v1/health%ZZ'), 400, 'bad_url'],
    ['headers larger than 16 KB', get('/api/v1/health', `X-Filler: ${'a'.repeat(20_000)}\r\n`), 431, 'headers_too_large'],
    ['a request line larger than 16 KB', get(`/api/v1/${'a'.repeat(20_000)}`), 431, 'headers_too_large'],
    ['a request line that is not HTTP', 'NOT HTTP AT ALL\r\n\r\n', 400, 'bad_request'],
    ['a header name with a space', 'GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x\r\n\r\n', 400, 'bad_request'],
    ['a request without Host', 'GET /api/v1/health HTTP/1.1\r\nConnection: close\r\n\r\n', 400, 'bad_request'],
    ['an XML body', post('/api/v1/auth/sign-in', 'Content-Type: text/xml\r\n', '<a/>'), 415, 'unsupported_media_type'],
    ['a plain-text body', post('/api/v1/auth/sign-in', 'Content-Type: text/plain\r\n', 'hello'), 415, 'unsupported_media_type'],
    ['a body without a content type', post('/api/v1/auth/sign-in', '', '{}'), 415, 'unsupported_media_type'],
    ['broken JSON', post('/api/v1/auth/sign-in', 'Content-Type: application/json\r\n', '{"email":'), 400, 'invalid_json'],
    ['an empty JSON body', post('/api/v1/auth/sign-in', 'Content-Type: application/json\r\n', ''), 400, 'invalid_json'],
    ['a JSON body smuggling __proto__', post('/api/v1/auth/sign-in', 'Content-Type: application/json\r\n', '{"__proto__":{"admin":true}}'), 400, 'invalid_json'],
    ['a body over 5 MB', `POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 6000000\r\nConnection: close\r\n\r\n{`, 413, 'body_too_large'],
    ['a route that does not exist', get('/api/v1/nothing-here'), 404, 'not_found'],
    ['a method the route does not take', 'DELETE /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', 404, 'not_found'],
    ['a missing sign-in', get('/api/v1/sync/pull?cursor=0'), 401, 'unauthorized'],
  ])('answers %s in the documented format', async (_what, head, status, code) => {
    expectDocumentedError(await rawExchange({ port: hub.port, head }), status, code);
  });

  it('names the bad field of a bad query, also when its %-escape is broken', async () => {
    const token = await signIn(hub);
    const answer = await rawExchange({ port: hub.port, head: get('/api/v1/sync/pull?cursor=%ZZ', `Authorization: Bearer ${token}\r\n`) });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'invalid_request', issues: [{ path: 'cursor' }] } });
  });
});
