import { describe, expect, it } from 'vitest';
import { bookingAriaLabel, createFormatters } from '../../../renderer/features/board/board-format';
import type { BoardBooking } from '../../../renderer/features/board/board-types';

const start = Date.UTC(2025, 2, 11, 8); // 09:00 in Berlin
const base: BoardBooking = {
  id: 'b1',
  resourceId: 't1',
  start,
  end: start + 90 * 60_000,
  status: 'scheduled',
  title: 'Boiler service',
  reference: 'WO-00042',
  needsReview: true,
  pinned: false,
};

describe('board labels', () => {
  const formatters = createFormatters('Europe/Berlin');

  it('formats hours in the board zone with a 24-hour clock', () => {
    expect(formatters.time(start)).toBe('09:00');
    expect(formatters.time(Date.UTC(2025, 2, 11, 22))).toBe('23:00');
    expect(formatters.time(Date.UTC(2025, 2, 11, 23))).toBe('00:00');
    expect(formatters.hour(Date.UTC(2025, 2, 11, 23))).toBe(0);
  });

  it('describes a booking for screen readers', () => {
    expect(bookingAriaLabel(base, 'Anna Park', formatters, false)).toBe(
      'WO-00042 Boiler service, Anna Park, 09:00–10:30, Scheduled, needs review',
    );
  });

  it('adds pinned, the account and, on multi-day boards, the day', () => {
    const label = bookingAriaLabel({ ...base, needsReview: false, pinned: true, subtitle: 'Acme Ltd' }, 'Anna Park', formatters, true);
    expect(label).toBe('WO-00042 Boiler service, Anna Park, Tue 11 Mar 09:00–10:30, Scheduled, pinned, Acme Ltd');
  });

  it('names the day and hour right around a midnight in a zone a quarter hour off the hour (remembered per quarter hour)', () => {
    // Kathmandu is UTC+5:45: local midnight of 12 Mar is 18:15 UTC on 11 Mar.
    const kathmandu = createFormatters('Asia/Kathmandu');
    const midnight = Date.UTC(2025, 2, 11, 18, 15);
    for (const t of [midnight - 60_000, midnight - 1, midnight, midnight + 1, midnight + 14 * 60_000, midnight - 16 * 60_000]) {
      // Asked in order and again: a remembered answer must be the one for its own instant.
      const direct = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kathmandu', weekday: 'short', day: 'numeric', month: 'short' }).format(t);
      expect(kathmandu.day(t)).toBe(direct);
      expect(kathmandu.day(t)).toBe(direct);
      expect(kathmandu.hour(t)).toBe(t < midnight ? 23 : 0);
    }
  });

  it('words with values read as the catalogue says, in every language (compiled once, not per row)', () => {
    expect(formatters.words.bookingCount(1)).toBe('1 booking');
    expect(formatters.words.bookingCount(3)).toBe('3 bookings');
    expect(formatters.words.technicianBookings('Anna Park')).toContain('Anna Park');
    const arabic = createFormatters('Europe/Berlin', 'ar');
    expect(arabic.words.bookingCount(3)).not.toBe(arabic.words.bookingCount(11));
    expect(arabic.words.bookingCount(3)).not.toContain('booking');
  });
});
