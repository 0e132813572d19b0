import { z } from 'zod';
import { OverrideReasonCodeSchema, type Override } from '../domain/override-reasons';
import type { PlacementRule } from './placement-verdict';

/**
 * The JSON kept in a booking's `explanation`: the engine's explanation of an automatic choice
 * (shared/scheduling AssignmentExplanation), and, once a dispatcher broke a rule on purpose,
 * the override (code, note, the rule broken, who and when). Older rows hold only a summary or
 * a bare `overrideReason`; reading is lenient so every stored form still shows.
 */
const CandidateSchema = z.object({
  resourceId: z.string(),
  resourceName: z.string(),
  outcome: z.enum(['won', 'lost', 'excluded']),
  start: z.number().nullable(),
  travelKm: z.number().nullable(),
  travelMinutes: z.number().nullable(),
  bookedMinutesThatDay: z.number().nullable(),
  rule: z.string().nullable(),
  reason: z.string(),
});
export type ExplainedCandidate = z.infer<typeof CandidateSchema>;

const OverrideRecordSchema = z.object({
  code: OverrideReasonCodeSchema.catch('other'),
  reason: z.string(),
  /** The rule the placement broke, as checked when it was made. */
  rule: z.string().nullable().catch(null),
  ruleMessage: z.string().nullable().catch(null),
  actor: z.string().catch(''),
  at: z.number().nullable().catch(null),
});
export type OverrideRecord = z.infer<typeof OverrideRecordSchema>;

const StoredExplanationSchema = z.object({
  summary: z.string().optional().catch(undefined),
  winnerId: z.string().nullable().optional().catch(undefined),
  candidates: z.array(CandidateSchema).optional().catch(undefined),
  override: OverrideRecordSchema.optional().catch(undefined),
  /** Before override records: a manual booking's reason alone. */
  overrideReason: z.string().optional().catch(undefined),
});

export interface BookingExplanation {
  summary: string | null;
  winnerId: string | null;
  candidates: ExplainedCandidate[];
  override: OverrideRecord | null;
}

/** Reads a stored explanation; null when there is none or it is not JSON of a known shape. */
export function parseBookingExplanation(text: string | null): BookingExplanation | null {
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = StoredExplanationSchema.safeParse(json);
  if (!parsed.success) return null;
  const data = parsed.data;
  const legacyOverride = data.overrideReason ? { code: 'other' as const, reason: data.overrideReason, rule: null, ruleMessage: null, actor: '', at: null } : null;
  return { summary: data.summary ?? null, winnerId: data.winnerId ?? null, candidates: data.candidates ?? [], override: data.override ?? legacyOverride };
}

/** The stored explanation with this override recorded (the engine's explanation, if any, is kept for the record). */
export function explanationWithOverride(
  text: string | null,
  override: Override,
  broken: { rule: PlacementRule; message: string } | null,
  who: { actor: string; now: number },
): string {
  let base: Record<string, unknown> = {};
  try {
    const json: unknown = text ? JSON.parse(text) : {};
    if (json && typeof json === 'object' && !Array.isArray(json)) base = json as Record<string, unknown>;
  } catch {
    // An unreadable explanation is replaced: the override is what matters now.
  }
  const { overrideReason: _legacy, ...rest } = base;
  return JSON.stringify({ ...rest, override: { code: override.code, reason: override.reason, rule: broken?.rule ?? null, ruleMessage: broken?.message ?? null, actor: who.actor, at: who.now } });
}
