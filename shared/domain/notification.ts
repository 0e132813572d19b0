import { z } from 'zod';
import { EmailSchema, IdSchema } from './common';

export const notificationStates = ['queued', 'sent', 'failed'] as const;
export type NotificationState = (typeof notificationStates)[number];

/**
 * An e-mail in the hub's outbox as consoles see it: what it is about, to whom, where delivery
 * stands and why it failed. Synced; never the body (invitation and reset codes stay at the hub).
 */
export const NotificationSchema = z.object({
  id: IdSchema,
  /** booking_confirmed, booking_moved, …, invitation, password_reset. */
  kind: z.string().min(1).max(40),
  /** The work order a booking's message is about (the work order drawer lists them); null otherwise. */
  workOrderId: IdSchema.nullable(),
  relatedEntity: z.string().max(40).nullable(),
  relatedId: IdSchema.nullable(),
  recipient: EmailSchema,
  subject: z.string().max(1000),
  state: z.enum(notificationStates),
  attempts: z.number().int().nonnegative(),
  /** The SMTP server's answer (or the connection error) of the last failed attempt. */
  lastError: z.string().max(2000).nullable(),
  createdAt: z.number().int(),
  sentAt: z.number().int().nullable(),
  /** A resend names the message it repeats. */
  resendOf: IdSchema.nullable(),
  version: z.number().int().nonnegative(),
});
export type Notification = z.infer<typeof NotificationSchema>;
