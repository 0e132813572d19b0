import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { visitCalendar, type VisitEvent } from './visit-event';

/** Whole calendars are rendered only for their header and footer: the frame of a feed. */
interface Frame {
  head: string;
  tail: string;
}

export interface RenderedFeed {
  body: string;
  /** A strong validator of the body: unchanged events give the same tag, so a polling client gets 304. */
  etag: string;
}

/** Rendered events kept, in UTF-16 code units of key and text: about 64 MB, some 25,000 events. */
const MAX_CACHED_CHARS = 32 * 1024 * 1024;

/**
 * Renders feeds from events rendered once each. ical-generator 9 (the last line for Node 20)
 * folds lines by building a TextEncoder per character, about 0.2-0.4 ms per event: a feed of
 * 2,000 events took over half a second on every poll. Each VEVENT is still written by the
 * library, one event per calendar, and kept until what it shows (content, SEQUENCE, stamp or
 * zone) changes; a feed is then the frame around the cached texts, byte for byte what the
 * library writes for the whole calendar (a test checks that).
 */
export class FeedRenderer {
  private readonly events = new LRUCache<string, { key: string; text: string }>({ maxSize: MAX_CACHED_CHARS, sizeCalculation: (entry, id) => id.length + entry.key.length + entry.text.length });
  private readonly frames = new LRUCache<string, Frame>({ max: 1_000 });

  render(options: { name: string; timeZone: string }, events: readonly VisitEvent[]): RenderedFeed {
    const frame = this.frame(options);
    const parts = [frame.head];
    for (const event of events) parts.push(this.eventText(event, options.timeZone));
    parts.push(frame.tail);
    const body = parts.join('');
    return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
  }

  private eventText(event: VisitEvent, timeZone: string): string {
    const id = `${timeZone}\u0000${event.bookingId}`;
    const key = JSON.stringify(event);
    const cached = this.events.get(id);
    if (cached?.key === key) return cached.text;
    const text = between(visitCalendar({ method: 'publish', timeZone }, [event]).toString(), 'BEGIN:VEVENT', 'END:VEVENT\r\n');
    this.events.set(id, { key, text });
    return text;
  }

  private frame(options: { name: string; timeZone: string }): Frame {
    const id = `${options.timeZone}\u0000${options.name}`;
    let frame = this.frames.get(id);
    if (!frame) {
      const empty = visitCalendar({ method: 'publish', ...options }, []).toString();
      const end = empty.lastIndexOf('END:VCALENDAR');
      frame = { head: empty.slice(0, end), tail: empty.slice(end) };
      this.frames.set(id, frame);
    }
    return frame;
  }
}

/** The text from the first `start` to the end of the last `end`, inclusive. */
function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = text.lastIndexOf(end);
  if (from < 0 || to < from) throw new Error(`The calendar library wrote no ${start} block.`);
  return text.slice(from, to + end.length);
}
