import { z } from 'zod';
import { IdSchema } from '../domain/common';
import type { Role } from './hub-http';

/** Calendar publishing over HTTP: the technicians' secret feeds and their rotation by an administrator. */
export const calendarRoutes = {
  /** GET, no session: the secret in the address is the credential (calendar apps cannot sign in). */
  feed: '/calendar/:file',
  /** POST: a new secret address for the technician (the old one stops working); answers { url }. */
  rotateFeed: '/api/v1/calendar-feeds/:resourceId',
} as const;

export const calendarRouteRoles = { rotateFeed: ['administrator'] } as const satisfies Record<string, readonly Role[]>;

/** "ddc_<32 url-safe characters>.ics": anything else is answered 404 without a look at the database. */
export const FeedFileParamsSchema = z.object({ file: z.string().regex(/^ddc_[A-Za-z0-9_-]{32}\.ics$/) });
export const RotateFeedParamsSchema = z.object({ resourceId: IdSchema });

export interface RotateFeedResponse {
  resourceId: string;
  /** Shown once: only its hash is kept. */
  url: string;
}

export const feedPath = (token: string) => `/calendar/${token}.ics`;
