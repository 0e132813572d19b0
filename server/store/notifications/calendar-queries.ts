import { entityTable, rowFromColumns } from '../../../db-common/entity-tables';
import type { Booking } from '../../../shared/domain/entities';
import type { SqlExecutor } from '../sql-executor';
import { numberOrNull, placeholders } from '../portal/sql-params';

/** A booking with what its calendar event shows, read in one statement (the feed of 2,000 events must stay fast). */
export interface CalendarRow {
  booking: Booking;
  number: string;
  priority: string;
  workOrderType: string | null;
  summary: string;
  promisedWindowStart: number | null;
  promisedWindowEnd: number | null;
  accountName: string;
  address: string;
  incidentType: string | null;
  contactName: string | null;
  contactEmail: string | null;
  sequence: number | null;
  fingerprint: string | null;
  stamp: number | null;
}

type Joined = Record<string, unknown> & {
  wo_number: string; wo_priority: string; wo_type: string | null; wo_summary: string; wo_pws: number | null; wo_pwe: number | null;
  acc_name: string; acc_address: string; it_name: string | null; ct_name: string | null; ct_email: string | null;
  ce_sequence: number | null; ce_fingerprint: string | null; ce_updated_at: number | null;
};

const select = `SELECT b.*, w.number AS wo_number, w.priority AS wo_priority, w.work_order_type AS wo_type, w.summary AS wo_summary,
    w.promised_window_start AS wo_pws, w.promised_window_end AS wo_pwe, a.name AS acc_name, a.address AS acc_address,
    it.name AS it_name, ct.name AS ct_name, ct.email AS ct_email,
    ce.sequence AS ce_sequence, ce.fingerprint AS ce_fingerprint, ce.updated_at AS ce_updated_at
  FROM bookings b JOIN work_orders w ON w.id = b.work_order_id JOIN accounts a ON a.id = w.account_id
  LEFT JOIN incident_types it ON it.id = w.incident_type_id LEFT JOIN contacts ct ON ct.id = w.primary_contact_id
  LEFT JOIN calendar_events ce ON ce.booking_id = b.id`;

function toRow(r: Joined): CalendarRow {
  return {
    booking: rowFromColumns(entityTable('booking'), r),
    number: r.wo_number,
    priority: r.wo_priority,
    workOrderType: r.wo_type,
    summary: r.wo_summary,
    promisedWindowStart: numberOrNull(r.wo_pws),
    promisedWindowEnd: numberOrNull(r.wo_pwe),
    accountName: r.acc_name,
    address: r.acc_address,
    incidentType: r.it_name,
    contactName: r.ct_name,
    contactEmail: r.ct_email,
    sequence: numberOrNull(r.ce_sequence),
    fingerprint: r.ce_fingerprint,
    stamp: numberOrNull(r.ce_updated_at),
  };
}

/** The technician's bookings overlapping [from, to), canceled ones included (published as cancelled). */
export async function technicianCalendarRows(ex: SqlExecutor, resourceId: string, from: number, to: number): Promise<CalendarRow[]> {
  const p = ex.dialect.param;
  const rows = await ex.all<Joined>(`${select} WHERE b.resource_id = ${p(1)} AND b.end_ms > ${p(2)} AND b.start_ms < ${p(3)} ORDER BY b.start_ms, b.id`, [resourceId, from, to]);
  return rows.map(toRow);
}

/** Ids of rows a calendar event shows. */
export interface CalendarIds {
  bookings: string[];
  workOrders: string[];
  accounts: string[];
  contacts: string[];
  incidentTypes: string[];
}

/** The bookings a change to these rows shows in (ending after `since`: older events are history and stay as they were). */
export async function calendarRowsAffected(ex: SqlExecutor, ids: CalendarIds, since: number): Promise<CalendarRow[]> {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (column: string, values: string[]) => {
    if (values.length === 0) return;
    params.push(ex.dialect.keyList(values));
    clauses.push(ex.dialect.inList(column, params.length));
  };
  add('b.id', ids.bookings);
  add('w.id', ids.workOrders);
  add('a.id', ids.accounts);
  add('ct.id', ids.contacts);
  add('it.id', ids.incidentTypes);
  if (clauses.length === 0) return [];
  params.push(since);
  const rows = await ex.all<Joined>(`${select} WHERE (${clauses.join(' OR ')}) AND b.end_ms > ${ex.dialect.param(params.length)}`, params);
  return rows.map(toRow);
}

export async function saveCalendarEvent(ex: SqlExecutor, event: { bookingId: string; fingerprint: string; sequence: number }, now: number): Promise<void> {
  await ex.run(
    `INSERT INTO calendar_events (booking_id, fingerprint, sequence, updated_at) VALUES (${placeholders(ex, 4)})
     ON CONFLICT (booking_id) DO UPDATE SET fingerprint = excluded.fingerprint, sequence = excluded.sequence, updated_at = excluded.updated_at`,
    [event.bookingId, event.fingerprint, event.sequence, now],
  );
}

/** Replaces the technician's feed token (the old address stops working). */
export async function replaceFeedToken(ex: SqlExecutor, feed: { resourceId: string; tokenHash: string; createdBy: string }, now: number): Promise<void> {
  await ex.run(
    `INSERT INTO calendar_feeds (resource_id, token_hash, created_at, created_by) VALUES (${placeholders(ex, 4)})
     ON CONFLICT (resource_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at, created_by = excluded.created_by`,
    [feed.resourceId, feed.tokenHash, now, feed.createdBy],
  );
}

export async function feedResource(ex: SqlExecutor, tokenHash: string): Promise<string | undefined> {
  const [row] = await ex.all<{ resource_id: string }>(`SELECT resource_id FROM calendar_feeds WHERE token_hash = ${ex.dialect.param(1)}`, [tokenHash]);
  return row?.resource_id;
}

/** When each technician's current feed address was made. */
export async function feedsIssued(ex: SqlExecutor): Promise<Map<string, number>> {
  const rows = await ex.all<{ resource_id: string; created_at: number | string }>('SELECT resource_id, created_at FROM calendar_feeds');
  return new Map(rows.map((r) => [r.resource_id, Number(r.created_at)]));
}
