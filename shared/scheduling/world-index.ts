import { buildDayContext, compareStops } from './day-context';
import type { DayContext, Stop } from './day-context';
import { addDays, localDateOf } from './local-time';
import { defaultTravel } from './travel-model';
import type { ExistingBooking, SchedulingResource, TravelModel, World } from './types';

/** A World prepared for fast queries: bookings grouped per technician and day contexts cached. */
export interface WorldIndex {
  world: World;
  travel: TravelModel;
  resources: SchedulingResource[];
  resourceById: Map<string, SchedulingResource>;
  dayContext(resourceId: string, date: string): DayContext;
  /** The working day a visit starting at `start` belongs to (an overnight shift's night is its start day's). */
  workDay(resource: SchedulingResource, start: number): DayContext;
}

const cache = new WeakMap<World, { bookings: ExistingBooking[]; length: number; index: WorldIndex }>();

/** Canceled bookings and empty spans occupy nobody. */
export function isActiveBooking(b: ExistingBooking): boolean {
  return b.status !== 'canceled' && b.end > b.start;
}

export function bookingToStop(b: ExistingBooking): Stop {
  return { id: b.id, start: b.start, end: b.end, location: b.location, load: b.load ?? 1 };
}

/**
 * Returns the index for a World, building it on first use. The index is cached per World
 * object and rebuilt if its bookings array is replaced or changes length.
 */
export function indexWorld(world: World): WorldIndex {
  const cached = cache.get(world);
  if (cached && cached.bookings === world.bookings && cached.length === world.bookings.length) return cached.index;
  const index = buildIndex(world);
  cache.set(world, { bookings: world.bookings, length: world.bookings.length, index });
  return index;
}

function buildIndex(world: World): WorldIndex {
  const stopsByResource = new Map<string, Stop[]>();
  for (const booking of world.bookings) {
    if (!isActiveBooking(booking)) continue;
    const list = stopsByResource.get(booking.resourceId) ?? [];
    list.push(bookingToStop(booking));
    stopsByResource.set(booking.resourceId, list);
  }
  const longest = new Map<string, number>();
  for (const [id, list] of stopsByResource) {
    list.sort(compareStops);
    longest.set(id, list.reduce((max, s) => Math.max(max, s.end - s.start), 0));
  }
  const resourceById = new Map(world.resources.map((r) => [r.id, r]));
  const days = new Map<string, DayContext>();
  return {
    world,
    travel: world.travel ?? defaultTravel,
    resources: world.resources,
    resourceById,
    dayContext(resourceId, date) {
      const key = `${resourceId}|${date}`;
      const known = days.get(key);
      if (known) return known;
      const resource = resourceById.get(resourceId);
      if (!resource) throw new Error(`Unknown resource ${resourceId}`);
      const day = buildDayContext(resource, date, stopsByResource.get(resourceId) ?? [], longest.get(resourceId) ?? 0);
      days.set(key, day);
      return day;
    },
    workDay(resource, start) {
      const date = localDateOf(start, resource.timeZone);
      const day = this.dayContext(resource.id, date);
      // Before the day's own start, the previous day's night is still going on.
      return start < day.ownStart ? this.dayContext(resource.id, addDays(date, -1)) : day;
    },
  };
}
