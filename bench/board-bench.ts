/**
 * Schedule board benchmark: `npx tsx bench/board-bench.ts [--techs 200] [--no-drag]`.
 *
 * Builds bench/board in production mode, serves it on 127.0.0.1, and loads it in Debian's
 * Chromium for each case; the first load of a case warms caches and is discarded. Prints
 * median and p95 first-render time (day, 3-day and week scales) with the main thread's CPU time
 * in it (steadier than wall-clock time on a busy machine) and what was in the DOM, then, with a
 * booking dragged across rows and hours, the frame time and the rule check per hovered slot,
 * against the targets. A MISS is a finding, not a failure: the exit code is non-zero only when
 * something broke.
 */
import { availableParallelism, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../test/chromium-launch';
import { buildBenchPage, serveBenchPage } from './bench-page';

interface BenchCase {
  techs: number;
  bookings: number;
  targetMs: number;
  /** Days shown and the scale: 1 day at 120 px/h, 3 days at 48 px/h or a week at 20 px/h (the console's scales). */
  days: number;
  px: number;
  /** The board alone, without drag and drop, shading or overlays: the baseline they add to. */
  plain?: boolean;
}

interface PageResult {
  renderMs: number;
  commitMs: number;
  frameMs: number;
  rowsInDom: number;
  bookingsInDom: number;
}

const cases: readonly BenchCase[] = [
  { techs: 200, bookings: 2_000, targetMs: 150, days: 1, px: 120, plain: true },
  { techs: 200, bookings: 2_000, targetMs: 150, days: 1, px: 120 },
  { techs: 1_000, bookings: 10_000, targetMs: 300, days: 1, px: 120 },
  { techs: 200, bookings: 2_000, targetMs: 150, days: 3, px: 48 },
  { techs: 200, bookings: 2_000, targetMs: 150, days: 7, px: 20 },
  { techs: 1_000, bookings: 10_000, targetMs: 300, days: 7, px: 20 },
];
const RUNS = 11;
const DRAG_RUNS = 3;
const FRAME_TARGET_MS = 16;
const FEEDBACK_TARGET_MS = 5;

interface TraceMark {
  name: string;
  /** The thread's CPU clock (µs) when the mark was made. */
  tts?: number;
}

/**
 * CPU time of the page's main thread between the page's start and end marks, read from a trace
 * of user timing marks (each carries the thread's CPU clock). On a machine shared with other work
 * the wall-clock time mostly measures the wait for a core; this does not.
 */
function mainThreadCpuMs(trace: Buffer): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceMark[] }).traceEvents;
  const at = (name: string) => events.find((e) => e.name === name)?.tts;
  const start = at('board-bench-start');
  const end = at('board-bench-end');
  return start === undefined || end === undefined ? Number.NaN : (end - start) / 1000;
}

async function measureOnce(browser: Browser, url: string): Promise<PageResult & { cpuMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await browser.startTracing(page, { categories: ['blink.user_timing'] });
    await page.goto(url);
    // A string expression: this file is type-checked without DOM types.
    const handle = await page.waitForFunction('window.__boardBench', undefined, { timeout: 15_000 });
    const result = (await handle.jsonValue()) as PageResult;
    const cpuMs = mainThreadCpuMs(await browser.stopTracing());
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return { ...result, cpuMs };
  } finally {
    await page.close();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function caseUrl(baseUrl: string, c: BenchCase): string {
  return `${baseUrl}?techs=${c.techs}&bookings=${c.bookings}&days=${c.days}&px=${c.px}${c.plain ? '&plain=1' : ''}`;
}

function caseName(c: BenchCase): string {
  return `${c.techs} techs × ${c.bookings} bookings, ${c.days === 1 ? 'day' : c.days === 3 ? '3 days' : 'week'}${c.plain ? ' (board alone)' : ''}`;
}

async function runCase(browser: Browser, baseUrl: string, c: BenchCase): Promise<void> {
  const url = caseUrl(baseUrl, c);
  const results: (PageResult & { cpuMs: number })[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await measureOnce(browser, url);
    if (run > 0) results.push(result); // run 0 is the warm-up
  }
  const times = results.map((r) => r.renderMs).sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  const commit = percentile(results.map((r) => r.commitMs).sort((a, b) => a - b), 50);
  const cpu = percentile(results.map((r) => r.cpuMs).sort((a, b) => a - b), 50);
  const last = results[results.length - 1];
  const verdict = median <= c.targetMs ? 'PASS' : 'MISS';
  console.log(
    `${caseName(c).padEnd(36)} ` +
      `median ${median.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  min ${(times[0] ?? NaN).toFixed(1)} ms  ` +
      `target ${c.targetMs} ms ${verdict}  (React commit median ${commit.toFixed(1)} ms, main-thread CPU median ${cpu.toFixed(1)} ms)  ` +
      `DOM: ${last?.rowsInDom ?? '?'} rows, ${last?.bookingsInDom ?? '?'} bookings  ` +
      `(runs: ${times.map((t) => t.toFixed(0)).join(', ')})`,
  );
}

/** Timings from a machine busy with other work say little; say so next to them. */
function warnIfBusy(): void {
  const [oneMinute = 0] = loadavg();
  const cores = availableParallelism();
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cores} cores`);
  if (oneMinute > cores / 2) {
    console.log(`note: load average ${oneMinute.toFixed(1)} on ${cores} cores — other processes compete for the CPU; figures are pessimistic`);
  }
}

/**
 * Drags a scheduled booking across rows and hours with the mouse (the pointer held, 80 small
 * moves over about two seconds) and reads the page's frame and rule-check samples.
 */
async function dragOnce(browser: Browser, url: string): Promise<{ frames: number[]; judge: number[] }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  try {
    await page.goto(url);
    await page.waitForFunction('window.__boardBench', undefined, { timeout: 15_000 });
    const block = page.locator('[data-testid=board-booking][data-status=scheduled]').nth(3);
    const box = await block.boundingBox();
    if (!box) throw new Error('no booking to drag');
    await page.evaluate('window.__dragBench.startFrames()');
    await page.mouse.move(box.x + 4, box.y + 6);
    await page.mouse.down();
    for (let i = 1; i <= 80; i++) {
      await page.mouse.move(box.x + 4 + i * 7, box.y + 6 + i * 6);
      await page.waitForTimeout(25);
    }
    await page.mouse.up();
    const frames = (await page.evaluate('window.__dragBench.stopFrames()')) as number[];
    const judge = (await page.evaluate('window.__dragBench.judgeMs')) as number[];
    return { frames, judge };
  } finally {
    await page.close();
  }
}

async function runDragCase(browser: Browser, baseUrl: string, c: BenchCase): Promise<void> {
  const frames: number[] = [];
  const judge: number[] = [];
  await dragOnce(browser, caseUrl(baseUrl, c)); // warm-up
  for (let run = 0; run < DRAG_RUNS; run++) {
    const sample = await dragOnce(browser, caseUrl(baseUrl, c));
    frames.push(...sample.frames);
    judge.push(...sample.judge);
  }
  const f = [...frames].sort((a, b) => a - b);
  const j = [...judge].sort((a, b) => a - b);
  console.log(
    `${`drag, ${caseName(c)}`.padEnd(42)} frame p95 ${percentile(f, 95).toFixed(1).padStart(5)} ms (median ${percentile(f, 50).toFixed(1)}, max ${(f.at(-1) ?? NaN).toFixed(1)}, ${f.length} frames) target ${FRAME_TARGET_MS} ms ${percentile(f, 95) <= FRAME_TARGET_MS ? 'PASS' : 'MISS'}  ` +
      `rule check per hovered slot p95 ${percentile(j, 95).toFixed(2)} ms (median ${percentile(j, 50).toFixed(2)}, max ${(j.at(-1) ?? NaN).toFixed(2)}, ${j.length} slots) target ${FEEDBACK_TARGET_MS} ms ${percentile(j, 95) <= FEEDBACK_TARGET_MS ? 'PASS' : 'MISS'}`,
  );
}

/** `--techs 200` runs only the cases of that size; `--no-drag` only the first renders (quicker, while iterating). */
function parseOptions(args: readonly string[]): { techs?: number; noDrag: boolean } {
  const at = args.indexOf('--techs');
  const techs = at >= 0 ? Number(args[at + 1]) : undefined;
  if (techs !== undefined && !cases.some((c) => c.techs === techs)) throw new Error(`--techs: one of ${[...new Set(cases.map((c) => c.techs))].join(', ')}`);
  return { ...(techs !== undefined ? { techs } : {}), noDrag: args.includes('--no-drag') };
}

const options = parseOptions(process.argv.slice(2));

async function main(): Promise<void> {
  const started = Date.now();
  const outDir = await buildBenchPage('board');
  const server = await serveBenchPage(outDir);
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  try {
    console.log(`Schedule board first render, Chromium ${browser.version()}, 1600×900, ${RUNS - 1} measured runs per case`);
    warnIfBusy();
    const chosen = cases.filter((c) => options.techs === undefined || c.techs === options.techs);
    for (const c of chosen) await runCase(browser, server.url, c);
    if (!options.noDrag) {
      console.log(`Dragging a booking (${DRAG_RUNS} measured drags per case, frames that handled pointer input)`);
      for (const c of chosen.filter((x) => x.days === 1 && !x.plain)) await runDragCase(browser, server.url, c);
    }
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
