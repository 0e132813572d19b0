import { travelMs } from '../travel-model';
import type { LatLng, TravelModel } from '../types';

/**
 * The distinct places of a batch problem and the travel between them as dense matrices, asked
 * of the travel model once per pair. Location 0 is "wherever": the end of a route whose
 * technician does not return home, reached from anywhere in no time at no cost.
 */
export interface Locations {
  count: number;
  locOfNode: Int32Array;
  /** time[a * count + b]: whole ms, rounded up (as match rounds a drive). */
  time: Float64Array;
  /** cost[a * count + b]: travel minutes as the model gives them (the objective). */
  cost: Float64Array;
  maxCost: number;
  /** Whether cost(a, b) = cost(b, a) everywhere (a reversed stretch then costs the same). */
  symmetric: boolean;
  sites: (LatLng | null)[];
}

function keyOf(site: LatLng): string {
  return site.id !== undefined ? `id:${site.id}` : `at:${site.lat},${site.lng}`;
}

export function buildLocations(nodeSites: readonly (LatLng | null)[], travel: TravelModel): Locations {
  const byKey = new Map<string, number>();
  const sites: (LatLng | null)[] = [null];
  const locOfNode = new Int32Array(nodeSites.length);
  nodeSites.forEach((site, node) => {
    if (!site) return; // location 0
    const key = keyOf(site);
    let loc = byKey.get(key);
    if (loc === undefined) {
      loc = sites.length;
      byKey.set(key, loc);
      sites.push(site);
    }
    locOfNode[node] = loc;
  });
  const count = sites.length;
  const time = new Float64Array(count * count);
  const cost = new Float64Array(count * count);
  let maxCost = 0;
  for (let a = 1; a < count; a++) {
    for (let b = 1; b < count; b++) {
      if (a === b) continue;
      const leg = travel.between(sites[a] as LatLng, sites[b] as LatLng);
      time[a * count + b] = travelMs(leg);
      cost[a * count + b] = leg.minutes;
      if (leg.minutes > maxCost && Number.isFinite(leg.minutes)) maxCost = leg.minutes;
    }
  }
  let symmetric = true;
  for (let a = 1; a < count && symmetric; a++) {
    for (let b = a + 1; b < count; b++) {
      if (cost[a * count + b] !== cost[b * count + a]) {
        symmetric = false;
        break;
      }
    }
  }
  return { count, locOfNode, time, cost, maxCost, symmetric, sites };
}
