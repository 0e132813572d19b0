import { defaultPortalSettings, PORTAL_SETTINGS_ID, type PortalSettings } from '../../shared/domain/portal-settings';
import type { HubTx } from '../store/hub-store';

/** The saved portal settings, or the defaults over the incident types marked portal-bookable. */
export async function effectiveSettings(tx: Pick<HubTx, 'get' | 'list'>): Promise<PortalSettings> {
  const row = await tx.get('portalSettings', PORTAL_SETTINGS_ID);
  if (row) return row.settings;
  const types = await tx.list('incidentType');
  return defaultPortalSettings(types.filter((t) => t.portalBookable).map((t) => t.id));
}
