import { z } from 'zod';
import { IdSchema } from '../domain/common';
import type { Role } from './hub-http';

/** Calendar publishing over HTTP: the technicians' secret feeds and their rotation by an administrator. */
export const calendarRoutes = {
  /** GET, no session: the secret in the address is the credential (calendar apps cannot sign in). */
  feed: '/calendar/:file',
  /** POST: a new secret address for the technician (the old one stops working); answers { url }. */
  rotateFeed: '/api/v1/calendar-feeds/:resourceId',
  /** GET: every technician's publishing state (feed issued, CalDAV target without its password, push health). */
  publishing: '/api/v1/calendar-publishing',
  /** PUT a technician's CalDAV target (CaldavTargetBody); answers the technician's TechnicianPublishing. */
  caldavTarget: '/api/v1/calendar-publishing/:resourceId/caldav',
  /** POST: push the technician's events now, failed ones included (answers TechnicianPublishing). */
  caldavPushNow: '/api/v1/calendar-publishing/:resourceId/caldav/push',
} as const;

export const calendarRouteRoles = {
  rotateFeed: ['administrator'],
  publishing: ['administrator'],
  caldavTarget: ['administrator'],
  caldavPushNow: ['administrator'],
} as const satisfies Record<string, readonly Role[]>;

/** "ddc_<32 url-safe characters>.ics": anything else is answered 404 without a look at the database. */
export const FeedFileParamsSchema = z.object({ file: z.string().regex(/^ddc_[A-Za-z0-9_-]{32}\.ics$/) });
export const RotateFeedParamsSchema = z.object({ resourceId: IdSchema });
export const TechnicianParamsSchema = RotateFeedParamsSchema;

/**
 * A technician's CalDAV calendar: the collection URL (http or https), the account, and whether
 * to push. The password may be left out to keep the one stored (it is never sent back).
 * Turning push off leaves the events already published in place.
 */
export const CaldavTargetBodySchema = z
  .object({
    url: z
      .string()
      .trim()
      .max(2000, 'must be at most 2000 characters')
      .url('must be a full address such as https://calendar.example.com/dav/alex/work/')
      .refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://'),
    username: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    password: z.string().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
    enabled: z.boolean(),
  })
  .strict();
export type CaldavTargetBody = z.infer<typeof CaldavTargetBodySchema>;

/** One event the hub could not push, with the server's answer. */
export interface CaldavFailure {
  bookingId: string;
  workOrderNumber: string;
  error: string;
  attempts: number;
  /** Epoch ms of the next automatic try; null when push is off. */
  nextAttemptAt: number | null;
}

export interface CaldavState {
  url: string;
  username: string;
  enabled: boolean;
  /** Epoch ms of the last push the server accepted; null before the first. */
  lastPushedAt: number | null;
  /** Events changed and not yet pushed (failures included). */
  pending: number;
  failures: CaldavFailure[];
}

export interface TechnicianPublishing {
  resourceId: string;
  name: string;
  timeZone: string;
  /** Epoch ms the current feed address was made; null when none was ever made. */
  feedIssuedAt: number | null;
  caldav: CaldavState | null;
}

export interface PublishingResponse {
  technicians: TechnicianPublishing[];
}

export interface RotateFeedResponse {
  resourceId: string;
  /** Shown once: only its hash is kept. */
  url: string;
}

export const feedPath = (token: string) => `/calendar/${token}.ics`;
