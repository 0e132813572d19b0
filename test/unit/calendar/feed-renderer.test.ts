import { describe, expect, it } from 'vitest';
import { FeedRenderer } from '../../../server/calendar/feed-renderer';
import { visitCalendar, type VisitEvent } from '../../../server/calendar/visit-event';
import { readIcs } from '../../support/read-ics';

const ZONE = 'America/Chicago';
const start = Date.parse('2026-11-30T15:00:00Z');

function event(i: number, change: Partial<VisitEvent> = {}): VisitEvent {
  return {
    bookingId: `bk-${i}`,
    sequence: 1,
    start: start + i * 3_600_000,
    end: start + i * 3_600_000 + 1_800_000,
    summary: `WO-${i} · Fuite d'eau à l'étage · Café Zoë`,
    // Long, non-ASCII and escaped text: the library folds it at 75 octets and escapes ; , \\n.
    description: `Work order: WO-${i}\nAccount: Müller & Söhne; Straße 5, Köln\n${'Ремонт котла '.repeat(12)}`,
    location: 'Straße 5, 50667 Köln',
    canceled: i % 3 === 0,
    stamp: start - 86_400_000,
    ...change,
  };
}

const options = { name: 'Rae · Dispatch Desk', timeZone: ZONE };
const whole = (events: VisitEvent[]) => visitCalendar({ method: 'publish', ...options }, events).toString();

describe('feed renderer', () => {
  it('writes byte for byte what the library writes for the whole calendar', () => {
    const events = Array.from({ length: 7 }, (_, i) => event(i));
    const feed = new FeedRenderer().render(options, events);
    expect(feed.body).toBe(whole(events));
    expect(feed.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(readIcs(feed.body).events.map((e) => e.uid)).toEqual(events.map((e) => `${e.bookingId}@dispatch-desk`));
  });

  it('renders a changed event again (new time, new sequence) and keeps the tag of an unchanged feed', () => {
    const renderer = new FeedRenderer();
    const events = Array.from({ length: 4 }, (_, i) => event(i));
    const first = renderer.render(options, events);
    expect(renderer.render(options, events).etag).toBe(first.etag);

    const moved = events.map((e, i) => (i === 2 ? { ...e, sequence: 2, start: e.start + 900_000, end: e.end + 900_000 } : e));
    const second = renderer.render(options, moved);
    expect(second.body).toBe(whole(moved));
    expect(second.etag).not.toBe(first.etag);
    expect(readIcs(second.body).events[2]).toMatchObject({ sequence: 2, start: moved[2]!.start });
  });

  it('writes the same booking in each zone it is asked for', () => {
    const renderer = new FeedRenderer();
    const events = [event(1)];
    renderer.render(options, events);
    const tokyo = renderer.render({ ...options, timeZone: 'Asia/Tokyo' }, events);
    expect(tokyo.body).toBe(visitCalendar({ method: 'publish', ...options, timeZone: 'Asia/Tokyo' }, events).toString());
    expect(readIcs(tokyo.body).events[0]).toMatchObject({ zone: 'Asia/Tokyo', start: events[0]!.start });
  });

  it('writes an empty window as a calendar with no events', () => {
    const feed = new FeedRenderer().render(options, []);
    expect(feed.body).toBe(whole([]));
    expect(readIcs(feed.body).events).toEqual([]);
  });
});
