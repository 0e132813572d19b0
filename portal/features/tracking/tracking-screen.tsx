import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'wouter';
import type { TrackingResponse } from '../../../shared/contract/portal-http';
import { usePortalClient } from '../../api/portal-client-context';
import { Page } from '../../components/page';
import { Loading, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { useFormatTimes } from '../../i18n/format-visit';
import { useT } from '../../i18n/use-t';

// Leaflet loads only when a tile server is configured: without one the page is text alone.
const TrackingMap = lazy(() => import('./tracking-map'));

/**
 * The technician on the way: who, how to call them, where they last were and when they should
 * arrive. Refreshes by itself while the visit is Traveling and stops once it is not.
 */
export default function TrackingScreen({ bookingId }: { bookingId: string }) {
  const t = useT();
  const client = usePortalClient();
  const tracking = useQuery({
    queryKey: ['tracking', bookingId],
    queryFn: () => client.call<TrackingResponse>('tracking', { params: { bookingId } }),
    refetchInterval: (query) => (query.state.data?.tracking ? Math.max(5, query.state.data.refreshSeconds) * 1000 : false),
    refetchIntervalInBackground: false,
  });
  return (
    <Page title={t('tracking.title')}>
      <Anchor component={Link} href={`/appointments/${encodeURIComponent(bookingId)}`}>{t('tracking.back')}</Anchor>
      <QueryState query={tracking} loadingLabel={t('tracking.loading')}>
        {(data) => <TrackingDetails data={data} />}
      </QueryState>
    </Page>
  );
}

function TrackingDetails({ data }: { data: TrackingResponse }) {
  const t = useT();
  const intl = useIntl();
  const { instant, clock } = useFormatTimes();
  const { technician, position } = data;
  const coordinate = (value: number) => intl.formatNumber(value, { maximumFractionDigits: 5, minimumFractionDigits: 5 });
  return (
    <Stack gap="md">
      <Group gap="md" wrap="nowrap" align="center">
        {technician.photoUrl && <img className="technician-photo" src={technician.photoUrl} alt={t('tracking.photo', { name: technician.name })} />}
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600} size="lg">{technician.name}</Text>
            <StatusBadge status={data.status} />
          </Group>
          {technician.phone && (
            <Anchor href={`tel:${technician.phone.replace(/[^\d+]/g, '')}`}>{t('tracking.phone', { phone: technician.phone })}</Anchor>
          )}
        </Stack>
      </Group>
      {!data.tracking && (
        <Alert color="gray" role="status">
          {data.status === 'in_progress' ? t('tracking.stoppedInProgress') : t('tracking.stopped', { status: t(`status.${data.status}`).toLocaleLowerCase() })}
        </Alert>
      )}
      {data.tracking && (
        <div aria-live="polite" className="tracking-text">
          <Text fw={600}>{data.arrivalEstimate !== null ? t('tracking.arrival', { time: instant(data.arrivalEstimate) }) : t('tracking.noArrival')}</Text>
          <Text>{position ? t('tracking.position', { lat: coordinate(position.lat), lng: coordinate(position.lng), time: clock(position.at) }) : t('tracking.noPosition')}</Text>
          <Text size="sm" c="dimmed">{t('tracking.destination', { address: data.site.address })}</Text>
          <Text size="sm" c="dimmed">{t('tracking.refreshing')}</Text>
        </div>
      )}
      {data.tracking && data.tileUrl && (
        <Suspense fallback={<Loading label={t('app.loading')} />}>
          <TrackingMap tileUrl={data.tileUrl} site={data.site} position={position} label={t('tracking.map')} />
        </Suspense>
      )}
      {data.tracking && !data.tileUrl && <Text size="sm" c="dimmed">{t('tracking.mapOff')}</Text>}
    </Stack>
  );
}
