import type { CaldavFailure, CaldavState, TechnicianPublishing } from '../../shared/contract/calendar-http';
import type { Resource } from '../../shared/domain/entities';
import type { HubReadTx } from '../store/hub-store';
import { caldavEventRecords } from '../store/notifications/caldav-event-queries';
import { caldavTarget, caldavTargets, type CaldavTarget } from '../store/notifications/caldav-target-queries';
import { feedsIssued } from '../store/notifications/calendar-queries';
import { caldavWork } from './caldav-work';

type ReadTx = Pick<HubReadTx, 'get' | 'list' | 'sql'>;

/** Every technician's publishing state, by name. The CalDAV password is never part of it. */
export async function allPublishing(tx: ReadTx, now: number): Promise<TechnicianPublishing[]> {
  const feeds = await feedsIssued(tx.sql);
  const targets = new Map((await caldavTargets(tx.sql)).map((t) => [t.resourceId, t]));
  const resources = (await tx.list('resource')).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const answer: TechnicianPublishing[] = [];
  for (const resource of resources) answer.push(await publishingOf(tx, resource, feeds.get(resource.id) ?? null, targets.get(resource.id), now));
  return answer;
}

export async function technicianPublishing(tx: ReadTx, resourceId: string, now: number): Promise<TechnicianPublishing | undefined> {
  const resource = await tx.get('resource', resourceId);
  if (!resource) return undefined;
  return publishingOf(tx, resource, (await feedsIssued(tx.sql)).get(resourceId) ?? null, await caldavTarget(tx.sql, resourceId), now);
}

async function publishingOf(tx: ReadTx, resource: Resource, feedIssuedAt: number | null, target: CaldavTarget | undefined, now: number): Promise<TechnicianPublishing> {
  return { resourceId: resource.id, name: resource.name, timeZone: resource.timeZone, feedIssuedAt, caldav: target ? await caldavState(tx, target, now) : null };
}

/** "pending" counts what a push would write now, failed events included: the same plan the pusher follows. */
async function caldavState(tx: ReadTx, target: CaldavTarget, now: number): Promise<CaldavState> {
  const work = await caldavWork(tx, target.resourceId, now);
  const failures: CaldavFailure[] = (await caldavEventRecords(tx.sql, target.resourceId))
    .filter((r) => r.lastError !== null)
    .map((r) => ({ bookingId: r.bookingId, workOrderNumber: r.workOrderNumber, error: r.lastError ?? '', attempts: r.attempts, nextAttemptAt: target.enabled ? r.nextAttemptAt : null }));
  return { url: target.url, username: target.username, enabled: target.enabled, lastPushedAt: target.lastPushedAt, pending: work?.plan.ops.length ?? 0, failures };
}
