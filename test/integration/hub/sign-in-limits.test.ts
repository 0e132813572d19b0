import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, signIn, signedInUser, startHub, type RunningHub } from './hub-process';

/**
 * Real parallel sign-ins against a real hub. Each test comes from its own loopback address
 * (127.0.0.N all reach the hub on 127.0.0.1), so the per-address limit of one test does not
 * spill into the next.
 */

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.stop();
});

interface Answer {
  status: number;
  body: { token?: string; error?: { code: string; message: string } };
  retryAfter: string | undefined;
}

/** POST /auth/sign-in from `from` (a 127.x.y.z address), on its own connection. */
function signInFrom(from: string, email: string, password: string): Promise<Answer> {
  const payload = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: hub.port, localAddress: from, method: 'POST', path: '/api/v1/auth/sign-in', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Answer['body'], retryAfter: res.headers['retry-after'] as string | undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const count = (answers: Answer[], status: number) => answers.filter((a) => a.status === status).length;

describe('sign-in rate limits under parallel guessing', () => {
  it('checks only 10 of 100 parallel wrong passwords for one account; the other 90 get 429 with Retry-After', async () => {
    const from = '127.0.0.11';
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => signInFrom(from, ADMIN.email, `wrong-guess-${i}`)));
    expect(count(answers, 401)).toBe(10);
    expect(count(answers, 429)).toBe(90);
    const limited = answers.find((a) => a.status === 429)!;
    expect(limited.body.error).toEqual({ code: 'too_many_attempts', message: expect.stringMatching(/for this e-mail .* try again in 5 minutes/) });
    expect(Number(limited.retryAfter)).toBeGreaterThan(250);
    expect(Number(limited.retryAfter)).toBeLessThanOrEqual(300);
    // The right password is turned away too until the window passes.
    expect((await signInFrom(from, ADMIN.email, ADMIN.password)).status).toBe(429);
  });

  it('lets no more than 10 of 60 parallel guesses be checked, the right password among them', async () => {
    const from = '127.0.0.12';
    const guesses = Array.from({ length: 59 }, (_, i) => `wrong-guess-${i}`);
    guesses.push(ADMIN.password);
    const answers = await Promise.all(guesses.map((password) => signInFrom(from, ADMIN.email, password)));
    const checked = answers.filter((a) => a.status !== 429);
    expect(checked.length).toBeLessThanOrEqual(10);
    expect(count(answers, 429)).toBeGreaterThanOrEqual(50);
    // The right guess got in only if it was one of the (at most) 10 checked ones, never past the limit.
    const right = answers.at(-1)!;
    expect(right.status === 429 || checked.includes(right)).toBe(true);
  });

  it('limits one address across accounts (password spraying): 30 checks per 15 minutes, whichever e-mails', async () => {
    const from = '127.0.0.13';
    const answers = await Promise.all(Array.from({ length: 45 }, (_, i) => signInFrom(from, `user-${i}@example.com`, 'Spring2025!')));
    expect(count(answers, 401)).toBe(30);
    expect(count(answers, 429)).toBe(15);
    expect(answers.find((a) => a.status === 429)!.body.error?.message).toMatch(/from your network address; try again in 15 minutes/);
    // Another address is not affected.
    expect((await signInFrom('127.0.0.14', ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it('does not count successful sign-ins against the address: a busy office keeps signing in', async () => {
    const admin = await signIn(hub);
    await signedInUser(hub, admin, 'dispatcher', 'dora.dispatcher@example.com');
    const from = '127.0.0.15';
    // 40 sign-ins, more than the address's 30, five at a time.
    const answers: Answer[] = [];
    for (let batch = 0; batch < 8; batch++) {
      answers.push(...(await Promise.all(Array.from({ length: 5 }, () => signInFrom(from, 'dora.dispatcher@example.com', 'a-long-enough-password')))));
    }
    expect(count(answers, 200)).toBe(40);
  });

  it('gives an account a fresh start after its right password', async () => {
    const from = '127.0.0.16';
    for (let i = 0; i < 9; i++) expect((await signInFrom(from, ADMIN.email, `wrong-${i}`)).status).toBe(401);
    expect((await signInFrom(from, ADMIN.email, ADMIN.password)).status).toBe(200);
    const again = await Promise.all(Array.from({ length: 12 }, (_, i) => signInFrom(from, ADMIN.email, `wrong-again-${i}`)));
    expect(count(again, 401)).toBe(10);
    expect(count(again, 429)).toBe(2);
  });
});
