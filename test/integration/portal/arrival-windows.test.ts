import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalRoutes, type BookingOptionsResponse, type BookResponse, type FreeTimesResponse } from '../../../shared/contract/portal-http';
import { startPortalHub, type PortalHub } from './support/portal-hub';
import type { PortalClient } from './support/portal-client';
import { invitedCustomer } from './support/invited-customer';
import { at, localDate, portalTestSettings } from './support/portal-company';
import { SmtpSink } from './support/smtp-sink';

let smtp: SmtpSink;
let hub: PortalHub;
let alice: PortalClient;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  hub = await startPortalHub({ smtp, settings: { ...portalTestSettings, minLeadDays: 2, slots: { arrivalWindows: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '17:00' }] } } });
  alice = await invitedCustomer(hub, smtp, 'ct-a', 'alice@alpha.example');
});
afterAll(async () => {
  await hub?.destroy();
  await smtp?.down();
});

describe('portal booking with arrival windows', () => {
  it('offers windows from the minimum lead day on, and books a start inside the chosen window with the window promised', async () => {
    const options = await alice.get<BookingOptionsResponse>(portalRoutes.bookingOptions);
    expect(options.body).toMatchObject({ slotMode: 'window', firstDate: localDate(Date.now(), 2) });
    const tooSoon = await alice.get(portalRoutes.freeTimes, {}, { assetId: 'as-a', incidentTypeId: 'it-quick', date: localDate(Date.now(), 1) });
    expect(tooSoon.status).toBe(400);
    const day = localDate(Date.now(), 4);
    const times = await alice.get<FreeTimesResponse>(portalRoutes.freeTimes, {}, { assetId: 'as-a', incidentTypeId: 'it-quick', date: day });
    expect(times.body.times).toEqual([
      { kind: 'window', start: at(day, '08:00'), end: at(day, '12:00') },
      { kind: 'window', start: at(day, '12:00'), end: at(day, '17:00') },
    ]);
    const booked = await alice.post<BookResponse>(portalRoutes.book, { assetId: 'as-a', incidentTypeId: 'it-quick', start: at(day, '12:00') });
    expect(booked.status).toBe(201);
    const { appointment } = booked.body;
    expect(appointment.start).toBeGreaterThanOrEqual(at(day, '12:00'));
    expect(appointment.start).toBeLessThan(at(day, '17:00'));
    expect(await hub.store.read((tx) => tx.get('workOrder', appointment.workOrderId))).toMatchObject({ promisedWindowStart: at(day, '12:00'), promisedWindowEnd: at(day, '17:00') });
  });
});
