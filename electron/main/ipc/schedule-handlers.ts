import { Temporal } from 'temporal-polyfill';
import type { BoardBookingRow, ParsedRequestOf, ResponseOf } from '../../../shared/contract/ipc-contract';
import { utilisationOf, type BoardDay } from '../scheduling/utilisation';
import { listBoardTechnicians, listBookingsInRange, toBoardBooking } from '../db/queries/board-queries';
import { findBookingDetail } from '../db/queries/booking-detail-query';
import type { ConsoleServices } from '../services';
import { NotFoundError } from './handler-errors';

/**
 * The board's range is whole local days in the requested zone, so DST days are 23 or 25 hours
 * long. Each technician comes with how booked each of those days is (utilisation shading).
 * Filters: territories and skills choose the technicians (rows), statuses and "needs review" the
 * bookings shown; utilisation always counts every active booking (a filter hides, it frees nothing).
 */
export function getBoard(services: ConsoleServices, request: ParsedRequestOf<'getBoard'>): ResponseOf<'getBoard'> {
  const first = Temporal.PlainDate.from(request.date);
  const days: BoardDay[] = Array.from({ length: request.days }, (_, i) => {
    const date = first.add({ days: i });
    return {
      date: date.toString(),
      start: date.toZonedDateTime({ timeZone: request.timeZone }).epochMilliseconds,
      end: date.add({ days: 1 }).toZonedDateTime({ timeZone: request.timeZone }).epochMilliseconds,
    };
  });
  const rangeStart = days[0]!.start;
  const rangeEnd = days[days.length - 1]!.end;
  const rows = listBoardTechnicians(services.db, request.territoryIds, request.characteristicIds);
  const shown = new Set(rows.map((t) => t.id));
  const all = listBookingsInRange(services.db, { rangeStart, rangeEnd })
    .filter((b) => shown.has(b.resourceId))
    .map(toBoardBooking);
  const busy = activeSpansByResource(all);
  const statuses = request.statuses?.length ? new Set<string>(request.statuses) : null;
  const bookings = all.filter((b) => (!statuses || statuses.has(b.status)) && (!request.needsReview || (b.needsReview && b.status !== 'canceled')));
  const resources = services.worlds.technicians().byId;
  const technicians = rows.map((row) => {
    const resource = resources.get(row.id);
    return { ...row, utilisation: resource ? utilisationOf(resource, days, busy.get(row.id) ?? []) : [] };
  });
  return { rangeStart, rangeEnd, timeZone: request.timeZone, technicians, bookings };
}

function activeSpansByResource(bookings: readonly BoardBookingRow[]): Map<string, { start: number; end: number }[]> {
  const spans = new Map<string, { start: number; end: number }[]>();
  for (const b of bookings) {
    if (b.status === 'canceled') continue;
    const list = spans.get(b.resourceId);
    if (list) list.push(b);
    else spans.set(b.resourceId, [b]);
  }
  return spans;
}

export function listBookings(services: ConsoleServices, request: ParsedRequestOf<'listBookings'>): ResponseOf<'listBookings'> {
  return listBookingsInRange(services.db, request);
}

export function getBookingDetail(
  services: ConsoleServices,
  request: ParsedRequestOf<'getBookingDetail'>,
): ResponseOf<'getBookingDetail'> {
  const detail = findBookingDetail(services.db, request.bookingId);
  if (!detail) throw new NotFoundError(`There is no booking ${request.bookingId}.`);
  return detail;
}
