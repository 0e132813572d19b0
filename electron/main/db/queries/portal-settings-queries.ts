import type { PortalIncidentTypeOption, PortalSettingsView } from '../../../../shared/contract/portal-admin';
import { defaultPortalSettings, PORTAL_SETTINGS_ID } from '../../../../shared/domain/portal-settings';
import { prepareCached } from '../../../../db-common/sqlite-statement-cache';
import { readEntity, rowStamp } from '../entity-rows';
import type { Replica } from '../open-replica';

/**
 * The portal settings as the replica has them (the hub's defaults until an administrator
 * saves: every portal-bookable type, today to 30 days, 4 h notice, 30-minute starts, survey on)
 * and the incident types the form offers.
 */
export function readPortalSettings(db: Replica): PortalSettingsView {
  const incidentTypes = (
    prepareCached(
      db,
      `SELECT id, name, customer_facing_name AS customerFacingName, portal_bookable AS portalBookable,
         customer_change_notice_hours AS customerChangeNoticeHours
       FROM incident_types ORDER BY lower(name), id`,
    ).all() as (Omit<PortalIncidentTypeOption, 'portalBookable'> & { portalBookable: number })[]
  ).map((t) => ({ ...t, portalBookable: t.portalBookable === 1 }));
  const row = readEntity(db, 'portalSettings', PORTAL_SETTINGS_ID);
  if (!row) {
    const bookable = incidentTypes.filter((t) => t.portalBookable).map((t) => t.id);
    return { settings: defaultPortalSettings(bookable), version: 0, saved: false, incidentTypes };
  }
  return { settings: row.settings, version: rowStamp(db, 'portalSettings', PORTAL_SETTINGS_ID)?.version ?? 0, saved: true, incidentTypes };
}
