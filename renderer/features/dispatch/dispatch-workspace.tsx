import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useIntl } from 'react-intl';
import { Temporal } from 'temporal-polyfill';
import type { BoardData } from '../../../shared/contract/ipc-contract';
import { isSupportedLocale } from '../../../shared/i18n/locales';
import { useApi } from '../../api/api-context';
import { emptyBoardFilter, type BoardView } from '../../../shared/contract/board-views';
import { boardQuery } from '../../api/queries';
import { useNavigation } from '../../app/navigation';
import { QueryState } from '../../components/query-state';
import { useT } from '../../components/use-t';
import { BoardFilters } from '../board/board-filters';
import type { BoardGeometry } from '../board/board-geometry';
import { useBookingContextMenu } from '../board/booking-context-menu';
import type { BoardBooking } from '../board/board-types';
import { ScheduleBoard } from '../board/schedule-board';
import { BookingDetailPanel } from '../booking-detail/booking-detail-panel';
import { WorkQueuePane } from '../work-queue/work-queue-pane';
import { AvailabilityPanel } from './availability-panel';
import { BoardToolbar, scaleDays, scalePxPerHour, type BoardScale } from './board-toolbar';
import { useDispatchActions } from './dispatch-context';
import { BoardDnd } from './drag/board-dnd';
import { DragStore } from './drag/drag-store';
import { DropTargetLayer } from './drag/drop-target-layer';
import { useDragJudge } from './drag/use-drag-judge';
import { FitInPanel } from './fit-in-panel';
import { PlanGhostLayer } from './plan-ghost-layer';
import { PlanPanel } from './plan-panel';
import { OPEN_BOOKING_EVENT, PanelsProvider, type Panels, type SidePanel } from './side-panels';
import { useDropHandler } from './use-drop-handler';
import { usePlanRun } from './use-plan-run';
import './dispatch.css';
import './mantine-styles';

interface Props {
  date: string;
  companyZone: string;
  /** The zone every time on this page is shown in. */
  shownZone: string;
  onZone: (zone: string) => void;
  onNavigateDate?: ((date: string) => void) | undefined;
}

/**
 * The dispatcher's board page: the board at the chosen scale, the side pane (work queue, a
 * booking, availability, fit in, the day's plan) and drag and drop between them.
 */
export function DispatchWorkspace({ date, companyZone, shownZone, onZone, onNavigateDate }: Props) {
  const api = useApi();
  const t = useT();
  const intl = useIntl();
  // Filters and scale together: a saved view brings both back.
  const [view, setView] = useState<BoardView>({ filter: emptyBoardFilter, days: 1 });
  const scale = scaleOfDays(view.days);
  const days = view.days;
  const board = useQuery({ ...boardQuery(api, date, shownZone, view), placeholderData: keepPreviousData });
  const [side, setSide] = useSelectionSidePanel();
  const plan = usePlanRun();
  const [store] = useState(() => new DragStore());
  const geometryRef = useRef<BoardGeometry | null>(null);
  const judge = useDragJudge(date, days, shownZone);
  const names = useRef(new Map<string, string>());
  names.current = useMemo(() => new Map((board.data?.technicians ?? []).map((t) => [t.id, t.name])), [board.data]);
  const technicianName = useCallback((id: string) => names.current.get(id) ?? id, []);
  const onDrop = useDropHandler();
  const panels = useMemo<Panels>(() => ({ open: setSide, close: () => setSide(null) }), [setSide]);
  useOpenBookingRequests(setSide, onNavigateDate, shownZone);
  const technicianZones = useMemo(() => [...new Set((board.data?.technicians ?? []).map((x) => x.timeZone))].sort(), [board.data]);
  const dateLabel = Temporal.PlainDate.from(date).toLocaleString(intl.locale, { weekday: 'short', month: 'short', day: 'numeric' });
  const closeSide = () => setSide(null);
  return (
    <PanelsProvider value={panels}>
      <BoardDnd store={store} geometryRef={geometryRef} technicianName={technicianName} judge={judge} onDrop={onDrop}>
        <div className="board-page">
          <section className="board-page-main" aria-label={t('board.grid')} aria-busy={board.isFetching} data-date={date} data-scale={scale} data-zone={shownZone}>
            <BoardToolbar scale={scale} onScale={(next) => setView((v) => ({ ...v, days: scaleDays[next] as BoardView['days'] }))} companyZone={companyZone} zone={shownZone} technicianZones={technicianZones} onZone={onZone} onPlan={() => setSide({ kind: 'plan' })} planning={side?.kind === 'plan'} />
            <BoardFilters view={view} onChange={setView} />
            <QueryState query={board} loadingLabel={t('board.loading')}>
              {(data) => (
                <BoardCanvas
                  data={data}
                  scale={scale}
                  selected={side?.kind === 'booking' ? side.bookingId : null}
                  onSelect={(bookingId) => setSide({ kind: 'booking', bookingId })}
                  store={store}
                  geometryRef={geometryRef}
                  ghosts={plan.run?.preview?.assignments}
                />
              )}
            </QueryState>
          </section>
          <aside className="board-page-side">
            {side?.kind === 'booking' && <BookingDetailPanel bookingId={side.bookingId} onClose={closeSide} />}
            {side?.kind === 'availability' && board.data && (
              <AvailabilityPanel
                target={side.target}
                reference={side.reference}
                range={{ from: board.data.rangeStart, to: board.data.rangeEnd }}
                shownZone={shownZone}
                onDone={() => setSide('bookingId' in side.target ? { kind: 'booking', bookingId: side.target.bookingId } : null)}
                onClose={closeSide}
              />
            )}
            {side?.kind === 'fit-in' && <FitInPanel workOrderId={side.workOrderId} reference={side.reference} onDone={closeSide} onClose={closeSide} />}
            {side?.kind === 'plan' && <PlanPanel date={date} dateLabel={dateLabel} plan={plan} onClose={closeSide} />}
            {!side && <WorkQueuePane />}
          </aside>
        </div>
      </BoardDnd>
    </PanelsProvider>
  );
}

interface BoardCanvasProps {
  data: BoardData;
  scale: BoardScale;
  selected: string | null;
  onSelect: (bookingId: string) => void;
  store: DragStore;
  geometryRef: { current: BoardGeometry | null };
  ghosts: Parameters<typeof PlanGhostLayer>[0]['assignments'] | undefined;
}

function BoardCanvas({ data, scale, selected, onSelect, store, geometryRef, ghosts }: BoardCanvasProps) {
  const t = useT();
  const { locale } = useIntl();
  const actions = useDispatchActions();
  const { menu, open: openMenu } = useBookingContextMenu(data.bookings, onSelect);
  const bookings = useMemo<BoardBooking[]>(
    () =>
      data.bookings.map((b) => ({
        id: b.id,
        resourceId: b.resourceId,
        workOrderId: b.workOrderId,
        version: b.version,
        start: b.start,
        end: b.end,
        status: b.status,
        title: b.title,
        reference: b.workOrderNumber,
        subtitle: b.accountName,
        needsReview: b.needsReview,
        pinned: b.pinned,
      })),
    [data.bookings],
  );
  const needReview = bookings.filter((b) => b.needsReview).length;
  // Subscribed here, so a drag's start and end (not its moves) reach the board's keyboard guard.
  useSyncExternalStore(store.subscribe, () => store.active());
  const overlay = (
    <>
      <DropTargetLayer store={store} />
      {ghosts && <PlanGhostLayer assignments={ghosts} />}
    </>
  );
  return (
    <>
      {menu}
      <p className="board-summary" data-testid="board-summary">
        {t('board.summary', { technicians: data.technicians.length, bookings: bookings.length, review: needReview })}
      </p>
      <ScheduleBoard
        technicians={data.technicians}
        bookings={bookings}
        rangeStart={data.rangeStart}
        rangeEnd={data.rangeEnd}
        timeZone={data.timeZone}
        now={Date.now()}
        selectedBookingId={selected}
        onSelectBooking={onSelect}
        onBookingContextMenu={openMenu}
        locale={isSupportedLocale(locale) ? locale : undefined}
        pxPerHour={scalePxPerHour[scale]}
        draggable
        lockedBookingIds={actions.locked}
        isDragActive={() => store.active()}
        overlay={overlay}
        geometryRef={geometryRef}
      />
    </>
  );
}

function scaleOfDays(days: BoardView['days']): BoardScale {
  return days === 1 ? 'day' : days === 3 ? '3days' : 'week';
}

/**
 * The side pane, tied to the workspace's selected booking: the map, the palette or a context
 * menu selecting a booking opens it here, and opening anything else (or closing) clears it.
 */
function useSelectionSidePanel(): [SidePanel | null, (panel: SidePanel | null) => void] {
  const { selectedBookingId, selectBooking } = useNavigation();
  const [side, setSideState] = useState<SidePanel | null>(null);
  useEffect(() => {
    if (selectedBookingId) setSideState((current) => (current?.kind === 'booking' && current.bookingId === selectedBookingId ? current : { kind: 'booking', bookingId: selectedBookingId }));
    else setSideState((current) => (current?.kind === 'booking' ? null : current));
  }, [selectedBookingId]);
  const setSide = useCallback(
    (panel: SidePanel | null) => {
      setSideState(panel);
      selectBooking(panel?.kind === 'booking' ? panel.bookingId : null);
    },
    [selectBooking],
  );
  return [side, setSide];
}

/** "Open the booking" from elsewhere (the sync-issues panel): go to its day and open it. */
function useOpenBookingRequests(open: (panel: SidePanel) => void, navigate: ((date: string) => void) | undefined, zone: string) {
  const api = useApi();
  useEffect(() => {
    const listener = (event: Event) => {
      const bookingId = (event as CustomEvent<{ bookingId?: unknown }>).detail?.bookingId;
      if (typeof bookingId !== 'string') return;
      open({ kind: 'booking', bookingId });
      void api.getBookingDetail({ bookingId }).then(
        (detail) => navigate?.(Temporal.Instant.fromEpochMilliseconds(detail.start).toZonedDateTimeISO(zone).toPlainDate().toString()),
        () => undefined,
      );
    };
    window.addEventListener(OPEN_BOOKING_EVENT, listener);
    return () => window.removeEventListener(OPEN_BOOKING_EVENT, listener);
  }, [api, open, navigate, zone]);
}
