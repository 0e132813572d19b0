import type { ExistingBooking, LatLng, SchedulingJob, SchedulingResource } from '../../../../shared/scheduling/index';

/** Manhattan-ish points: ~1.1 km per 0.01° latitude. */
export const site = (lat: number, lng: number, id?: string): LatLng => (id ? { lat, lng, id } : { lat, lng });
export const midtown = site(40.7549, -73.984);

const weekdays = [{ start: '08:00', end: '17:00' }];

export function technician(overrides: Partial<SchedulingResource> & { id: string }): SchedulingResource {
  return {
    name: overrides.id,
    homeBase: midtown,
    territoryIds: ['nyc'],
    characteristics: { hvac: 3 },
    timeZone: 'America/New_York',
    weeklyHours: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays, sat: weekdays, sun: weekdays },
    timeOff: [],
    ...overrides,
  };
}

export function job(overrides: Partial<SchedulingJob> = {}): SchedulingJob {
  return {
    id: 'job-1',
    durationMinutes: 60,
    requiredCharacteristics: [{ characteristicId: 'hvac', minRating: 2 }],
    territoryId: 'nyc',
    location: midtown,
    timeZone: 'America/New_York',
    ...overrides,
  };
}

export function booking(overrides: Partial<ExistingBooking> & { id: string; resourceId: string; start: number; end: number }): ExistingBooking {
  return { location: midtown, status: 'scheduled', ...overrides };
}

/** Epoch ms of an ISO string with offset, e.g. at('2026-03-10T09:00-04:00'). */
export const at = (iso: string): number => Date.parse(iso);
export const minutes = (n: number): number => n * 60_000;
