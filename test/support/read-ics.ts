import ICAL from 'ical.js';

/** An event as an independent iCalendar parser (ical.js) reads it, times resolved through the file's own VTIMEZONEs. */
export interface ReadEvent {
  uid: string;
  sequence: number;
  start: number;
  end: number;
  /** The TZID the start is written in. */
  zone: string | null;
  summary: string;
  location: string;
  description: string;
  status: string | null;
}

export function readIcs(text: string): { method: string | null; zones: string[]; events: ReadEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones: string[] = [];
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtimezone);
    ICAL.TimezoneService.register(zone);
    zones.push(zone.tzid);
  }
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
      zone: event.startDate.zone?.tzid ?? null,
      summary: event.summary,
      location: event.location,
      description: event.description,
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
    };
  });
  return { method: (calendar.getFirstPropertyValue('method') as string | null) ?? null, zones, events };
}
