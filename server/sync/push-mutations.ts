import type { PushResult } from '../../shared/contract/hub-http';
import { mutationRoles } from '../../shared/contract/hub-http';
import type { MutationOutcome } from '../../shared/mutations/mutation-context';
import { runMutation, type MutationEnvelope } from '../../shared/mutations/mutation-registry';
import type { HubStore, StoredUser } from '../store/hub-store';
import { mutationHash } from './canonical-hash';

/** Applies a push's mutations one after another, each exactly once, in the order sent. */
export async function pushMutations(store: HubStore, user: StoredUser, envelopes: readonly MutationEnvelope[]): Promise<PushResult[]> {
  const results: PushResult[] = [];
  for (const envelope of envelopes) results.push({ id: envelope.id, ...(await pushOne(store, user, envelope)) });
  return results;
}

/**
 * One transaction holds the replay check, the mutation and the record of its id and outcome,
 * so a retried envelope (lost answer, crash, two consoles) answers the same and never applies
 * twice. A refusal rolls back the mutation's writes (savepoint) but its record is still kept.
 */
async function pushOne(store: HubStore, user: StoredUser, envelope: MutationEnvelope): Promise<MutationOutcome> {
  const argsHash = mutationHash(envelope.name, envelope.args);
  const now = Date.now();
  return store.transaction(
    async (tx) => {
      const seen = await tx.findAppliedMutation(envelope.id);
      if (seen) return seen.argsHash === argsHash ? seen.outcome : reusedId(envelope.id);
      const forbidden = roleRefusal(user, envelope.name);
      if (forbidden) return forbidden;
      const outcome = await tx.nested(async () => {
        const result = await runMutation(tx, { actor: user.email, now }, envelope);
        return { keep: result.status === 'applied', value: result };
      });
      await tx.recordAppliedMutation({ id: envelope.id, name: envelope.name, argsHash, outcome, userId: user.id, appliedAt: now });
      return outcome;
    },
    { actor: user.email, now },
  );
}

function reusedId(id: string): MutationOutcome {
  return { status: 'refused', code: 'invalid_args', reason: `mutation id ${id} was already used with other arguments` };
}

/**
 * Not recorded: the id stays free, since nothing was attempted. Unknown names fall through to
 * runMutation, which refuses them as unknown_mutation.
 */
function roleRefusal(user: StoredUser, name: string): MutationOutcome | undefined {
  const allowed = mutationRoles[name];
  if (!allowed || allowed.includes(user.role)) return undefined;
  return { status: 'refused', code: 'forbidden', reason: `A ${user.role.replace('_', ' ')} may not ${name}; it needs one of: ${allowed.join(', ')}.` };
}
