import { Badge, Table, Text } from '@mantine/core';
import { useIntl } from 'react-intl';
import { parseBookingExplanation, type ExplainedCandidate } from '../../../shared/mutations/booking-explanation';
import { formatInstant } from '../../../shared/i18n/format-instant';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { useT } from '../../components/use-t';
import { overrideReasonMessages, ruleMessage } from './rule-labels';

const outcomeMessages: Record<ExplainedCandidate['outcome'], MessageKey> = {
  won: 'explanation.won',
  lost: 'explanation.lost',
  excluded: 'explanation.excluded',
};
const outcomeColours: Record<ExplainedCandidate['outcome'], string> = { won: 'green.9', lost: 'dimmed', excluded: 'red.9' };

/** Travel and day load of one candidate, in words ("3.4 km · 8 min · 240 min booked"). */
export function CandidateFacts({ candidate }: { candidate: Pick<ExplainedCandidate, 'travelKm' | 'travelMinutes' | 'bookedMinutesThatDay'> }) {
  const t = useT();
  const parts = [
    candidate.travelKm !== null ? t('explanation.km', { km: candidate.travelKm }) : null,
    candidate.travelMinutes !== null ? t('common.minutes', { minutes: Math.round(candidate.travelMinutes) }) : null,
    candidate.bookedMinutesThatDay !== null ? t('explanation.booked', { minutes: Math.round(candidate.bookedMinutesThatDay) }) : null,
  ].filter(Boolean);
  return <span className="candidate-facts">{parts.join(' · ')}</span>;
}

/** The engine's reason for a candidate: the rule in the reader's language, then the engine's own sentence. */
export function CandidateReason({ candidate }: { candidate: Pick<ExplainedCandidate, 'outcome' | 'rule' | 'reason'> }) {
  const t = useT();
  const rule = candidate.outcome === 'excluded' ? ruleMessage(candidate.rule) : null;
  return (
    <span className="candidate-reason">
      {rule && <strong>{t(rule)}: </strong>}
      <span className="engine-sentence">{candidate.reason}</span>
    </span>
  );
}

/**
 * Why this technician: the engine's stored explanation (every candidate considered, their travel
 * and why each other one lost), and the dispatcher's override when there was one.
 */
export function ExplanationView({ explanation }: { explanation: string | null }) {
  const t = useT();
  const intl = useIntl();
  const parsed = parseBookingExplanation(explanation);
  if (!parsed) return <Text c="dimmed" size="sm">{t('explanation.none')}</Text>;
  const { override } = parsed;
  const rule = ruleMessage(override?.rule);
  return (
    <div className="explanation" data-testid="explanation">
      {override && (
        <div className="explanation-override" data-testid="explanation-override">
          <Badge color="warning" variant="light">{t('explanation.overridden')}</Badge>{' '}
          <strong>{t(overrideReasonMessages[override.code])}</strong>: <span className="engine-sentence">{override.reason}</span>
          {rule && <div className="muted">{t('explanation.ruleWaived', { rule: t(rule) })}{override.ruleMessage ? ` — ${override.ruleMessage}` : ''}</div>}
          {(override.actor || override.at !== null) && (
            <div className="muted">{t('explanation.by', { who: override.actor || '—', when: override.at !== null ? formatInstant(intl, override.at) : '—' })}</div>
          )}
        </div>
      )}
      {parsed.summary && <p className="explanation-summary engine-sentence">{parsed.summary}</p>}
      {parsed.candidates.length > 0 && (
        <Table className="explanation-table" withTableBorder={false} verticalSpacing={4} horizontalSpacing={6} data-testid="explanation-candidates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('explanation.technician')}</Table.Th>
              <Table.Th>{t('explanation.outcome')}</Table.Th>
              <Table.Th>{t('explanation.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parsed.candidates.map((c) => (
              <Table.Tr key={c.resourceId} data-outcome={c.outcome}>
                <Table.Td><bdi>{c.resourceName}</bdi></Table.Td>
                <Table.Td><Text span size="xs" fw={600} c={outcomeColours[c.outcome]} className="explanation-outcome">{t(outcomeMessages[c.outcome])}</Text></Table.Td>
                <Table.Td>
                  <CandidateFacts candidate={c} />
                  <div><CandidateReason candidate={c} /></div>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}
