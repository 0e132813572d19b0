import { Alert, Badge, Button, Group, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { Availability, AvailabilityCandidate, PlacementTarget } from '../../../shared/contract/dispatch-contract';
import { formatInstant } from '../../../shared/i18n/format-instant';
import { useApi } from '../../api/api-context';
import { QueryState } from '../../components/query-state';
import { useT } from '../../components/use-t';
import { PanelHeader } from './panel-header';
import { bookingChange, moveChange } from './change-recipes';
import { useDispatchActions } from './dispatch-context';
import { CandidateFacts, CandidateReason } from './explanation-view';

interface Props {
  target: PlacementTarget;
  reference: string;
  /** The board's range: where to look. */
  range: { from: number; to: number };
  shownZone: string;
  onDone: () => void;
  onClose: () => void;
}

/**
 * "Find availability": technicians ranked by the engine for a work order (to book it) or a
 * booking (to move or reassign it), with travel, the day's load, the engine's reason for each,
 * and free start times to book or move to in one click.
 */
export function AvailabilityPanel({ target, reference, range, shownZone, onDone, onClose }: Props) {
  const api = useApi();
  const t = useT();
  const query = useQuery({ queryKey: ['availability', target, range.from, range.to], queryFn: () => api.findAvailability({ target, when: range }) });
  const [showExcluded, setShowExcluded] = useState<boolean | null>(null);
  return (
    <section className="side-pane" aria-labelledby="availability-heading" data-testid="availability-panel">
      <PanelHeader id="availability-heading" title={t('availability.heading', { reference })} closeLabel={t('availability.close')} onClose={onClose} />
      <QueryState query={query} loadingLabel={t('availability.loading')}>
        {(result) => {
          const matching = result.candidates.filter((c) => c.outcome !== 'excluded');
          const excluded = result.candidates.filter((c) => c.outcome === 'excluded');
          // With nobody free, why each one cannot take it is the answer: shown at once.
          const excludedOpen = showExcluded ?? matching.length === 0;
          return (
            <>
              <Text size="sm" c="dimmed" mb="xs" className="engine-sentence">{result.summary}</Text>
              {matching.length === 0 && <Alert color="warning" mb="sm">{t('availability.none')}</Alert>}
              <ol className="candidate-list" data-testid="availability-candidates">
                {matching.map((c) => (
                  <CandidateItem key={c.resourceId} candidate={c} result={result} shownZone={shownZone} onDone={onDone} />
                ))}
              </ol>
              {excluded.length > 0 && (
                <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setShowExcluded(!excludedOpen)} aria-expanded={excludedOpen}>
                  {t('availability.excluded', { count: excluded.length })}
                </Button>
              )}
              {excludedOpen && (
                <ul className="candidate-list candidate-list--excluded" data-testid="availability-excluded">
                  {excluded.map((c) => (
                    <li key={c.resourceId} className="candidate-excluded">
                      <bdi>{c.resourceName}</bdi> — <CandidateReason candidate={c} />
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function CandidateItem({ candidate, result, shownZone, onDone }: { candidate: AvailabilityCandidate; result: Availability; shownZone: string; onDone: () => void }) {
  const t = useT();
  const intl = useIntl();
  const actions = useDispatchActions();
  const [busy, setBusy] = useState(false);
  const { target } = result;
  const time = (at: number) => intl.formatTime(at, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const place = async (start: number) => {
    setBusy(true);
    const to = { resourceId: candidate.resourceId, start };
    const describe = t('availability.describe', { reference: target.workOrderNumber, technician: candidate.resourceName, when: formatInstant(intl, start) });
    const booking = target.booking;
    const bookingId = crypto.randomUUID();
    const applied = await actions.applyOrOverride(
      (override) =>
        booking
          ? moveChange({ label: t('change.move', { reference: target.workOrderNumber }), bookingId: booking.id, version: booking.version, from: { resourceId: booking.resourceId, start: booking.start }, to, override })
          : bookingChange({ label: t('change.book', { reference: target.workOrderNumber }), origin: 'drop', visits: [{ workOrderId: target.workOrderId, workOrderVersion: target.workOrderVersion, bookingId, ...to }], override }),
      { describe },
    );
    setBusy(false);
    if (applied) onDone();
  };
  return (
    <Paper component="li" withBorder className="candidate-item" data-testid="availability-candidate" data-resource-id={candidate.resourceId} data-outcome={candidate.outcome}>
      <Group justify="space-between" wrap="nowrap">
        <span>
          <Badge size="sm" variant="light" mr={6}>#{candidate.rank}</Badge>
          <strong><bdi>{candidate.resourceName}</bdi></strong>
          {candidate.timeZone !== shownZone && <span className="board-row-zone" title={t('board.worksInZone', { zone: candidate.timeZone })}> {candidate.timeZone}</span>}
        </span>
        {candidate.start !== null && <span className="muted">{t('availability.earliest', { time: time(candidate.start) })}</span>}
      </Group>
      <CandidateFacts candidate={candidate} />
      <div><CandidateReason candidate={candidate} /></div>
      {candidate.freeStarts.length > 0 && (
        <Group gap={4} mt={6} role="group" aria-label={t('availability.freeTimes', { technician: candidate.resourceName })}>
          {candidate.freeStarts.map((start) => (
            <Button
              key={start}
              size="compact-xs"
              variant="default"
              disabled={busy}
              onClick={() => void place(start)}
              aria-label={(target.booking ? t('availability.moveAt', { technician: candidate.resourceName, time: formatInstant(intl, start) }) : t('availability.bookAt', { technician: candidate.resourceName, time: formatInstant(intl, start) }))}
              data-start={start}
            >
              {time(start)}
            </Button>
          ))}
          {candidate.moreFreeStarts > 0 && <Text size="xs" c="dimmed">{t('availability.more', { count: candidate.moreFreeStarts })}</Text>}
        </Group>
      )}
    </Paper>
  );
}
