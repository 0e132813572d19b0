import { z } from 'zod';
import { BookingStatusSchema, type BookingStatus } from '../domain/booking-status';
import { IdSchema, TimeZoneSchema } from '../domain/common';
import type { CancellationReasonCode, PortalRequest, Priority, WorkOrderStatus } from '../domain/entities';
import type { MutationOutcome } from '../mutations/mutation-context';
import type { HubUser } from './hub-http';
import { ipcMethodNames, type IpcMethodName } from './ipc-channels';
import { method } from './contract-method';
import { dispatchContract, type PlanRun } from './dispatch-contract';
import { BoardFilterSchema, SaveBoardViewSchema, type BoardFilterOptions, type SavedBoardView } from './board-views';
import { ShowContextMenuSchema, type AppCommand, type ContextMenuAnswer } from './context-menu';
import { OpenLinkRequestSchema, type AppRoute } from './deep-link';
import type { MapDay } from './map-day';
import { calendarPublishingContract } from './calendar-publishing';
import { portalAdminContract } from './portal-admin';
import { PreferencesPatchSchema, type Preferences } from './preferences';
import { SearchRequestSchema, type SearchResults } from './search';
import { WorkOrderRefSchema, type AccountOverview, type WorkOrderDetail } from './work-order-detail';

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

/** How booked a technician's day is: 'off' has no working time and no visits. */
export type UtilisationLevel = 'off' | 'free' | 'partly' | 'fully' | 'over';

export interface DayUtilisation {
  /** The board day (in the board's zone). */
  date: string;
  bookedMinutes: number;
  workingMinutes: number;
  level: UtilisationLevel;
}

export interface BoardTechnicianRow {
  id: string;
  name: string;
  territoryId: string;
  territoryName: string;
  /** The technician's own zone: their working hours are read in it. */
  timeZone: string;
  /** One entry per board day, in order. */
  utilisation: DayUtilisation[];
}

export interface BoardBookingRow {
  id: string;
  workOrderId: string;
  /** The row version the dispatcher saw: every change sends it back. */
  version: number;
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
  /** The row version the dispatcher saw: booking it sends it back. */
  version: number;
}

export interface PortalRequestSummary extends PortalRequest {
  accountName: string;
  contactName: string | null;
  workOrderNumber: string | null;
}

/**
 * Why the replica downloaded everything again: another hub answers at the address, the hub was
 * restored from a backup (new epoch), the hub has never reached the replica's cursor (restored
 * without telling), or the dispatcher asked for it (Settings → Re-download everything).
 */
export type StartOverReason = 'other_hub' | 'restored' | 'cursor_ahead' | 'requested';

/** What the sync banner shows. `mode` is 'demo' until a hub is connected. */
export interface SyncStatus {
  mode: 'demo' | 'hub';
  hubUrl: string | null;
  user: HubUser | null;
  connection: 'not_configured' | 'signed_out' | 'connecting' | 'online' | 'offline';
  /** Epoch ms of the last pull or push that reached the hub. */
  lastSuccessAt: number | null;
  pendingCount: number;
  /** Changes in the sync-issues panel: refused by the hub, or failed there repeatedly. */
  refusedCount: number;
  /** Why the last attempt failed, in words a dispatcher can act on. */
  lastError: string | null;
  /** While a full download runs (first sync, a new or restored hub, "Re-download everything"): rows received so far. */
  initialSync: { received: number } | null;
  /** The last time the replica started over, and why. */
  lastStartOver: { at: number; reason: StartOverReason } | null;
  /** How the hub session is kept on this computer: encrypted by the operating system, or as it is (no keychain). */
  sessionProtection: 'os' | 'plain';
}

/**
 * A change the hub refused, or one it kept failing on (server errors): kept until the dispatcher
 * dismisses (or retries) it, so nothing typed is lost silently.
 */
export interface SyncIssue {
  mutationId: string;
  name: string;
  args: unknown;
  /** 'refused': the hub's final answer; 'failed': it kept failing, so it left the queue and can be retried. */
  state: 'refused' | 'failed';
  code: string;
  reason: string;
  /** Times it was sent (or tried) so far. */
  attempts: number;
  /** The last error met while sending it or re-applying it locally. */
  lastError: string | null;
  createdAt: number;
}

export interface RunMutationResponse {
  mutationId: string;
  /** The local (optimistic) outcome; with a hub the change is queued and the hub has the last word. */
  outcome: MutationOutcome;
  queued: boolean;
}

/** Main → renderer notifications. */
export type ConsoleEvent =
  | { type: 'sync-status'; status: SyncStatus }
  | { type: 'data-changed'; entities: string[] }
  /** A "Plan the day" run moved on (first result, improved, finished, canceled or failed). */
  | { type: 'plan-progress'; run: PlanRun }
  /** A link was opened (a second launch, the operating system): ask takeRoutes for it. */
  | { type: 'routes-pending' }
  /** The application menu (or a notification) asks the window to do something. */
  | { type: 'command'; command: AppCommand };

const DAY_MS = 86_400_000;
const RangeSchema = z
  .object({ rangeStart: z.number().int().nonnegative(), rangeEnd: z.number().int().nonnegative() })
  .refine((r) => r.rangeEnd > r.rangeStart, { message: 'rangeEnd must be after rangeStart', path: ['rangeEnd'] })
  .refine((r) => r.rangeEnd - r.rangeStart <= 62 * DAY_MS, { message: 'a range may span at most 62 days', path: ['rangeEnd'] });


export const ipcContract = {
  getAppInfo: method<AppInfo>()(z.object({}).strict()),
  getBoard: method<BoardData>()(
    z
      .object({
        date: IsoDateSchema,
        days: z.number().int().min(1).max(7).default(1),
        timeZone: TimeZoneSchema,
        territoryIds: z.array(IdSchema).max(100).optional(),
        characteristicIds: BoardFilterSchema.shape.characteristicIds.optional(),
        statuses: BoardFilterSchema.shape.statuses.optional(),
        needsReview: z.boolean().optional(),
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
  listReasonCodes: method<CancellationReasonCode[]>()(z.object({}).strict()),
  runMutation: method<RunMutationResponse>()(
    z.object({ name: z.string().min(1).max(60), args: z.unknown() }).strict(),
  ),
  getSyncStatus: method<SyncStatus>()(z.object({}).strict()),
  connectHub: method<SyncStatus>()(
    z
      .object({
        url: z.url({ protocol: /^https?$/, message: 'must be an http(s) address like http://127.0.0.1:4800' }),
        email: z.email('is not a valid e-mail address'),
        password: z.string().min(1, 'is required').max(200),
      })
      .strict(),
  ),
  disconnectHub: method<SyncStatus>()(z.object({}).strict()),
  syncNow: method<SyncStatus>()(z.object({}).strict()),
  listSyncIssues: method<SyncIssue[]>()(z.object({}).strict()),
  dismissSyncIssue: method<{ dismissed: boolean }>()(z.object({ mutationId: IdSchema }).strict()),
  retrySyncIssue: method<{ retried: boolean }>()(z.object({ mutationId: IdSchema }).strict()),
  redownloadAll: method<SyncStatus>()(z.object({}).strict()),
  getPreferences: method<Preferences>()(z.object({}).strict()),
  setPreferences: method<Preferences>()(PreferencesPatchSchema),
  ...dispatchContract,
  search: method<SearchResults>()(SearchRequestSchema),
  getWorkOrderDetail: method<WorkOrderDetail>()(WorkOrderRefSchema),
  getAccountOverview: method<AccountOverview>()(z.object({ accountId: IdSchema }).strict()),
  listBoardFilterOptions: method<BoardFilterOptions>()(z.object({}).strict()),
  listBoardViews: method<SavedBoardView[]>()(z.object({}).strict()),
  saveBoardView: method<SavedBoardView>()(SaveBoardViewSchema),
  deleteBoardView: method<{ deleted: boolean }>()(z.object({ id: IdSchema }).strict()),
  getMapDay: method<MapDay>()(z.object({ date: IsoDateSchema, timeZone: TimeZoneSchema }).strict()),
  openLink: method<AppRoute>()(OpenLinkRequestSchema),
  takeRoutes: method<AppRoute[]>()(z.object({}).strict()),
  showContextMenu: method<ContextMenuAnswer>()(ShowContextMenuSchema),
  ...portalAdminContract,
  ...calendarPublishingContract,
} satisfies Record<IpcMethodName, { request: z.ZodType; response: unknown }>;

export type IpcContract = typeof ipcContract;
export type RequestOf<M extends IpcMethodName> = z.input<IpcContract[M]['request']>;
export type ParsedRequestOf<M extends IpcMethodName> = z.output<IpcContract[M]['request']>;
export type ResponseOf<M extends IpcMethodName> = IpcContract[M]['response'];

/** The API the renderer sees as `window.api` (preload) or over the browser host's socket. */
export type DispatchApi = { [M in IpcMethodName]: (request: RequestOf<M>) => Promise<ResponseOf<M>> } & {
  /** Subscribes to main-process notifications; returns the unsubscribe function. */
  onEvent(listener: (event: ConsoleEvent) => void): () => void;
};

// Compile-time check that the preload's name list and the contract agree in both directions.
type MissingFromNames = Exclude<keyof IpcContract, IpcMethodName>;
const namesCoverContract: MissingFromNames extends never ? true : false = true;
void namesCoverContract;
export { ipcMethodNames };
