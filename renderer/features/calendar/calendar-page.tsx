import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import listPlugin from '@fullcalendar/react/list';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import arLocale from '@fullcalendar/react/locales/ar';
import esLocale from '@fullcalendar/react/locales/es';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { textDirection, isSupportedLocale } from '../../../shared/i18n/locales';
import { useApi } from '../../api/api-context';
import { useNavigation } from '../../app/navigation';
import { useStatusLabel } from '../../components/status-label';
import { statusColors } from '../../components/status-colors';
import { useT } from '../../components/use-t';
import { makeScrollersFocusable } from './focusable-scrollers';
import { TechnicianPicker } from './technician-picker';

interface Props {
  date: string;
  timeZone: string;
}

const calendarLocales = [esLocale, arLocale];

interface VisibleRange {
  start: number;
  end: number;
}

/**
 * FullCalendar's MIT views for one technician or the whole team. Events are fetched for the
 * range FullCalendar shows, so paging weeks only loads what is on screen.
 */
export function CalendarPage({ date, timeZone }: Props) {
  const api = useApi();
  const t = useT();
  const { locale } = useIntl();
  const direction = isSupportedLocale(locale) ? textDirection(locale) : 'ltr';
  const statusLabel = useStatusLabel();
  // The palette can ask for one technician's calendar.
  const { calendarTechnicianId } = useNavigation();
  const [resourceId, setResourceId] = useState<string | undefined>(calendarTechnicianId);
  useEffect(() => setResourceId(calendarTechnicianId), [calendarTechnicianId]);
  const [range, setRange] = useState<VisibleRange | null>(null);
  const bookings = useQuery({
    queryKey: ['calendar', range?.start, range?.end, resourceId],
    queryFn: () => api.listBookings({ rangeStart: range!.start, rangeEnd: range!.end, ...(resourceId ? { resourceId } : {}) }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
  const events = useMemo(
    () =>
      (bookings.data ?? []).map((b) => ({
        id: b.id,
        title: `${b.workOrderNumber} ${b.title}${resourceId ? '' : ` · ${b.resourceName}`}`,
        start: new Date(b.start),
        end: new Date(b.end),
        className: `calendar-event status-${b.status}`,
        color: statusColors[b.status],
        extendedProps: { status: statusLabel(b.status), account: b.accountName },
      })),
    [bookings.data, resourceId, statusLabel],
  );
  const root = useRef<HTMLDivElement>(null);
  // After each render of events the panes may have started (or stopped) scrolling.
  useEffect(() => makeScrollersFocusable(root.current, t('calendar.label')), [events, range, t]);
  return (
    <div className="calendar-page" data-testid="calendar-page" ref={root}>
      <div className="calendar-toolbar">
        <TechnicianPicker value={resourceId} onChange={setResourceId} date={date} timeZone={timeZone} />
        {bookings.isFetching && <span role="status" className="muted">{t('calendar.loading')}</span>}
        {bookings.isError && <span role="alert">{t('calendar.loadFailed', { reason: bookings.error.message })}</span>}
      </div>
      <FullCalendar
        key={date}
        plugins={[classicThemePlugin, timeGridPlugin, dayGridPlugin, listPlugin]}
        initialView={resourceId ? 'timeGridWeek' : 'listWeek'}
        initialDate={date}
        timeZone={timeZone}
        // FullCalendar's own words (toolbar, week days) in the console's language.
        locales={calendarLocales}
        locale={locale}
        direction={direction}
        headerToolbar={{ start: 'prev,next', center: 'title', end: 'timeGridWeek,timeGridDay,dayGridMonth,listWeek' }}
        height="100%"
        nowIndicator
        slotMinTime="06:00:00"
        slotMaxTime="20:00:00"
        dayMaxEvents
        events={events}
        datesSet={(info) => setRange({ start: info.start.valueOf(), end: info.end.valueOf() })}
      />
    </div>
  );
}
