import { Alert, Badge, Button, Group, Loader, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { PlanRun } from '../../../shared/contract/dispatch-contract';
import { formatInstantRange } from '../../../shared/i18n/format-instant';
import { useApi } from '../../api/api-context';
import { useNow } from '../../components/relative-time';
import { useT } from '../../components/use-t';
import { PanelHeader } from './panel-header';
import { bookingChange } from './change-recipes';
import { useDispatchActions } from './dispatch-context';
import { ruleMessage } from './rule-labels';

interface Props {
  date: string;
  dateLabel: string;
  plan: { run: PlanRun | null; error: string | null; start: (date: string) => Promise<void>; cancel: () => Promise<void>; discard: () => void };
  onClose: () => void;
}

/**
 * "Plan the day": the batch planner over the unscheduled work orders for the day, in the
 * background with progress and a cancel button; its plan previewed on the board (travel before
 * and after, what stays unassigned and why), then applied as one change or discarded. Existing
 * bookings, pinned ones included, never move.
 */
export function PlanPanel({ date, dateLabel, plan, onClose }: Props) {
  const api = useApi();
  const t = useT();
  const unscheduled = useQuery({ queryKey: ['unscheduled'], queryFn: () => api.listUnscheduledWorkOrders({}) });
  const { run } = plan;
  const working = run?.state === 'running' || run?.state === 'improving';
  return (
    <section className="side-pane" aria-labelledby="plan-heading" data-testid="plan-panel">
      <PanelHeader id="plan-heading" title={t('plan.heading', { date: dateLabel })} closeLabel={t('plan.close')} onClose={onClose} />
      <Text size="sm" mb="sm">{t('plan.intro', { count: unscheduled.data?.length ?? 0 })}</Text>
      {plan.error && <Alert color="danger" role="alert" mb="sm">{plan.error}</Alert>}
      {!working && (
        <Button onClick={() => void plan.start(date)} disabled={(unscheduled.data?.length ?? 0) === 0} data-testid="plan-start" mb="sm">
          {run ? t('plan.again') : t('plan.start')}
        </Button>
      )}
      {run && <RunView run={run} onCancel={() => void plan.cancel()} onApplied={() => plan.discard()} onDiscard={plan.discard} dateLabel={dateLabel} />}
    </section>
  );
}

function RunView({ run, onCancel, onApplied, onDiscard, dateLabel }: { run: PlanRun; onCancel: () => void; onApplied: () => void; onDiscard: () => void; dateLabel: string }) {
  const t = useT();
  const intl = useIntl();
  const actions = useDispatchActions();
  const now = useNow(500);
  const [busy, setBusy] = useState(false);
  const working = run.state === 'running' || run.state === 'improving';
  const preview = run.preview;
  const apply = async () => {
    if (!preview) return;
    setBusy(true);
    const applied = await actions.applyOrOverride(
      (override) =>
        bookingChange({
          label: t('change.plan', { date: dateLabel, count: preview.assignments.length }),
          origin: 'plan',
          visits: preview.assignments.map((a) => ({ workOrderId: a.workOrderId, workOrderVersion: a.workOrderVersion, bookingId: crypto.randomUUID(), resourceId: a.resourceId, start: a.start })),
          override,
        }),
      { describe: t('plan.applyDescribe', { count: preview.assignments.length }) },
    );
    setBusy(false);
    if (applied) onApplied();
  };
  return (
    <div data-testid="plan-run" data-state={run.state} data-run-id={run.id}>
      <Group gap="xs" mb="xs" role="status" aria-live="polite">
        {working && <Loader size="xs" aria-hidden="true" />}
        <Text size="sm" data-testid="plan-progress">
          {t(`plan.state.${run.state}`)}
          {run.firstResultMs !== null && ` · ${t('plan.firstResult', { ms: run.firstResultMs })}`}
          {working && ` · ${t('plan.elapsed', { seconds: Math.max(0, Math.round((now - run.startedAt) / 1000)) })}`}
          {run.stoppedEarly && ` · ${t('plan.stoppedEarly')}`}
        </Text>
        {working && <Button size="compact-sm" variant="default" onClick={onCancel} data-testid="plan-cancel">{t('plan.cancel')}</Button>}
      </Group>
      {run.state === 'failed' && <Alert color="danger" role="alert">{t('plan.failed', { reason: run.error ?? '' })}</Alert>}
      {preview && (
        <>
          <Paper withBorder p="xs" mb="xs" data-testid="plan-summary">
            <Text size="sm">{t('plan.assigned', { assigned: preview.assignments.length, total: run.workOrderCount })}</Text>
            <Text size="sm" data-testid="plan-travel">
              {t('plan.travel', { before: preview.travelBeforeMinutes, after: preview.travelAfterMinutes, beforeKm: preview.travelBeforeKm, afterKm: preview.travelAfterKm })}
            </Text>
          </Paper>
          {preview.unassigned.length > 0 && (
            <>
              <Text size="sm" fw={600}>{t('plan.unassigned', { count: preview.unassigned.length })}</Text>
              <ul className="plan-unassigned" data-testid="plan-unassigned">
                {preview.unassigned.map((u) => {
                  const rule = ruleMessage(u.code);
                  return (
                    <li key={u.workOrderId}>
                      <strong>{u.workOrderNumber}</strong> · <bdi>{u.accountName}</bdi>: {rule && <>{t(rule)} — </>}<span className="engine-sentence">{u.reason}</span>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          <ul className="plan-assignments" data-testid="plan-assignments">
            {preview.assignments.map((a) => (
              <li key={a.workOrderId}>
                <Badge size="xs" variant="light" mr={4}>{a.workOrderNumber}</Badge>
                <bdi>{a.resourceName}</bdi> · {formatInstantRange(intl, a.start, a.end)}
              </li>
            ))}
          </ul>
          <Group mt="sm">
            <Button onClick={() => void apply()} disabled={busy || preview.assignments.length === 0} loading={busy} data-testid="plan-apply">
              {t('plan.apply', { count: preview.assignments.length })}
            </Button>
            <Button variant="default" onClick={onDiscard} disabled={busy} data-testid="plan-discard">{t('plan.discard')}</Button>
          </Group>
        </>
      )}
    </div>
  );
}
