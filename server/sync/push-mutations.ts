import type { FastifyBaseLogger } from 'fastify';
import type { PushResult } from '../../shared/contract/hub-http';
import { rolesForMutation } from '../../shared/contract/hub-http';
import type { MutationEnv, MutationOutcome } from '../../shared/mutations/mutation-context';
import { MutationEnvelopeSchema, runMutation, type MutationEnvelope } from '../../shared/mutations/mutation-registry';
import type { HubStore, HubTx, StoredUser } from '../store/hub-store';
import { mutationHash } from './canonical-hash';

/**
 * Applies a push's mutations one after another, each exactly once, in the order sent. Each
 * answer stands alone: a bad envelope or an unexpected error is that mutation's refusal, and
 * the ones around it are applied or refused on their own merits.
 */
export async function pushMutations(
  store: HubStore,
  user: StoredUser,
  envelopes: readonly { id: string; name: string; args: unknown }[],
  log: FastifyBaseLogger,
  effects: MutationEffects = noEffects,
): Promise<PushResult[]> {
  const results: PushResult[] = [];
  for (const envelope of envelopes) results.push({ id: envelope.id, ...(await pushOneSafely(store, user, envelope, log, effects)) });
  return results;
}

/**
 * What only the hub does after a mutation applied, in its transaction (an invitation's code and
 * e-mail, say): a failure there refuses the mutation like any other error in it.
 */
export interface MutationEffects {
  afterApplied(tx: HubTx, mutation: { name: string; args: unknown }, env: MutationEnv): Promise<void>;
}

const noEffects: MutationEffects = { afterApplied: async () => undefined };

async function pushOneSafely(store: HubStore, user: StoredUser, raw: { id: string; name: string; args: unknown }, log: FastifyBaseLogger, effects: MutationEffects): Promise<MutationOutcome> {
  const envelope = MutationEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return envelopeRefusal(raw.name, envelope.error.issues);
  try {
    return await pushOne(store, user, envelope.data, effects);
  } catch (error) {
    log.error({ err: error, mutationId: raw.id, mutation: raw.name, userId: user.id }, 'mutation failed unexpectedly');
    return { status: 'refused', code: 'server_error', reason: 'The hub failed on this change unexpectedly (the error is in its log). It was not applied; the console will try again.' };
  }
}

/**
 * One transaction holds the replay check, the mutation and the record of its id and outcome,
 * so a retried envelope (lost answer, crash, two consoles) answers the same and never applies
 * twice. A refusal rolls back the mutation's writes (savepoint) but its record is still kept.
 */
async function pushOne(store: HubStore, user: StoredUser, envelope: MutationEnvelope, effects: MutationEffects): Promise<MutationOutcome> {
  const argsHash = mutationHash(envelope.name, envelope.args);
  const now = Date.now();
  return store.transaction(
    async (tx) => {
      const seen = await tx.findAppliedMutation(envelope.id);
      if (seen) return seen.argsHash === argsHash ? seen.outcome : reusedId(envelope.id);
      const forbidden = roleRefusal(user, envelope.name);
      if (forbidden) return forbidden;
      const outcome = await tx.nested(async () => {
        const env = { actor: user.email, now };
        const result = await runMutation(tx, env, envelope);
        if (result.status === 'applied') await effects.afterApplied(tx, envelope, env);
        return { keep: result.status === 'applied', value: result };
      });
      await tx.recordAppliedMutation({ id: envelope.id, name: envelope.name, argsHash, outcome, userId: user.id, appliedAt: now });
      return outcome;
    },
    { actor: user.email, now },
  );
}

/** Not recorded: nothing was attempted, so the id stays free. */
function envelopeRefusal(name: string, issues: readonly { path: PropertyKey[]; message: string }[]): MutationOutcome {
  const detail = issues.map((i) => `${i.path.map(String).join('.') || 'envelope'}: ${i.message}`).join('; ');
  const nameIssue = issues.some((i) => i.path[0] === 'name');
  return nameIssue
    ? { status: 'refused', code: 'unknown_mutation', reason: `There is no mutation "${name.slice(0, 60)}" (${detail}).` }
    : { status: 'refused', code: 'invalid_args', reason: `Invalid mutation: ${detail}.` };
}

function reusedId(id: string): MutationOutcome {
  return { status: 'refused', code: 'invalid_args', reason: `mutation id ${id} was already used with other arguments` };
}

/**
 * Not recorded: the id stays free, since nothing was attempted. Unknown names fall through to
 * runMutation, which refuses them as unknown_mutation (and records that answer).
 */
function roleRefusal(user: StoredUser, name: string): MutationOutcome | undefined {
  const allowed = rolesForMutation(name);
  if (!allowed || allowed.includes(user.role)) return undefined;
  return { status: 'refused', code: 'forbidden', reason: `A ${user.role.replace('_', ' ')} may not ${name}; it needs one of: ${allowed.join(', ')}.` };
}
