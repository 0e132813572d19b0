import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { emptyBoardFilter, type BoardView } from '../../../shared/contract/board-views';
import { useIntl } from 'react-intl';
import type { BoardData } from '../../../shared/contract/ipc-contract';
import { useApi } from '../../api/api-context';
import { boardQuery } from '../../api/queries';
import { QueryState } from '../../components/query-state';
import { useT } from '../../components/use-t';
import { isSupportedLocale } from '../../../shared/i18n/locales';
import { useNavigation } from '../../app/navigation';
import { BookingDetailPanel } from '../booking-detail/booking-detail-panel';
import { BoardFilters } from './board-filters';
import { useBookingContextMenu } from './booking-context-menu';
import { WorkQueuePane } from '../work-queue/work-queue-pane';
import type { BoardBooking } from './board-types';
import { ScheduleBoard } from './schedule-board';

interface Props {
  date: string;
  timeZone: string;
}

/** The dispatcher's day: the board, the unscheduled pane and the selected booking's details. */
export function BoardPage({ date, timeZone }: Props) {
  const api = useApi();
  const [view, setView] = useState<BoardView>({ filter: emptyBoardFilter, days: 1 });
  const board = useQuery({ ...boardQuery(api, date, timeZone, view), placeholderData: keepPreviousData });
  // The selection is the workspace's: the map selects on the board too.
  const { selectedBookingId: selected, selectBooking: setSelected } = useNavigation();
  const t = useT();
  return (
    <div className="board-page">
      <section className="board-page-main" aria-label={t('board.grid')} aria-busy={board.isFetching} data-date={date}>
        <BoardFilters view={view} onChange={setView} />
        <QueryState query={board} loadingLabel={t('board.loading')}>
          {(data) => <BoardWithSummary data={data} selected={selected} onSelect={setSelected} />}
        </QueryState>
      </section>
      <aside className="board-page-side">
        {selected ? <BookingDetailPanel bookingId={selected} onClose={() => setSelected(null)} /> : <WorkQueuePane />}
      </aside>
    </div>
  );
}

function BoardWithSummary({ data, selected, onSelect }: { data: BoardData; selected: string | null; onSelect: (id: string) => void }) {
  const bookings = useMemo<BoardBooking[]>(
    () =>
      data.bookings.map((b) => ({
        id: b.id,
        resourceId: b.resourceId,
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
  const t = useT();
  const { locale } = useIntl();
  const { menu, open: openMenu } = useBookingContextMenu(data.bookings, onSelect);
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
      />
    </>
  );
}
