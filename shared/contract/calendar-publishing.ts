import { z } from 'zod';
import { IdSchema } from '../domain/common';
import { CaldavTargetBodySchema, type RotateFeedResponse, type TechnicianPublishing } from './calendar-http';
import { method } from './contract-method';

/**
 * Portal → Calendars: the technicians' calendar publishing as an administrator manages it from
 * the console. Every call goes to the hub (calendar-http.ts) over the console's session: this
 * screen needs the hub and does not work offline.
 */
export interface CalendarPublishingView {
  /**
   * 'full': the hub reported each technician's feed and CalDAV state. 'feeds_only': the hub has
   * no publishing state to report (it predates CalDAV push): the technicians come from the
   * console's copy, feeds can be made anew, whether one exists is not known.
   */
  support: 'full' | 'feeds_only';
  technicians: TechnicianPublishing[];
  /** Epoch ms the hub answered (what "pending" and "next try" are as of). */
  at: number;
}

const TechnicianRequestSchema = z.object({ resourceId: IdSchema }).strict();

export const calendarPublishingContract = {
  getCalendarPublishing: method<CalendarPublishingView>()(z.object({}).strict()),
  /** A new secret feed address; the old one stops working. The answer's URL is shown once. */
  rotateCalendarFeed: method<RotateFeedResponse>()(TechnicianRequestSchema),
  saveCaldavTarget: method<TechnicianPublishing>()(z.object({ resourceId: IdSchema, target: CaldavTargetBodySchema }).strict()),
  pushCaldavNow: method<TechnicianPublishing>()(TechnicianRequestSchema),
};
