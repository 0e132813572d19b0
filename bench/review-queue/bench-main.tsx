/**
 * Benchmark page for the auto-assignment review queue: ?items=5000. The queue as the console
 * shows it (Mantine, the side pane's scroller, the console's styles) with the items already
 * fetched; times the first render until painted, then scrolling the pane down a screen at a
 * time (each step until painted), and publishes both on window.__reviewBench for
 * bench/review-queue-bench.ts.
 */
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider } from 'react-intl';
import type { ReviewItem } from '../../shared/contract/dispatch-contract';
import type { DispatchApi } from '../../shared/contract/ipc-contract';
import { intlConfigFor } from '../../shared/i18n/create-intl';
import { seededRandom } from '../../shared/random/seeded-random';
import { ApiProvider } from '../../renderer/api/api-context';
import { theme } from '../../renderer/app/theme';
import { DispatchProvider } from '../../renderer/features/dispatch/dispatch-context';
import { ReviewQueuePane, reviewQueueKey } from '../../renderer/features/dispatch/review-queue-pane';
import '../../renderer/app/mantine-styles';
import '../../renderer/app/app.css';
import '../../renderer/features/dispatch/dispatch.css';

export interface ReviewBenchResult {
  renderMs: number;
  itemsInDom: number;
  /** Per scroll step of one viewport height: ms from setting the offset to the next paint. */
  scrollMs: number[];
  /** Items the pane reached by scrolling (the last one's position in the queue, 1-based). */
  reached: number;
}

declare global {
  interface Window {
    __reviewBench?: ReviewBenchResult;
  }
}

const ZONE = 'America/Chicago';
const names = ['Anna Park', 'Ben Novak', 'Chloe Silva', 'Dev Okafor', 'Elena Meyer', 'Farid Haddad', 'Grace Tanaka', 'Hugo Rossi'];
const jobs = ['Boiler service', 'Heat pump install', 'Leak repair', 'Annual inspection', 'Radiator swap'];
const accounts = ['Acme Ltd', 'Northwind Flats', 'Harbour Dental', 'Riverside School', 'Oak Street Bakery'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** The engine's stored explanation as the hub writes it: a winner, a runner-up, one excluded. */
function explanation(random: () => number, winner: string): string {
  const km = () => Math.round(random() * 300) / 10;
  const candidates = [
    { resourceId: 'r-win', resourceName: winner, outcome: 'won', start: null, travelKm: km(), travelMinutes: 12, bookedMinutesThatDay: 240, rule: null, reason: 'Nearest matching technician with time free' },
    { resourceId: 'r-lost', resourceName: pick(random, names), outcome: 'lost', start: null, travelKm: km(), travelMinutes: 25, bookedMinutesThatDay: 300, rule: null, reason: 'Further away' },
    { resourceId: 'r-out', resourceName: pick(random, names), outcome: 'excluded', start: null, travelKm: null, travelMinutes: null, bookedMinutesThatDay: null, rule: 'territory', reason: 'Works in another territory' },
  ];
  return JSON.stringify({ summary: `${winner}: nearest matching technician (${candidates[0]!.travelKm} km), ahead of 2 others.`, winnerId: 'r-win', candidates });
}

function makeItems(count: number): ReviewItem[] {
  const random = seededRandom(11).next;
  const day0 = Date.UTC(2026, 10, 30, 14);
  return Array.from({ length: count }, (_, i) => {
    const resourceName = pick(random, names);
    const start = day0 + Math.floor(i / 40) * 86_400_000 + (i % 40) * 15 * 60_000;
    return {
      bookingId: `b-${String(i).padStart(5, '0')}`,
      version: 1,
      workOrderId: `w-${i}`,
      workOrderNumber: `WO-${String(i + 1).padStart(5, '0')}`,
      title: pick(random, jobs),
      accountName: pick(random, accounts),
      resourceId: 'r-win',
      resourceName,
      start,
      end: start + 90 * 60_000,
      status: random() < 0.85 ? 'scheduled' : 'traveling',
      travelMinutes: 12,
      explanation: explanation(random, resourceName),
    };
  });
}

/** Only what the queue asks for; anything else is a mistake in the bench. */
function benchApi(items: ReviewItem[]): DispatchApi {
  return new Proxy({} as DispatchApi, {
    get(_, name) {
      if (name === 'listReviewQueue') return () => Promise.resolve(items);
      if (name === 'then') return undefined;
      return () => Promise.reject(new Error(`the bench page does not answer ${String(name)}`));
    },
  });
}

function Painted({ onCommit }: { onCommit: () => void }) {
  useLayoutEffect(onCommit, [onCommit]);
  return null;
}

function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function scrollSteps(scroller: HTMLElement, steps: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    scroller.scrollTop += scroller.clientHeight;
    await nextPaint();
    times.push(performance.now() - t0);
  }
  return times;
}

function main() {
  const params = new URLSearchParams(location.search);
  const count = Number(params.get('items') ?? 5000);
  const items = makeItems(count);
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  queryClient.setQueryData(reviewQueueKey, items);
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing');
  let t0 = 0;
  const onCommit = () => {
    void (async () => {
      await nextPaint();
      const renderMs = performance.now() - t0;
      const itemsInDom = document.querySelectorAll('[data-testid="review-item"]').length;
      const scroller = document.querySelector<HTMLElement>('.board-page-side');
      if (!scroller) throw new Error('no scroller');
      const scrollMs = await scrollSteps(scroller, 30);
      const last = [...document.querySelectorAll('[data-testid="review-item"]')].at(-1);
      const reached = items.findIndex((item) => item.bookingId === last?.getAttribute('data-booking-id')) + 1;
      window.__reviewBench = { renderMs, itemsInDom, scrollMs, reached };
    })();
  };
  t0 = performance.now();
  createRoot(container).render(
    <MantineProvider theme={theme}>
      <IntlProvider {...intlConfigFor('en', ZONE)}>
        <QueryClientProvider client={queryClient}>
          <ApiProvider api={benchApi(items)}>
            <DispatchProvider>
              {/* The console's side pane: 380 px wide, scrolling. */}
              <div className="board-page-side" style={{ width: 380, height: '100vh' }}>
                <ReviewQueuePane onOpenBooking={() => undefined} />
              </div>
              <Painted onCommit={onCommit} />
            </DispatchProvider>
          </ApiProvider>
        </QueryClientProvider>
      </IntlProvider>
    </MantineProvider>,
  );
}

main();
