import { Accordion, Alert, Badge, Button, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { TechnicianPublishing } from '../../../shared/contract/calendar-http';
import type { CalendarPublishingView } from '../../../shared/contract/calendar-publishing';
import { formatInstant } from '../../../shared/i18n/format-instant';
import { useApi } from '../../api/api-context';
import { useT } from '../../components/use-t';
import { calendarPublishingKey } from './calendar-publishing-query';
import { CaldavSection } from './caldav-section';
import { hubCallReason } from './hub-call-reason';

interface Props {
  technician: TechnicianPublishing;
  support: CalendarPublishingView['support'];
}

/** One technician: a summary line (feed, CalDAV) that opens their feed and CalDAV settings. */
export function TechnicianCalendarRow({ technician, support }: Props) {
  const t = useT();
  const caldav = technician.caldav;
  const failures = caldav?.failures.length ?? 0;
  return (
    <Accordion.Item value={technician.resourceId} data-testid="technician-calendar" data-resource-id={technician.resourceId}>
      <Accordion.Control>
        <Group gap="sm" wrap="wrap">
          <Text fw={600}><bdi>{technician.name}</bdi></Text>
          {support === 'full' && (
            <Badge variant="light" tt="none" color={technician.feedIssuedAt === null ? 'gray' : 'brand'}>{technician.feedIssuedAt === null ? t('calendars.feedNone') : t('calendars.feedMade')}</Badge>
          )}
          {support === 'full' && <Badge variant="light" tt="none" color={!caldav ? 'gray' : failures > 0 ? 'danger' : caldav.enabled ? 'success' : 'gray'}>{caldavSummary(t, caldav)}</Badge>}
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="md">
          <FeedSection technician={technician} support={support} />
          <CaldavSection technician={technician} support={support} />
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

function caldavSummary(t: ReturnType<typeof useT>, caldav: TechnicianPublishing['caldav']): string {
  if (!caldav) return t('calendars.caldavNone');
  if (caldav.failures.length > 0) return t('calendars.caldavFailing', { count: caldav.failures.length });
  return caldav.enabled ? t('calendars.caldavOn') : t('calendars.caldavOff');
}

/** The secret feed: when it was made, and a new address on request (shown once: the hub keeps only its hash). */
function FeedSection({ technician, support }: Props) {
  const t = useT();
  const intl = useIntl();
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  // A hub that reports no publishing state still made the address just now.
  const [rotatedAt, setRotatedAt] = useState<number | null>(null);
  const madeAt = technician.feedIssuedAt ?? rotatedAt;
  const rotate = useMutation({
    mutationFn: () => api.rotateCalendarFeed({ resourceId: technician.resourceId }),
    onSuccess: () => {
      setConfirming(false);
      setRotatedAt(Date.now());
      void queryClient.invalidateQueries({ queryKey: calendarPublishingKey });
    },
  });
  // Replacing stops the old address: ask first when one exists (or may exist, on a hub that cannot say).
  const mayExist = madeAt !== null || support === 'feeds_only';
  const ask = () => (mayExist ? setConfirming(true) : rotate.mutate());
  return (
    <section className="calendar-section" aria-label={t('calendars.feedHeading')} data-testid="feed-section">
      <Title order={4} size="h5">{t('calendars.feedHeading')}</Title>
      <Text size="sm" c="dimmed" data-testid="feed-state">
        {support === 'feeds_only' && madeAt === null ? t('calendars.feedUnknown') : madeAt === null ? t('calendars.feedNeverMade') : t('calendars.feedMadeAt', { when: formatInstant(intl, madeAt) })}
      </Text>
      {rotate.data && <FeedAddress url={rotate.data.url} />}
      {confirming ? (
        <Alert color="warning" mt="xs" data-testid="feed-confirm">
          <Text size="sm" mb="xs">{t(madeAt === null ? 'calendars.feedConfirmMaybe' : 'calendars.feedConfirm', { name: technician.name })}</Text>
          <Group gap="xs">
            <Button size="compact-sm" color="danger" loading={rotate.isPending} onClick={() => rotate.mutate()}>{t('calendars.feedReplace')}</Button>
            <Button size="compact-sm" variant="default" disabled={rotate.isPending} onClick={() => setConfirming(false)}>{t('calendars.feedKeep')}</Button>
          </Group>
        </Alert>
      ) : (
        <Group mt="xs">
          <Button size="compact-sm" variant="default" loading={rotate.isPending} onClick={ask}>{t('calendars.feedMake')}</Button>
        </Group>
      )}
      {rotate.isError && <Alert color="danger" role="alert" mt="xs">{hubCallReason(rotate.error, t)}</Alert>}
    </section>
  );
}

function FeedAddress({ url }: { url: string }) {
  const t = useT();
  return (
    <Stack gap={4} mt="xs" data-testid="feed-address">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput className="feed-url" classNames={{ input: 'ltr-value' }} label={t('calendars.feedUrl')} value={url} readOnly onFocus={(event) => event.currentTarget.select()} />
        <CopyButton value={url}>
          {({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? t('calendars.copied') : t('calendars.copy')}</Button>}
        </CopyButton>
      </Group>
      <Text size="sm" role="note">{t('calendars.feedOnce')}</Text>
    </Stack>
  );
}
