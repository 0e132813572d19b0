import type { BookingOptionsResponse, FreeTime, FreeTimesResponse } from '../../shared/contract/portal-http';
import type { CustomerAsset, IncidentType, Resource, ServiceAccount } from '../../shared/domain/entities';
import type { PortalSettings } from '../../shared/domain/portal-settings';
import { toSchedulingJob, toSchedulingResource, worldAround } from '../../shared/mutations/scheduling-world';
import { staticExclusion } from '../../shared/scheduling/exclusion';
import { freeSlots, type FreeSlot } from '../../shared/scheduling/free-slots';
import { addDays, localDateOf, startOfLocalDay } from '../../shared/scheduling/local-time';
import type { HubReadTx } from '../store/hub-store';
import { accountAssets } from '../store/portal/portal-view-queries';
import { PortalRefusal } from './portal-errors';
import { effectiveSettings } from './portal-settings-reader';

/** What a booking is for, once checked against the account and the portal settings. */
export interface BookableChoice {
  account: ServiceAccount;
  asset: CustomerAsset | null;
  type: IncidentType;
  settings: PortalSettings;
}

export function isBookable(type: IncidentType, settings: PortalSettings): boolean {
  return type.portalBookable && settings.bookableIncidentTypeIds.includes(type.id);
}

/**
 * The asset must be the account's (else 404, like anything of another account); the type bookable
 * on the portal (a visit booked earlier may still be moved after its type stopped being bookable).
 */
export async function resolveChoice(tx: HubReadTx, account: ServiceAccount, assetId: string | null, incidentTypeId: string, options = { requireBookable: true }): Promise<BookableChoice> {
  const asset = assetId === null ? null : ((await tx.get('asset', assetId)) ?? null);
  if (assetId !== null && asset?.accountId !== account.id) throw new PortalRefusal(404, 'not_found', 'That asset does not exist.');
  const [type, settings] = await Promise.all([tx.get('incidentType', incidentTypeId), effectiveSettings(tx)]);
  if (!type || (options.requireBookable && !isBookable(type, settings))) throw new PortalRefusal(400, 'not_bookable', 'That service cannot be booked on the portal; please contact us.');
  return { account, asset, type, settings };
}

/** The bookable days in the account's zone: today plus the minimum lead days, to today plus the maximum. */
export function bookableDates(settings: PortalSettings, timeZone: string, now: number): { firstDate: string; lastDate: string } {
  const today = localDateOf(now, timeZone);
  return { firstDate: addDays(today, settings.minLeadDays), lastDate: addDays(today, settings.maxLeadDays) };
}

export function checkHorizon(settings: PortalSettings, timeZone: string, date: string, now: number): void {
  const { firstDate, lastDate } = bookableDates(settings, timeZone, now);
  if (date < firstDate || date > lastDate) throw new PortalRefusal(400, 'outside_horizon', `Visits can be booked from ${firstDate} to ${lastDate} (${timeZone}).`);
}

/**
 * The engine's free slots for one local day of the account, on the data `tx` sees (inside the
 * booking transaction: the data as it is now). `excludeBookingIds`: a visit being moved does
 * not block its own new time.
 */
export async function slotsOfDay(tx: HubReadTx, choice: BookableChoice, date: string, now: number, excludeBookingIds: readonly string[] = []): Promise<FreeSlot[]> {
  const { account, type, settings } = choice;
  const noon = startOfLocalDay(date, account.timeZone) + 12 * 3_600_000;
  const world = await worldAround(tx, noon, excludeBookingIds, undefined, await candidateResources(tx, choice));
  return freeSlots(
    {
      account: { location: { lat: account.lat, lng: account.lng }, territoryId: account.territoryId, timeZone: account.timeZone },
      incidentType: { durationMinutes: type.durationMinutes, requiredCharacteristics: type.requiredCharacteristics },
      from: date,
      to: date,
      now,
      settings: { ...settings.slots, minNoticeHours: settings.minNoticeHours, maxLeadDays: settings.maxLeadDays },
    },
    world,
  );
}

/**
 * The technicians who could ever take this service at this account (territory and skills): only
 * their bookings are read, a fraction of a large company's (the engine would exclude the others
 * anyway, for the same reasons).
 */
export async function candidateResources(tx: HubReadTx, choice: BookableChoice): Promise<Resource[]> {
  const job = toSchedulingJob('portal-candidates', choice.account, choice.type);
  return (await tx.list('resource')).filter((r) => !staticExclusion(toSchedulingResource(r), job));
}

export function toFreeTimes(date: string, timeZone: string, slots: readonly FreeSlot[]): FreeTimesResponse {
  const times: FreeTime[] = slots.map((s) => ({ kind: s.kind, start: s.start, end: s.end }));
  return { date, timeZone, times };
}

export async function freeTimes(tx: HubReadTx, choice: BookableChoice, date: string, now: number, excludeBookingIds: readonly string[] = []): Promise<FreeTimesResponse> {
  checkHorizon(choice.settings, choice.account.timeZone, date, now);
  return toFreeTimes(date, choice.account.timeZone, await slotsOfDay(tx, choice, date, now, excludeBookingIds));
}

export async function bookingOptions(tx: HubReadTx, account: ServiceAccount, now: number): Promise<BookingOptionsResponse> {
  const settings = await effectiveSettings(tx);
  const [types, assets] = await Promise.all([tx.list('incidentType'), accountAssets(tx.sql, account.id)]);
  return {
    timeZone: account.timeZone,
    assets: assets.map((a) => ({ id: a.id, productName: a.productName, serialNumber: a.serialNumber })),
    incidentTypes: types.filter((t) => isBookable(t, settings)).map((t) => ({ id: t.id, name: t.customerFacingName ?? t.name, durationMinutes: t.durationMinutes })),
    ...bookableDates(settings, account.timeZone, now),
    slotMode: 'arrivalWindows' in settings.slots ? 'window' : 'time',
  };
}
