/**
 * Schedule board first-render benchmark: `npx tsx bench/board-bench.ts`.
 *
 * Builds bench/board in production mode, serves it on 127.0.0.1, and loads it in Debian's
 * Chromium for each case; the first load of a case warms caches and is discarded. Prints
 * median and p95 render time and what was in the DOM, against the targets. A MISS is a
 * finding, not a failure: the exit code is non-zero only when something broke.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { build } from 'vite';
import { chromiumArgs, chromiumExecutable } from '../test/chromium-launch';

interface BenchCase {
  techs: number;
  bookings: number;
  targetMs: number;
}

interface PageResult {
  renderMs: number;
  commitMs: number;
  frameMs: number;
  rowsInDom: number;
  bookingsInDom: number;
}

const cases: readonly BenchCase[] = [
  { techs: 200, bookings: 2_000, targetMs: 150 },
  { techs: 1_000, bookings: 10_000, targetMs: 300 },
];
const RUNS = 11;

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const outDir = join(repoRoot, '.cache', 'bench-board');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

async function buildPage(): Promise<void> {
  await build({
    root: join(repoRoot, 'bench', 'board'),
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
}

/** Just enough static file server for the built page; never leaves outDir. */
async function serve(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    const info = file.startsWith(root + sep) ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

async function measureOnce(browser: Browser, url: string): Promise<PageResult> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    // A string expression: this file is type-checked without DOM types.
    const handle = await page.waitForFunction('window.__boardBench', undefined, { timeout: 15_000 });
    const result = (await handle.jsonValue()) as PageResult;
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await page.close();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function runCase(browser: Browser, baseUrl: string, c: BenchCase): Promise<void> {
  const url = `${baseUrl}?techs=${c.techs}&bookings=${c.bookings}`;
  const results: PageResult[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await measureOnce(browser, url);
    if (run > 0) results.push(result); // run 0 is the warm-up
  }
  const times = results.map((r) => r.renderMs).sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  const commit = percentile(results.map((r) => r.commitMs).sort((a, b) => a - b), 50);
  const last = results[results.length - 1];
  const verdict = median <= c.targetMs ? 'PASS' : 'MISS';
  console.log(
    `${`${c.techs} techs × ${c.bookings} bookings`.padEnd(30)} ` +
      `median ${median.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  min ${(times[0] ?? NaN).toFixed(1)} ms  ` +
      `target ${c.targetMs} ms ${verdict}  (React commit median ${commit.toFixed(1)} ms)  ` +
      `DOM: ${last?.rowsInDom ?? '?'} rows, ${last?.bookingsInDom ?? '?'} bookings  ` +
      `(runs: ${times.map((t) => t.toFixed(0)).join(', ')})`,
  );
}

/** Timings from a machine busy with other work say little; say so next to them. */
function warnIfBusy(): void {
  const [oneMinute = 0] = loadavg();
  const cores = availableParallelism();
  if (oneMinute > cores / 2) {
    console.log(`note: load average ${oneMinute.toFixed(1)} on ${cores} cores — other processes compete for the CPU; figures are pessimistic`);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  await buildPage();
  const server = await serve(outDir);
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  try {
    console.log(`Schedule board first render, Chromium ${browser.version()}, 1600×900, ${RUNS - 1} measured runs per case`);
    warnIfBusy();
    for (const c of cases) await runCase(browser, server.url, c);
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
