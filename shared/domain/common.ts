import { z } from 'zod';

/** Identifiers are opaque strings chosen by whoever creates the row (hub, console or seed). */
export const IdSchema = z.string().min(1, 'must not be empty').max(64, 'is too long');

/**
 * Instants are UTC epoch milliseconds everywhere, between 2000 and 2100: nothing this product
 * schedules lies outside, and the bound keeps absurd values (8.64e15) away from date arithmetic.
 */
export const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
export const LATEST_INSTANT = Date.UTC(2100, 0, 1);
export const EpochMsSchema = z
  .number()
  .int('must be whole milliseconds')
  .min(EARLIEST_INSTANT, 'must not be before the year 2000')
  .max(LATEST_INSTANT, 'must be before the year 2100');

export const LatitudeSchema = z.number().min(-90).max(90);
export const LongitudeSchema = z.number().min(-180).max(180);
export const LatLngSchema = z.object({ lat: LatitudeSchema, lng: LongitudeSchema });
export type LatLng = z.infer<typeof LatLngSchema>;

/** IANA zone names; checked with Intl so a typo like "Europe/Berln" is refused at the boundary. */
export const TimeZoneSchema = z.string().refine(isKnownTimeZone, { message: 'is not a known IANA time zone' });

/** Zones Intl accepted: asking it builds a formatter (~0.1 ms), and a first sync checks every account's zone. */
const knownZones = new Set<string>();

export function isKnownTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  // Only accepted names are kept, so the set stays as small as the zone database.
  knownZones.add(zone);
  return true;
}

/** Local wall-clock time "HH:MM" (24 h). */
export const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)');

export const EmailSchema = z.email('is not a valid e-mail address');

export const RatingSchema = z.number().int().min(1, 'ratings go from 1').max(5, 'ratings go up to 5');

/** Every synced row carries a version, bumped on each change (optimistic concurrency). */
export const RowVersionSchema = z.number().int().nonnegative();

export const InstantRangeSchema = z
  .object({ start: EpochMsSchema, end: EpochMsSchema })
  .refine((r) => r.end > r.start, { message: 'end must be after start', path: ['end'] });
