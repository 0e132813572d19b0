import { z } from 'zod';
import { BookingStatusSchema, type BookingStatus } from '../domain/booking-status';
import { IdSchema, TimeZoneSchema } from '../domain/common';
import type { PortalRequest, Priority, WorkOrderStatus } from '../domain/entities';
import { ipcMethodNames, type IpcMethodName } from './ipc-channels';

/**
 * Every console API method: the zod schema its request must pass (checked in the main
 * process, whatever the renderer sends) and the type of its answer.
 */

const IsoDateSchema = z.iso.date({ message: 'must be a date like 2026-11-23' });

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  dataFile: string;
  dataOrigin: 'empty' | 'demo' | 'hub';
  /** Zone the board and calendar show times in: where the company's accounts are. */
  operatingTimeZone: string;
  runtime: 'electron' | 'browser-host';
}

export interface BoardTechnicianRow {
  id: string;
  name: string;
  territoryId: string;
  territoryName: string;
}

export interface BoardBookingRow {
  id: string;
  resourceId: string;
  workOrderNumber: string;
  title: string;
  accountName: string;
  start: number;
  end: number;
  status: BookingStatus;
  needsReview: boolean;
  pinned: boolean;
}

export interface BoardData {
  rangeStart: number;
  rangeEnd: number;
  timeZone: string;
  technicians: BoardTechnicianRow[];
  bookings: BoardBookingRow[];
}

export interface CalendarBooking extends BoardBookingRow {
  resourceName: string;
}

export interface BookingDetail extends CalendarBooking {
  workOrderId: string;
  resourceName: string;
  accountAddress: string;
  incidentTypeName: string;
  priority: Priority;
  summary: string;
  customerComments: string;
  travelMinutes: number;
  assignmentOrigin: 'auto' | 'manual';
  explanation: string | null;
  reviewState: 'needs_review' | 'accepted' | 'overridden';
  cancellationReasonCode: string | null;
  cancellationNote: string | null;
  version: number;
}

export interface WorkOrderSummary {
  id: string;
  number: string;
  summary: string;
  accountName: string;
  territoryName: string;
  incidentTypeName: string;
  durationMinutes: number;
  priority: Priority;
  status: WorkOrderStatus;
}

export interface PortalRequestSummary extends PortalRequest {
  accountName: string;
  contactName: string | null;
  workOrderNumber: string | null;
}

const DAY_MS = 86_400_000;
const RangeSchema = z
  .object({ rangeStart: z.number().int().nonnegative(), rangeEnd: z.number().int().nonnegative() })
  .refine((r) => r.rangeEnd > r.rangeStart, { message: 'rangeEnd must be after rangeStart', path: ['rangeEnd'] })
  .refine((r) => r.rangeEnd - r.rangeStart <= 62 * DAY_MS, { message: 'a range may span at most 62 days', path: ['rangeEnd'] });

/** `method<Answer>()(schema)`: curried so the request schema's type is inferred and the answer's is given. */
function method<Response>() {
  return <Request extends z.ZodType>(request: Request) => ({ request, response: undefined as unknown as Response });
}

export const ipcContract = {
  getAppInfo: method<AppInfo>()(z.object({}).strict()),
  getBoard: method<BoardData>()(
    z
      .object({
        date: IsoDateSchema,
        days: z.number().int().min(1).max(7).default(1),
        timeZone: TimeZoneSchema,
        territoryIds: z.array(IdSchema).max(100).optional(),
      })
      .strict(),
  ),
  listBookings: method<CalendarBooking[]>()(
    RangeSchema.and(z.object({ resourceId: IdSchema.optional(), statuses: z.array(BookingStatusSchema).optional() }).strict()),
  ),
  getBookingDetail: method<BookingDetail>()(z.object({ bookingId: IdSchema }).strict()),
  listUnscheduledWorkOrders: method<WorkOrderSummary[]>()(z.object({}).strict()),
  listPortalRequests: method<PortalRequestSummary[]>()(
    z.object({ state: z.enum(['open', 'handled', 'all']).default('open') }).strict(),
  ),
} satisfies Record<IpcMethodName, { request: z.ZodType; response: unknown }>;

export type IpcContract = typeof ipcContract;
export type RequestOf<M extends IpcMethodName> = z.input<IpcContract[M]['request']>;
export type ParsedRequestOf<M extends IpcMethodName> = z.output<IpcContract[M]['request']>;
export type ResponseOf<M extends IpcMethodName> = IpcContract[M]['response'];

/** The API the renderer sees as `window.api` (preload) or over the browser host's socket. */
export type DispatchApi = { [M in IpcMethodName]: (request: RequestOf<M>) => Promise<ResponseOf<M>> };

// Compile-time check that the preload's name list and the contract agree in both directions.
type MissingFromNames = Exclude<keyof IpcContract, IpcMethodName>;
const namesCoverContract: MissingFromNames extends never ? true : false = true;
void namesCoverContract;
export { ipcMethodNames };
