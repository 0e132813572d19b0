import { Alert, Badge, Button, Drawer, Group, Paper, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import type { SyncIssue } from '../../../shared/contract/ipc-contract';
import { useApi } from '../../api/api-context';
import { refreshAfterWrite } from '../../api/use-console-events';
import { QueryState } from '../../components/query-state';
import { RelativeTime, useNow } from '../../components/relative-time';
import { useT } from '../../components/use-t';
import { IssueWayForward } from '../dispatch/issue-way-forward';
import { mutationLabel, summariseArgs } from './mutation-labels';

interface Props {
  open: boolean;
  onClose: () => void;
}

/** Every change the hub refused, why, and what it was: nothing typed is lost without the dispatcher seeing it. */
export function SyncIssuesPanel({ open, onClose }: Props) {
  const t = useT();
  return (
    <Drawer
      opened={open}
      onClose={onClose}
      // Mantine lays 'right' out at the end of the line: the left in Arabic.
      position="right"
      size={440}
      title={t('syncIssues.title')}
      data-testid="sync-issues-panel"
      closeButtonProps={{ 'aria-label': t('syncIssues.close') }}
    >
      <IssueList onOpened={onClose} />
    </Drawer>
  );
}

function IssueList({ onOpened }: { onOpened: () => void }) {
  const api = useApi();
  const t = useT();
  const query = useQuery({ queryKey: ['sync-issues'], queryFn: () => api.listSyncIssues({}) });
  const now = useNow(30_000);
  return (
    <QueryState query={query} loadingLabel={t('syncIssues.loading')}>
      {(issues) =>
        issues.length === 0 ? (
          <Text c="dimmed" data-testid="sync-issues-empty">{t('syncIssues.empty')}</Text>
        ) : (
          <>
            <Text c="dimmed" mb="sm">{t('syncIssues.intro')}</Text>
            <ul className="issue-list" data-testid="sync-issue-list">
              {[...issues].sort((a, b) => b.createdAt - a.createdAt).map((issue) => (
                <IssueItem key={issue.mutationId} issue={issue} now={now} onOpened={onOpened} />
              ))}
            </ul>
          </>
        )
      }
    </QueryState>
  );
}

/** `now` comes from the list, so one timer keeps every age label current. */
function IssueItem({ issue, now, onOpened }: { issue: SyncIssue; now: number; onOpened: () => void }) {
  const api = useApi();
  const t = useT();
  const intl = useIntl();
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: () => api.dismissSyncIssue({ mutationId: issue.mutationId }),
    onSettled: () => refreshAfterWrite(queryClient),
  });
  const retry = useMutation({
    mutationFn: () => api.retrySyncIssue({ mutationId: issue.mutationId }),
    onSettled: () => refreshAfterWrite(queryClient),
  });
  const label = mutationLabel(issue.name, intl);
  const headingId = `issue-${issue.mutationId}`;
  const failed = issue.state === 'failed';
  return (
    <Paper component="li" withBorder className="issue-item" data-testid="sync-issue" data-state={issue.state} aria-labelledby={headingId}>
      <div className="issue-line">
        <strong id={headingId}>{label}</strong>
        <RelativeTime className="muted" at={issue.createdAt} now={now} />
      </div>
      {failed && <Badge color="danger" variant="light" mt={4}>{t('syncIssues.failed')}</Badge>}
      <p className="issue-reason">{issue.reason}</p>
      <Text size="xs" c="dimmed" data-testid="sync-issue-attempts">
        {t('syncIssues.attempts', { count: issue.attempts })}
        {issue.lastError && issue.lastError !== issue.reason ? ` · ${t('syncIssues.lastError', { error: issue.lastError })}` : ''}
      </Text>
      <dl className="issue-args">
        {summariseArgs(issue.args, intl).map((a) => (
          <div key={a.label}>
            <dt>{a.label}</dt>
            <dd>{a.value}</dd>
          </div>
        ))}
      </dl>
      {(dismiss.error ?? retry.error) && <Alert color="danger" role="alert" mt="xs">{(dismiss.error ?? retry.error)!.message}</Alert>}
      <Group mt="xs">
        <IssueWayForward issue={issue} onOpened={onOpened} />
        {failed && (
          <Button size="compact-sm" onClick={() => retry.mutate()} disabled={retry.isPending} aria-label={t('syncIssues.retryLabel', { change: label })}>
            {retry.isPending ? t('syncIssues.retrying') : t('syncIssues.retry')}
          </Button>
        )}
        <Button variant="default" size="compact-sm" onClick={() => dismiss.mutate()} disabled={dismiss.isPending} aria-label={t('syncIssues.dismissLabel', { change: label })}>
          {dismiss.isPending ? t('syncIssues.dismissing') : t('syncIssues.dismiss')}
        </Button>
      </Group>
    </Paper>
  );
}
