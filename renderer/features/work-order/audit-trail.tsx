import { Text } from '@mantine/core';
import { useIntl, type IntlShape } from 'react-intl';
import type { WorkOrderAuditEntry } from '../../../shared/contract/work-order-detail';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { formatInstant } from '../../../shared/i18n/format-instant';
import { useStatusLabel } from '../../components/status-label';
import { useT } from '../../components/use-t';
import { bookingStatuses, type BookingStatus } from '../../../shared/domain/booking-status';

const isBookingStatus = (value: string): value is BookingStatus => (bookingStatuses as readonly string[]).includes(value);

const entityLabels: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['workOrder', 'audit.entity.workOrder'],
  ['booking', 'audit.entity.booking'],
  ['portalRequest', 'audit.entity.portalRequest'],
]);

const actionLabels: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['reassign', 'audit.action.reassign'],
  ['move', 'audit.action.move'],
  ['override-auto-assignment', 'audit.action.override-auto-assignment'],
  ['accept-auto-assignment', 'audit.action.accept-auto-assignment'],
  ['comment', 'audit.action.comment'],
  ['create', 'audit.action.create'],
  ['handle', 'audit.action.handle'],
  ['issue', 'audit.action.issue'],
  ['schedule-work-order', 'audit.action.schedule-work-order'],
  ['pin', 'audit.action.pin'],
  ['unpin', 'audit.action.unpin'],
]);

/** The action in words; one this version does not know is shown as recorded. */
function actionLabel(action: string, t: ReturnType<typeof useT>, statusLabel: (status: BookingStatus) => string): string {
  const status = action.startsWith('status:') ? action.slice('status:'.length) : undefined;
  if (status && isBookingStatus(status)) return t('audit.action.status', { status: statusLabel(status) });
  const key = actionLabels.get(action);
  return key ? t(key) : action;
}

/** Fields holding instants: shown as dates and times in the company's zone, with the zone named. */
const instantFields = new Set(['start', 'end', 'at', 'createdAt', 'handledAt', 'promisedWindowStart', 'promisedWindowEnd']);

/** Who did what when, newest first, with every changed field before and after. */
export function AuditTrail({ entries }: { entries: readonly WorkOrderAuditEntry[] }) {
  const t = useT();
  const intl = useIntl();
  const statusLabel = useStatusLabel();
  if (entries.length === 0) return <Text c="dimmed">{t('audit.empty')}</Text>;
  return (
    <ol className="record-list audit-trail" data-testid="audit-trail">
      {entries.map((entry) => {
        const entity = entityLabels.get(entry.entity);
        return (
          <li key={entry.id} className="record-item" data-testid="audit-entry" data-action={entry.action}>
            <div>
              <strong>{t('audit.summary', { who: entry.actor, what: entity ? t(entity) : entry.entity, action: actionLabel(entry.action, t, statusLabel) })}</strong>
            </div>
            <div className="muted">{formatInstant(intl, entry.at)}</div>
            {entry.changes.length > 0 && (
              <table className="audit-changes">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.field')}</th>
                    <th scope="col">{t('audit.before')}</th>
                    <th scope="col">{t('audit.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.changes.map((change) => (
                    <tr key={change.field}>
                      <th scope="row">{change.field || '—'}</th>
                      <td>{shown(change.field, change.before, intl)}</td>
                      <td>{shown(change.field, change.after, intl)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function shown(field: string, value: string | null, intl: IntlShape): string {
  if (value === null) return '—';
  const number = Number(value);
  if (instantFields.has(field) && Number.isInteger(number) && number > 0) return formatInstant(intl, number);
  return value;
}
