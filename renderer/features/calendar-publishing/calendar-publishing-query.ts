/** The TanStack Query key of Portal → Calendars (the hub's answer; refreshed after every change made there). */
export const calendarPublishingKey = ['calendar-publishing'] as const;
