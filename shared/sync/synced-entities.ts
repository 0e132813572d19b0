import { z } from 'zod';
import { NotificationSchema } from '../domain/notification';
import {
  AuditEntrySchema,
  BookingSchema,
  CancellationReasonCodeSchema,
  CharacteristicSchema,
  ContactSchema,
  CustomerAssetSchema,
  IncidentTypeSchema,
  InvitationSchema,
  PortalRequestSchema,
  ResourceSchema,
  ServiceAccountSchema,
  TerritorySchema,
  WorkOrderCommentSchema,
  WorkOrderSchema,
} from '../domain/entities';
import { PortalSettingsRowSchema } from '../domain/portal-settings';

/**
 * Every entity the hub syncs to consoles, with the schema its rows must pass. Reason codes
 * are keyed by `code`; every other entity by `id`.
 */
export const syncedEntitySchemas = {
  territory: TerritorySchema,
  characteristic: CharacteristicSchema,
  incidentType: IncidentTypeSchema,
  account: ServiceAccountSchema,
  contact: ContactSchema,
  asset: CustomerAssetSchema,
  resource: ResourceSchema,
  workOrder: WorkOrderSchema,
  booking: BookingSchema,
  portalRequest: PortalRequestSchema,
  reasonCode: CancellationReasonCodeSchema,
  invitation: InvitationSchema,
  portalSettings: PortalSettingsRowSchema,
  audit: AuditEntrySchema,
  comment: WorkOrderCommentSchema,
  notification: NotificationSchema,
} as const;

export type EntityName = keyof typeof syncedEntitySchemas;
export type EntityRow<E extends EntityName> = z.infer<(typeof syncedEntitySchemas)[E]>;
export const entityNames = Object.keys(syncedEntitySchemas) as EntityName[];
export const EntityNameSchema = z.enum(entityNames as [EntityName, ...EntityName[]]);

export function entityKey<E extends EntityName>(entity: E, row: EntityRow<E>): string {
  return entity === 'reasonCode' ? (row as EntityRow<'reasonCode'>).code : (row as { id: string }).id;
}

/**
 * One row change as pull pages carry it. `changeNumber` is the hub's global, increasing
 * counter; `deleted` rows are tombstones with `data: null`.
 */
export interface RowChange {
  entity: EntityName;
  id: string;
  version: number;
  changeNumber: number;
  deleted: boolean;
  data: unknown;
}

export const RowChangeSchema = z
  .object({
    entity: EntityNameSchema,
    id: z.string().min(1).max(64),
    version: z.number().int().nonnegative(),
    changeNumber: z.number().int().positive(),
    deleted: z.boolean(),
    data: z.unknown(),
  })
  .superRefine((change, ctx) => {
    if (change.deleted) {
      if (change.data !== null) ctx.addIssue({ code: 'custom', message: 'a tombstone carries no data', path: ['data'] });
      return;
    }
    const parsed = syncedEntitySchemas[change.entity].safeParse(change.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['data', ...issue.path] } as never);
    }
  });
