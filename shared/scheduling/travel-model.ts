import { SchedulingInputError } from './engine-options';
import type { LatLng, TravelEstimate, TravelModel } from './types';

const earthRadiusKm = 6371.0088;

export interface GreatCircleOptions {
  /** Road distance ÷ straight-line distance; default 1.3. */
  roadFactor?: number;
  /** Average driving speed; default 50 km/h. */
  speedKmh?: number;
}

/** Straight-line (haversine) distance in km. */
export function greatCircleKm(a: LatLng, b: LatLng): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLng = (b.lng - a.lng) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Great-circle distance stretched by a road factor, driven at a constant average speed. */
export function createGreatCircleTravel(options: GreatCircleOptions = {}): TravelModel {
  const roadFactor = options.roadFactor ?? 1.3;
  const speedKmh = options.speedKmh ?? 50;
  const issues = [...(roadFactor > 0 && Number.isFinite(roadFactor) ? [] : ['roadFactor: must be a positive number']), ...(speedKmh > 0 && Number.isFinite(speedKmh) ? [] : ['speedKmh: must be a positive number'])];
  if (issues.length > 0) throw new SchedulingInputError('travel model options', issues);
  return {
    between(a, b) {
      const km = greatCircleKm(a, b) * roadFactor;
      return { km, minutes: (km / speedKmh) * 60 };
    },
  };
}

export const defaultTravel: TravelModel = createGreatCircleTravel();

/** fromLocationId → toLocationId → estimate, as a routing service's matrix. */
export type TravelMatrix = Record<string, Record<string, TravelEstimate>>;

/**
 * Travel read from a matrix keyed by `LatLng.id`. Same id (or same point) is zero travel.
 * A pair missing from the matrix falls back to `fallback` (great-circle by default), so a
 * partial matrix still gives an answer; pass `fallback: null` to make a missing pair an error.
 */
export function createMatrixTravel(matrix: TravelMatrix, fallback: TravelModel | null = defaultTravel): TravelModel {
  return {
    between(a, b) {
      if (a.id !== undefined && a.id === b.id) return { km: 0, minutes: 0 };
      const entry = a.id !== undefined && b.id !== undefined ? matrix[a.id]?.[b.id] : undefined;
      if (entry) return entry;
      if (a.lat === b.lat && a.lng === b.lng) return { km: 0, minutes: 0 };
      if (!fallback) throw new Error(`No travel entry from ${a.id ?? '?'} to ${b.id ?? '?'}`);
      return fallback.between(a, b);
    },
  };
}

/** Travel time in whole milliseconds, rounded up so a "fits" check is never optimistic. */
export function travelMs(estimate: TravelEstimate): number {
  return Math.ceil(estimate.minutes * 60_000);
}
