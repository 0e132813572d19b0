import { portalPath, portalRoutes, type TrackingResponse } from '../../shared/contract/portal-http';
import type { HubReadTx } from '../store/hub-store';
import { technicianPhotoVersion } from '../store/portal/technician-photo-queries';
import { lastPing } from '../store/portal/tracking-queries';
import type { AccountBooking } from '../store/portal/portal-view-queries';
import type { PortalCustomer } from '../portal/portal-session';
import { arrivalEstimate } from './arrival-estimate';

const REFRESH_SECONDS = 15;

/** The live view of a visit: position and arrival estimate only while it is Traveling. */
export async function trackingOf(tx: HubReadTx, customer: PortalCustomer, item: AccountBooking, tileUrl: string | null, now: number): Promise<TrackingResponse> {
  const resource = await tx.get('resource', item.booking.resourceId);
  const site = { lat: customer.account.lat, lng: customer.account.lng };
  const tracking = item.booking.status === 'traveling';
  const ping = tracking ? await lastPing(tx.sql, item.booking.resourceId) : undefined;
  const photoVersion = await technicianPhotoVersion(tx.sql, item.booking.resourceId);
  // The version in the address: a new photo is a new address, so browsers may keep the old one.
  const photoUrl = photoVersion ? `${portalPath(portalRoutes.technicianPhoto, { bookingId: item.booking.id })}?v=${photoVersion.slice(0, 16)}` : null;
  return {
    status: item.booking.status,
    timeZone: customer.account.timeZone,
    tracking,
    technician: { name: resource?.name ?? item.resourceName, phone: resource?.phone ?? null, photoUrl },
    site: { ...site, address: customer.account.address },
    position: ping ? { lat: ping.lat, lng: ping.lng, at: ping.at } : null,
    arrivalEstimate: ping ? arrivalEstimate(ping, site, now) : null,
    refreshSeconds: REFRESH_SECONDS,
    tileUrl,
  };
}
