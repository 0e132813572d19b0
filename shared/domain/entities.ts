import { z } from 'zod';
import { BookingStatusSchema } from './booking-status';
import {
  EmailSchema,
  EpochMsSchema,
  IdSchema,
  InstantRangeSchema,
  LatitudeSchema,
  LocalTimeSchema,
  LongitudeSchema,
  RatingSchema,
  RowVersionSchema,
  TimeZoneSchema,
} from './common';
import { weekdayOrder, workingHoursIssues } from './working-hours';

/** The entities of SPEC.md "Domain". Field names are camelCase; the replica maps them to snake_case columns. */

export const TerritorySchema = z.object({ id: IdSchema, name: z.string().min(1).max(120) });
export type Territory = z.infer<typeof TerritorySchema>;

export const CharacteristicSchema = z.object({ id: IdSchema, name: z.string().min(1).max(120) });
export type Characteristic = z.infer<typeof CharacteristicSchema>;

export const ServiceAccountSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  address: z.string().min(1).max(400),
  lat: LatitudeSchema,
  lng: LongitudeSchema,
  territoryId: IdSchema,
  timeZone: TimeZoneSchema,
});
export type ServiceAccount = z.infer<typeof ServiceAccountSchema>;

export const PORTAL_ROLE = 'Web API User';

export const ContactSchema = z.object({
  id: IdSchema,
  accountId: IdSchema,
  name: z.string().min(1).max(200),
  email: EmailSchema,
  webRoles: z.array(z.string().min(1)).default([]),
  hasPortalProfile: z.boolean().default(false),
});
export type Contact = z.infer<typeof ContactSchema>;

export const CustomerAssetSchema = z.object({
  id: IdSchema,
  accountId: IdSchema,
  productName: z.string().min(1).max(200),
  serialNumber: z.string().min(1).max(100),
});
export type CustomerAsset = z.infer<typeof CustomerAssetSchema>;

export const RequiredCharacteristicSchema = z.object({ characteristicId: IdSchema, minRating: RatingSchema });
export type RequiredCharacteristic = z.infer<typeof RequiredCharacteristicSchema>;

export const IncidentTypeSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1).max(200),
    durationMinutes: z.number().int().min(5).max(24 * 60),
    requiredCharacteristics: z.array(RequiredCharacteristicSchema),
    portalBookable: z.boolean(),
    customerFacingName: z.string().max(200).nullable(),
    defaultWorkOrderType: z.string().max(100).nullable(),
    /** Customers may not move or cancel within this many hours of the visit (null: no limit). */
    customerChangeNoticeHours: z.number().int().min(0).max(24 * 30).nullable(),
  })
  .refine((t) => !t.portalBookable || !!t.customerFacingName, {
    message: 'a portal-bookable incident type needs a customer-facing name',
    path: ['customerFacingName'],
  });
export type IncidentType = z.infer<typeof IncidentTypeSchema>;

export const weekdays = weekdayOrder;
/** A period of work in the technician's zone; an end before the start runs overnight into the next day (see working-hours.ts). */
export const WorkingPeriodSchema = z.object({ start: LocalTimeSchema, end: LocalTimeSchema });
export const WeeklyHoursSchema = z
  .object(
    Object.fromEntries(weekdays.map((d) => [d, z.array(WorkingPeriodSchema)])) as Record<
      (typeof weekdays)[number],
      z.ZodArray<typeof WorkingPeriodSchema>
    >,
  )
  .superRefine((hours, ctx) => {
    for (const issue of workingHoursIssues(hours)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

export const ResourceSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  email: EmailSchema,
  phone: z.string().max(40).nullable(),
  homeLat: LatitudeSchema,
  homeLng: LongitudeSchema,
  timeZone: TimeZoneSchema,
  territoryIds: z.array(IdSchema).min(1, 'a technician serves at least one territory'),
  characteristics: z.array(z.object({ characteristicId: IdSchema, rating: RatingSchema })),
  weeklyHours: WeeklyHoursSchema,
  timeOff: z.array(InstantRangeSchema),
  calendarPublishing: z.boolean(),
});
export type Resource = z.infer<typeof ResourceSchema>;

export const workOrderStatuses = ['unscheduled', 'scheduled', 'in_progress', 'completed', 'canceled'] as const;
export const WorkOrderStatusSchema = z.enum(workOrderStatuses);
export type WorkOrderStatus = z.infer<typeof WorkOrderStatusSchema>;

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export const PrioritySchema = z.enum(priorities);
export type Priority = z.infer<typeof PrioritySchema>;

export const WorkOrderNumberSchema = z.string().regex(/^WO-\d{5,}$/, 'must look like WO-00001');

export const WorkOrderSchema = z.object({
  id: IdSchema,
  number: WorkOrderNumberSchema,
  accountId: IdSchema,
  assetId: IdSchema.nullable(),
  incidentTypeId: IdSchema,
  primaryContactId: IdSchema.nullable(),
  priority: PrioritySchema,
  workOrderType: z.string().max(100).nullable(),
  summary: z.string().max(2000),
  customerComments: z.string().max(4000),
  source: z.enum(['portal', 'console']),
  promisedWindowStart: EpochMsSchema.nullable(),
  promisedWindowEnd: EpochMsSchema.nullable(),
  status: WorkOrderStatusSchema,
  version: RowVersionSchema,
});
export type WorkOrder = z.infer<typeof WorkOrderSchema>;

export const assignmentOrigins = ['auto', 'manual'] as const;
export const reviewStates = ['needs_review', 'accepted', 'overridden'] as const;

export const BookingSchema = z
  .object({
    id: IdSchema,
    workOrderId: IdSchema,
    resourceId: IdSchema,
    start: EpochMsSchema,
    end: EpochMsSchema,
    travelMinutes: z.number().int().nonnegative(),
    status: BookingStatusSchema,
    assignmentOrigin: z.enum(assignmentOrigins),
    /** The engine's explanation of the choice, as JSON text (see shared/scheduling). */
    explanation: z.string().nullable(),
    reviewState: z.enum(reviewStates),
    pinned: z.boolean(),
    cancellationReasonCode: z.string().max(40).nullable(),
    cancellationNote: z.string().max(2000).nullable(),
    version: RowVersionSchema,
  })
  .refine((b) => b.end > b.start, { message: 'end must be after start', path: ['end'] })
  .refine((b) => b.status !== 'canceled' || !!b.cancellationReasonCode, {
    message: 'a canceled booking needs a reason code',
    path: ['cancellationReasonCode'],
  });
export type Booking = z.infer<typeof BookingSchema>;

export const portalRequestKinds = ['new_booking', 'reschedule', 'cancellation', 'no_slot', 'low_feedback'] as const;
export const PortalRequestSchema = z.object({
  id: IdSchema,
  kind: z.enum(portalRequestKinds),
  accountId: IdSchema,
  contactId: IdSchema.nullable(),
  workOrderId: IdSchema.nullable(),
  message: z.string().max(4000),
  createdAt: EpochMsSchema,
  state: z.enum(['open', 'handled']),
  handledBy: z.string().max(200).nullable(),
  handledAt: EpochMsSchema.nullable(),
});
export type PortalRequest = z.infer<typeof PortalRequestSchema>;

export const CancellationReasonCodeSchema = z.object({
  code: z.string().min(1).max(40),
  label: z.string().min(1).max(200),
  active: z.boolean(),
});
export type CancellationReasonCode = z.infer<typeof CancellationReasonCodeSchema>;

export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: EpochMsSchema,
  actor: z.string().min(1).max(200),
  entity: z.string().min(1).max(60),
  entityId: IdSchema,
  action: z.string().min(1).max(60),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const invitationStates = ['pending', 'sent', 'redeemed', 'revoked'] as const;
/** A portal invitation for a contact. The single-use code itself never leaves the hub (only its hash is stored there). */
export const InvitationSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  email: EmailSchema,
  createdAt: EpochMsSchema,
  expiresAt: EpochMsSchema,
  issuedBy: z.string().min(1).max(200),
  state: z.enum(invitationStates),
});
export type Invitation = z.infer<typeof InvitationSchema>;

/** A note on a work order, written once by a console user and never edited. */
export const WorkOrderCommentSchema = z.object({
  id: IdSchema,
  workOrderId: IdSchema,
  author: z.string().min(1).max(200),
  at: EpochMsSchema,
  text: z.string().trim().min(1, 'must not be empty').max(4000),
});
export type WorkOrderComment = z.infer<typeof WorkOrderCommentSchema>;
