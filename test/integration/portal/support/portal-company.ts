import { Temporal } from 'temporal-polyfill';
import type { DemoDataset } from '../../../../shared/demo/seed-builder';
import type { Booking, Contact, IncidentType, Resource, WorkOrder } from '../../../../shared/domain/entities';
import { newBooking } from '../../../../shared/domain/new-booking';
import { PORTAL_ROLE } from '../../../../shared/domain/entities';
import type { PortalSettings } from '../../../../shared/domain/portal-settings';

/**
 * A small company for portal tests, laid out around the real clock (the hub reads it): accounts
 * in New York (tests run the machine in another zone), two gas technicians working 08:00–17:00
 * every day, and Rae, the only one with the rare skill, free on RACE_DAY from 08:30 to 10:30
 * only, so the "race" service has exactly one free time that day (09:00).
 */
export const ZONE = 'America/New_York';
const HOUR = 3_600_000;

export const localDate = (now: number, plusDays: number) => Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(ZONE).toPlainDate().add({ days: plusDays }).toString();
export const at = (date: string, time: string) => Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(ZONE).epochMilliseconds;

export const RACE_DAY_OFFSET = 3;
export const MOVE_DAY_OFFSET = 5;

const hours = [{ start: '08:00', end: '17:00' }];
const week = { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours };

function resource(id: string, name: string, extra: Partial<Resource> = {}): Resource {
  return {
    id,
    name,
    email: `${id}@acme.example`,
    phone: '+1 212 555 0100',
    homeLat: 40.75,
    homeLng: -73.99,
    timeZone: ZONE,
    territoryIds: ['t-1'],
    characteristics: [{ characteristicId: 'c-gas', rating: 4 }],
    weeklyHours: week,
    timeOff: [],
    calendarPublishing: false,
    ...extra,
  };
}

const type = (id: string, name: string, durationMinutes: number, extra: Partial<IncidentType> = {}): IncidentType => ({
  id,
  name,
  durationMinutes,
  requiredCharacteristics: [{ characteristicId: 'c-gas', minRating: 2 }],
  portalBookable: true,
  customerFacingName: `${name} (portal)`,
  defaultWorkOrderType: 'Maintenance',
  customerChangeNoticeHours: null,
  ...extra,
});

export const contact = (id: string, accountId: string, email: string, portal = true): Contact => ({ id, accountId, name: `Customer ${id}`, email, webRoles: portal ? [PORTAL_ROLE] : [], hasPortalProfile: false });

function workOrder(id: string, accountId: string, incidentTypeId: string, status: WorkOrder['status']): WorkOrder {
  return {
    id,
    number: `WO-${id.replace(/\D/g, '').padStart(5, '0')}`,
    accountId,
    assetId: null,
    incidentTypeId,
    primaryContactId: null,
    priority: 'normal',
    workOrderType: null,
    summary: id,
    customerComments: '',
    source: 'console',
    promisedWindowStart: null,
    promisedWindowEnd: null,
    status,
    version: 1,
  };
}

const booking = (id: string, workOrderId: string, resourceId: string, start: number, minutes: number, extra: Partial<Booking> = {}) =>
  newBooking({ id, workOrderId, resourceId, start, end: start + minutes * 60_000, travelMinutes: 5, version: 1, ...extra });

/** Bookings of account A: one Traveling, one In Progress, one Completed, one Scheduled inside its type's 24 h notice, one far ahead; B has one far ahead. */
export function portalCompany(now: number): DemoDataset {
  const raceDay = localDate(now, RACE_DAY_OFFSET);
  const moveDay = localDate(now, MOVE_DAY_OFFSET);
  const past = localDate(now, -2);
  return {
    territories: [{ id: 't-1', name: 'Manhattan' }],
    characteristics: [
      { id: 'c-gas', name: 'Gas' },
      { id: 'c-rare', name: 'Rare skill' },
    ],
    incidentTypes: [
      type('it-boiler', 'Boiler service', 60, { customerChangeNoticeHours: 24 }),
      type('it-quick', 'Quick check', 30),
      type('it-race', 'Rare repair', 60, { requiredCharacteristics: [{ characteristicId: 'c-rare', minRating: 5 }] }),
      type('it-internal', 'Internal audit', 60, { portalBookable: false, customerFacingName: null }),
    ],
    reasonCodes: [{ code: 'customer-request', label: 'Customer request', active: true }],
    accounts: [
      { id: 'acc-a', name: 'Alpha Bakery', address: '1 Alpha Street, New York', lat: 40.75, lng: -73.99, territoryId: 't-1', timeZone: ZONE },
      { id: 'acc-b', name: 'Beta Deli', address: '2 Beta Avenue, New York', lat: 40.751, lng: -73.991, territoryId: 't-1', timeZone: ZONE },
    ],
    contacts: [contact('ct-a', 'acc-a', 'alice@alpha.example'), contact('ct-b', 'acc-b', 'bob@beta.example'), contact('ct-a2', 'acc-a', 'no.role@alpha.example', false)],
    assets: [
      { id: 'as-a', accountId: 'acc-a', productName: 'Boiler X100', serialNumber: 'A-1' },
      { id: 'as-b', accountId: 'acc-b', productName: 'Boiler Y200', serialNumber: 'B-1' },
    ],
    resources: [
      resource('r-ann', 'Ann Archer'),
      resource('r-ben', 'Ben Brooks', { homeLat: 40.8 }),
      resource('r-rae', 'Rae Rivera', {
        characteristics: [{ characteristicId: 'c-rare', rating: 5 }],
        timeOff: [
          { start: at(raceDay, '00:00'), end: at(raceDay, '08:30') },
          { start: at(raceDay, '10:30'), end: at(localDate(now, RACE_DAY_OFFSET + 1), '00:00') },
        ],
      }),
    ],
    workOrders: [
      workOrder('wo-1', 'acc-a', 'it-quick', 'scheduled'),
      workOrder('wo-2', 'acc-a', 'it-quick', 'in_progress'),
      workOrder('wo-3', 'acc-a', 'it-quick', 'completed'),
      workOrder('wo-4', 'acc-a', 'it-boiler', 'scheduled'),
      workOrder('wo-5', 'acc-a', 'it-quick', 'scheduled'),
      workOrder('wo-6', 'acc-b', 'it-quick', 'scheduled'),
    ],
    bookings: [
      booking('bk-traveling', 'wo-1', 'r-ben', now + HOUR, 30, { status: 'traveling' }),
      booking('bk-in-progress', 'wo-2', 'r-ann', now - 10 * 60_000, 30, { status: 'in_progress' }),
      booking('bk-completed', 'wo-3', 'r-ann', at(past, '10:00'), 30, { status: 'completed' }),
      booking('bk-near', 'wo-4', 'r-ann', now + 5 * HOUR, 60),
      booking('bk-far', 'wo-5', 'r-ann', at(moveDay, '10:00'), 30),
      booking('bk-b', 'wo-6', 'r-ben', at(moveDay, '10:00'), 30),
    ],
    portalRequests: [],
  };
}

export const portalTestSettings: PortalSettings = {
  minLeadDays: 0,
  maxLeadDays: 30,
  minNoticeHours: 0,
  bookableIncidentTypeIds: ['it-boiler', 'it-quick', 'it-race'],
  slots: { granularityMinutes: 60 },
  surveyEnabled: true,
};
