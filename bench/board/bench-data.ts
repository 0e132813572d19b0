/**
 * Deterministic synthetic board data for the benchmark and visual checks: a seeded PRNG,
 * four territories, bookings spread over 07:00–19:00 of one day in every status.
 */
import { Temporal } from 'temporal-polyfill';
import type { BookingStatus } from '../../shared/domain/booking-status';
import type { BoardBooking, BoardTechnician } from '../../renderer/features/board/board-types';
import { seededRandom } from '../../shared/random/seeded-random';

export interface BenchData {
  technicians: BoardTechnician[];
  bookings: BoardBooking[];
  rangeStart: number;
  rangeEnd: number;
  now: number;
  timeZone: string;
}

const MINUTE = 60_000;
const territories = ['North', 'South', 'East', 'West'] as const;
const firstNames = ['Anna', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Luca', 'Maya', 'Nils', 'Omar', 'Priya', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zoe'];
const lastNames = ['Park', 'Novak', 'Silva', 'Okafor', 'Meyer', 'Haddad', 'Kowalski', 'Tanaka', 'Rossi', 'Larsen', 'Dubois', 'Moreno', 'Singh', 'Fischer', 'Byrne', 'Costa'];
const jobs = ['Boiler service', 'Heat pump install', 'Leak repair', 'Annual inspection', 'Radiator swap', 'Thermostat fit', 'Gas safety check', 'Emergency call-out'];
const accounts = ['Acme Ltd', 'Northwind Flats', 'Harbour Dental', 'Riverside School', 'Oak Street Bakery', 'Greenfield Homes', 'City Library', 'Blue Fern Cafe'];
/** Cumulative weights: mostly scheduled, some of everything else. */
const statusWeights: readonly [BookingStatus, number][] = [
  ['scheduled', 0.45], ['traveling', 0.55], ['in_progress', 0.65], ['completed', 0.9], ['canceled', 1],
];

function pick<T>(random: () => number, list: readonly T[]): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

function pickStatus(random: () => number): BookingStatus {
  const r = random();
  return statusWeights.find(([, w]) => r < w)?.[0] ?? 'scheduled';
}

function makeTechnicians(count: number, random: () => number): BoardTechnician[] {
  const technicians = Array.from({ length: count }, (_, i) => {
    const territory = territories[i % territories.length] ?? 'North';
    return {
      id: `tech-${String(i + 1).padStart(4, '0')}`,
      name: `${pick(random, firstNames)} ${pick(random, lastNames)}`,
      territoryId: `territory-${territory.toLowerCase()}`,
      territoryName: territory,
    };
  });
  return technicians.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Back-to-back-ish visits per technician; when the day is full, some overlap (double booking). */
function makeBookings(
  technicians: readonly BoardTechnician[],
  count: number,
  dayStarts: readonly number[],
  random: () => number,
): BoardBooking[] {
  const bookings: BoardBooking[] = [];
  technicians.forEach((technician, t) => {
    const perTech = Math.floor(count / technicians.length) + (t < count % technicians.length ? 1 : 0);
    const perDay = Math.ceil(perTech / dayStarts.length);
    let open = 0;
    let close = 0;
    let cursor = 0;
    for (let k = 0; k < perTech; k++) {
      if (k % perDay === 0) {
        const dayStart = dayStarts[Math.floor(k / perDay)] ?? 0;
        open = dayStart + 7 * 60 * MINUTE;
        close = dayStart + 19 * 60 * MINUTE;
        cursor = open + Math.floor(random() * 4) * 15 * MINUTE;
      }
      const duration = (2 + Math.floor(random() * 4)) * 15 * MINUTE;
      let start = cursor;
      if (start + duration > close) start = open + Math.floor(random() * ((close - open - duration) / (15 * MINUTE))) * 15 * MINUTE;
      cursor = start + duration + Math.floor(random() * 2) * 15 * MINUTE;
      const n = bookings.length + 1;
      bookings.push({
        id: `bk-${n}`,
        resourceId: technician.id,
        start,
        end: start + duration,
        status: pickStatus(random),
        title: pick(random, jobs),
        reference: `WO-${String(n).padStart(5, '0')}`,
        subtitle: pick(random, accounts),
        needsReview: random() < 0.12,
        pinned: random() < 0.08,
      });
    }
  });
  return bookings;
}

export interface BenchOptions {
  techs: number;
  bookings: number;
  /** Days shown, each with its bookings between 07:00 and 19:00 (local). */
  days?: number;
  timeZone?: string;
  seed?: number;
}

export function generateBenchData(options: BenchOptions): BenchData {
  const random = seededRandom(options.seed ?? 42).next;
  const timeZone = options.timeZone ?? 'Europe/Berlin';
  const day = Temporal.PlainDate.from('2025-03-11');
  const days = Math.max(1, options.days ?? 1);
  const dayStarts = Array.from({ length: days }, (_, i) => day.add({ days: i }).toZonedDateTime({ timeZone }).epochMilliseconds);
  const rangeStart = dayStarts[0] ?? 0;
  const rangeEnd = day.add({ days }).toZonedDateTime({ timeZone }).epochMilliseconds;
  const technicians = makeTechnicians(options.techs, random);
  const bookings = makeBookings(technicians, options.bookings, dayStarts, random);
  return { technicians, bookings, rangeStart, rangeEnd, now: rangeStart + (11 * 60 + 20) * MINUTE, timeZone };
}
