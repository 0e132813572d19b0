import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Random } from '../../../shared/random/seeded-random';

/**
 * A hostile network between one console and the hub, on 127.0.0.1. Per request, driven by a
 * seeded PRNG: the link may be cut (connection reset before the hub sees anything), a request
 * may be delayed (so consoles' pushes arrive reordered), a push may be delivered twice, and the
 * hub's answer may be dropped after the hub applied it.
 */
export interface FaultRates {
  delay: number;
  duplicate: number;
  dropResponse: number;
}

export interface FaultStats {
  forwarded: number;
  refusedWhileCut: number;
  duplicated: number;
  droppedResponses: number;
  delayed: number;
}

export interface FaultProxy {
  url: string;
  cut(isCut: boolean): void;
  setRates(rates: FaultRates): void;
  stats: FaultStats;
  close(): Promise<void>;
}

/**
 * Called before each request is forwarded (after the seeded faults' checks): 'cut' resets the
 * connection as if the link dropped; an answer object is sent instead of the hub's (a failing
 * gateway, say); a promise holds the request until it settles. For tests that need a request in
 * flight at a precise moment, a pull cut after some pages, or a push failed as a whole.
 */
export type GateDecision = 'forward' | 'cut' | { status: number; body: string };
export type ProxyGate = (request: { method: string; url: string; body: string }) => GateDecision | Promise<GateDecision>;

export async function startFaultProxy(target: () => string, random: Random, initial: FaultRates, gate?: ProxyGate): Promise<FaultProxy> {
  let rates = initial;
  let isCut = false;
  const stats: FaultStats = { forwarded: 0, refusedWhileCut: 0, duplicated: 0, droppedResponses: 0, delayed: 0 };
  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (isCut) {
      stats.refusedWhileCut++;
      req.socket.destroy();
      return;
    }
    const body = await readBody(req);
    // Only plain request/answer calls get faults; the event stream just closes, consoles poll.
    if (req.url?.includes('/sync/events')) {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"unavailable","message":"no events through the fault proxy"}}');
      return;
    }
    if (random.chance(rates.delay)) {
      stats.delayed++;
      await sleep(random.int(1, 120));
    }
    const decision = gate ? await gate({ method: req.method ?? 'GET', url: req.url ?? '/', body: body.toString('utf8') }) : 'forward';
    if (decision === 'cut') {
      stats.refusedWhileCut++;
      req.socket.destroy();
      return;
    }
    if (decision !== 'forward') {
      res.writeHead(decision.status, { 'content-type': 'application/json' }).end(decision.body);
      return;
    }
    try {
      let answer = await forward(target(), req, body);
      if (req.method === 'POST' && req.url?.includes('/sync/push') && random.chance(rates.duplicate)) {
        stats.duplicated++;
        answer = await forward(target(), req, body);
      }
      stats.forwarded++;
      if (random.chance(rates.dropResponse)) {
        stats.droppedResponses++;
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
    } catch {
      req.socket.destroy(); // the hub itself is down (restarting): the console sees a reset
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut: (value) => {
      isCut = value;
    },
    setRates: (value) => {
      rates = value;
    },
    stats,
    close: () => closeServer(server),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(base: string, req: IncomingMessage, body: Buffer): Promise<{ status: number; contentType: string; body: Buffer }> {
  const url = new URL(req.url ?? '/', base);
  const headers = { ...req.headers, host: url.host, 'content-length': String(body.length) };
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: req.method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 502, contentType: String(response.headers['content-type'] ?? 'application/json'), body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
