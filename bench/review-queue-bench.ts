/**
 * Review queue benchmark: `npx tsx bench/review-queue-bench.ts` (or `npm run bench -- review`).
 *
 * Loads bench/review-queue (the auto-assignment review queue in the console's side pane, with
 * 5,000 items awaiting review) in Debian's Chromium; the first load warms caches and is
 * discarded. Prints the median first render (until painted) and what was in the DOM, then the
 * time per scroll step of one pane height (until painted) over 30 steps per load.
 */
import { availableParallelism, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../test/chromium-launch';
import { buildBenchPage, serveBenchPage } from './bench-page';

/** What the page publishes (bench/review-queue/bench-main.tsx, not type-checked with this file's settings). */
interface ReviewBenchResult {
  renderMs: number;
  itemsInDom: number;
  scrollMs: number[];
  reached: number;
}

const ITEMS = 5_000;
const RUNS = 6;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

async function main(): Promise<void> {
  const outDir = await buildBenchPage('review-queue');
  const server = await serveBenchPage(outDir);
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  try {
    console.log(`Review queue, ${ITEMS} items, Chromium ${browser.version()}, 1600×900, ${RUNS - 1} measured loads; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
    const results: ReviewBenchResult[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.url}?items=${ITEMS}`);
      const handle = await page.waitForFunction('window.__reviewBench', undefined, { timeout: 120_000 });
      const result = (await handle.jsonValue()) as ReviewBenchResult;
      await page.close();
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
      if (run > 0) results.push(result);
    }
    const renders = results.map((r) => r.renderMs);
    const steps = results.flatMap((r) => r.scrollMs);
    const last = results.at(-1);
    console.log(
      `review queue first render`.padEnd(30) +
        `median ${percentile(renders, 50).toFixed(1)} ms  min ${Math.min(...renders).toFixed(1)} ms  (runs: ${renders.map((t) => t.toFixed(0)).join(', ')})  DOM: ${last?.itemsInDom ?? '?'} items`,
    );
    console.log(
      `review queue scroll step`.padEnd(30) +
        `median ${percentile(steps, 50).toFixed(1)} ms  p95 ${percentile(steps, 95).toFixed(1)} ms  max ${Math.max(...steps).toFixed(1)} ms  (${steps.length} steps of one pane height; reached item ${last?.reached ?? '?'} of ${ITEMS})`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
