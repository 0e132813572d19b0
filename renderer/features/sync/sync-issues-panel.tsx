import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SyncIssue } from '../../../shared/contract/ipc-contract';
import { useApi } from '../../api/api-context';
import { refreshAfterWrite } from '../../api/use-console-events';
import { ModalDialog } from '../../components/modal-dialog';
import { QueryState } from '../../components/query-state';
import { absoluteTime, relativeTime, useNow } from '../../components/relative-time';
import { mutationLabel, summariseArgs } from './mutation-labels';

interface Props {
  open: boolean;
  onClose: () => void;
}

/** Every change the hub refused, why, and what it was: nothing typed is lost without the dispatcher seeing it. */
export function SyncIssuesPanel({ open, onClose }: Props) {
  return (
    <ModalDialog open={open} onClose={onClose} labelledBy="sync-issues-heading" className="drawer" testId="sync-issues-panel">
      <div className="modal-header">
        <h2 id="sync-issues-heading">Changes the hub refused</h2>
        <button type="button" className="modal-close" aria-label="Close sync issues" onClick={onClose}>×</button>
      </div>
      <IssueList />
    </ModalDialog>
  );
}

function IssueList() {
  const api = useApi();
  const query = useQuery({ queryKey: ['sync-issues'], queryFn: () => api.listSyncIssues({}) });
  const now = useNow(30_000);
  return (
    <QueryState query={query} loadingLabel="Loading refused changes…">
      {(issues) =>
        issues.length === 0 ? (
          <p className="side-empty" data-testid="sync-issues-empty">
            No refused changes. Everything you changed was accepted by the hub or is still waiting to be sent.
          </p>
        ) : (
          <>
            <p className="muted">
              The hub kept its own version of these. Check the item on the board and make the change again if it is still needed;
              dismiss an entry once you have dealt with it.
            </p>
            <ul className="issue-list" data-testid="sync-issue-list">
              {[...issues].sort((a, b) => b.createdAt - a.createdAt).map((issue) => (
                <IssueItem key={issue.mutationId} issue={issue} now={now} />
              ))}
            </ul>
          </>
        )
      }
    </QueryState>
  );
}

/** `now` comes from the list, so one timer keeps every age label current. */
function IssueItem({ issue, now }: { issue: SyncIssue; now: number }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: () => api.dismissSyncIssue({ mutationId: issue.mutationId }),
    onSettled: () => refreshAfterWrite(queryClient),
  });
  const label = mutationLabel(issue.name);
  const headingId = `issue-${issue.mutationId}`;
  return (
    <li className="issue-item" data-testid="sync-issue" aria-labelledby={headingId}>
      <div className="issue-line">
        <strong id={headingId}>{label}</strong>
        <time dateTime={new Date(issue.createdAt).toISOString()} title={absoluteTime(issue.createdAt)} className="muted">
          {relativeTime(issue.createdAt, now)}
        </time>
      </div>
      <p className="issue-reason">{issue.reason}</p>
      <dl className="issue-args">
        {summariseArgs(issue.args).map((a) => (
          <div key={a.label}>
            <dt>{a.label}</dt>
            <dd>{a.value}</dd>
          </div>
        ))}
      </dl>
      {dismiss.isError && <p className="inline-alert" role="alert">{dismiss.error.message}</p>}
      <div className="form-actions">
        <button type="button" onClick={() => dismiss.mutate()} disabled={dismiss.isPending} aria-label={`Dismiss: ${label}`}>
          {dismiss.isPending ? 'Dismissing…' : 'Dismiss'}
        </button>
      </div>
    </li>
  );
}
