import { Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import type { AppointmentDetail } from '../../../shared/contract/portal-http';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { useFormatTimes } from '../../i18n/format-visit';
import { useT } from '../../i18n/use-t';
import { CallbackRequestForm } from './callback-request-form';
import { CancelForm } from './cancel-form';
import { ChangeLockNotice } from './change-lock-notice';
import { MoveForm } from './move-form';
import { useAppointment } from './use-appointment';

/** One visit: its facts, and moving or cancelling it when allowed, else why not (and a callback inside the notice). */
export function AppointmentScreen({ bookingId }: { bookingId: string }) {
  const t = useT();
  const appointment = useAppointment(bookingId);
  return (
    <QueryState query={appointment} loadingLabel={t('appointment.loading')}>
      {(data) => (
        <Page title={t('appointment.workOrder', { number: data.workOrderNumber })}>
          <Anchor component={Link} href="/">{t('nav.back')}</Anchor>
          <AppointmentFacts appointment={data} />
          <AppointmentActions appointment={data} />
        </Page>
      )}
    </QueryState>
  );
}

function AppointmentFacts({ appointment }: { appointment: AppointmentDetail }) {
  const t = useT();
  const { range } = useFormatTimes();
  return (
    <dl className="facts">
      <dt>{t('appointment.when')}</dt>
      <dd>
        <Group gap="xs">
          <span className="appointment-when">{range(appointment.start, appointment.end)}</span>
          <StatusBadge status={appointment.status} />
        </Group>
      </dd>
      <dt>{t('appointment.service')}</dt>
      <dd>{appointment.service}</dd>
      {appointment.asset && (
        <>
          <dt>{t('appointment.equipment')}</dt>
          <dd>{t('appointment.equipmentValue', { product: appointment.asset.productName, serial: appointment.asset.serialNumber })}</dd>
        </>
      )}
      <dt>{t('appointment.technicianLabel')}</dt>
      <dd>{appointment.technicianName}</dd>
      <dt>{t('appointment.address')}</dt>
      <dd>{appointment.address}</dd>
      {appointment.customerComments && (
        <>
          <dt>{t('appointment.comments')}</dt>
          <dd className="preserve-lines">{appointment.customerComments}</dd>
        </>
      )}
      {appointment.cancellationNote && (
        <>
          <dt>{t('appointment.cancellationNote')}</dt>
          <dd className="preserve-lines">{appointment.cancellationNote}</dd>
        </>
      )}
    </dl>
  );
}

type Panel = 'none' | 'move' | 'cancel';

function AppointmentActions({ appointment }: { appointment: AppointmentDetail }) {
  const t = useT();
  const [panel, setPanel] = useState<Panel>('none');
  const [done, setDone] = useState<string | null>(null);
  const base = `/appointments/${encodeURIComponent(appointment.bookingId)}`;
  const finished = (message: string) => {
    setPanel('none');
    setDone(message);
  };
  return (
    <Stack gap="md">
      {done && (
        <Alert color="brand" role="status">
          {done}
        </Alert>
      )}
      <Group gap="xs">
        {appointment.trackingAvailable && <Button component={Link} href={`${base}/tracking`}>{t('home.viewLiveMap')}</Button>}
        {appointment.feedbackAllowed && <Button component={Link} href={`${base}/feedback`} variant="light">{t('home.sendFeedback')}</Button>}
        {appointment.changeLock === null && (
          <>
            <Button variant={panel === 'move' ? 'filled' : 'default'} aria-expanded={panel === 'move'} onClick={() => setPanel(panel === 'move' ? 'none' : 'move')}>
              {t('appointment.move')}
            </Button>
            <Button variant={panel === 'cancel' ? 'filled' : 'default'} color={panel === 'cancel' ? 'danger' : undefined} aria-expanded={panel === 'cancel'} onClick={() => setPanel(panel === 'cancel' ? 'none' : 'cancel')}>
              {t('appointment.cancel')}
            </Button>
          </>
        )}
      </Group>
      {appointment.changeLock !== null && <ChangeLockNotice appointment={appointment} />}
      {appointment.changeLock === 'inside_change_notice' && <CallbackRequestForm bookingId={appointment.bookingId} />}
      {appointment.changeLock === null && panel === 'move' && <MoveForm appointment={appointment} onMoved={finished} />}
      {appointment.changeLock === null && panel === 'cancel' && <CancelForm bookingId={appointment.bookingId} onCanceled={finished} onKeep={() => setPanel('none')} />}
    </Stack>
  );
}
