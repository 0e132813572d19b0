import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/contract/api-result';
import type { SyncStatus } from '../../../shared/contract/ipc-contract';
import { useApi } from '../../api/api-context';
import { applySyncStatus, useSyncStatus } from '../../api/use-console-events';
import { ModalDialog } from '../../components/modal-dialog';
import { absoluteTime } from '../../components/relative-time';

type Field = 'url' | 'email' | 'password';
const fieldNames: Record<Field, string> = { url: 'Hub address', email: 'E-mail', password: 'Password' };

interface Props {
  open: boolean;
  onClose: () => void;
  onOpenIssues: () => void;
}

/** Hub connection: address and sign-in, or — when connected — who we are, "Sync now" and "Disconnect". */
export function SettingsDialog({ open, onClose, onOpenIssues }: Props) {
  return (
    <ModalDialog open={open} onClose={onClose} labelledBy="settings-heading" className="settings-dialog" testId="settings-dialog">
      <div className="modal-header">
        <h2 id="settings-heading">Settings</h2>
        <button type="button" className="modal-close" aria-label="Close settings" onClick={onClose}>×</button>
      </div>
      <HubSection onOpenIssues={onOpenIssues} />
    </ModalDialog>
  );
}

function HubSection({ onOpenIssues }: { onOpenIssues: () => void }) {
  const status = useSyncStatus();
  const connected = status.data?.mode === 'hub' && status.data.user && status.data.connection !== 'signed_out';
  return (
    <section className="settings-section" aria-labelledby="hub-heading">
      <h3 id="hub-heading">Hub connection</h3>
      {status.isError && (
        <p className="inline-alert" role="alert">The console cannot report its sync state: {status.error.message}</p>
      )}
      {connected && status.data ? <ConnectedHub status={status.data} onOpenIssues={onOpenIssues} /> : <ConnectForm status={status.data} />}
    </section>
  );
}

function ConnectedHub({ status, onOpenIssues }: { status: SyncStatus; onOpenIssues: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const onStatus = (next: SyncStatus) => applySyncStatus(queryClient, next);
  const syncNow = useMutation({ mutationFn: () => api.syncNow({}), onSuccess: onStatus });
  const disconnect = useMutation({ mutationFn: () => api.disconnectHub({}), onSuccess: onStatus });
  const busy = syncNow.isPending || disconnect.isPending;
  const error = syncNow.error ?? disconnect.error;
  return (
    <div className="settings-connected" data-testid="hub-connected">
      <p>
        Connected to <strong>{status.hubUrl}</strong> as <strong>{status.user?.name}</strong> ({status.user?.role})
      </p>
      {status.initialSync ? (
        <p role="status" data-testid="initial-sync">
          <span className="spinner" aria-hidden="true" /> Downloading the hub's data… {status.initialSync.received.toLocaleString()} rows
        </p>
      ) : (
        <p className="muted">
          {status.lastSuccessAt ? `Last sync ${absoluteTime(status.lastSuccessAt)}` : 'Not synced yet'} · {status.pendingCount} pending ·{' '}
          {status.refusedCount} refused
        </p>
      )}
      {status.lastError && <p className="inline-alert" role="alert">{status.lastError}</p>}
      {error && <p className="inline-alert" role="alert">{error.message}</p>}
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => syncNow.mutate()}>
          {syncNow.isPending ? 'Syncing…' : 'Sync now'}
        </button>
        <button type="button" onClick={onOpenIssues}>Sync issues…</button>
        <button type="button" disabled={busy} onClick={() => disconnect.mutate()}>
          {disconnect.isPending ? 'Disconnecting…' : 'Disconnect'}
        </button>
      </div>
      <p className="muted small">Disconnecting keeps this computer's copy; changes not yet sent stay queued.</p>
    </div>
  );
}

function ConnectForm({ status }: { status: SyncStatus | undefined }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const id = useId();
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
  const { fieldErrors, generalError } = splitErrors(connect.error);
  // A connect that reached the API but not the hub answers with a status that says why.
  const statusError = connect.isSuccess && connect.data.connection !== 'online' ? connect.data.lastError : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!connect.isPending) connect.mutate();
  };
  const field = (name: Field, input: { type: string; value: string; set: (v: string) => void; autoComplete: string; placeholder?: string }) => {
    const inputId = `${id}-${name}`;
    const errorId = `${inputId}-error`;
    const error = fieldErrors[name];
    return (
      <div className="form-field">
        <label htmlFor={inputId}>{fieldNames[name]}</label>
        <input
          id={inputId}
          name={name}
          type={input.type}
          value={input.value}
          autoComplete={input.autoComplete}
          placeholder={input.placeholder}
          onChange={(event) => input.set(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          disabled={connect.isPending}
        />
        {error && <p id={errorId} className="field-error" data-testid={`${name}-error`}>{error}</p>}
      </div>
    );
  };
  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-busy={connect.isPending}>
      {status?.mode === 'hub' && status.connection === 'signed_out' && (
        <p className="muted">Your session with {status.hubUrl} ended. Sign in again to send your changes.</p>
      )}
      {field('url', { type: 'url', value: url, set: setUrl, autoComplete: 'url', placeholder: 'http://127.0.0.1:4800' })}
      {field('email', { type: 'email', value: email, set: setEmail, autoComplete: 'username' })}
      {field('password', { type: 'password', value: password, set: setPassword, autoComplete: 'current-password' })}
      {(generalError ?? statusError) && <p className="inline-alert" role="alert">{generalError ?? statusError}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={connect.isPending}>
          {connect.isPending ? (<><span className="spinner" aria-hidden="true" /> Connecting…</>) : 'Connect'}
        </button>
      </div>
      <p className="muted small">Until you connect, the console shows demo data that stays on this computer. Connecting replaces it, and any changes made to it, with the hub's data.</p>
    </form>
  );
}

/** Issues whose path names a field go under it ("Hub address must be …"); the rest is one alert. */
function splitErrors(error: Error | null): { fieldErrors: Partial<Record<Field, string>>; generalError: string | null } {
  if (!error) return { fieldErrors: {}, generalError: null };
  const fieldErrors: Partial<Record<Field, string>> = {};
  const rest: string[] = [];
  const issues = error instanceof ApiError ? error.issues : [];
  for (const issue of issues) {
    const name = issue.path.split('.')[0] as Field;
    if (name in fieldNames) fieldErrors[name] = fieldErrors[name] ?? `${fieldNames[name]} ${issue.message}`;
    else rest.push(issue.message);
  }
  if (issues.length === 0) return { fieldErrors, generalError: error.message };
  return { fieldErrors, generalError: rest.length > 0 ? rest.join(' ') : null };
}
