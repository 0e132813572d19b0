import type { z } from 'zod';
import type { Translate } from '../i18n/translate';
import type { PortalMessageKey } from '../i18n/portal-catalogues';

export type FieldErrors = Partial<Record<string, string>>;

/** Fields whose rule is one sentence, whatever broke it. */
const fieldRules: Readonly<Record<string, PortalMessageKey>> = { email: 'field.email', code: 'field.code' };

/**
 * Checks a request with the contract's own schema (the hub checks the same one) and says what is
 * wrong with each field, translated: an empty field is "please fill this in", a password too short
 * or long says the bound, e-mails and codes say their format.
 */
export function checkFields<T>(schema: z.ZodType<T>, values: Record<string, unknown>, t: Translate): { ok: true; value: T } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (Object.hasOwn(errors, field)) continue;
    errors[field] = issueText(field, values[field], issue, t);
  }
  return { ok: false, errors };
}

function issueText(field: string, value: unknown, issue: z.core.$ZodIssue, t: Translate): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return t('field.required');
  if (Object.hasOwn(fieldRules, field)) return t(fieldRules[field]!);
  if (field === 'password' && issue.code === 'too_small') return t('field.passwordShort');
  if (field === 'password' && issue.code === 'too_big') return t('field.passwordLong');
  if (issue.code === 'too_big') return t('field.tooLong', { max: Number(issue.maximum) });
  return t('field.invalid', { message: issue.message });
}

/** The hub's `invalid_request` issues (it checked what we checked, so this is rare) by field. */
export function serverFieldErrors(issues: readonly { path: string; message: string }[] | undefined, values: Record<string, unknown>, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues ?? []) {
    const field = issue.path.split('.')[0] ?? '';
    if (!Object.hasOwn(errors, field)) errors[field] = values[field] === '' ? t('field.required') : t('field.invalid', { message: issue.message });
  }
  return errors;
}
