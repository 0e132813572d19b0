import { z } from 'zod';
import { IdSchema } from '../domain/common';
import { mustGet } from './booking-checks';
import { refuse, type MutationEnv, type MutationTx } from './mutation-context';

/** The most an incident type's change notice may be: 30 days, as IncidentTypeSchema allows. */
export const MAX_CHANGE_NOTICE_HOURS = 24 * 30;

/**
 * An incident type's minimum notice for customer changes on the portal: inside it a customer
 * can no longer move or cancel the visit and is offered a callback request instead. null: none.
 */
export const SetChangeNoticeArgs = z.object({
  incidentTypeId: IdSchema,
  hours: z
    .number()
    .int(`must be a whole number of hours from 0 to ${MAX_CHANGE_NOTICE_HOURS}`)
    .min(0, `must be a whole number of hours from 0 to ${MAX_CHANGE_NOTICE_HOURS}`)
    .max(MAX_CHANGE_NOTICE_HOURS, `must be a whole number of hours from 0 to ${MAX_CHANGE_NOTICE_HOURS}`)
    .nullable(),
});

export async function setChangeNotice(tx: MutationTx, _env: MutationEnv, args: z.infer<typeof SetChangeNoticeArgs>): Promise<void> {
  const type = await mustGet(tx, 'incidentType', args.incidentTypeId, 'Incident type');
  if (type.customerChangeNoticeHours === args.hours) {
    refuse('state', `"${type.name}" already has ${args.hours === null ? 'no change notice' : `a change notice of ${args.hours} h`}.`, { entity: 'incidentType', id: type.id, row: type });
  }
  const after = { ...type, customerChangeNoticeHours: args.hours };
  await tx.put('incidentType', after);
  await tx.audit({
    entity: 'incidentType',
    entityId: type.id,
    action: 'set-change-notice',
    before: JSON.stringify({ customerChangeNoticeHours: type.customerChangeNoticeHours }),
    after: JSON.stringify({ customerChangeNoticeHours: args.hours }),
  });
}
