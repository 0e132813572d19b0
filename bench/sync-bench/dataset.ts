import { Temporal } from 'temporal-polyfill';
import { DEMO_SEED, buildDemoDataset, type DemoDataset } from '../../shared/demo/seed-builder';
import { seededRandom, type Random } from '../../shared/random/seeded-random';
import type { Booking, CustomerAsset, IncidentType, Resource, ServiceAccount, WorkOrder } from '../../shared/domain/entities';

/**
 * The sync benchmark's hub data: the demo company's reference data (territories, skills,
 * incident types, reason codes, accounts, contacts, assets, technicians) plus a year of
 * generated history — `workOrders` work orders, each with two bookings: the visit first
 * planned a week earlier and canceled with a reason code, and the current one. Current
 * visits are laid out per technician as a route inside their working hours (so nobody is
 * double-booked); past ones are completed, later ones scheduled.
 */
export interface SyncBenchDataOptions {
  workOrders: number;
  /**
   * The demo builder's technician count. 120 rather than the demo's 40: 100,000 visits over
   * ~a year is then 3–4 a working day each, a day a real technician can do.
   */
  technicians: number;
  now: number;
}

const WEEK_MS = 7 * 86_400_000;
const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function buildSyncBenchDataset(options: SyncBenchDataOptions): DemoDataset {
  const demo = buildDemoDataset({ seed: DEMO_SEED, now: options.now, technicians: options.technicians });
  const random = seededRandom(DEMO_SEED + 1);
  const context = newContext(demo, random, options.now);
  const perTechnician = Math.ceil(options.workOrders / demo.resources.length);
  // The history ends a few weeks after `now`, so there are scheduled visits to work on.
  const firstDay = Temporal.Instant.fromEpochMilliseconds(options.now).toZonedDateTimeISO(demo.resources[0]?.timeZone ?? 'UTC').toPlainDate().subtract({ days: 300 });
  const workOrders: WorkOrder[] = [];
  const bookings: Booking[] = [];
  for (const resource of demo.resources) {
    const remaining = Math.min(perTechnician, options.workOrders - workOrders.length);
    for (const visit of routeVisits(context, resource, firstDay, remaining)) {
      const workOrder = generatedWorkOrder(context, visit, workOrders.length + 1);
      workOrders.push(workOrder);
      bookings.push(canceledEarlier(context, visit, workOrder, bookings.length + 1));
      bookings.push(currentBooking(context, visit, workOrder, bookings.length + 1));
    }
  }
  return { ...demo, workOrders, bookings, portalRequests: [] };
}

interface Context {
  random: Random;
  now: number;
  incidentTypes: IncidentType[];
  reasonCodes: string[];
  accountsByTerritory: Map<string, ServiceAccount[]>;
  assetsByAccount: Map<string, CustomerAsset[]>;
  contactByAccount: Map<string, string>;
}

function newContext(demo: DemoDataset, random: Random, now: number): Context {
  return {
    random,
    now,
    incidentTypes: demo.incidentTypes,
    reasonCodes: demo.reasonCodes.map((r) => r.code),
    accountsByTerritory: groupBy(demo.accounts, (a) => a.territoryId),
    assetsByAccount: groupBy(demo.assets, (a) => a.accountId),
    contactByAccount: new Map(demo.contacts.map((c) => [c.accountId, c.id])),
  };
}

interface Visit {
  resource: Resource;
  account: ServiceAccount;
  incidentType: IncidentType;
  start: number;
  end: number;
  travelMinutes: number;
}

/** `count` visits for one technician, day after day from `firstDay`, each day filled until the shift ends. */
function routeVisits(context: Context, resource: Resource, firstDay: Temporal.PlainDate, count: number): Visit[] {
  const doable = context.incidentTypes.filter((t) => canDo(resource, t));
  const types = doable.length > 0 ? doable : context.incidentTypes;
  const accounts = resource.territoryIds.flatMap((id) => context.accountsByTerritory.get(id) ?? []);
  const visits: Visit[] = [];
  for (let date = firstDay; visits.length < count; date = date.add({ days: 1 })) {
    const shift = resource.weeklyHours[weekdayKeys[date.dayOfWeek - 1] as (typeof weekdayKeys)[number]][0];
    if (!shift) continue;
    let clock = localInstant(date, shift.start, resource.timeZone);
    const shiftEnd = localInstant(date, shift.end, resource.timeZone);
    if (resource.timeOff.some((off) => off.start < shiftEnd && off.end > clock)) continue;
    while (visits.length < count) {
      const travelMinutes = context.random.int(2, 8) * 5;
      const incidentType = context.random.pick(types);
      const start = roundUpToQuarter(clock + travelMinutes * 60_000);
      const end = start + incidentType.durationMinutes * 60_000;
      if (end > shiftEnd) break;
      visits.push({ resource, account: context.random.pick(accounts), incidentType, start, end, travelMinutes });
      clock = end;
    }
  }
  return visits;
}

function generatedWorkOrder(context: Context, visit: Visit, number: number): WorkOrder {
  const asset = context.random.pick(context.assetsByAccount.get(visit.account.id) ?? [null]);
  const id = `wo-${String(number).padStart(6, '0')}`;
  return {
    id,
    number: `WO-${String(number).padStart(6, '0')}`,
    accountId: visit.account.id,
    assetId: asset?.id ?? null,
    incidentTypeId: visit.incidentType.id,
    primaryContactId: context.contactByAccount.get(visit.account.id) ?? null,
    priority: context.random.pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const),
    workOrderType: visit.incidentType.defaultWorkOrderType,
    summary: `${visit.incidentType.name}${asset ? ` – ${asset.productName}` : ''}`,
    customerComments: context.random.chance(0.2) ? 'Please call 15 minutes before arrival.' : '',
    source: visit.incidentType.portalBookable && context.random.chance(0.4) ? 'portal' : 'console',
    promisedWindowStart: null,
    promisedWindowEnd: null,
    status: visit.end <= context.now ? 'completed' : 'scheduled',
    version: 1,
  };
}

/** The first plan a week earlier, canceled by the customer (canceled bookings hold no slot). */
function canceledEarlier(context: Context, visit: Visit, workOrder: WorkOrder, index: number): Booking {
  return {
    ...bookingBase(visit, workOrder, index),
    start: visit.start - WEEK_MS,
    end: visit.end - WEEK_MS,
    status: 'canceled',
    cancellationReasonCode: context.random.pick(context.reasonCodes),
    cancellationNote: 'Customer asked for a later day.',
  };
}

function currentBooking(context: Context, visit: Visit, workOrder: WorkOrder, index: number): Booking {
  return { ...bookingBase(visit, workOrder, index), status: visit.end <= context.now ? 'completed' : 'scheduled' };
}

function bookingBase(visit: Visit, workOrder: WorkOrder, index: number): Booking {
  const auto = index % 5 < 3;
  return {
    id: `bkg-${String(index).padStart(6, '0')}`,
    workOrderId: workOrder.id,
    resourceId: visit.resource.id,
    start: visit.start,
    end: visit.end,
    travelMinutes: visit.travelMinutes,
    status: 'scheduled',
    assignmentOrigin: auto ? 'auto' : 'manual',
    explanation: auto ? JSON.stringify({ summary: `Nearest matching technician (${visit.travelMinutes} min away).` }) : null,
    reviewState: 'accepted',
    pinned: false,
    cancellationReasonCode: null,
    cancellationNote: null,
    version: 1,
  };
}

function canDo(resource: Resource, type: IncidentType): boolean {
  return type.requiredCharacteristics.every((req) => resource.characteristics.some((c) => c.characteristicId === req.characteristicId && c.rating >= req.minRating));
}

function localInstant(date: Temporal.PlainDate, time: string, timeZone: string): number {
  return date.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds;
}

function roundUpToQuarter(ms: number): number {
  const quarter = 15 * 60_000;
  return Math.ceil(ms / quarter) * quarter;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}
