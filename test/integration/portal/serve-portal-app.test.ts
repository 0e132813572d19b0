import Fastify from 'fastify';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { registerPortalApp } from '../../../server/portal/serve-portal-app';

/** A stand-in for dist-portal/: the page, one hashed asset and its gzip copy (what the build writes). */
function builtPortal(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dd-portal-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>portal</title><script type="module" src="/portal/assets/index-abc.js"></script>');
  writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log("portal");'.repeat(50));
  writeFileSync(path.join(dir, 'assets', 'index-abc.js.gz'), gzipSync('console.log("portal");'.repeat(50)));
  return dir;
}

async function appServing(options: Parameters<typeof registerPortalApp>[1]) {
  const app = Fastify();
  registerPortalApp(app, options);
  await app.ready();
  return app;
}

/** A throwaway self-signed certificate for 127.0.0.1 (openssl, as any TLS setup would make one). */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dd-tls-'));
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

describe('the hub serving the customer portal', () => {
  it('asks browsers to keep to https (HSTS) only on answers that came over https', async () => {
    const dir = builtPortal();
    const plain = await appServing({ dir });
    expect((await plain.inject({ url: '/portal/' })).headers['strict-transport-security']).toBeUndefined();
    const tls = Fastify({ https: selfSignedCertificate() });
    registerPortalApp(tls, { dir });
    await tls.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = tls.server.address() as AddressInfo;
      const answer = await new Promise<IncomingMessage>((resolve, reject) => https.get(`https://127.0.0.1:${port}/portal/`, { rejectUnauthorized: false }, resolve).on('error', reject));
      answer.resume();
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await tls.close();
    }
  });

  it('sends /portal to /portal/ and answers the page with a strict CSP that allows only the tile server besides itself', async () => {
    const app = await appServing({ dir: builtPortal(), tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png' });
    const bare = await app.inject({ url: '/portal' });
    expect([bare.statusCode, bare.headers.location]).toEqual([301, '/portal/']);
    const page = await app.inject({ url: '/portal/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("img-src 'self' data: https://tiles.example.org;");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    await app.close();
  });

  it('sends hashed assets cached for a year, pre-compressed when the browser accepts it', async () => {
    const app = await appServing({ dir: builtPortal() });
    const gz = await app.inject({ url: '/portal/assets/index-abc.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.statusCode).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await app.inject({ url: '/portal/assets/index-abc.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('console.log("portal")');
    expect((await app.inject({ url: '/portal/assets/missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/portal/../package.json' })).statusCode).toBe(404);
    await app.close();
  });

  it('says how to build the portal when the hub has no build', async () => {
    const app = await appServing({ dir: mkdtempSync(path.join(tmpdir(), 'dd-no-portal-')) });
    const page = await app.inject({ url: '/portal/' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build:portal');
    await app.close();
  });
});
