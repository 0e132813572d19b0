import type { SchedulingResource, World } from '../../../shared/scheduling/types';
import { loadActiveBookings, loadSchedulingResources } from '../db/queries/scheduling-queries';
import type { Replica } from '../db/open-replica';

const KEPT_WORLDS = 8;

/**
 * The engine's view of the replica, read once and kept until the replica changes: a drag check,
 * "find availability" or a fit-in proposal asks again and again about the same days, and the
 * engine caches its per-technician index on the World object, so handing out the same object
 * keeps the second question cheap. Any data change (a local write, a pull) drops everything.
 */
export class SchedulingWorlds {
  private resources: { list: SchedulingResource[]; byId: Map<string, SchedulingResource> } | undefined;
  private readonly worlds = new Map<string, World>();

  constructor(private readonly db: Replica) {}

  invalidate(): void {
    this.resources = undefined;
    this.worlds.clear();
  }

  technicians(): { list: SchedulingResource[]; byId: Map<string, SchedulingResource> } {
    if (this.resources) return this.resources;
    const list = loadSchedulingResources(this.db);
    const resources = { list, byId: new Map(list.map((r) => [r.id, r])) };
    if (this.cacheable()) this.resources = resources;
    return resources;
  }

  /** Every technician and the bookings occupying them in [from, to). */
  world(from: number, to: number): World {
    const key = `${from}|${to}`;
    const known = this.worlds.get(key);
    if (known) return known;
    if (this.worlds.size >= KEPT_WORLDS) this.worlds.delete(this.worlds.keys().next().value as string);
    const world: World = { resources: this.technicians().list, bookings: loadActiveBookings(this.db, from, to) };
    if (this.cacheable()) this.worlds.set(key, world);
    return world;
  }

  /**
   * A write transaction spans awaits, so a question asked meanwhile reads rows that may yet be
   * rolled back (a refused change emits no event): answer it, but keep nothing from it.
   */
  private cacheable(): boolean {
    return !this.db.inTransaction;
  }
}
