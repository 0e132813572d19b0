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
});
