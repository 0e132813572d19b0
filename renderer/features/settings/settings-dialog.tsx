import { Alert, Button, Group, Loader, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ApiError } from '../../../shared/contract/api-result';
import type { SyncStatus } from '../../../shared/contract/ipc-contract';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { formatInstant } from '../../../shared/i18n/format-instant';
import { useApi } from '../../api/api-context';
import { applySyncStatus, useSyncStatus } from '../../api/use-console-events';
import { richText } from '../../components/rich-text';
import { useT } from '../../components/use-t';
import { startedOverMessages, startOverMessages } from '../sync/start-over-messages';
import { AppearanceSection } from './appearance-section';
import { MapSection } from './map-section';

type Field = 'url' | 'email' | 'password';
const fieldLabels: Record<Field, MessageKey> = { url: 'settings.hub.address', email: 'settings.hub.email', password: 'settings.hub.password' };
/** The contract's validation messages (shared/contract/ipc-contract.ts), in the reader's language. */
const knownIssues: ReadonlyMap<string, MessageKey> = new Map([
  ['url:must be an http(s) address like http://127.0.0.1:4800', 'settings.error.url'],
  ['email:is not a valid e-mail address', 'settings.error.email'],
  ['password:is required', 'settings.error.passwordRequired'],
]);

interface Props {
  open: boolean;
  onClose: () => void;
  onOpenIssues: () => void;
}

/** Appearance (theme, language) and the hub connection: address and sign-in, or — when connected — who we are, "Sync now" and "Disconnect". */
export function SettingsDialog({ open, onClose, onOpenIssues }: Props) {
  const t = useT();
  return (
    <Modal
      opened={open}
      onClose={onClose}
      title={t('settings.title')}
      size={460}
      data-testid="settings-dialog"
      closeButtonProps={{ 'aria-label': t('settings.close') }}
    >
      <Stack gap="lg">
        <AppearanceSection />
        <HubSection onOpenIssues={onOpenIssues} />
        <MapSection />
      </Stack>
    </Modal>
  );
}

function HubSection({ onOpenIssues }: { onOpenIssues: () => void }) {
  const t = useT();
  const status = useSyncStatus();
  const connected = status.data?.mode === 'hub' && status.data.user && status.data.connection !== 'signed_out';
  return (
    <section className="settings-section" aria-labelledby="hub-heading">
      <Title order={3} id="hub-heading" className="settings-heading">{t('settings.hub.heading')}</Title>
      {status.isError && (
        <Alert color="danger" role="alert" mb="sm">{t('settings.hub.statusUnknown', { reason: status.error.message })}</Alert>
      )}
      {connected && status.data ? <ConnectedHub status={status.data} onOpenIssues={onOpenIssues} /> : <ConnectForm status={status.data} />}
    </section>
  );
}

function ConnectedHub({ status, onOpenIssues }: { status: SyncStatus; onOpenIssues: () => void }) {
  const api = useApi();
  const t = useT();
  const intl = useIntl();
  const queryClient = useQueryClient();
  const onStatus = (next: SyncStatus) => applySyncStatus(queryClient, next);
  const syncNow = useMutation({ mutationFn: () => api.syncNow({}), onSuccess: onStatus });
  const disconnect = useMutation({ mutationFn: () => api.disconnectHub({}), onSuccess: onStatus });
  const busy = syncNow.isPending || disconnect.isPending;
  const error = syncNow.error ?? disconnect.error;
  return (
    <Stack className="settings-connected" data-testid="hub-connected" gap="xs">
      <Text>
        <FormattedMessage
          id="settings.hub.connectedAs"
          values={{ url: status.hubUrl, name: status.user?.name, role: status.user?.role, ...richText }}
        />
      </Text>
      {status.initialSync ? (
        <Stack gap={4} role="status" data-testid="initial-sync">
          <Group gap="xs">
            <Loader size="xs" aria-hidden="true" /> {t('sync.downloadingRows', { rows: status.initialSync.received })}
          </Group>
          {status.lastStartOver && <Text size="sm">{t(startOverMessages[status.lastStartOver.reason])}</Text>}
        </Stack>
      ) : (
        <Text c="dimmed">
          {t('settings.hub.summary', {
            sync: status.lastSuccessAt ? t('sync.lastSync', { when: formatInstant(intl, status.lastSuccessAt) }) : t('sync.notSyncedYet'),
            pending: status.pendingCount,
            refused: status.refusedCount,
          })}
        </Text>
      )}
      {status.lastError && <Alert color="danger" role="alert">{status.lastError}</Alert>}
      {error && <Alert color="danger" role="alert">{error.message}</Alert>}
      <Group gap="xs" mt="xs">
        <Button disabled={busy} loading={syncNow.isPending} onClick={() => syncNow.mutate()}>
          {syncNow.isPending ? t('settings.hub.syncing') : t('settings.hub.syncNow')}
        </Button>
        <Button variant="default" onClick={onOpenIssues}>{t('settings.hub.openIssues')}</Button>
        <Button variant="default" disabled={busy} onClick={() => disconnect.mutate()}>
          {disconnect.isPending ? t('settings.hub.disconnecting') : t('settings.hub.disconnect')}
        </Button>
      </Group>
      <Text c="dimmed" size="xs">{t('settings.hub.disconnectNote')}</Text>
      <Text c="dimmed" size="xs" data-testid="session-protection">{status.sessionProtection === 'os' ? t('settings.hub.sessionOs') : t('settings.hub.sessionPlain')}</Text>
      <RedownloadEverything status={status} busy={busy} />
    </Stack>
  );
}

/**
 * Rebuilds the replica from the hub (keeping unsent changes). Asks first, since the download can
 * take a while; the board keeps its current copy until the new one is complete.
 */
function RedownloadEverything({ status, busy }: { status: SyncStatus; busy: boolean }) {
  const api = useApi();
  const t = useT();
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const redownload = useMutation({
    mutationFn: () => api.redownloadAll({}),
    onSuccess: (next) => applySyncStatus(queryClient, next),
    onSettled: () => setConfirming(false),
  });
  const last = status.lastStartOver;
  return (
    <Stack gap="xs" mt="sm" data-testid="redownload">
      {last && !status.initialSync && (
        <Text c="dimmed" size="xs" data-testid="last-start-over">
          {t('settings.hub.lastStartOver', { when: formatInstant(intl, last.at), reason: t(startedOverMessages[last.reason]) })}
        </Text>
      )}
      {redownload.error && <Alert color="danger" role="alert">{redownload.error.message}</Alert>}
      {confirming ? (
        <Alert color="warning" role="alertdialog" aria-labelledby="redownload-question">
          <Text id="redownload-question" mb="xs">{t('settings.hub.redownloadConfirm')}</Text>
          <Group gap="xs">
            <Button loading={redownload.isPending} onClick={() => redownload.mutate()} data-autofocus>
              {t('settings.hub.redownloadGo')}
            </Button>
            <Button variant="default" disabled={redownload.isPending} onClick={() => setConfirming(false)}>
              {t('settings.hub.redownloadCancel')}
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group>
          <Button variant="subtle" size="compact-sm" disabled={busy || !!status.initialSync} onClick={() => setConfirming(true)}>
            {t('settings.hub.redownload')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function ConnectForm({ status }: { status: SyncStatus | undefined }) {
  const api = useApi();
  const t = useT();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState(status?.hubUrl ?? '');
  const [email, setEmail] = useState(status?.user?.email ?? '');
  const [password, setPassword] = useState('');
  const connect = useMutation({
    mutationFn: () => api.connectHub({ url: url.trim(), email: email.trim(), password }),
    onSuccess: (next) => {
      applySyncStatus(queryClient, next);
      setPassword('');
    },
  });
  const { fieldErrors, generalError } = splitErrors(connect.error, t);
  // A connect that reached the API but not the hub answers with a status that says why.
  const statusError = connect.isSuccess && connect.data.connection !== 'online' ? connect.data.lastError : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!connect.isPending) connect.mutate();
  };
  const field = (name: Field, input: { type: string; value: string; set: (v: string) => void; autoComplete: string; placeholder?: string }) => (
    <TextInput
      name={name}
      type={input.type}
      label={t(fieldLabels[name])}
      value={input.value}
      autoComplete={input.autoComplete}
      placeholder={input.placeholder}
      onChange={(event) => input.set(event.currentTarget.value)}
      error={fieldErrors[name]}
      errorProps={{ 'data-testid': `${name}-error` }}
      disabled={connect.isPending}
      // Addresses and e-mails read left to right in any language.
      dir={name === 'password' ? undefined : 'ltr'}
    />
  );
  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-busy={connect.isPending}>
      <Stack gap="sm">
        {status?.mode === 'hub' && status.connection === 'signed_out' && (
          <Text c="dimmed">{t('settings.hub.sessionEnded', { url: status.hubUrl })}</Text>
        )}
        {field('url', { type: 'url', value: url, set: setUrl, autoComplete: 'url', placeholder: 'http://127.0.0.1:4800' })}
        {field('email', { type: 'email', value: email, set: setEmail, autoComplete: 'username' })}
        {field('password', { type: 'password', value: password, set: setPassword, autoComplete: 'current-password' })}
        {(generalError ?? statusError) && <Alert color="danger" role="alert">{generalError ?? statusError}</Alert>}
        <Group>
          <Button type="submit" disabled={connect.isPending} leftSection={connect.isPending ? <Loader size={14} color="white" aria-hidden="true" /> : undefined}>
            {connect.isPending ? t('settings.hub.connecting') : t('settings.hub.connect')}
          </Button>
        </Group>
        <Text c="dimmed" size="xs">{t('settings.hub.demoNote')}</Text>
      </Stack>
    </form>
  );
}

/** Issues whose path names a field go under it ("Hub address must be …"); the rest is one alert. */
function splitErrors(error: Error | null, t: ReturnType<typeof useT>): { fieldErrors: Partial<Record<Field, string>>; generalError: string | null } {
  if (!error) return { fieldErrors: {}, generalError: null };
  const fieldErrors: Partial<Record<Field, string>> = {};
  const rest: string[] = [];
  const issues = error instanceof ApiError ? error.issues : [];
  for (const issue of issues) {
    const name = issue.path.split('.')[0] ?? '';
    if (!Object.hasOwn(fieldLabels, name)) {
      rest.push(issue.message);
      continue;
    }
    const field = name as Field;
    const known = knownIssues.get(`${field}:${issue.message}`);
    // A message the catalogue does not know is shown as the console wrote it, after the field's name.
    fieldErrors[field] ??= known ? t(known) : `${t(fieldLabels[field])} ${issue.message}`;
  }
  if (issues.length === 0) return { fieldErrors, generalError: error.message };
  return { fieldErrors, generalError: rest.length > 0 ? rest.join(' ') : null };
}
