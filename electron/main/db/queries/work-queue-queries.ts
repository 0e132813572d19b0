import type { PortalRequestSummary, WorkOrderSummary } from '../../../../shared/contract/ipc-contract';
import type { CancellationReasonCode } from '../../../../shared/domain/entities';
import { reasonCodeFromSql } from '../entity-rows';
import type { Replica } from '../open-replica';
import { prepareCached } from '../../../../db-common/sqlite-statement-cache';

export function listUnscheduledWorkOrders(db: Replica): WorkOrderSummary[] {
  return prepareCached(db, 
      `SELECT w.id, w.number, w.summary, a.name AS accountName, t.name AS territoryName, i.name AS incidentTypeName,
         i.duration_minutes AS durationMinutes, w.priority, w.status, w.version
       FROM work_orders w
       JOIN accounts a ON a.id = w.account_id
       JOIN territories t ON t.id = a.territory_id
       JOIN incident_types i ON i.id = w.incident_type_id
       WHERE w.status = 'unscheduled'
       ORDER BY CASE w.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, w.number`,
    )
    .all() as WorkOrderSummary[];
}

export function listPortalRequests(db: Replica, state: 'open' | 'handled' | 'all'): PortalRequestSummary[] {
  return prepareCached(db, 
      `SELECT p.id, p.kind, p.account_id AS accountId, p.contact_id AS contactId, p.work_order_id AS workOrderId,
         p.message, p.created_at AS createdAt, p.state, p.handled_by AS handledBy, p.handled_at AS handledAt,
         a.name AS accountName, c.name AS contactName, w.number AS workOrderNumber
       FROM portal_requests p
       JOIN accounts a ON a.id = p.account_id
       LEFT JOIN contacts c ON c.id = p.contact_id
       LEFT JOIN work_orders w ON w.id = p.work_order_id
       WHERE @state = 'all' OR p.state = @state
       ORDER BY p.created_at DESC`,
    )
    .all({ state }) as PortalRequestSummary[];
}

/** The zone most accounts are in: the board shows the company's day, not the dispatcher's laptop's. */
export function operatingTimeZone(db: Replica, fallback: string): string {
  const zone = prepareCached(db, 'SELECT time_zone FROM accounts GROUP BY time_zone ORDER BY COUNT(*) DESC, time_zone LIMIT 1')
    .pluck()
    .get() as string | undefined;
  return zone ?? fallback;
}

export function listReasonCodes(db: Replica): CancellationReasonCode[] {
  return (prepareCached(db, 'SELECT code, label, active FROM cancellation_reason_codes ORDER BY label').all() as Record<string, unknown>[]).map(reasonCodeFromSql);
}
