import { Accordion, Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { calendarRouteRoles } from '../../../shared/contract/calendar-http';
import type { Role } from '../../../shared/contract/hub-http';
import type { CalendarPublishingView } from '../../../shared/contract/calendar-publishing';
import { useApi } from '../../api/api-context';
import { useSyncStatus } from '../../api/use-console-events';
import { QueryState } from '../../components/query-state';
import { useT } from '../../components/use-t';
import { calendarPublishingKey } from './calendar-publishing-query';
import { hubCallReason } from './hub-call-reason';
import { TechnicianCalendarRow } from './technician-calendar-row';
import './calendar-publishing.css';

/**
 * Portal → Calendars: each technician's iCalendar feed and CalDAV push, managed at the hub by an
 * administrator. Nothing of it is in the console's copy, so without the hub it says so instead.
 */
export function CalendarsPanel() {
  const t = useT();
  const id = useId();
  const blocked = useBlockedReason();
  return (
    <section className="portal-admin-panel calendars-panel" aria-labelledby={`${id}-heading`} data-testid="calendars-panel">
      <Title order={2} id={`${id}-heading`} size="h3" mb="xs">{t('calendars.heading')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('calendars.intro')}</Text>
      {blocked ? <Alert color="warning" data-testid="calendars-blocked">{blocked}</Alert> : <PublishingList />}
    </section>
  );
}

/** Why this screen cannot work now (demo data, signed out, a role that may not), or null. */
function useBlockedReason(): string | null {
  const t = useT();
  const intl = useIntl();
  const status = useSyncStatus().data;
  if (!status) return null;
  if (status.mode === 'demo') return t('calendars.needsHub');
  if (!status.user || status.connection === 'signed_out') return t('calendars.signIn');
  const allowed: readonly Role[] = calendarRouteRoles.publishing;
  if (!allowed.includes(status.user.role)) {
    const label = (role: Role) => t(`role.${role}`);
    return t('calendars.role', { role: label(status.user.role), roles: intl.formatList(allowed.map(label), { type: 'disjunction' }) });
  }
  return null;
}

const PUSHING_REFRESH_MS = 3_000;
const IDLE_REFRESH_MS = 60_000;

function PublishingList() {
  const t = useT();
  const api = useApi();
  // Straight from the hub: no retries behind the administrator's back, and a fresh answer each visit.
  const query = useQuery({
    queryKey: calendarPublishingKey,
    queryFn: async () => {
      try {
        return await api.getCalendarPublishing({});
      } catch (error) {
        throw new Error(hubCallReason(error, t));
      }
    },
    retry: false,
    staleTime: 0,
    // Pushes run at the hub after a save or "Push now" (possibly already under way there): while
    // any calendar has changes waiting, the health shown follows them.
    refetchInterval: (current) => (current.state.data?.technicians.some((tech) => tech.caldav?.enabled && tech.caldav.pending > 0) ? PUSHING_REFRESH_MS : IDLE_REFRESH_MS),
  });
  return (
    <QueryState query={query} loadingLabel={t('calendars.loading')}>
      {(view) => <TechnicianList view={view} />}
    </QueryState>
  );
}

function TechnicianList({ view }: { view: CalendarPublishingView }) {
  const t = useT();
  return (
    <Stack gap="sm">
      {view.support === 'feeds_only' && <Alert color="info" data-testid="calendars-feeds-only">{t('calendars.feedsOnly')}</Alert>}
      {view.technicians.length === 0 ? (
        <Text>{t('calendars.none')}</Text>
      ) : (
        <Accordion multiple variant="separated" chevronPosition="left" className="calendars-list">
          {view.technicians.map((technician) => (
            <TechnicianCalendarRow key={technician.resourceId} technician={technician} support={view.support} />
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
