import { z } from 'zod';

/**
 * Why a dispatcher broke a scheduling rule on purpose. A fixed list (translated in the
 * console's catalogues) so reports can group overrides; the note says the rest. 'undo' is what
 * the console records when undoing a change puts a booking back where a rule now objects.
 */
export const overrideReasonCodes = ['customer_request', 'urgent', 'skills_confirmed', 'travel_accepted', 'overtime_agreed', 'undo', 'other'] as const;
export const OverrideReasonCodeSchema = z.enum(overrideReasonCodes);
export type OverrideReasonCode = z.infer<typeof OverrideReasonCodeSchema>;

/**
 * A dispatcher's override: a reason code and a note. Changes queued before codes existed carry
 * only the note, so the code defaults to 'other'.
 */
export const OverrideSchema = z.object({
  code: OverrideReasonCodeSchema.default('other'),
  reason: z.string().trim().min(3, 'an override needs a reason').max(2000),
});
export type Override = z.infer<typeof OverrideSchema>;
