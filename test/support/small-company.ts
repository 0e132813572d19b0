import { Temporal } from 'temporal-polyfill';
import type { DemoDataset } from '../../shared/demo/seed-builder';
import type { Booking, Resource, ServiceAccount, WorkOrder } from '../../shared/domain/entities';
import { newBooking } from '../../shared/domain/new-booking';

/**
 * A company small enough to reason about by hand, for the dispatcher's actions: three
 * technicians in Chicago (Ann qualified, Bob under-skilled, Cy in the other territory), a few
 * accounts a kilometre or so apart, two of Ann's visits on the day, and unscheduled work orders.
 */
export const ZONE = 'America/Chicago';
export const DAY = '2026-11-24'; // a Tuesday
export const at = (time: string, date = DAY): number => Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(ZONE).epochMilliseconds;
export const NOW = at('06:00');

const hours = [{ start: '08:00', end: '17:00' }];
const week = { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours };

function resource(id: string, name: string, extra: Partial<Resource>): Resource {
  return {
    id,
    name,
    email: `${id}@example.com`,
    phone: null,
    homeLat: 41.89,
    homeLng: -87.65,
    timeZone: ZONE,
    territoryIds: ['t-north'],
    characteristics: [{ characteristicId: 'c-gas', rating: 4 }],
    weeklyHours: week,
    timeOff: [],
    calendarPublishing: false,
    ...extra,
  };
}

function account(id: string, lat: number, territoryId = 't-north'): ServiceAccount {
  return { id, name: `Account ${id}`, address: `${id} Street`, lat, lng: -87.65, territoryId, timeZone: ZONE };
}

export function workOrder(id: string, accountId: string, extra: Partial<WorkOrder> = {}): WorkOrder {
  return {
    id,
    number: `WO-${id.replace(/\D/g, '').padStart(5, '0')}`,
    accountId,
    assetId: null,
    incidentTypeId: 'it-service',
    primaryContactId: null,
    priority: 'normal',
    workOrderType: null,
    summary: `Service ${id}`,
    customerComments: '',
    source: 'console',
    promisedWindowStart: null,
    promisedWindowEnd: null,
    status: 'unscheduled',
    version: 1,
    ...extra,
  };
}

function booking(id: string, workOrderId: string, resourceId: string, start: string, end: string): Booking {
  return newBooking({ id, workOrderId, resourceId, start: at(start), end: at(end), travelMinutes: 5, version: 1 });
}

export function smallCompany(): DemoDataset {
  return {
    territories: [{ id: 't-north', name: 'North' }, { id: 't-south', name: 'South' }],
    characteristics: [{ id: 'c-gas', name: 'Gas' }],
    incidentTypes: [
      { id: 'it-service', name: 'Boiler service', durationMinutes: 60, requiredCharacteristics: [{ characteristicId: 'c-gas', minRating: 2 }], portalBookable: false, customerFacingName: null, defaultWorkOrderType: null, customerChangeNoticeHours: null },
      { id: 'it-quick', name: 'Quick check', durationMinutes: 30, requiredCharacteristics: [], portalBookable: false, customerFacingName: null, defaultWorkOrderType: null, customerChangeNoticeHours: null },
    ],
    reasonCodes: [{ code: 'customer-request', label: 'Customer request', active: true }],
    accounts: [account('a-1', 41.9), account('a-2', 41.91), account('a-3', 41.95), account('a-south', 41.75, 't-south')],
    contacts: [],
    assets: [],
    resources: [
      resource('r-ann', 'Ann Archer', {}),
      resource('r-bob', 'Bob Baker', { homeLat: 41.92, characteristics: [{ characteristicId: 'c-gas', rating: 1 }] }),
      resource('r-cy', 'Cy Cole', { territoryIds: ['t-south'], homeLat: 41.76 }),
    ],
    workOrders: [
      workOrder('wo-1', 'a-1'),
      workOrder('wo-2', 'a-2'),
      workOrder('wo-3', 'a-3'),
      workOrder('wo-4', 'a-south'),
      workOrder('wo-10', 'a-1', { status: 'scheduled' }),
      workOrder('wo-11', 'a-2', { status: 'scheduled' }),
    ],
    bookings: [booking('bk-10', 'wo-10', 'r-ann', '09:00', '10:00'), booking('bk-11', 'wo-11', 'r-ann', '10:30', '11:30')],
    portalRequests: [],
  };
}
