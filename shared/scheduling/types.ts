/**
 * The scheduling engine's own input types: plain data, no classes, no Date objects.
 * Instants are epoch milliseconds (UTC); zones are IANA names; local wall-clock times are
 * 'HH:MM' strings and local dates 'YYYY-MM-DD'. Callers map the domain entities to these.
 */
import type { BookingStatus } from '../domain/booking-status';

/** A point on earth. `id` is only needed when travel comes from a matrix keyed by location id. */
export interface LatLng {
  lat: number;
  lng: number;
  id?: string;
}

/** A wall-clock window inside one local day, e.g. { start: '08:00', end: '17:00' }. '24:00' is allowed as an end. */
export interface LocalWindow {
  start: string;
  end: string;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * Working hours per weekday, in the technician's own zone. A missing or empty day is a day off.
 * A window whose end is not after its start runs overnight ('22:00'–'06:00') and belongs to the
 * day it starts on.
 */
export type WeeklyHours = Partial<Record<Weekday, LocalWindow[]>>;

/** A span of time [start, end) in epoch milliseconds. */
export interface TimeSpan {
  start: number;
  end: number;
}

/** Optional per-day limits; a job without `load` weighs 1 unit. */
export interface DailyCapacity {
  maxJobs?: number;
  maxLoad?: number;
}

/** A technician (an individual user resource). */
export interface SchedulingResource {
  id: string;
  name: string;
  homeBase: LatLng;
  territoryIds: string[];
  /** characteristicId → rating 1–5 */
  characteristics: Record<string, number>;
  timeZone: string;
  weeklyHours: WeeklyHours;
  timeOff: TimeSpan[];
  dailyCapacity?: DailyCapacity;
  /** The technician drives home after the last visit of a working day, inside working time; the drive counts as travel. Default false: the drive home is their own time. */
  returnHome?: boolean;
}

/** A booking that already exists. Canceled ones are ignored everywhere. */
export interface ExistingBooking {
  id: string;
  resourceId: string;
  start: number;
  end: number;
  location: LatLng;
  status: BookingStatus;
  /** The batch planner never moves a pinned booking (it moves no existing booking at all, see plan-batch). */
  pinned?: boolean;
  /** Load units this visit consumes against `dailyCapacity.maxLoad`; default 1. */
  load?: number;
  jobId?: string;
}

export interface RequiredCharacteristic {
  characteristicId: string;
  minRating: number;
}

/** Promised time window: the visit must start at or after `earliestStart` and end at or before `latestEnd`. */
export interface JobWindow {
  earliestStart: number;
  latestEnd: number;
}

/** A unit of work to place: a work order's visit at the account's site. */
export interface SchedulingJob {
  id: string;
  durationMinutes: number;
  requiredCharacteristics: RequiredCharacteristic[];
  territoryId: string;
  location: LatLng;
  /** The account's zone: used to read "a day" for the customer and to format times. */
  timeZone: string;
  window?: JobWindow;
  /** Capacity units; default 1. */
  load?: number;
}

/** Travel between two points, as a routing service would answer. */
export interface TravelEstimate {
  km: number;
  minutes: number;
}

export interface TravelModel {
  between(a: LatLng, b: LatLng): TravelEstimate;
}

/**
 * Everything the engine reads. Treat a World as immutable: the engine caches an index per
 * World object (and per bookings array), so build a new World after bookings change.
 */
export interface World {
  resources: SchedulingResource[];
  bookings: ExistingBooking[];
  /** Defaults to great-circle distance × 1.3 at 50 km/h (see travel-model.ts). */
  travel?: TravelModel;
}
