import type { NotificationList, NotificationListEntry } from '../../../../shared/contract/portal-admin';
import type { Notification } from '../../../../shared/domain/notification';
import { prepareCached } from '../../../../db-common/sqlite-statement-cache';
import { readEntity } from '../entity-rows';
import type { Replica } from '../open-replica';

/** The newest e-mails the hub reported (synced notifications), all or in one state, with the counts the page heads. */
export function listNotifications(db: Replica, request: { state: Notification['state'] | null; offset: number; limit: number }): NotificationList {
  const where = request.state === null ? '' : 'WHERE state = ?';
  const params = request.state === null ? [] : [request.state];
  const rows = prepareCached(db, `SELECT n.id, w.number FROM notifications n LEFT JOIN work_orders w ON w.id = n.work_order_id ${where.replace('state', 'n.state')} ORDER BY n.created_at DESC, n.id LIMIT ? OFFSET ?`).all(
    ...params,
    request.limit,
    request.offset,
  ) as { id: string; number: string | null }[];
  const entries = rows.flatMap((r): NotificationListEntry[] => {
    const n = readEntity(db, 'notification', r.id);
    return n ? [{ ...n, workOrderNumber: r.number }] : [];
  });
  const total = prepareCached(db, `SELECT COUNT(*) FROM notifications ${where}`).pluck().get(...params) as number;
  const counts = { queued: 0, sent: 0, failed: 0 };
  for (const c of prepareCached(db, 'SELECT state, COUNT(*) AS n FROM notifications GROUP BY state').all() as { state: string; n: number }[]) {
    if (c.state === 'queued' || c.state === 'sent' || c.state === 'failed') counts[c.state] = c.n;
  }
  return { entries, total, counts };
}
