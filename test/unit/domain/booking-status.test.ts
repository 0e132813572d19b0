import { describe, expect, it } from 'vitest';
import { bookingStatuses, checkTransition, isTerminalStatus, type BookingStatus } from '../../../shared/domain/booking-status';

const allowed: [BookingStatus, BookingStatus][] = [
  ['scheduled', 'traveling'],
  ['traveling', 'in_progress'],
  ['in_progress', 'completed'],
  ['scheduled', 'canceled'],
  ['traveling', 'canceled'],
];
const reason = { code: 'customer-request', note: 'Customer is away' };
const isAllowed = (from: BookingStatus, to: BookingStatus) => allowed.some(([f, t]) => f === from && t === to);

describe('booking status state machine', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(checkTransition(from, to, reason)).toEqual({ ok: true, to });
  });

  const forbidden = bookingStatuses.flatMap((from) => bookingStatuses.map((to) => [from, to] as const)).filter(([f, t]) => !isAllowed(f, t));
  it.each(forbidden)('refuses %s → %s with a reason a dispatcher can read', (from, to) => {
    const result = checkTransition(from, to, reason);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/cannot become|already/);
  });

  it('covers all 25 pairs: 5 allowed and 20 forbidden', () => {
    expect(allowed.length + forbidden.length).toBe(25);
    expect(forbidden).toHaveLength(20);
  });

  it.each(['scheduled', 'traveling'] as const)('refuses to cancel a %s booking without a reason code', (from) => {
    expect(checkTransition(from, 'canceled')).toEqual({ ok: false, reason: 'A cancellation needs a reason code.' });
    expect(checkTransition(from, 'canceled', { code: '  ', note: 'x' }).ok).toBe(false);
  });

  it('treats completed and canceled as history', () => {
    expect(bookingStatuses.filter(isTerminalStatus)).toEqual(['completed', 'canceled']);
  });
});
