import { Temporal } from 'temporal-polyfill';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract/ipc-contract';
import { listBoardTechnicians, listBookingsInRange, toBoardBooking } from '../db/queries/board-queries';
import { findBookingDetail } from '../db/queries/booking-detail-query';
import type { ConsoleServices } from '../services';
import { NotFoundError } from './handler-errors';

/**
 * The board's range is whole local days in the requested zone, so DST days are 23 or 25 hours long.
 * Filters: territories and skills choose the technicians (rows), statuses and "needs review" the bookings.
 */
export function getBoard(services: ConsoleServices, request: ParsedRequestOf<'getBoard'>): ResponseOf<'getBoard'> {
  const first = Temporal.PlainDate.from(request.date);
  const rangeStart = first.toZonedDateTime({ timeZone: request.timeZone }).epochMilliseconds;
  const rangeEnd = first.add({ days: request.days }).toZonedDateTime({ timeZone: request.timeZone }).epochMilliseconds;
  const technicians = listBoardTechnicians(services.db, request.territoryIds, request.characteristicIds);
  const shown = new Set(technicians.map((t) => t.id));
  const bookings = listBookingsInRange(services.db, { rangeStart, rangeEnd, statuses: request.statuses })
    .filter((b) => shown.has(b.resourceId) && (!request.needsReview || (b.needsReview && b.status !== 'canceled')))
    .map(toBoardBooking);
  return { rangeStart, rangeEnd, timeZone: request.timeZone, technicians, bookings };
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
