import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'wouter';
import type { AppointmentSummary } from '../../../shared/contract/portal-http';
import { StatusBadge } from '../../components/status-badge';
import { useFormatTimes } from '../../i18n/format-visit';
import { useT } from '../../i18n/use-t';

/** One visit on the home page, with what can be done with it now. */
export function AppointmentCard({ appointment }: { appointment: AppointmentSummary }) {
  const t = useT();
  const { range } = useFormatTimes();
  const base = `/appointments/${encodeURIComponent(appointment.bookingId)}`;
  return (
    <Card component="article" withBorder padding="md" className="appointment-card" aria-label={`${appointment.service}, ${range(appointment.start, appointment.end)}`}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text className="appointment-when">{range(appointment.start, appointment.end)}</Text>
          <StatusBadge status={appointment.status} />
        </Group>
        <Text fw={500}>
          {appointment.service}
          {appointment.asset ? ` · ${appointment.asset.productName}` : ''}
        </Text>
        <Text size="sm" c="dimmed">
          {t('appointment.technician', { name: appointment.technicianName })} · {t('appointment.workOrder', { number: appointment.workOrderNumber })}
        </Text>
        {appointment.feedback && <Text size="sm">{t('home.feedbackSent', { rating: appointment.feedback.rating })}</Text>}
        <Group gap="xs" mt={4}>
          {appointment.trackingAvailable && (
            <Button component={Link} href={`${base}/tracking`} size="xs">
              {t('home.viewLiveMap')}
            </Button>
          )}
          {appointment.feedbackAllowed && (
            <Button component={Link} href={`${base}/feedback`} size="xs" variant="light">
              {t('home.sendFeedback')}
            </Button>
          )}
          <Button component={Link} href={base} size="xs" variant="default">
            {t('home.details')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
