import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpErrorBody, SignInResponse } from '../../../shared/contract/hub-http';
import { ADMIN, api, signIn, signedInUser, startHub, type RunningHub } from './hub-process';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.stop();
});

describe('hub sign-in and roles', () => {
  it('signs the first administrator in with good credentials', async () => {
    const answer = await api<SignInResponse>(hub, '/api/v1/auth/sign-in', { body: { email: ADMIN.email, password: ADMIN.password } });
    expect(answer.status).toBe(200);
    expect(answer.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(answer.body.user).toMatchObject({ email: ADMIN.email, name: ADMIN.name, role: 'administrator' });
    expect(answer.body.expiresAt).toBeGreaterThan(Date.now() + 11 * 3600_000);
  });

  it('refuses a wrong password and an unknown e-mail with the same generic 401', async () => {
    const wrong = await api<HttpErrorBody>(hub, '/api/v1/auth/sign-in', { body: { email: ADMIN.email, password: 'not-the-password' } });
    const unknown = await api<HttpErrorBody>(hub, '/api/v1/auth/sign-in', { body: { email: 'nobody@example.com', password: 'whatever-it-is' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('answers 401 with a clear message to a route called without a token or with a bad one', async () => {
    const none = await api<HttpErrorBody>(hub, '/api/v1/sync/pull?cursor=0');
    expect(none.status).toBe(401);
    expect(none.body.error.message).toMatch(/Authorization: Bearer/);
    const bad = await api<HttpErrorBody>(hub, '/api/v1/sync/pull?cursor=0', { token: 'x'.repeat(43) });
    expect(bad.status).toBe(401);
    expect(bad.body.error.message).toMatch(/sign in again/);
  });

  it('lets an administrator create a dispatcher who can sign in, but a dispatcher may not create users (403)', async () => {
    const admin = await signIn(hub);
    const dispatcher = await signedInUser(hub, admin, 'dispatcher', 'dina.dispatcher@example.com');
    const pulled = await api(hub, '/api/v1/sync/pull?cursor=0&limit=1', { token: dispatcher });
    expect(pulled.status).toBe(200);
    const attempt = await api<HttpErrorBody>(hub, '/api/v1/users', {
      token: dispatcher,
      body: { email: 'eve@example.com', name: 'Eve', role: 'administrator', password: 'a-long-enough-password' },
    });
    expect(attempt.status).toBe(403);
    expect(attempt.body.error.message).toMatch(/administrator/);
  });

  it('refuses a duplicate e-mail (409) and a short password naming the field (400)', async () => {
    const admin = await signIn(hub);
    const duplicate = await api<HttpErrorBody>(hub, '/api/v1/users', { token: admin, body: { email: ADMIN.email, name: 'Again', role: 'dispatcher', password: 'a-long-enough-password' } });
    expect(duplicate.status).toBe(409);
    const short = await api<HttpErrorBody>(hub, '/api/v1/users', { token: admin, body: { email: 'x@example.com', name: 'X', role: 'dispatcher', password: 'short' } });
    expect(short.status).toBe(400);
    expect(short.body.error.issues?.[0]?.path).toBe('password');
  });

  it('ends the session on sign-out', async () => {
    const token = await signIn(hub);
    expect((await api(hub, '/api/v1/auth/sign-out', { token, method: 'POST' })).status).toBe(200);
    expect((await api(hub, '/api/v1/sync/pull?cursor=0', { token })).status).toBe(401);
  });

  it('turns away an e-mail after 10 failed sign-ins from the same address (429)', async () => {
    const admin = await signIn(hub);
    await signedInUser(hub, admin, 'back_office', 'bob.backoffice@example.com');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await api(hub, '/api/v1/auth/sign-in', { body: { email: 'bob.backoffice@example.com', password: `guess-${i}` } })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});
