import { z } from 'zod';
import { IdSchema, RowVersionSchema } from '../domain/common';
import { PORTAL_ROLE } from '../domain/entities';
import { PORTAL_SETTINGS_ID, PortalSettingsSchema, type PortalSettingsRow } from '../domain/portal-settings';
import { mustGet } from './booking-checks';
import { refuse, type MutationEnv, type MutationTx } from './mutation-context';

/** Grant or revoke the contact's "Web API User" role (without it the portal refuses sign-in). */
export const SetPortalRoleArgs = z.object({ contactId: IdSchema, granted: z.boolean() });

/** Saves the portal settings; `expectedVersion` is the version the administrator edited (0: never saved). */
export const SavePortalSettingsArgs = z.object({ settings: PortalSettingsSchema, expectedVersion: RowVersionSchema });

export async function setPortalRole(tx: MutationTx, _env: MutationEnv, args: z.infer<typeof SetPortalRoleArgs>): Promise<void> {
  const contact = await mustGet(tx, 'contact', args.contactId, 'Contact');
  const has = contact.webRoles.includes(PORTAL_ROLE);
  if (has === args.granted) refuse('state', `${contact.name} ${has ? 'already has' : 'does not have'} the "${PORTAL_ROLE}" role.`, { entity: 'contact', id: contact.id, row: contact });
  const webRoles = args.granted ? [...contact.webRoles, PORTAL_ROLE] : contact.webRoles.filter((r) => r !== PORTAL_ROLE);
  const after = { ...contact, webRoles };
  await tx.put('contact', after);
  await tx.audit({ entity: 'contact', entityId: contact.id, action: args.granted ? 'grant-portal-role' : 'revoke-portal-role', before: JSON.stringify(contact), after: JSON.stringify(after) });
}

export async function savePortalSettings(tx: MutationTx, _env: MutationEnv, args: z.infer<typeof SavePortalSettingsArgs>): Promise<void> {
  const current = await tx.get('portalSettings', PORTAL_SETTINGS_ID);
  const version = current?.version ?? 0;
  if (version !== args.expectedVersion) {
    refuse('version_conflict', `The portal settings were changed by someone else (version ${version}, you had ${args.expectedVersion}).`, current ? { entity: 'portalSettings', id: PORTAL_SETTINGS_ID, row: current } : undefined);
  }
  for (const typeId of args.settings.bookableIncidentTypeIds) {
    const type = await tx.get('incidentType', typeId);
    if (!type) refuse('not_found', `Incident type ${typeId} does not exist.`);
    if (!type.portalBookable) refuse('rule', `Incident type "${type.name}" is not marked bookable on the portal (it needs a customer-facing name).`);
  }
  const row: PortalSettingsRow = { id: PORTAL_SETTINGS_ID, settings: args.settings, version };
  await tx.put('portalSettings', row);
  await tx.audit({ entity: 'portalSettings', entityId: PORTAL_SETTINGS_ID, action: 'save', before: current ? JSON.stringify(current.settings) : null, after: JSON.stringify(args.settings) });
}
