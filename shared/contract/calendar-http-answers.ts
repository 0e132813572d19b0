import { z } from 'zod';
import { IdSchema, TimeZoneSchema } from '../domain/common';
import type { CaldavFailure, CaldavState, PublishingResponse, RotateFeedResponse, TechnicianPublishing } from './calendar-http';

/**
 * The hub's answers to the calendar publishing routes (calendar-http.ts), checked by the console
 * before it shows them: the interfaces there are the promise, these schemas the check. The
 * `satisfies` lines fail to compile when the two drift apart.
 */
const EpochMsSchema = z.number().int().nonnegative();

export const CaldavFailureSchema = z.object({
  bookingId: IdSchema,
  workOrderNumber: z.string().max(40),
  error: z.string().max(4000),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: EpochMsSchema.nullable(),
});

export const CaldavStateSchema = z.object({
  url: z.string().max(2000),
  username: z.string().max(200),
  enabled: z.boolean(),
  lastPushedAt: EpochMsSchema.nullable(),
  pending: z.number().int().nonnegative(),
  failures: z.array(CaldavFailureSchema).max(10_000),
});

export const TechnicianPublishingSchema = z.object({
  resourceId: IdSchema,
  name: z.string().max(200),
  timeZone: TimeZoneSchema,
  feedIssuedAt: EpochMsSchema.nullable(),
  caldav: CaldavStateSchema.nullable(),
});

export const PublishingResponseSchema = z.object({ technicians: z.array(TechnicianPublishingSchema).max(10_000) });

export const RotateFeedResponseSchema = z.object({
  resourceId: IdSchema,
  url: z.url({ protocol: /^https?$/ }),
});

// Compile-time: every schema's output is exactly the contract's interface.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [
  Same<z.output<typeof CaldavFailureSchema>, CaldavFailure>,
  Same<z.output<typeof CaldavStateSchema>, CaldavState>,
  Same<z.output<typeof TechnicianPublishingSchema>, TechnicianPublishing>,
  Same<z.output<typeof PublishingResponseSchema>, PublishingResponse>,
  Same<z.output<typeof RotateFeedResponseSchema>, RotateFeedResponse>,
] = [true, true, true, true, true];
void agree;
