import type { LatLng, TravelModel } from '../../shared/scheduling/types';
import { defaultTravel, travelMs } from '../../shared/scheduling/travel-model';

/**
 * When a traveling technician should arrive: from their last reported position to the site by
 * the engine's travel model, counted from when they were there (never before now: a stale
 * position does not promise an arrival in the past).
 */
export function arrivalEstimate(position: LatLng & { at: number }, site: LatLng, now: number, travel: TravelModel = defaultTravel): number {
  const eta = position.at + travelMs(travel.between(position, site));
  return Math.max(eta, now);
}
