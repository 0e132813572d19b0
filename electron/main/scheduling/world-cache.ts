import type { SchedulingResource, World } from '../../../shared/scheduling/types';
import { indexWorld } from '../../../shared/scheduling/world-index';
import { loadActiveBookings, loadSchedulingResources } from '../db/queries/scheduling-queries';
import type { Replica } from '../db/open-replica';

const KEPT_WORLDS = 8;
/** After a change, the worlds last asked for are read again this soon (a burst of changes is one refresh). */
const REFRESH_DELAY_MS = 250;

/**
 * The engine's view of the replica, read once and kept until the replica changes: a drag check,
 * "find availability" or a fit-in proposal asks again and again about the same days, and the
 * engine caches its per-technician index on the World object, so handing out the same object
 * keeps the second question cheap. Any data change (a local write, a pull) drops everything,
 * and the worlds asked for last are read and indexed again just after, in the background: the
 * dispatcher's next question (a click away) finds them ready instead of paying for the reading.
 */
export class SchedulingWorlds {
  private resources: { list: SchedulingResource[]; byId: Map<string, SchedulingResource> } | undefined;
  private readonly worlds = new Map<string, World>();
  private recent: { from: number; to: number }[] = [];
  private refresh: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly db: Replica) {}

  invalidate(): void {
    this.resources = undefined;
    this.worlds.clear();
    clearTimeout(this.refresh);
    this.refresh = setTimeout(() => this.warm(), REFRESH_DELAY_MS);
    this.refresh.unref?.();
  }

  /** Stops the background refresh (the services are closing). */
  close(): void {
    clearTimeout(this.refresh);
  }

  private warm(): void {
    if (!this.cacheable()) {
      this.refresh = setTimeout(() => this.warm(), REFRESH_DELAY_MS);
      this.refresh.unref?.();
      return;
    }
    try {
      for (const { from, to } of this.recent) indexWorld(this.world(from, to));
    } catch (error) {
      // Only a head start: the next question reads the replica itself.
      console.warn('Could not read the scheduling data ahead of time', error);
    }
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
    this.recent = [{ from, to }, ...this.recent.filter((r) => r.from !== from || r.to !== to)].slice(0, 3);
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
