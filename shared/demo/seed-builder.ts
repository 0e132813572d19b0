import { Temporal } from 'temporal-polyfill';
import type { BookingStatus } from '../domain/booking-status';
import type {
  Booking,
  Characteristic,
  Contact,
  CustomerAsset,
  IncidentType,
  PortalRequest,
  Resource,
  ServiceAccount,
  Territory,
  WeeklyHours,
  WorkOrder,
  WorkOrderStatus,
} from '../domain/entities';
import { PORTAL_ROLE } from '../domain/entities';
import {
  DEMO_TIME_ZONE,
  assetModels,
  businessKinds,
  businessWords,
  demoCharacteristics,
  demoIncidentTypes,
  demoReasonCodes,
  demoTerritories,
  firstNames,
  lastNames,
  type DemoTerritory,
} from './demo-catalog';
import { createGreatCircleTravel, greatCircleKm } from '../scheduling/travel-model';
import type { EntityName } from '../sync/synced-entities';
import { seededRandom, type Random } from '../random/seeded-random';

export interface DemoDataset {
  territories: Territory[];
  characteristics: Characteristic[];
  incidentTypes: IncidentType[];
  reasonCodes: { code: string; label: string; active: boolean }[];
  accounts: ServiceAccount[];
  contacts: Contact[];
  assets: CustomerAsset[];
  resources: Resource[];
  workOrders: WorkOrder[];
  bookings: Booking[];
  portalRequests: PortalRequest[];
}

/**
 * Which entity each part of a data set holds, referenced rows first: written in this order a
 * store never meets a child before its parent, and a replica paging through changes neither.
 */
export const datasetEntities: readonly (readonly [keyof DemoDataset, EntityName])[] = [
  ['territories', 'territory'],
  ['characteristics', 'characteristic'],
  ['incidentTypes', 'incidentType'],
  ['reasonCodes', 'reasonCode'],
  ['accounts', 'account'],
  ['contacts', 'contact'],
  ['assets', 'asset'],
  ['resources', 'resource'],
  ['workOrders', 'workOrder'],
  ['bookings', 'booking'],
  ['portalRequests', 'portalRequest'],
];

export interface DemoOptions {
  seed: number;
  /** The instant the data is built around: bookings cover the week before to two weeks after it. */
  now: number;
  technicians?: number;
  accounts?: number;
}

const DAYS_BEFORE = 7;
const DAYS_AFTER = 13;

/**
 * Builds the demo company: same seed and `now` → byte-identical data. Bookings are laid out
 * per technician and day as a route (travel gaps between visits) inside working hours, with
 * statuses that fit `now` (past visits completed, today's in progress, later ones scheduled).
 */
export function buildDemoDataset(options: DemoOptions): DemoDataset {
  const random = seededRandom(options.seed);
  const territories = demoTerritories.map(({ id, name }) => ({ id, name }));
  const characteristics = demoCharacteristics.map(([id, name]) => ({ id, name }));
  const incidentTypes = demoIncidentTypes.map(toIncidentType);
  const accounts = buildAccounts(random, options.accounts ?? 800);
  const contacts = accounts.map((a, i) => buildContact(random, a, i));
  const assets = accounts.flatMap((a, i) => buildAssets(random, a, i));
  const resources = buildResources(random, options.technicians ?? 40, options.now);
  const schedule = buildSchedule(random, { accounts, assets, contacts, resources, incidentTypes, now: options.now });
  const unscheduled = buildUnscheduledWorkOrders(random, accounts, schedule.workOrders.length);
  const workOrders = [...schedule.workOrders, ...unscheduled];
  return {
    territories,
    characteristics,
    incidentTypes,
    reasonCodes: demoReasonCodes.map(([code, label]) => ({ code, label, active: true })),
    accounts,
    contacts,
    assets,
    resources,
    workOrders,
    bookings: schedule.bookings,
    portalRequests: buildPortalRequests(random, workOrders, contacts, options.now),
  };
}

function toIncidentType(t: (typeof demoIncidentTypes)[number]): IncidentType {
  return {
    id: t.id,
    name: t.name,
    durationMinutes: t.durationMinutes,
    requiredCharacteristics: t.required.map(([characteristicId, minRating]) => ({ characteristicId, minRating })),
    portalBookable: t.portalName !== null,
    customerFacingName: t.portalName,
    defaultWorkOrderType: t.workOrderType,
    customerChangeNoticeHours: t.changeNoticeHours,
  };
}

function pointIn(random: Random, territory: DemoTerritory): { lat: number; lng: number } {
  const { south, north, west, east } = territory.box;
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return { lat: round(south + random.next() * (north - south)), lng: round(west + random.next() * (east - west)) };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function buildAccounts(random: Random, count: number): ServiceAccount[] {
  return Array.from({ length: count }, (_, i) => {
    const territory = demoTerritories[i % demoTerritories.length] as DemoTerritory;
    const { lat, lng } = pointIn(random, territory);
    const name = `${random.pick(businessWords)} ${random.pick(businessKinds)}`;
    return {
      id: `acc-${pad(i + 1, 4)}`,
      name: `${name} #${i + 1}`,
      address: `${random.int(100, 9899)} ${random.pick(territory.streets)}, Chicago, IL`,
      lat,
      lng,
      territoryId: territory.id,
      timeZone: DEMO_TIME_ZONE,
    };
  });
}

function personName(random: Random): string {
  return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
}

function emailFor(name: string, index: number, domain: string): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${index}@${domain}`;
}

function buildContact(random: Random, account: ServiceAccount, index: number): Contact {
  const name = personName(random);
  const portal = random.chance(0.6);
  return {
    id: `con-${pad(index + 1, 4)}`,
    accountId: account.id,
    name,
    email: emailFor(name, index + 1, 'example.com'),
    webRoles: portal ? [PORTAL_ROLE] : [],
    hasPortalProfile: portal && random.chance(0.7),
  };
}

function buildAssets(random: Random, account: ServiceAccount, index: number): CustomerAsset[] {
  return Array.from({ length: random.int(1, 2) }, (_, k) => ({
    id: `ast-${pad(index + 1, 4)}-${k + 1}`,
    accountId: account.id,
    productName: random.pick(assetModels),
    serialNumber: `SN${random.int(100000, 999999)}${String.fromCharCode(65 + random.int(0, 25))}`,
  }));
}

function weeklyHoursFor(random: Random): WeeklyHours {
  const day = random.chance(0.25) ? [{ start: '07:00', end: '15:30' }] : [{ start: '08:00', end: '17:00' }];
  const worksSaturday = random.chance(0.2);
  return {
    mon: day,
    tue: day,
    wed: day,
    thu: day,
    fri: worksSaturday ? [] : day,
    sat: worksSaturday ? [{ start: '08:00', end: '14:00' }] : [],
    // A few technicians are on call on Sunday mornings, so the board is never empty.
    sun: random.chance(0.15) ? [{ start: '09:00', end: '13:00' }] : [],
  };
}

function buildResources(random: Random, count: number, now: number): Resource[] {
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(DEMO_TIME_ZONE).toPlainDate();
  return Array.from({ length: count }, (_, i) => {
    const home = demoTerritories[i % demoTerritories.length] as DemoTerritory;
    const neighbour = demoTerritories[(i + 1) % demoTerritories.length] as DemoTerritory;
    const name = personName(random);
    const { lat, lng } = pointIn(random, home);
    const skills = random.shuffle(demoCharacteristics.map(([id]) => id)).slice(0, random.int(3, 6));
    const timeOff = random.chance(0.15) ? [dayOff(today.add({ days: random.int(-5, 12) }))] : [];
    return {
      id: `res-${pad(i + 1, 3)}`,
      name,
      email: emailFor(name, i + 1, 'dispatchdesk.example'),
      phone: `+1 312 555 ${pad(random.int(0, 9999), 4)}`,
      homeLat: lat,
      homeLng: lng,
      timeZone: DEMO_TIME_ZONE,
      territoryIds: random.chance(0.3) ? [home.id, neighbour.id] : [home.id],
      characteristics: skills.map((characteristicId) => ({ characteristicId, rating: random.int(2, 5) })),
      weeklyHours: weeklyHoursFor(random),
      timeOff,
      calendarPublishing: random.chance(0.5),
    };
  });
}

function dayOff(date: Temporal.PlainDate): { start: number; end: number } {
  const start = date.toZonedDateTime({ timeZone: DEMO_TIME_ZONE }).epochMilliseconds;
  const end = date.add({ days: 1 }).toZonedDateTime({ timeZone: DEMO_TIME_ZONE }).epochMilliseconds;
  return { start, end };
}

/** Demo travel: road factor 1.3 at 35 km/h city speed, rounded up to 5 minutes as dispatchers plan. */
const cityTravel = createGreatCircleTravel({ roadFactor: 1.3, speedKmh: 35 });

function travelMinutes(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return Math.max(5, Math.ceil(cityTravel.between(a, b).minutes / 5) * 5);
}

interface ScheduleInput {
  accounts: ServiceAccount[];
  assets: CustomerAsset[];
  contacts: Contact[];
  resources: Resource[];
  incidentTypes: IncidentType[];
  now: number;
}

const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function buildSchedule(random: Random, input: ScheduleInput): { workOrders: WorkOrder[]; bookings: Booking[] } {
  const workOrders: WorkOrder[] = [];
  const bookings: Booking[] = [];
  const today = Temporal.Instant.fromEpochMilliseconds(input.now).toZonedDateTimeISO(DEMO_TIME_ZONE).toPlainDate();
  const accountsByTerritory = groupBy(input.accounts, (a) => a.territoryId);
  const assetsByAccount = groupBy(input.assets, (a) => a.accountId);
  for (let offset = -DAYS_BEFORE; offset <= DAYS_AFTER; offset++) {
    const date = today.add({ days: offset });
    for (const resource of input.resources) {
      const route = planDemoDay(random, { ...input, resource, date, accountsByTerritory });
      for (const stop of route) {
        const workOrder = demoWorkOrder(random, { ...stop, number: workOrders.length + 1, assetsByAccount, contacts: input.contacts });
        const booking = demoBooking(random, { ...stop, workOrder, resource, now: input.now, index: bookings.length + 1 });
        workOrders.push(workOrder);
        bookings.push(booking);
      }
    }
  }
  markTraveling(bookings, input.now);
  const orderById = new Map(workOrders.map((w) => [w.id, w]));
  for (const b of bookings) {
    const order = orderById.get(b.workOrderId);
    if (order) order.status = workOrderStatusFor(b.status);
  }
  return { workOrders, bookings };
}

interface RouteStop {
  account: ServiceAccount;
  incidentType: IncidentType;
  start: number;
  end: number;
  travelMinutes: number;
}

function planDemoDay(
  random: Random,
  ctx: ScheduleInput & { resource: Resource; date: Temporal.PlainDate; accountsByTerritory: Map<string, ServiceAccount[]> },
): RouteStop[] {
  const { resource, date } = ctx;
  const period = resource.weeklyHours[weekdayKeys[date.dayOfWeek - 1] as (typeof weekdayKeys)[number]][0];
  if (!period) return [];
  const shiftStart = localInstant(date, period.start, resource.timeZone);
  const shiftEnd = localInstant(date, period.end, resource.timeZone);
  if (resource.timeOff.some((off) => off.start < shiftEnd && off.end > shiftStart)) return [];
  const doable = ctx.incidentTypes.filter((t) => canDo(resource, t));
  const candidates = resource.territoryIds.flatMap((id) => ctx.accountsByTerritory.get(id) ?? []);
  if (doable.length === 0 || candidates.length === 0) return [];
  const stops: RouteStop[] = [];
  let here = { lat: resource.homeLat, lng: resource.homeLng };
  let clock = shiftStart;
  const target = random.int(2, 5);
  while (stops.length < target) {
    const account = nearestOf(here, Array.from({ length: 6 }, () => random.pick(candidates)));
    const incidentType = random.pick(doable);
    const travel = travelMinutes(here, account);
    const start = roundUpToQuarter(clock + travel * 60_000);
    const end = start + incidentType.durationMinutes * 60_000;
    if (end > shiftEnd) break;
    stops.push({ account, incidentType, start, end, travelMinutes: travel });
    here = account;
    clock = end + random.int(0, 2) * 15 * 60_000;
  }
  return stops;
}

function canDo(resource: Resource, type: IncidentType): boolean {
  return type.requiredCharacteristics.every((req) =>
    resource.characteristics.some((c) => c.characteristicId === req.characteristicId && c.rating >= req.minRating),
  );
}

function nearestOf(here: { lat: number; lng: number }, accounts: ServiceAccount[]): ServiceAccount {
  return accounts.reduce((best, a) => (greatCircleKm(here, a) < greatCircleKm(here, best) ? a : best));
}

function localInstant(date: Temporal.PlainDate, time: string, timeZone: string): number {
  return date.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds;
}

function roundUpToQuarter(ms: number): number {
  const quarter = 15 * 60_000;
  return Math.ceil(ms / quarter) * quarter;
}

function demoWorkOrder(
  random: Random,
  ctx: RouteStop & { number: number; assetsByAccount: Map<string, CustomerAsset[]>; contacts: Contact[] },
): WorkOrder {
  const asset = random.pick(ctx.assetsByAccount.get(ctx.account.id) ?? [null]);
  const contact = ctx.contacts.find((c) => c.accountId === ctx.account.id) ?? null;
  const fromPortal = ctx.incidentType.portalBookable && random.chance(0.4);
  return {
    id: `wo-${pad(ctx.number, 5)}`,
    number: `WO-${pad(ctx.number, 5)}`,
    accountId: ctx.account.id,
    assetId: asset?.id ?? null,
    incidentTypeId: ctx.incidentType.id,
    primaryContactId: contact?.id ?? null,
    priority: random.pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const),
    workOrderType: ctx.incidentType.defaultWorkOrderType,
    summary: `${ctx.incidentType.name}${asset ? ` – ${asset.productName}` : ''}`,
    customerComments: fromPortal && random.chance(0.5) ? 'Please call 15 minutes before arrival.' : '',
    source: fromPortal ? 'portal' : 'console',
    promisedWindowStart: null,
    promisedWindowEnd: null,
    status: 'scheduled',
    version: 1,
  };
}

function statusAt(now: number, start: number, end: number): BookingStatus {
  if (end <= now) return 'completed';
  if (start <= now) return 'in_progress';
  return 'scheduled';
}

const TRAVEL_LOOKAHEAD_MS = 2 * 3_600_000;

/**
 * A technician whose last visit is done and whose next one starts within two hours is on the
 * road to it: that visit is Traveling (the portal's "Active appointment" with a live map).
 */
function markTraveling(bookings: Booking[], now: number): void {
  const byResource = groupBy(bookings, (b) => b.resourceId);
  for (const list of byResource.values()) {
    const next = list.filter((b) => b.start > now && b.status === 'scheduled').sort((a, b) => a.start - b.start)[0];
    const busy = list.some((b) => b.start <= now && b.end > now);
    if (next && !busy && next.start - now <= TRAVEL_LOOKAHEAD_MS) next.status = 'traveling';
  }
}

function demoBooking(
  random: Random,
  ctx: RouteStop & { workOrder: WorkOrder; resource: Resource; now: number; index: number },
): Booking {
  let status = statusAt(ctx.now, ctx.start, ctx.end);
  const canceled = (status === 'scheduled' || status === 'completed') && random.chance(0.05);
  if (canceled) status = 'canceled';
  const auto = random.chance(0.6);
  const reviewState = auto ? (status === 'scheduled' && random.chance(0.35) ? 'needs_review' : 'accepted') : 'accepted';
  return {
    id: `bkg-${pad(ctx.index, 5)}`,
    workOrderId: ctx.workOrder.id,
    resourceId: ctx.resource.id,
    start: ctx.start,
    end: ctx.end,
    travelMinutes: ctx.travelMinutes,
    status,
    assignmentOrigin: auto ? 'auto' : 'manual',
    explanation: auto ? JSON.stringify({ summary: `Nearest matching technician (${ctx.travelMinutes} min away).` }) : null,
    reviewState,
    pinned: status === 'scheduled' && random.chance(0.05),
    cancellationReasonCode: canceled ? random.pick(demoReasonCodes)[0] : null,
    cancellationNote: canceled ? 'Canceled in demo data.' : null,
    version: 1,
  };
}

function workOrderStatusFor(status: BookingStatus): WorkOrderStatus {
  if (status === 'traveling') return 'scheduled';
  return status;
}

function buildUnscheduledWorkOrders(random: Random, accounts: ServiceAccount[], numbered: number): WorkOrder[] {
  return Array.from({ length: 12 }, (_, i) => {
    const account = random.pick(accounts);
    const type = random.pick(demoIncidentTypes);
    return {
      id: `wo-${pad(numbered + i + 1, 5)}`,
      number: `WO-${pad(numbered + i + 1, 5)}`,
      accountId: account.id,
      assetId: null,
      incidentTypeId: type.id,
      primaryContactId: null,
      priority: i < 2 ? 'urgent' : random.pick(['normal', 'high'] as const),
      workOrderType: type.workOrderType,
      summary: type.name,
      customerComments: '',
      source: 'console',
      promisedWindowStart: null,
      promisedWindowEnd: null,
      status: 'unscheduled',
      version: 1,
    };
  });
}

function buildPortalRequests(random: Random, workOrders: WorkOrder[], contacts: Contact[], now: number): PortalRequest[] {
  const kinds = ['new_booking', 'reschedule', 'cancellation', 'no_slot', 'low_feedback'] as const;
  const portalOrders = workOrders.filter((w) => w.source === 'portal');
  return Array.from({ length: 10 }, (_, i) => {
    const workOrder = random.pick(portalOrders);
    const kind = kinds[i % kinds.length] as (typeof kinds)[number];
    const handled = i >= 7;
    return {
      id: `prq-${pad(i + 1, 3)}`,
      kind,
      accountId: workOrder.accountId,
      contactId: contacts.find((c) => c.accountId === workOrder.accountId)?.id ?? null,
      workOrderId: kind === 'no_slot' ? null : workOrder.id,
      message: portalMessages[kind],
      createdAt: now - random.int(1, 72) * 3_600_000,
      state: handled ? 'handled' : 'open',
      handledBy: handled ? 'Back office' : null,
      handledAt: handled ? now - random.int(0, 3_600_000) : null,
    };
  });
}

const portalMessages = {
  new_booking: 'New visit booked on the portal.',
  reschedule: 'Customer moved the visit to a later day.',
  cancellation: 'Customer canceled: "We fixed it ourselves."',
  no_slot: 'No free time in the next two weeks for a boiler service; customer asks for a call.',
  low_feedback: 'Feedback 2/5: "Technician arrived late."',
} as const;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** The demo seed is fixed so every fresh install (console or hub) shows the same company; only "now" moves. */
export const DEMO_SEED = 20261123;
