import type { MessageKey } from '../../../shared/i18n/catalogues';
import { formatInstant } from '../../../shared/i18n/format-instant';
import type { MutationName } from '../../../shared/mutations/mutation-registry';
import type { IntlShape } from 'react-intl';
import type { OverrideReasonCode } from '../../../shared/domain/override-reasons';
import { overrideReasonMessages } from '../dispatch/rule-labels';

const labels: Record<MutationName, MessageKey> = {
  reassignBooking: 'mutation.reassignBooking',
  moveBooking: 'mutation.moveBooking',
  cancelBooking: 'mutation.cancelBooking',
  setBookingStatus: 'mutation.setBookingStatus',
  acceptAutoAssignment: 'mutation.acceptAutoAssignment',
  overrideAutoAssignment: 'mutation.overrideAutoAssignment',
  createWorkOrder: 'mutation.createWorkOrder',
  scheduleWorkOrder: 'mutation.scheduleWorkOrder',
  handlePortalRequest: 'mutation.handlePortalRequest',
  issueInvitation: 'mutation.issueInvitation',
  setPortalRole: 'mutation.setPortalRole',
  savePortalSettings: 'mutation.savePortalSettings',
  setChangeNotice: 'mutation.setChangeNotice',
  pinBooking: 'mutation.pinBooking',
  unpinBooking: 'mutation.unpinBooking',
  applySchedule: 'mutation.applySchedule',
  addComment: 'mutation.addComment',
  resendNotification: 'mutation.resendNotification',
};

/** A mutation's name in words; unknown names are split from camelCase rather than shown raw. */
export function mutationLabel(name: string, intl: IntlShape): string {
  const key = Object.hasOwn(labels, name) ? labels[name as MutationName] : undefined;
  if (key) return intl.formatMessage({ id: key });
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const argLabels: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['bookingId', 'mutationArg.bookingId'],
  ['bookings', 'mutationArg.bookings'],
  ['workOrderId', 'mutationArg.workOrderId'],
  ['requestId', 'mutationArg.requestId'],
  ['notificationId', 'mutationArg.notificationId'],
  ['resendId', 'mutationArg.resendId'],
  ['resourceId', 'mutationArg.resourceId'],
  ['reasonCode', 'mutationArg.reasonCode'],
  ['note', 'mutationArg.note'],
  ['status', 'mutationArg.status'],
  ['start', 'mutationArg.start'],
  ['reason', 'mutationArg.reason'],
  ['override', 'mutationArg.override'],
  ['expectedVersion', 'mutationArg.expectedVersion'],
  ['contactId', 'mutationArg.contactId'],
  ['accountId', 'mutationArg.accountId'],
  ['summary', 'mutationArg.summary'],
  ['priority', 'mutationArg.priority'],
  ['book', 'mutationArg.book'],
  ['move', 'mutationArg.move'],
  ['unbook', 'mutationArg.unbook'],
  ['text', 'mutationArg.text'],
  // The portal's console side (issueInvitation, setPortalRole, savePortalSettings, setChangeNotice).
  ['expiresInDays', 'mutationArg.expiresInDays'],
  ['granted', 'mutationArg.granted'],
  ['settings', 'mutationArg.settings'],
  ['incidentTypeId', 'mutationArg.incidentTypeId'],
  ['hours', 'mutationArg.hours'],
]);

function describe(key: string, value: unknown, intl: IntlShape): string {
  if (value === null || value === undefined || value === '') return '—';
  if ((key === 'start' || key.endsWith('At') || key.startsWith('promisedWindow')) && typeof value === 'number') return formatInstant(intl, value);
  // An override's reason code, in words (cancellation reason codes are the administrator's own labels).
  if (key === 'reasonCode' && typeof value === 'string' && Object.hasOwn(overrideReasonMessages, value)) return intl.formatMessage({ id: overrideReasonMessages[value as OverrideReasonCode] });
  if (key === 'bookings' && Array.isArray(value)) return intl.formatMessage({ id: 'mutationArg.bookingCount' }, { count: value.length });
  if ((key === 'book' || key === 'move' || key === 'unbook') && Array.isArray(value)) return intl.formatMessage({ id: 'mutationArg.visitCount' }, { count: value.length });
  if (typeof value === 'object') {
    if ('reason' in value && typeof (value as { reason: unknown }).reason === 'string') return (value as { reason: string }).reason;
    return JSON.stringify(value);
  }
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** The arguments of a refused change as label/value pairs, leaving out bookkeeping (versions, empty notes). */
export function summariseArgs(args: unknown, intl: IntlShape): { label: string; value: string }[] {
  if (!args || typeof args !== 'object') return args === undefined ? [] : [{ label: intl.formatMessage({ id: 'mutationArg.arguments' }), value: String(args) }];
  return Object.entries(args as Record<string, unknown>)
    .filter(([key, value]) => key !== 'expectedVersion' && value !== '' && value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => {
      const labelKey = argLabels.get(key);
      return { label: labelKey ? intl.formatMessage({ id: labelKey }) : key, value: describe(key, value, intl) };
    });
}
