import { entityTable, rowFromColumns } from '../../../db-common/entity-tables';
import type { Booking, CustomerAsset } from '../../../shared/domain/entities';
import type { SqlExecutor } from '../sql-executor';

/** A booking of the account with what the portal shows beside it. */
export interface AccountBooking {
  booking: Booking;
  workOrderNumber: string;
  workOrderId: string;
  assetId: string | null;
  incidentTypeId: string;
  customerComments: string;
  resourceName: string;
}

type Joined = Record<string, unknown> & { wo_number: string; wo_asset_id: string | null; wo_incident_type_id: string; wo_customer_comments: string; resource_name: string };

const select = `SELECT b.*, w.number AS wo_number, w.asset_id AS wo_asset_id, w.incident_type_id AS wo_incident_type_id,
    w.customer_comments AS wo_customer_comments, r.name AS resource_name
  FROM bookings b JOIN work_orders w ON w.id = b.work_order_id JOIN resources r ON r.id = b.resource_id`;

function toAccountBooking(row: Joined): AccountBooking {
  const booking = rowFromColumns(entityTable('booking'), row);
  return {
    booking,
    workOrderNumber: row.wo_number,
    workOrderId: booking.workOrderId,
    assetId: row.wo_asset_id,
    incidentTypeId: row.wo_incident_type_id,
    customerComments: row.wo_customer_comments,
    resourceName: row.resource_name,
  };
}

/** Every booking of the account's work orders, by start. */
export async function accountBookings(ex: SqlExecutor, accountId: string): Promise<AccountBooking[]> {
  const rows = await ex.all<Joined>(`${select} WHERE w.account_id = ${ex.dialect.param(1)} ORDER BY b.start_ms, b.id`, [accountId]);
  return rows.map(toAccountBooking);
}

/** The booking when it belongs to the account; undefined for anything else (the portal then answers 404). */
export async function accountBooking(ex: SqlExecutor, accountId: string, bookingId: string): Promise<AccountBooking | undefined> {
  const p = ex.dialect.param;
  const [row] = await ex.all<Joined>(`${select} WHERE w.account_id = ${p(1)} AND b.id = ${p(2)}`, [accountId, bookingId]);
  return row && toAccountBooking(row);
}

export async function accountAssets(ex: SqlExecutor, accountId: string): Promise<CustomerAsset[]> {
  const rows = await ex.all<Record<string, unknown>>(`SELECT * FROM assets WHERE account_id = ${ex.dialect.param(1)} ORDER BY product_name, serial_number, id`, [accountId]);
  return rows.map((r) => rowFromColumns(entityTable('asset'), r));
}
