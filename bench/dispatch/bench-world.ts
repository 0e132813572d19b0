/**
 * The engine's view of the board benchmark's synthetic company (bench/board/bench-data.ts):
 * technicians working 07:00–19:00 in four territories with one skill, visits at sites around
 * their home bases. Drag feedback is judged over it the way the console judges the real one.
 */
import type { PlacementJob } from '../../shared/contract/dispatch-contract';
import { seededRandom } from '../../shared/random/seeded-random';
import type { ExistingBooking, SchedulingResource, World } from '../../shared/scheduling/types';
import type { BenchData } from '../board/bench-data';

const hours = [{ start: '07:00', end: '19:00' }];
const week = { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours };

export interface BenchWorld {
  world: World;
  /** The engine job of each booking (what a drag of it asks about). */
  jobs: Map<string, PlacementJob>;
}

export function benchWorld(data: BenchData, seed = 7): BenchWorld {
  const random = seededRandom(seed).next;
  const around = (lat: number, lng: number, spread: number) => ({ lat: lat + (random() - 0.5) * spread, lng: lng + (random() - 0.5) * spread });
  const resources: SchedulingResource[] = data.technicians.map((t) => ({
    id: t.id,
    name: t.name,
    homeBase: around(41.88, -87.63, 0.4),
    territoryIds: [t.territoryId],
    characteristics: { gas: 1 + Math.floor(random() * 5) },
    timeZone: data.timeZone,
    weeklyHours: week,
    timeOff: [],
  }));
  const homes = new Map(resources.map((r) => [r.id, r]));
  const territoryOf = new Map(data.technicians.map((t) => [t.id, t.territoryId]));
  const bookings: ExistingBooking[] = [];
  const jobs = new Map<string, PlacementJob>();
  for (const b of data.bookings) {
    if (b.status === 'canceled') continue;
    const home = homes.get(b.resourceId)!.homeBase;
    const location = around(home.lat, home.lng, 0.1);
    bookings.push({ id: b.id, resourceId: b.resourceId, start: b.start, end: b.end, location, status: b.status, jobId: b.id });
    jobs.set(b.id, {
      workOrderId: b.id,
      workOrderNumber: b.reference ?? b.id,
      title: b.title,
      accountName: b.subtitle ?? '',
      workOrderVersion: 1,
      job: {
        id: b.id,
        durationMinutes: Math.round((b.end - b.start) / 60_000),
        requiredCharacteristics: [{ characteristicId: 'gas', minRating: 2 }],
        territoryId: territoryOf.get(b.resourceId) ?? '',
        location,
        timeZone: data.timeZone,
      },
      promisedWindow: null,
      booking: { id: b.id, version: 1, resourceId: b.resourceId, start: b.start, end: b.end, status: b.status, pinned: b.pinned },
    });
  }
  return { world: { resources, bookings }, jobs };
}
