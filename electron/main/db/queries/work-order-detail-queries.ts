import type { AccountOverview, WorkOrderDetail, WorkOrderRef } from '../../../../shared/contract/work-order-detail';
import type { PortalRequest, WorkOrderComment } from '../../../../shared/domain/entities';
import type { Notification } from '../../../../shared/domain/notification';
import { readEntity } from '../entity-rows';
import type { Replica } from '../open-replica';
import { prepareCached } from '../../../../db-common/sqlite-statement-cache';
import { auditChanges } from './audit-changes';

type Sql = Record<string, unknown>;

/** Entries kept on screen: a work order touched a thousand times still opens at once. */
const AUDIT_LIMIT = 300;

export function findWorkOrderId(db: Replica, ref: WorkOrderRef): string | undefined {
  if ('workOrderId' in ref) return prepareCached(db, 'SELECT id FROM work_orders WHERE id = ?').pluck().get(ref.workOrderId) as string | undefined;
  return prepareCached(db, 'SELECT id FROM work_orders WHERE number = ?').pluck().get(ref.number) as string | undefined;
}

export function findWorkOrderDetail(db: Replica, workOrderId: string): WorkOrderDetail | undefined {
  const w = readEntity(db, 'workOrder', workOrderId);
  if (!w) return undefined;
  const head = prepareCached(
    db,
    `SELECT a.id AS accountId, a.name AS accountName, a.address, a.time_zone AS timeZone, t.name AS territoryName,
       i.name AS incidentTypeName, i.duration_minutes AS durationMinutes,
       c.name AS contactName, c.email AS contactEmail, s.product_name AS productName, s.serial_number AS serialNumber
     FROM work_orders w JOIN accounts a ON a.id = w.account_id JOIN territories t ON t.id = a.territory_id
     JOIN incident_types i ON i.id = w.incident_type_id
     LEFT JOIN contacts c ON c.id = w.primary_contact_id LEFT JOIN assets s ON s.id = w.asset_id
     WHERE w.id = ?`,
  ).get(workOrderId) as Sql;
  return {
    id: w.id,
    number: w.number,
    status: w.status,
    priority: w.priority,
    workOrderType: w.workOrderType,
    source: w.source,
    summary: w.summary,
    customerComments: w.customerComments,
    incidentTypeName: head.incidentTypeName as string,
    durationMinutes: head.durationMinutes as number,
    promisedWindow: w.promisedWindowStart !== null && w.promisedWindowEnd !== null ? { start: w.promisedWindowStart, end: w.promisedWindowEnd } : null,
    account: { id: head.accountId as string, name: head.accountName as string, address: head.address as string, territoryName: head.territoryName as string, timeZone: head.timeZone as string },
    contact: head.contactName ? { name: head.contactName as string, email: head.contactEmail as string } : null,
    asset: head.productName ? { productName: head.productName as string, serialNumber: head.serialNumber as string } : null,
    bookings: bookingHistory(db, workOrderId),
    audit: auditTrail(db, workOrderId),
    comments: prepareCached(db, 'SELECT id, work_order_id AS workOrderId, author, at, text FROM comments WHERE work_order_id = ? ORDER BY at, id').all(workOrderId) as WorkOrderComment[],
    portalRequests: portalRequestsOf(db, workOrderId),
    notifications: notificationsOf(db, workOrderId),
  };
}

/** The e-mails about the work order's bookings, newest first (a work order rarely has more than a few dozen). */
function notificationsOf(db: Replica, workOrderId: string): Notification[] {
  const ids = prepareCached(db, 'SELECT id FROM notifications WHERE work_order_id = ? ORDER BY created_at DESC, id').pluck().all(workOrderId) as string[];
  return ids.map((id) => readEntity(db, 'notification', id)).filter((n): n is Notification => n !== undefined);
}

function bookingHistory(db: Replica, workOrderId: string): WorkOrderDetail['bookings'] {
  return prepareCached(
    db,
    `SELECT b.id, r.name AS resourceName, b.start_ms AS start, b.end_ms AS end, b.status, b.assignment_origin AS assignmentOrigin,
       b.review_state AS reviewState, rc.label AS cancellationReasonLabel, b.cancellation_note AS cancellationNote
     FROM bookings b JOIN resources r ON r.id = b.resource_id
     LEFT JOIN cancellation_reason_codes rc ON rc.code = b.cancellation_reason_code
     WHERE b.work_order_id = ? ORDER BY b.start_ms DESC, b.id`,
  ).all(workOrderId) as WorkOrderDetail['bookings'];
}

/** What happened to the work order, its bookings and its portal requests, newest first. */
function auditTrail(db: Replica, workOrderId: string): WorkOrderDetail['audit'] {
  const rows = prepareCached(
    db,
    `SELECT id, at, actor, entity, entity_id AS entityId, action, before_json AS beforeJson, after_json AS afterJson FROM audit_log
     WHERE (entity = 'workOrder' AND entity_id = @id)
        OR (entity = 'booking' AND entity_id IN (SELECT id FROM bookings WHERE work_order_id = @id))
        OR (entity = 'portalRequest' AND entity_id IN (SELECT id FROM portal_requests WHERE work_order_id = @id))
     ORDER BY at DESC, id LIMIT ${AUDIT_LIMIT}`,
  ).all({ id: workOrderId }) as (Sql & { beforeJson: string | null; afterJson: string | null })[];
  return rows.map(({ beforeJson, afterJson, ...entry }) => ({
    id: entry.id as string,
    at: entry.at as number,
    actor: entry.actor as string,
    entity: entry.entity as string,
    entityId: entry.entityId as string,
    action: entry.action as string,
    changes: auditChanges(beforeJson, afterJson),
  }));
}

function portalRequestsOf(db: Replica, workOrderId: string): PortalRequest[] {
  const ids = prepareCached(db, 'SELECT id FROM portal_requests WHERE work_order_id = ? ORDER BY created_at DESC, id').pluck().all(workOrderId) as string[];
  return ids.map((id) => readEntity(db, 'portalRequest', id)).filter((r): r is PortalRequest => r !== undefined);
}

export function findAccountOverview(db: Replica, accountId: string): AccountOverview | undefined {
  const account = prepareCached(
    db,
    'SELECT a.id, a.name, a.address, t.name AS territoryName FROM accounts a JOIN territories t ON t.id = a.territory_id WHERE a.id = ?',
  ).get(accountId) as Omit<AccountOverview, 'contacts' | 'assets' | 'workOrders' | 'workOrderCount'> | undefined;
  if (!account) return undefined;
  return {
    ...account,
    contacts: prepareCached(db, 'SELECT id, name, email FROM contacts WHERE account_id = ? ORDER BY name, id').all(accountId) as AccountOverview['contacts'],
    assets: prepareCached(db, 'SELECT id, product_name AS productName, serial_number AS serialNumber FROM assets WHERE account_id = ? ORDER BY product_name, id').all(accountId) as AccountOverview['assets'],
    workOrders: prepareCached(db, 'SELECT id, number, summary, status FROM work_orders WHERE account_id = ? ORDER BY number DESC LIMIT 50').all(accountId) as AccountOverview['workOrders'],
    workOrderCount: prepareCached(db, 'SELECT COUNT(*) FROM work_orders WHERE account_id = ?').pluck().get(accountId) as number,
  };
}
