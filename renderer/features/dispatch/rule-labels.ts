import type { OverrideReasonCode } from '../../../shared/domain/override-reasons';
import type { MessageKey } from '../../../shared/i18n/catalogues';

/** The rules a placement can break, in the reader's language (the engine's own sentence follows, as detail). */
export const ruleMessages: Readonly<Record<string, MessageKey>> = {
  territory: 'rule.territory',
  skill: 'rule.skill',
  working_hours: 'rule.working_hours',
  time_off: 'rule.time_off',
  overlap: 'rule.overlap',
  travel_before: 'rule.travel_before',
  travel_after: 'rule.travel_after',
  capacity: 'rule.capacity',
  no_free_time: 'rule.no_free_time',
  promised_window: 'rule.promised_window',
  unknown_resource: 'rule.unknown_resource',
  pinned: 'rule.pinned',
  window: 'rule.promised_window',
};

/** Own-property lookup: rule codes come from stored data. */
export function ruleMessage(rule: string | null | undefined): MessageKey | null {
  return rule && Object.hasOwn(ruleMessages, rule) ? (ruleMessages[rule] as MessageKey) : null;
}

export const overrideReasonMessages: Readonly<Record<OverrideReasonCode, MessageKey>> = {
  customer_request: 'override.code.customer_request',
  urgent: 'override.code.urgent',
  skills_confirmed: 'override.code.skills_confirmed',
  travel_accepted: 'override.code.travel_accepted',
  overtime_agreed: 'override.code.overtime_agreed',
  undo: 'override.code.undo',
  other: 'override.code.other',
};
