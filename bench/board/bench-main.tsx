/**
 * Benchmark page: ?techs=200&bookings=2000 (also &days=3, &tz=Asia/Kolkata for visual
 * checks). Generates data first (not timed), then times
 * the first render of the board until the commit has been painted, and publishes the result
 * on window.__boardBench for bench/board-bench.ts.
 */
import { useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ScheduleBoard } from '../../renderer/features/board/schedule-board';
import type { BenchData } from './bench-data';
import { generateBenchData } from './bench-data';

export interface BoardBenchResult {
  renderMs: number;
  /** Until React committed (layout effects done). */
  commitMs: number;
  /** Until the frame callback before the paint. */
  frameMs: number;
  rowsInDom: number;
  bookingsInDom: number;
}

declare global {
  interface Window {
    __boardBench?: BoardBenchResult;
    __boardSelected?: string | null;
  }
}

function readCount(params: URLSearchParams, name: string, fallback: number): number {
  const value = Number(params.get(name));
  return Number.isFinite(value) && value >= 0 && params.has(name) ? Math.floor(value) : fallback;
}

interface Timings {
  commit: number;
  frame: number;
}

function BenchRoot({ data, onPainted, timings }: { data: BenchData; onPainted: () => void; timings: Timings }) {
  const [selected, setSelected] = useState<string | null>(null);
  // Runs after the board's own layout effects and their synchronous re-render; the frame
  // callback then fires before that frame's paint, and the timeout after it.
  useLayoutEffect(() => {
    timings.commit = performance.now();
    requestAnimationFrame(() => {
      timings.frame = performance.now();
      setTimeout(onPainted, 0);
    });
  }, [onPainted, timings]);
  const select = (id: string) => {
    window.__boardSelected = id;
    setSelected(id);
  };
  return (
    <ScheduleBoard
      technicians={data.technicians}
      bookings={data.bookings}
      rangeStart={data.rangeStart}
      rangeEnd={data.rangeEnd}
      timeZone={data.timeZone}
      now={data.now}
      selectedBookingId={selected}
      onSelectBooking={select}
    />
  );
}

function main() {
  const params = new URLSearchParams(location.search);
  const data = generateBenchData({
    techs: readCount(params, 'techs', 200),
    bookings: readCount(params, 'bookings', 2000),
    days: readCount(params, 'days', 1),
    timeZone: params.get('tz') ?? undefined,
  });
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing');
  let t0 = 0;
  const timings: Timings = { commit: 0, frame: 0 };
  const onPainted = () => {
    // User timing marks let a Chromium trace show the measured span.
    performance.mark('board-bench-end');
    window.__boardBench = {
      renderMs: performance.now() - t0,
      commitMs: timings.commit - t0,
      frameMs: timings.frame - t0,
      rowsInDom: document.querySelectorAll('[data-testid="board-row"]').length,
      bookingsInDom: document.querySelectorAll('[data-testid="board-booking"]').length,
    };
  };
  performance.mark('board-bench-start');
  t0 = performance.now();
  createRoot(container).render(<BenchRoot data={data} onPainted={onPainted} timings={timings} />);
}

main();
