import { Alert, Button, Group, List, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { CaldavTargetBodySchema, type CaldavFailure, type CaldavState, type TechnicianPublishing } from '../../../shared/contract/calendar-http';
import type { CalendarPublishingView } from '../../../shared/contract/calendar-publishing';
import { formatInstant } from '../../../shared/i18n/format-instant';
import { useApi } from '../../api/api-context';
import { useT } from '../../components/use-t';
import { calendarPublishingKey } from './calendar-publishing-query';
import { caldavFieldErrors } from './caldav-field-errors';
import { hubCallReason } from './hub-call-reason';

interface Props {
  technician: TechnicianPublishing;
  support: CalendarPublishingView['support'];
}

/** The technician's CalDAV push: where to (URL, account), on or off, and how it goes (last push, pending, failures). */
export function CaldavSection({ technician, support }: Props) {
  const t = useT();
  if (support === 'feeds_only') {
    return (
      <section className="calendar-section" aria-label={t('calendars.caldavHeading')}>
        <Title order={4} size="h5">{t('calendars.caldavHeading')}</Title>
        <Text size="sm" c="dimmed">{t('calendars.caldavUnsupported')}</Text>
      </section>
    );
  }
  return (
    <section className="calendar-section" aria-label={t('calendars.caldavHeading')} data-testid="caldav-section">
      <Title order={4} size="h5">{t('calendars.caldavHeading')}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t('calendars.caldavHelp')}</Text>
      {technician.caldav && <CaldavHealth technician={technician} caldav={technician.caldav} />}
      <CaldavForm technician={technician} />
    </section>
  );
}

/** The hub answers a save or a push with the technician's new state: shown at once, without asking for everyone's. */
function showTechnician(queryClient: QueryClient, technician: TechnicianPublishing): void {
  queryClient.setQueryData<CalendarPublishingView>(calendarPublishingKey, (view) => view && { ...view, technicians: view.technicians.map((x) => (x.resourceId === technician.resourceId ? technician : x)) });
}

/** The address shape a CalDAV server such as Radicale, Nextcloud or Fastmail gives for one calendar. */
const EXAMPLE_URL = 'https://calendar.example.com/dav/alex/work/';

/** Addresses and user names read left to right in every language; their labels follow the page. */
const ltrValue = { input: 'ltr-value' };

interface Draft {
  url: string;
  username: string;
  password: string;
  enabled: boolean;
}

function CaldavForm({ technician }: { technician: TechnicianPublishing }) {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const stored = technician.caldav;
  // What was typed stays after a failed save; only a saved target resets the password field.
  const [draft, setDraft] = useState<Draft>({ url: stored?.url ?? '', username: stored?.username ?? '', password: '', enabled: stored?.enabled ?? true });
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const save = useMutation({
    mutationFn: (target: Parameters<typeof api.saveCaldavTarget>[0]['target']) => api.saveCaldavTarget({ resourceId: technician.resourceId, target }),
    onSuccess: (saved) => {
      setDraft((d) => ({ ...d, password: '' }));
      showTechnician(queryClient, saved);
    },
  });
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    // "Saved" no longer describes what the form holds once it is edited again.
    if (save.isSuccess) save.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Left empty: the hub keeps the stored password (a new target needs one).
    const candidate = { url: draft.url, username: draft.username, enabled: draft.enabled, ...(draft.password === '' ? {} : { password: draft.password }) };
    const parsed = CaldavTargetBodySchema.safeParse(candidate);
    const found = parsed.success ? new Map<string, string>() : caldavFieldErrors(parsed.error.issues, t);
    if (!stored && draft.password === '') found.set('password', t('calendars.error.passwordNeeded'));
    setErrors(found);
    if (parsed.success && found.size === 0) save.mutate(parsed.data);
  };
  return (
    <form onSubmit={submit} noValidate className="caldav-form" data-testid="caldav-form">
      <Stack gap="xs">
        <TextInput label={t('calendars.caldavUrl')} description={<>{t('calendars.caldavUrlHelp')} <bdi dir="ltr">{EXAMPLE_URL}</bdi></>} classNames={ltrValue} value={draft.url} onChange={(e) => set('url', e.currentTarget.value)} error={errors.get('url')} />
        <Group grow align="flex-start">
          <TextInput label={t('calendars.caldavUser')} classNames={ltrValue} autoComplete="off" value={draft.username} onChange={(e) => set('username', e.currentTarget.value)} error={errors.get('username')} />
          <PasswordInput
            label={t('calendars.caldavPassword')}
            description={stored ? t('calendars.caldavPasswordKeep') : t('calendars.caldavPasswordNew')}
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={errors.get('password')}
          />
        </Group>
        <Switch label={t('calendars.caldavEnabled')} description={t('calendars.caldavEnabledHelp')} checked={draft.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} />
        {save.isError && <Alert color="danger" role="alert">{t('calendars.saveFailed', { reason: hubCallReason(save.error, t) })}</Alert>}
        {save.isSuccess && !save.isPending && <Text size="sm" role="status">{t('calendars.saved')}</Text>}
        <Group>
          <Button type="submit" loading={save.isPending}>{t('calendars.caldavSave')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Work order numbers listed under one server answer; the rest are counted. */
const SHOWN_PER_ERROR = 5;

/**
 * Failures grouped by the server's answer: a wrong password fails every event the same way, and
 * one line per answer says it once (the most attempts, the soonest next try).
 */
function groupFailures(failures: readonly CaldavFailure[]): { error: string; workOrders: string[]; attempts: number; nextAttemptAt: number | null }[] {
  const groups = new Map<string, { error: string; workOrders: string[]; attempts: number; nextAttemptAt: number | null }>();
  for (const failure of failures) {
    const group = groups.get(failure.error) ?? { error: failure.error, workOrders: [], attempts: 0, nextAttemptAt: null };
    group.workOrders.push(failure.workOrderNumber);
    group.attempts = Math.max(group.attempts, failure.attempts);
    if (failure.nextAttemptAt !== null) group.nextAttemptAt = Math.min(group.nextAttemptAt ?? Infinity, failure.nextAttemptAt);
    groups.set(failure.error, group);
  }
  return [...groups.values()];
}

function CaldavHealth({ technician, caldav }: { technician: TechnicianPublishing; caldav: CaldavState }) {
  const t = useT();
  const intl = useIntl();
  const api = useApi();
  const queryClient = useQueryClient();
  const push = useMutation({
    mutationFn: () => api.pushCaldavNow({ resourceId: technician.resourceId }),
    onSuccess: (pushed) => showTechnician(queryClient, pushed),
  });
  return (
    <Stack gap={4} mb="sm" data-testid="caldav-health">
      <Text size="sm" data-testid="caldav-last-push">{caldav.lastPushedAt === null ? t('calendars.neverPushed') : t('calendars.lastPushed', { when: formatInstant(intl, caldav.lastPushedAt) })}</Text>
      <Text size="sm" data-testid="caldav-pending">{t('calendars.pending', { count: caldav.pending })}</Text>
      {caldav.failures.length > 0 && <Text size="sm" fw={600} c="var(--danger-fg)">{t('calendars.failures', { count: caldav.failures.length })}</Text>}
      {caldav.failures.length > 0 && (
        <List size="sm" spacing={2} data-testid="caldav-failures">
          {groupFailures(caldav.failures).map((group) => (
            <List.Item key={group.error} data-testid="caldav-failure">
              <span dir="auto">{group.error}</span>{' '}
              <bdi>{t('calendars.failureWorkOrders', { list: group.workOrders.slice(0, SHOWN_PER_ERROR).join(', '), more: Math.max(0, group.workOrders.length - SHOWN_PER_ERROR) })}</bdi>{' '}
              <Text span size="xs" c="dimmed">
                ({t('calendars.attempts', { count: group.attempts })}; {group.nextAttemptAt === null ? t('calendars.noRetry') : t('calendars.nextTry', { when: formatInstant(intl, group.nextAttemptAt) })})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Group>
        <Button size="compact-sm" variant="default" loading={push.isPending} disabled={!caldav.enabled} onClick={() => push.mutate()}>{t('calendars.pushNow')}</Button>
        {!caldav.enabled && <Text size="xs" c="dimmed">{t('calendars.pushOff')}</Text>}
      </Group>
      {push.isError && <Alert color="danger" role="alert">{t('calendars.pushFailed', { reason: hubCallReason(push.error, t) })}</Alert>}
    </Stack>
  );
}
