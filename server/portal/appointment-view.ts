import type { AppointmentDetail, AppointmentSummary, ChangeLock, ChangeNotice, HomeResponse } from '../../shared/contract/portal-http';
import type { CustomerAsset, IncidentType, ServiceAccount } from '../../shared/domain/entities';
import type { PortalSettings } from '../../shared/domain/portal-settings';
import type { HubReadTx } from '../store/hub-store';
import { feedbackFor, type PortalFeedback } from '../store/portal/portal-profile-queries';
import { accountBookings, type AccountBooking } from '../store/portal/portal-view-queries';
import { effectiveSettings } from './portal-settings-reader';

const HOUR_MS = 3_600_000;

/** The incident type's notice for customer changes: from when a Scheduled visit can no longer be moved or canceled here. */
export function changeNoticeOf(type: IncidentType | undefined, start: number): ChangeNotice | null {
  const hours = type?.customerChangeNoticeHours ?? null;
  return hours === null ? null : { hours, from: start - hours * HOUR_MS };
}

/** Why the visit cannot be changed on the portal now, or null. SPEC: only Scheduled visits, outside the notice. */
export function changeLockOf(status: string, notice: ChangeNotice | null, start: number, now: number): ChangeLock {
  if (status === 'traveling' || status === 'in_progress') return 'locked';
  if (status === 'completed' || status === 'canceled') return 'history';
  const from = notice ? notice.from : start;
  return now >= from ? 'inside_change_notice' : null;
}

interface ViewContext {
  account: ServiceAccount;
  settings: PortalSettings;
  now: number;
  types: Map<string, IncidentType>;
  assets: Map<string, CustomerAsset>;
  feedback: Map<string, PortalFeedback>;
}

export function summarize(item: AccountBooking, ctx: ViewContext): AppointmentSummary {
  const { booking } = item;
  const type = ctx.types.get(item.incidentTypeId);
  const asset = item.assetId ? ctx.assets.get(item.assetId) : undefined;
  const notice = changeNoticeOf(type, booking.start);
  const given = ctx.feedback.get(booking.id);
  return {
    bookingId: booking.id,
    workOrderId: item.workOrderId,
    workOrderNumber: item.workOrderNumber,
    status: booking.status,
    start: booking.start,
    end: booking.end,
    timeZone: ctx.account.timeZone,
    service: type?.customerFacingName ?? type?.name ?? '',
    asset: asset ? { id: asset.id, productName: asset.productName, serialNumber: asset.serialNumber } : null,
    technicianName: item.resourceName,
    changeLock: changeLockOf(booking.status, notice, booking.start, ctx.now),
    changeNotice: notice,
    trackingAvailable: booking.status === 'traveling',
    feedbackAllowed: booking.status === 'completed' && ctx.settings.surveyEnabled && !given,
    feedback: given ? { rating: given.rating, comment: given.comment, at: given.createdAt } : null,
  };
}

export function detail(item: AccountBooking, ctx: ViewContext): AppointmentDetail {
  return { ...summarize(item, ctx), customerComments: item.customerComments, address: ctx.account.address, cancellationNote: item.booking.cancellationNote };
}

/** Types, assets, feedback and settings the views of these bookings need, read once. */
export async function viewContext(tx: HubReadTx, account: ServiceAccount, items: readonly AccountBooking[], now: number): Promise<ViewContext> {
  const typeIds = [...new Set(items.map((i) => i.incidentTypeId))];
  const assetIds = [...new Set(items.flatMap((i) => (i.assetId ? [i.assetId] : [])))];
  const [settings, types, assets, feedback] = await Promise.all([
    effectiveSettings(tx),
    Promise.all(typeIds.map((id) => tx.get('incidentType', id))),
    Promise.all(assetIds.map((id) => tx.get('asset', id))),
    feedbackFor(tx.sql, items.map((i) => i.booking.id)),
  ]);
  return {
    account,
    settings,
    now,
    types: new Map(types.flatMap((t) => (t ? [[t.id, t] as const] : []))),
    assets: new Map(assets.flatMap((a) => (a ? [[a.id, a] as const] : []))),
    feedback,
  };
}

/**
 * SPEC "Booking status rules": the soonest Traveling visit is the Active appointment; Upcoming
 * holds Scheduled, In Progress and further Traveling visits (soonest first); Past holds
 * Completed and Canceled (latest first).
 */
export async function homeOf(tx: HubReadTx, account: ServiceAccount, now: number): Promise<HomeResponse> {
  const items = await accountBookings(tx.sql, account.id);
  const ctx = await viewContext(tx, account, items, now);
  const summaries = items.map((item) => summarize(item, ctx));
  const traveling = summaries.filter((s) => s.status === 'traveling');
  const active = traveling[0] ?? null;
  const upcoming = summaries.filter((s) => s !== active && (s.status === 'scheduled' || s.status === 'in_progress' || s.status === 'traveling'));
  const past = summaries.filter((s) => s.status === 'completed' || s.status === 'canceled').reverse();
  return { timeZone: account.timeZone, active, upcoming, past };
}
