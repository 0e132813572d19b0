import { Alert, Button } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import type { SyncStatus } from '../../../shared/contract/ipc-contract';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { formatAge, formatInstant } from '../../../shared/i18n/format-instant';
import { useSyncStatus } from '../../api/use-console-events';
import { useNow } from '../../components/relative-time';
import { richText } from '../../components/rich-text';
import { useT } from '../../components/use-t';
import { startOverMessages } from './start-over-messages';

type DataOrigin = 'empty' | 'demo' | 'hub';

const connectionLabels: Record<SyncStatus['connection'], MessageKey> = {
  not_configured: 'sync.connection.notConfigured',
  signed_out: 'sync.connection.signedOut',
  connecting: 'sync.connection.connecting',
  online: 'sync.connection.online',
  offline: 'sync.connection.offline',
};

const originLabels: Record<DataOrigin, MessageKey> = { demo: 'sync.origin.demo', hub: 'sync.origin.hub', empty: 'sync.origin.empty' };

interface BannerProps {
  /** From getAppInfo: what to say while the sync status is unknown (or the API cannot tell it). */
  dataOrigin: DataOrigin;
  onOpenIssues: () => void;
}

/** Header status: demo data, or the hub connection with last sync, pending changes and refusals. */
export function SyncBanner({ dataOrigin, onOpenIssues }: BannerProps) {
  const t = useT();
  const intl = useIntl();
  const query = useSyncStatus();
  const now = useNow(30_000);
  const status = query.data;
  if (!status || status.mode === 'demo') {
    const label = t(originLabels[status ? 'demo' : dataOrigin]);
    return (
      <div className="sync-banner" data-testid="sync-banner" data-mode={status?.mode ?? dataOrigin}>
        <span className="sync-chip" role="status" aria-live="polite" title={t('sync.origin.title')}>{label}</span>
      </div>
    );
  }
  const pending = status.pendingCount;
  return (
    <div className="sync-banner" data-testid="sync-banner" data-mode="hub" data-connection={status.connection}>
      <span className="sync-chip" role="status" aria-live="polite" title={status.lastError ?? status.hubUrl ?? undefined}>
        <span className={`sync-dot sync-dot-${status.connection}`} aria-hidden="true" />
        <span className="sync-connection">{t(connectionLabels[status.connection])}</span>
        {status.initialSync ? (
          <span className="sync-part">{t('sync.downloadingRows', { rows: status.initialSync.received })}</span>
        ) : (
          <span className="sync-part" title={status.lastSuccessAt ? formatInstant(intl, status.lastSuccessAt) : undefined}>
            {status.lastSuccessAt ? t('sync.lastSync', { when: formatAge(intl, status.lastSuccessAt, now) }) : t('sync.notSyncedYet')}
          </span>
        )}
        {pending > 0 && <span className="sync-part" data-testid="sync-pending">{t('sync.pending', { count: pending })}</span>}
      </span>
      {status.refusedCount > 0 && (
        <Button size="compact-sm" color="yellow" autoContrast className="sync-attention" onClick={onOpenIssues} data-testid="sync-attention">
          {t('sync.needAttention', { count: status.refusedCount })}
        </Button>
      )}
    </div>
  );
}

/** The amber bar under the header while the hub is unreachable or the session has ended. */
export function SyncStateBar({ onOpenSettings }: { onOpenSettings: () => void }) {
  const t = useT();
  const status = useSyncStatus().data;
  if (!status || status.mode !== 'hub') return null;
  if (status.initialSync && status.lastStartOver) {
    return (
      <Alert className="sync-bar" color="blue" radius={0} role="status" data-testid="start-over-bar">
        <span>{t(startOverMessages[status.lastStartOver.reason])}</span>
        <span className="sync-bar-detail">{t('sync.downloadingRows', { rows: status.initialSync.received })}</span>
      </Alert>
    );
  }
  if (status.connection === 'offline') {
    return (
      <Alert className="sync-bar" color="warning" radius={0} role="status" data-testid="offline-bar">
        <span><FormattedMessage id="sync.offlineBar" values={{ pending: status.pendingCount, ...richText }} /></span>
        {status.lastError && <span className="sync-bar-detail">{status.lastError}</span>}
      </Alert>
    );
  }
  if (status.connection === 'signed_out') {
    return (
      <Alert className="sync-bar" color="warning" radius={0} role="status" data-testid="signed-out-bar">
        <span><FormattedMessage id="sync.signedOutBar" values={{ pending: status.pendingCount, ...richText }} /></span>
        <Button variant="default" size="compact-sm" onClick={onOpenSettings}>{t('sync.signIn')}</Button>
      </Alert>
    );
  }
  return null;
}
