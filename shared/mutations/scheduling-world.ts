import type { Booking, IncidentType, Resource, ServiceAccount } from '../domain/entities';
import type { ExistingBooking, SchedulingJob, SchedulingResource, World } from '../scheduling/types';
import type { MutationTx } from './mutation-context';

/** Domain rows → the engine's plain input types. */
export function toSchedulingResource(resource: Resource): SchedulingResource {
  return {
    id: resource.id,
    name: resource.name,
    homeBase: { lat: resource.homeLat, lng: resource.homeLng },
    territoryIds: resource.territoryIds,
    characteristics: Object.fromEntries(resource.characteristics.map((c) => [c.characteristicId, c.rating])),
    timeZone: resource.timeZone,
    weeklyHours: resource.weeklyHours,
    timeOff: resource.timeOff,
  };
}

export function toSchedulingJob(id: string, account: ServiceAccount, type: IncidentType, durationMinutes = type.durationMinutes): SchedulingJob {
  return {
    id,
    durationMinutes,
    requiredCharacteristics: type.requiredCharacteristics,
    territoryId: account.territoryId,
    location: { lat: account.lat, lng: account.lng },
    timeZone: account.timeZone,
  };
}

const DAY_MS = 86_400_000;

/** What building a world reads (a read-only snapshot at the hub will do). */
export type WorldReader = Pick<MutationTx, 'get' | 'list' | 'activeBookingsBetween' | 'sitesOf'>;

/**
 * The engine's world around an instant: every technician (or only `resourceIds`) and their active
 * bookings of the surrounding days (wide enough for any zone's local day), minus the bookings being changed.
 */
export async function worldAround(
  tx: WorldReader,
  at: number,
  excludeBookingIds: readonly string[] = [],
  resourceIds?: readonly string[],
  /** The technicians already read (only these are in the world): spares reading them again. */
  knownResources?: readonly Resource[],
): Promise<World> {
  const resources = knownResources ? [...knownResources] : resourceIds ? await resourcesById(tx, resourceIds) : await tx.list('resource');
  const ids = knownResources ? knownResources.map((r) => r.id) : resourceIds;
  const bookings = (await tx.activeBookingsBetween(at - 2 * DAY_MS, at + 2 * DAY_MS, ids)).filter((b) => !excludeBookingIds.includes(b.id));
  const sites = await tx.sitesOf(bookings.map((b) => b.workOrderId));
  return {
    resources: resources.map(toSchedulingResource),
    bookings: bookings.map((b) => toExistingBooking(b, sites.get(b.workOrderId) ?? { lat: 0, lng: 0 })),
  };
}

/** Checking one technician needs only that technician: reading every one costs a query each. */
async function resourcesById(tx: WorldReader, ids: readonly string[]): Promise<Resource[]> {
  const rows = await Promise.all([...new Set(ids)].map((id) => tx.get('resource', id)));
  return rows.filter((r): r is Resource => r !== undefined);
}

export function toExistingBooking(booking: Booking, location: { lat: number; lng: number }): ExistingBooking {
  return {
    id: booking.id,
    resourceId: booking.resourceId,
    start: booking.start,
    end: booking.end,
    location,
    status: booking.status,
    pinned: booking.pinned,
    jobId: booking.workOrderId,
  };
}
