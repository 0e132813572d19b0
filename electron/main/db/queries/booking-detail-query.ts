import type { BookingDetail } from '../../../../shared/contract/ipc-contract';
import type { Replica } from '../open-replica';
import { bookingColumns, bookingJoins, toCalendarBooking, type BookingRowSql } from './board-queries';
import { prepareCached } from '../../../../db-common/sqlite-statement-cache';

type DetailRowSql = BookingRowSql & Omit<BookingDetail, keyof ReturnType<typeof toCalendarBooking> | 'reviewState'> & { reviewState: BookingDetail['reviewState'] };

export function findBookingDetail(db: Replica, bookingId: string): BookingDetail | undefined {
  const row = prepareCached(db, 
      `SELECT ${bookingColumns}, a.address AS accountAddress, i.name AS incidentTypeName,
         w.priority AS priority, w.summary AS summary, w.customer_comments AS customerComments,
         b.travel_minutes AS travelMinutes, b.assignment_origin AS assignmentOrigin, b.explanation AS explanation,
         b.cancellation_reason_code AS cancellationReasonCode, b.cancellation_note AS cancellationNote
       ${bookingJoins} WHERE b.id = ?`,
    )
    .get(bookingId) as DetailRowSql | undefined;
  if (!row) return undefined;
  // The detail columns as selected, with the calendar fields (review flag, pinned) converted.
  return { ...row, ...toCalendarBooking(row) };
}
