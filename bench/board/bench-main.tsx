/**
 * Benchmark page: ?techs=200&bookings=2000 (also &days=7&px=20 for the week scale, &tz=… for
 * visual checks). Generates data first (not timed), then times the first render of the board as
 * the console renders it (bookings draggable inside @dnd-kit, utilisation shading, the drop-target
 * layer) until the commit has been painted, and publishes the result on window.__boardBench for
 * bench/board-bench.ts. window.__dragBench samples frames and rule checks while a drag runs.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider } from 'react-intl';
import type { UtilisationLevel } from '../../shared/contract/ipc-contract';
import { intlConfigFor } from '../../shared/i18n/create-intl';
import type { PlacementVerdict } from '../../shared/mutations/placement-verdict';
import { indexWorld } from '../../shared/scheduling/world-index';
import type { BoardGeometry } from '../../renderer/features/board/board-geometry';
import type { BoardTechnician } from '../../renderer/features/board/board-types';
import { ScheduleBoard } from '../../renderer/features/board/schedule-board';
import { BoardDnd } from '../../renderer/features/dispatch/drag/board-dnd';
import { DragStore, type DragItem } from '../../renderer/features/dispatch/drag/drag-store';
import { DropTargetLayer } from '../../renderer/features/dispatch/drag/drop-target-layer';
import { judgeSlot } from '../../renderer/features/dispatch/drag/use-drag-judge';
import { benchWorld } from '../dispatch/bench-world';
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

export interface DragBenchProbe {
  startFrames(): void;
  /** Per frame that handled pointer input: ms from the first input event (or the frame callback) to after the frame's rendering. */
  stopFrames(): number[];
  /** Each rule check of a slot not checked before in the drag (ms). */
  judgeMs: number[];
}

declare global {
  interface Window {
    __boardBench?: BoardBenchResult;
    __boardSelected?: string | null;
    __dragBench?: DragBenchProbe;
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

/** Booked share of a 12-hour day per technician and board day, as the console's utilisation shading. */
function withUtilisation(data: BenchData, days: number): BoardTechnician[] {
  const dayMs = (data.rangeEnd - data.rangeStart) / days;
  const booked = new Map<string, number[]>();
  for (const b of data.bookings) {
    if (b.status === 'canceled') continue;
    const list = booked.get(b.resourceId) ?? Array.from({ length: days }, () => 0);
    const day = Math.min(days - 1, Math.floor((b.start - data.rangeStart) / dayMs));
    list[day] = (list[day] ?? 0) + (b.end - b.start) / 60_000;
    booked.set(b.resourceId, list);
  }
  const level = (minutes: number): UtilisationLevel => (minutes <= 0 ? 'free' : minutes > 720 ? 'over' : minutes >= 612 ? 'fully' : 'partly');
  return data.technicians.map((t) => ({ ...t, utilisation: (booked.get(t.id) ?? Array.from({ length: days }, () => 0)).map((m) => ({ level: level(m) })) }));
}

/** The console's drag judge over the synthetic world, timing each slot's first check. */
function benchJudge(data: BenchData, probe: DragBenchProbe) {
  const { world, jobs } = benchWorld(data);
  const index = indexWorld(world);
  let drag: { item: DragItem; verdicts: Map<string, PlacementVerdict> } | null = null;
  return {
    begin(item: DragItem, onReady: () => void) {
      drag = { item, verdicts: new Map() };
      onReady();
    },
    judge(resourceId: string, start: number): PlacementVerdict | null {
      const job = drag && drag.item.kind === 'booking' ? jobs.get(drag.item.bookingId) : undefined;
      if (!drag || !job) return null;
      const key = `${resourceId}|${start}`;
      let verdict = drag.verdicts.get(key);
      if (!verdict) {
        const t0 = performance.now();
        verdict = judgeSlot(index, drag.item, job, resourceId, start);
        probe.judgeMs.push(performance.now() - t0);
        drag.verdicts.set(key, verdict);
      }
      return verdict;
    },
    end() {
      drag = null;
    },
  };
}

function frameProbe(): DragBenchProbe {
  let running = false;
  let inputAt: number | null = null;
  let samples: number[] = [];
  window.addEventListener('pointermove', () => {
    if (running && inputAt === null) inputAt = performance.now();
  }, { capture: true });
  const frame = () => {
    if (!running) return;
    const start = inputAt;
    inputAt = null;
    const began = start ?? performance.now();
    // A message posted in the frame callback runs once the frame's style, layout and paint are done.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (start !== null) samples.push(performance.now() - began);
    };
    channel.port2.postMessage(null);
    requestAnimationFrame(frame);
  };
  return {
    startFrames() {
      samples = [];
      running = true;
      requestAnimationFrame(frame);
    },
    stopFrames() {
      running = false;
      return samples;
    },
    judgeMs: [],
  };
}

interface RootProps {
  /** The board alone, as before drag and drop (for comparison). */
  plain: boolean;
  data: BenchData;
  days: number;
  pxPerHour: number;
  judge: ReturnType<typeof benchJudge>;
  onPainted: () => void;
  timings: Timings;
}

function BenchRoot({ plain, data, days, pxPerHour, judge, onPainted, timings }: RootProps) {
  const [selected, setSelected] = useState<string | null>(null);
  const [store] = useState(() => new DragStore());
  const geometryRef = useRef<BoardGeometry | null>(null);
  const technicians = useMemo(() => withUtilisation(data, days), [data, days]);
  const names = useMemo(() => new Map(data.technicians.map((t) => [t.id, t.name])), [data]);
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
  if (plain) {
    return (
      <ScheduleBoard technicians={data.technicians} bookings={data.bookings} rangeStart={data.rangeStart} rangeEnd={data.rangeEnd} timeZone={data.timeZone} now={data.now} selectedBookingId={selected} onSelectBooking={select} pxPerHour={pxPerHour} />
    );
  }
  return (
    <IntlProvider {...intlConfigFor('en', data.timeZone)}>
      <BoardDnd store={store} geometryRef={geometryRef} technicianName={(id) => names.get(id) ?? id} judge={judge} onDrop={() => undefined}>
        <ScheduleBoard
          technicians={technicians}
          bookings={data.bookings}
          rangeStart={data.rangeStart}
          rangeEnd={data.rangeEnd}
          timeZone={data.timeZone}
          now={data.now}
          selectedBookingId={selected}
          onSelectBooking={select}
          pxPerHour={pxPerHour}
          draggable
          isDragActive={() => store.active()}
          overlay={<DropTargetLayer store={store} />}
          geometryRef={geometryRef}
        />
      </BoardDnd>
    </IntlProvider>
  );
}

function main() {
  const params = new URLSearchParams(location.search);
  const days = Math.max(1, readCount(params, 'days', 1));
  const data = generateBenchData({
    techs: readCount(params, 'techs', 200),
    bookings: readCount(params, 'bookings', 2000),
    days,
    timeZone: params.get('tz') ?? undefined,
  });
  const pxPerHour = readCount(params, 'px', 120) || 120;
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
  const probe = frameProbe();
  window.__dragBench = probe;
  // The console reads the rules' data after the board is on screen: not part of the first render.
  const judge = benchJudge(data, probe);
  performance.mark('board-bench-start');
  t0 = performance.now();
  createRoot(container).render(<BenchRoot plain={params.get('plain') === '1'} data={data} days={days} pxPerHour={pxPerHour} judge={judge} onPainted={onPainted} timings={timings} />);
}

main();
