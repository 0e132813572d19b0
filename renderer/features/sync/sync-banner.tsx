import type { SyncStatus } from '../../../shared/contract/ipc-contract';
import { useSyncStatus } from '../../api/use-console-events';
import { absoluteTime, relativeTime, useNow } from '../../components/relative-time';

type DataOrigin = 'empty' | 'demo' | 'hub';

const connectionLabels: Record<SyncStatus['connection'], string> = {
  not_configured: 'Hub not set up',
  signed_out: 'Signed out',
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline',
};

interface BannerProps {
  /** From getAppInfo: what to say while the sync status is unknown (or the API cannot tell it). */
  dataOrigin: DataOrigin;
  onOpenIssues: () => void;
}

/** Header status: demo data, or the hub connection with last sync, pending changes and refusals. */
export function SyncBanner({ dataOrigin, onOpenIssues }: BannerProps) {
  const query = useSyncStatus();
  const now = useNow(30_000);
  const status = query.data;
  if (!status || status.mode === 'demo') {
    const label = status || dataOrigin === 'demo' ? 'Demo data' : dataOrigin === 'hub' ? 'Synced with hub' : 'No data';
    return (
      <div className="sync-banner" data-testid="sync-banner" data-mode={status?.mode ?? dataOrigin}>
        <span className="sync-chip" role="status" aria-live="polite" title="Where the data on screen comes from">{label}</span>
      </div>
    );
  }
  const pending = status.pendingCount;
  return (
    <div className="sync-banner" data-testid="sync-banner" data-mode="hub" data-connection={status.connection}>
      <span className="sync-chip" role="status" aria-live="polite" title={status.lastError ?? status.hubUrl ?? undefined}>
        <span className={`sync-dot sync-dot-${status.connection}`} aria-hidden="true" />
        <span className="sync-connection">{connectionLabels[status.connection]}</span>
        {status.initialSync ? (
          <span className="sync-part">Downloading… {status.initialSync.received.toLocaleString('en-US')} rows</span>
        ) : (
          <span className="sync-part" title={status.lastSuccessAt ? absoluteTime(status.lastSuccessAt) : undefined}>
            {status.lastSuccessAt ? `Last sync ${relativeTime(status.lastSuccessAt, now)}` : 'Not synced yet'}
          </span>
        )}
        {pending > 0 && <span className="sync-part" data-testid="sync-pending">{pending} pending</span>}
      </span>
      {status.refusedCount > 0 && (
        <button type="button" className="sync-attention" onClick={onOpenIssues} data-testid="sync-attention">
          {status.refusedCount} need{status.refusedCount === 1 ? 's' : ''} attention
        </button>
      )}
    </div>
  );
}

/** The amber bar under the header while the hub is unreachable or the session has ended. */
export function SyncStateBar({ onOpenSettings }: { onOpenSettings: () => void }) {
  const status = useSyncStatus().data;
  if (!status || status.mode !== 'hub') return null;
  if (status.connection === 'offline') {
    return (
      <div className="sync-bar" role="status" data-testid="offline-bar">
        <strong>Offline</strong> — changes are saved on this computer and sent when the hub is back ({status.pendingCount} pending)
        {status.lastError && <span className="sync-bar-detail">{status.lastError}</span>}
      </div>
    );
  }
  if (status.connection === 'signed_out') {
    return (
      <div className="sync-bar" role="status" data-testid="signed-out-bar">
        <strong>Signed out</strong> — your changes stay on this computer ({status.pendingCount} pending) until you sign in again.
        <button type="button" onClick={onOpenSettings}>Sign in…</button>
      </div>
    );
  }
  return null;
}
