/**
 * A company for the dispatcher benchmarks, as replica rows: technicians in four territories
 * working 07:00–19:00 (Chicago) with three skills rated 1–5, accounts around each territory,
 * `bookingsPerDay` visits laid out per technician on the day and the days either side, and
 * `unscheduled` work orders waiting.
 */
import { Temporal } from 'temporal-polyfill';
import type { DemoDataset } from '../../shared/demo/seed-builder';
import type { Booking, IncidentType, Resource, ServiceAccount, WorkOrder } from '../../shared/domain/entities';
import { newBooking } from '../../shared/domain/new-booking';
import { seededRandom } from '../../shared/random/seeded-random';

export const BENCH_ZONE = 'America/Chicago';
export const BENCH_DAY = '2026-11-24';

const territories = [
  { id: 't-north', name: 'North', lat: 42.0, lng: -87.7 },
  { id: 't-south', name: 'South', lat: 41.72, lng: -87.62 },
  { id: 't-west', name: 'West', lat: 41.88, lng: -87.85 },
  { id: 't-central', name: 'Central', lat: 41.88, lng: -87.63 },
];
const skills = ['c-gas', 'c-electric', 'c-water'];
const hours = [{ start: '07:00', end: '19:00' }];
const week = { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours };

export interface ReplicaDataOptions {
  technicians: number;
  bookingsPerDay: number;
  unscheduled: number;
  seed?: number;
}

export function benchReplicaData(options: ReplicaDataOptions): DemoDataset {
  const random = seededRandom(options.seed ?? 11);
  const near = (lat: number, lng: number, spread: number) => ({ lat: lat + (random.next() - 0.5) * spread, lng: lng + (random.next() - 0.5) * spread });
  const incidentTypes: IncidentType[] = skills.map((skill, i) => ({
    id: `it-${i}`,
    name: `Service ${i}`,
    durationMinutes: 45 + i * 15,
    requiredCharacteristics: [{ characteristicId: skill, minRating: 2 }],
    portalBookable: false,
    customerFacingName: null,
    defaultWorkOrderType: null,
    customerChangeNoticeHours: null,
  }));
  const resources: Resource[] = Array.from({ length: options.technicians }, (_, i) => {
    const home = territories[i % territories.length]!;
    const at = near(home.lat, home.lng, 0.12);
    return {
      id: `r-${String(i).padStart(4, '0')}`,
      name: `Technician ${i}`,
      email: `t${i}@bench.example`,
      phone: null,
      homeLat: at.lat,
      homeLng: at.lng,
      timeZone: BENCH_ZONE,
      territoryIds: random.chance(0.3) ? [home.id, territories[(i + 1) % territories.length]!.id] : [home.id],
      characteristics: skills.map((characteristicId) => ({ characteristicId, rating: random.int(1, 5) })),
      weeklyHours: week,
      timeOff: [],
      calendarPublishing: false,
    };
  });
  const accounts: ServiceAccount[] = Array.from({ length: options.technicians * 3 }, (_, i) => {
    const territory = territories[i % territories.length]!;
    const at = near(territory.lat, territory.lng, 0.15);
    return { id: `a-${i}`, name: `Account ${i}`, address: `${i} Bench Street`, lat: at.lat, lng: at.lng, territoryId: territory.id, timeZone: BENCH_ZONE };
  });
  const workOrders: WorkOrder[] = [];
  const bookings: Booking[] = [];
  const newWorkOrder = (status: WorkOrder['status']): WorkOrder => {
    const n = workOrders.length + 1;
    const account = accounts[random.int(0, accounts.length - 1)]!;
    const workOrder: WorkOrder = {
      id: `wo-${n}`,
      number: `WO-${String(n).padStart(5, '0')}`,
      accountId: account.id,
      assetId: null,
      incidentTypeId: incidentTypes[random.int(0, incidentTypes.length - 1)]!.id,
      primaryContactId: null,
      priority: 'normal',
      workOrderType: null,
      summary: 'Bench visit',
      customerComments: '',
      source: 'console',
      promisedWindowStart: null,
      promisedWindowEnd: null,
      status,
      version: 1,
    };
    workOrders.push(workOrder);
    return workOrder;
  };
  const perTechnician = Math.floor(options.bookingsPerDay / options.technicians);
  for (const offset of [-1, 0, 1]) {
    const date = Temporal.PlainDate.from(BENCH_DAY).add({ days: offset });
    const open = date.toZonedDateTime({ timeZone: BENCH_ZONE, plainTime: '07:00' }).epochMilliseconds;
    for (const resource of resources) {
      let cursor = open + random.int(0, 3) * 15 * 60_000;
      for (let k = 0; k < perTechnician; k++) {
        const workOrder = newWorkOrder('scheduled');
        const minutes = 30 + random.int(0, 2) * 15;
        bookings.push(newBooking({ id: `bk-${bookings.length + 1}`, workOrderId: workOrder.id, resourceId: resource.id, start: cursor, end: cursor + minutes * 60_000, travelMinutes: 10, version: 1 }));
        cursor += (minutes + 10 + random.int(0, 2) * 5) * 60_000;
      }
    }
  }
  for (let i = 0; i < options.unscheduled; i++) newWorkOrder('unscheduled');
  return {
    territories: territories.map(({ id, name }) => ({ id, name })),
    characteristics: skills.map((id) => ({ id, name: id })),
    incidentTypes,
    reasonCodes: [{ code: 'customer-request', label: 'Customer request', active: true }],
    accounts,
    contacts: [],
    assets: [],
    resources,
    workOrders,
    bookings,
    portalRequests: [],
  };
}
