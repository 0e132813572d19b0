import { Button, Group, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import type { MapTechnician, MapVisit } from '../../../shared/contract/map-day';
import { formatInstantRange } from '../../../shared/i18n/format-instant';
import { useApi } from '../../api/api-context';
import { useNavigation } from '../../app/navigation';
import { QueryState } from '../../components/query-state';
import { useStatusLabel } from '../../components/status-label';
import { useT } from '../../components/use-t';
import { DayMap } from './day-map';
import { technicianWhereabouts } from './technician-whereabouts';
import './map-page.css';

/**
 * The day's visits and where each technician was last known to be: a list (usable without any
 * map tiles, and with the keyboard) beside a Leaflet map. Selecting a visit selects its booking
 * on the board too.
 */
export function MapPage({ date, timeZone }: { date: string; timeZone: string }) {
  const api = useApi();
  const t = useT();
  const day = useQuery({ queryKey: ['map', date, timeZone], queryFn: () => api.getMapDay({ date, timeZone }), placeholderData: keepPreviousData });
  const preferences = useQuery({ queryKey: ['preferences'], queryFn: () => api.getPreferences({}) });
  return (
    <div className="map-page" data-testid="map-page">
      <QueryState query={day} loadingLabel={t('map.loading')}>
        {(data) => (
          <>
            <aside className="map-side" aria-label={t('map.lists')}>
              <VisitList visits={data.visits} />
              <TechnicianList technicians={data.technicians} />
            </aside>
            <section className="map-canvas" aria-label={t('map.title')}>
              <DayMap visits={data.visits} technicians={data.technicians} tileUrl={preferences.data?.mapTileUrl ?? null} />
              {!preferences.data?.mapTileUrl && <p className="map-no-tiles">{t('map.noTiles')}</p>}
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}

function VisitList({ visits }: { visits: readonly MapVisit[] }) {
  const t = useT();
  const intl = useIntl();
  const statusLabel = useStatusLabel();
  const { selectedBookingId, selectBooking, setView } = useNavigation();
  return (
    <section aria-labelledby="map-visits-heading">
      <Title order={2} id="map-visits-heading" className="side-pane-title">{t('map.visits', { count: visits.length })}</Title>
      {visits.length === 0 ? (
        <Text c="dimmed">{t('map.noVisits')}</Text>
      ) : (
        <ul className="record-list" data-testid="map-visits">
          {visits.map((v) => {
            const selected = v.bookingId === selectedBookingId;
            return (
              <li key={v.bookingId} className={selected ? 'map-visit map-visit--selected' : 'map-visit'} data-testid="map-visit" data-booking-id={v.bookingId}>
                <button type="button" className="map-visit-button" aria-pressed={selected} onClick={() => selectBooking(v.bookingId)}>
                  <strong><bdi>{v.workOrderNumber}</bdi> · <bdi>{v.title}</bdi></strong>
                  <span className="muted"><bdi>{v.accountName}</bdi> · <bdi>{v.resourceName}</bdi> · {statusLabel(v.status)}</span>
                  <span className="muted">{formatInstantRange(intl, v.start, v.end)}</span>
                </button>
                {selected && (
                  <Group gap="xs" mt={4}>
                    <Button size="compact-xs" variant="default" onClick={() => setView('board')}>{t('map.showOnBoard')}</Button>
                  </Group>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function TechnicianList({ technicians }: { technicians: readonly MapTechnician[] }) {
  const t = useT();
  return (
    <section aria-labelledby="map-technicians-heading">
      <Title order={2} id="map-technicians-heading" className="side-pane-title">{t('map.technicians')}</Title>
      <ul className="record-list" data-testid="map-technicians">
        {technicians.map((tech) => (
          <li key={tech.id} className="map-technician">
            <strong><bdi>{tech.name}</bdi></strong> <span className="muted">{technicianWhereabouts(tech, t)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
