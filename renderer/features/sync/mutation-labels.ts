import type { MutationName } from '../../../shared/mutations/mutation-registry';
import { absoluteTime } from '../../components/relative-time';

const labels: Record<MutationName, string> = {
  reassignBooking: 'Reassign booking',
  moveBooking: 'Move booking',
  cancelBooking: 'Cancel booking',
  setBookingStatus: 'Change booking status',
  acceptAutoAssignment: 'Accept assignment',
  overrideAutoAssignment: 'Override assignment',
  createWorkOrder: 'Create work order',
  scheduleWorkOrder: 'Schedule work order',
  handlePortalRequest: 'Mark portal request handled',
  issueInvitation: 'Issue portal invitation',
  pinBooking: 'Pin booking',
  unpinBooking: 'Unpin booking',
};

/** A mutation's name in words; unknown names are split from camelCase rather than shown raw. */
export function mutationLabel(name: string): string {
  if (Object.hasOwn(labels, name)) return labels[name as MutationName];
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const argLabels: Record<string, string> = {
  bookingId: 'Booking',
  bookings: 'Bookings',
  workOrderId: 'Work order',
  requestId: 'Request',
  resourceId: 'Technician',
  reasonCode: 'Reason',
  note: 'Note',
  status: 'Status',
  start: 'Start',
  reason: 'Why',
  override: 'Override',
  expectedVersion: 'Version',
  contactId: 'Contact',
  accountId: 'Account',
  summary: 'Summary',
  priority: 'Priority',
};

function describe(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if ((key === 'start' || key.endsWith('At') || key.startsWith('promisedWindow')) && typeof value === 'number') return absoluteTime(value);
  if (key === 'bookings' && Array.isArray(value)) return `${value.length} booking${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') {
    if (Object.hasOwn(value, 'reason') && typeof (value as { reason: unknown }).reason === 'string') return (value as { reason: string }).reason;
    return JSON.stringify(value);
  }
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** The arguments of a refused change as label/value pairs, leaving out bookkeeping (versions, empty notes). */
export function summariseArgs(args: unknown): { label: string; value: string }[] {
  if (!args || typeof args !== 'object') return args === undefined ? [] : [{ label: 'Arguments', value: String(args) }];
  return Object.entries(args as Record<string, unknown>)
    .filter(([key, value]) => key !== 'expectedVersion' && value !== '' && value !== null && value !== undefined)
    .map(([key, value]) => ({ label: Object.hasOwn(argLabels, key) ? argLabels[key]! : key, value: describe(key, value) }));
}
