import { z } from 'zod';
import type { BookingStatus } from '../domain/booking-status';
import { IdSchema } from '../domain/common';
import type { Notification } from '../domain/notification';
import { WorkOrderNumberSchema, type PortalRequest, type Priority, type WorkOrderComment, type WorkOrderStatus } from '../domain/entities';

/** By id (from a booking) or by number (from a link or the palette): exactly one of them. */
export const WorkOrderRefSchema = z.union([
  z.object({ workOrderId: IdSchema }).strict(),
  z.object({ number: WorkOrderNumberSchema }).strict(),
]);
export type WorkOrderRef = z.infer<typeof WorkOrderRefSchema>;

export interface WorkOrderBookingEntry {
  id: string;
  resourceName: string;
  start: number;
  end: number;
  status: BookingStatus;
  assignmentOrigin: 'auto' | 'manual';
  reviewState: 'needs_review' | 'accepted' | 'overridden';
  cancellationReasonLabel: string | null;
  cancellationNote: string | null;
}

/** One field an audited change changed: its value before and after, as the audit trail recorded them. */
export interface AuditFieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface WorkOrderAuditEntry {
  id: string;
  at: number;
  actor: string;
  /** The work order itself, or one of its bookings or portal requests. */
  entity: string;
  entityId: string;
  action: string;
  changes: AuditFieldChange[];
}

export interface WorkOrderDetail {
  id: string;
  number: string;
  status: WorkOrderStatus;
  priority: Priority;
  workOrderType: string | null;
  source: 'portal' | 'console';
  summary: string;
  customerComments: string;
  incidentTypeName: string;
  durationMinutes: number;
  promisedWindow: { start: number; end: number } | null;
  account: { id: string; name: string; address: string; territoryName: string; timeZone: string };
  contact: { name: string; email: string } | null;
  asset: { productName: string; serialNumber: string } | null;
  /** Newest first, canceled ones included: the work order's whole booking history. */
  bookings: WorkOrderBookingEntry[];
  /** Newest first. */
  audit: WorkOrderAuditEntry[];
  /** Oldest first, as a conversation reads. */
  comments: WorkOrderComment[];
  /** Newest first. */
  portalRequests: PortalRequest[];
  /** E-mails about its bookings, newest first: what was sent, what waits, what failed and why. */
  notifications: Notification[];
}

export interface AccountWorkOrder {
  id: string;
  number: string;
  summary: string;
  status: WorkOrderStatus;
}

/** What the palette opens for an account, a contact or an asset: the account and its recent work orders. */
export interface AccountOverview {
  id: string;
  name: string;
  address: string;
  territoryName: string;
  contacts: { id: string; name: string; email: string }[];
  assets: { id: string; productName: string; serialNumber: string }[];
  /** The 50 newest by number. */
  workOrders: AccountWorkOrder[];
  workOrderCount: number;
}
