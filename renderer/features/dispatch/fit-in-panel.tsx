import { Alert, Badge, Button, Paper, Radio, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { FitInCandidate, FitInProposal } from '../../../shared/contract/dispatch-contract';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { formatInstant } from '../../../shared/i18n/format-instant';
import { useApi } from '../../api/api-context';
import { QueryState } from '../../components/query-state';
import { useT } from '../../components/use-t';
import { PanelHeader } from './panel-header';
import { bookingChange } from './change-recipes';
import { useDispatchActions } from './dispatch-context';
import { ruleMessage } from './rule-labels';

const fromMessages: Record<FitInCandidate['from']['kind'], MessageKey> = {
  current_visit: 'fitIn.from.current_visit',
  last_visit: 'fitIn.from.last_visit',
  home: 'fitIn.from.home',
};

interface Props {
  workOrderId: string;
  reference: string;
  onDone: () => void;
  onClose: () => void;
}

/**
 * "Fit in now" for urgent work: technicians ranked by when they could be there, each with the
 * visits later that day that would move (and the customers to tell) and any rule it would break;
 * nothing changes until the dispatcher confirms one.
 */
export function FitInPanel({ workOrderId, reference, onDone, onClose }: Props) {
  const api = useApi();
  const t = useT();
  const query = useQuery({ queryKey: ['fit-in', workOrderId], queryFn: () => api.proposeFitIn({ workOrderId }) });
  return (
    <section className="side-pane" aria-labelledby="fit-in-heading" data-testid="fit-in-panel">
      <PanelHeader id="fit-in-heading" title={t('fitIn.heading', { reference })} closeLabel={t('fitIn.close')} onClose={onClose} />
      <QueryState query={query} loadingLabel={t('fitIn.loading')}>{(proposal) => <Proposal proposal={proposal} onDone={onDone} />}</QueryState>
    </section>
  );
}

function Proposal({ proposal, onDone }: { proposal: FitInProposal; onDone: () => void }) {
  const t = useT();
  const intl = useIntl();
  const actions = useDispatchActions();
  // Ranked by arrival; the first one that breaks no rule is chosen to start with.
  const [chosen, setChosen] = useState<string | null>((proposal.candidates.find((c) => c.problems.length === 0) ?? proposal.candidates[0])?.resourceId ?? null);
  const [busy, setBusy] = useState(false);
  const candidate = proposal.candidates.find((c) => c.resourceId === chosen);
  const { target } = proposal;
  const confirm = async (c: FitInCandidate) => {
    setBusy(true);
    const bookingId = crypto.randomUUID();
    const applied = await actions.applyOrOverride(
      (override) =>
        bookingChange({
          label: t('change.fitIn', { reference: target.workOrderNumber }),
          origin: 'fit_in',
          visits: [{ workOrderId: target.workOrderId, workOrderVersion: target.workOrderVersion, bookingId, resourceId: c.resourceId, start: c.start }],
          pushed: c.moves.map((m) => ({ bookingId: m.bookingId, version: m.version, resourceId: c.resourceId, from: m.from, to: m.to })),
          override,
        }),
      {
        describe: t('fitIn.describe', { reference: target.workOrderNumber, technician: c.resourceName, when: formatInstant(intl, c.start), moves: c.moves.length }),
        problems: c.problems.map((p) => ({ rule: p.rule, message: `${p.workOrderNumber}: ${p.message}` })),
      },
    );
    setBusy(false);
    if (applied) onDone();
  };
  if (proposal.candidates.length === 0) return <Alert color="warning">{t('fitIn.none', { excluded: proposal.excluded })}</Alert>;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">{t('fitIn.intro', { now: formatInstant(intl, proposal.now) })}</Text>
      <Radio.Group value={chosen} onChange={setChosen} label={t('fitIn.choose')} name="fit-in-technician">
        <ol className="candidate-list" data-testid="fit-in-candidates">
          {proposal.candidates.map((c, i) => (
            <FitInOption key={c.resourceId} candidate={c} rank={i + 1} />
          ))}
        </ol>
      </Radio.Group>
      {proposal.excluded > 0 && <Text size="xs" c="dimmed" mt="xs">{t('fitIn.excluded', { count: proposal.excluded })}</Text>}
      <Button mt="sm" fullWidth disabled={!candidate || busy} loading={busy} onClick={() => candidate && void confirm(candidate)} data-testid="fit-in-confirm">
        {candidate ? t('fitIn.confirm', { technician: candidate.resourceName }) : t('fitIn.choose')}
      </Button>
    </>
  );
}

function FitInOption({ candidate: c, rank }: { candidate: FitInCandidate; rank: number }) {
  const t = useT();
  const intl = useIntl();
  const time = (at: number) => intl.formatTime(at, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
  return (
    <Paper component="li" withBorder className="candidate-item" data-testid="fit-in-candidate" data-resource-id={c.resourceId}>
      <Radio value={c.resourceId} label={<span><Badge size="sm" variant="light" mr={6}>#{rank}</Badge><strong><bdi>{c.resourceName}</bdi></strong> — {t('fitIn.arrives', { time: time(c.arrival) })}</span>} />
      <Text size="sm" mt={4}>
        {t(fromMessages[c.from.kind], { reference: c.from.workOrderNumber ?? '' })} · {t('explanation.km', { km: c.travelKm })} · {t('common.minutes', { minutes: c.travelMinutes })}
      </Text>
      <Text size="sm">{t('fitIn.visit', { from: time(c.start), to: time(c.end) })}</Text>
      {c.moves.length > 0 && (
        <div className="fit-in-moves">
          <Text size="xs" fw={600} mt={4}>{t('fitIn.moves', { count: c.moves.length })}</Text>
          <ul data-testid="fit-in-moves">
            {c.moves.map((m) => (
              <li key={m.bookingId}>
                {m.workOrderNumber} · <bdi>{m.accountName}</bdi>{m.contactName ? <> (<bdi>{m.contactName}</bdi>)</> : null}: {time(m.from)} → {time(m.to)}
                {m.pinned && <Badge size="xs" color="warning" ml={4}>{t('booking.pinned')}</Badge>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {c.problems.length > 0 && (
        <Alert color="warning" mt={6} p={6} data-testid="fit-in-problems">
          <ul className="override-problems">
            {c.problems.map((p, i) => {
              const key = ruleMessage(p.rule);
              return <li key={i}>{p.workOrderNumber}: {key ? t(key) : p.message}</li>;
            })}
          </ul>
        </Alert>
      )}
    </Paper>
  );
}
