import { randomBytes } from 'node:crypto';
import { hashSessionToken } from '../auth/session-token';
import type { HubReadTx, HubTx } from '../store/hub-store';
import { replaceFeedToken, technicianCalendarRows } from '../store/notifications/calendar-queries';
import { eventContent } from './technician-event';
import type { FeedRenderer, RenderedFeed } from './feed-renderer';

const DAY_MS = 86_400_000;
/** The SPEC's window: one week back to two weeks ahead. */
export const FEED_WINDOW = { backMs: 7 * DAY_MS, aheadMs: 14 * DAY_MS };

export type Feed = RenderedFeed;

/**
 * The technician's iCalendar feed: every booking overlapping the window, canceled ones as
 * STATUS:CANCELLED, in the technician's zone with its VTIMEZONE, each under its booking's
 * stable UID with the SEQUENCE and stamp of its last change (calendar_events), so the same
 * data always gives the same bytes.
 */
export async function technicianFeed(tx: Pick<HubReadTx, 'get' | 'sql'>, renderer: FeedRenderer, resourceId: string, now: number): Promise<Feed | undefined> {
  const resource = await tx.get('resource', resourceId);
  if (!resource) return undefined;
  // Whole days, so the body (and its tag) does not change with every request's clock.
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const rows = await technicianCalendarRows(tx.sql, resourceId, today - FEED_WINDOW.backMs, today + DAY_MS + FEED_WINDOW.aheadMs);
  const events = rows.map((row) => ({ ...eventContent(row), sequence: row.sequence ?? 0, stamp: row.stamp ?? row.booking.start }));
  return renderer.render({ timeZone: resource.timeZone, name: `${resource.name} · Dispatch Desk` }, events);
}

/** A new secret feed address token for the technician (the old address stops working); only its hash is stored. */
export async function rotateFeedToken(tx: HubTx, resourceId: string, issuedBy: string, now: number): Promise<string> {
  if (!(await tx.get('resource', resourceId))) throw new Error(`There is no technician (resource) ${resourceId}.`);
  const token = `ddc_${randomBytes(24).toString('base64url')}`;
  await replaceFeedToken(tx.sql, { resourceId, tokenHash: hashSessionToken(token), createdBy: issuedBy }, now);
  return token;
}
