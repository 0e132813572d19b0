import { mutationRoles, type Role } from '../../shared/contract/hub-http';
import type { SyncStatus } from '../../shared/contract/ipc-contract';
import type { MutationName } from '../../shared/mutations/mutation-registry';

/** Whether a change may be made, and when not, who is signed in and which roles may. */
export type Access = { allowed: true } | { allowed: false; role: Role | null; allowedRoles: readonly Role[] };

/**
 * By the same table the hub checks every push against (shared/contract/hub-http.ts
 * mutationRoles). Demo data has no hub and no users: everything is allowed there. With a hub
 * and nobody known to be signed in, nothing is (the hub would refuse it).
 */
export function accessFor(name: MutationName, status: Pick<SyncStatus, 'mode' | 'user'> | undefined): Access {
  if (!status || status.mode === 'demo') return { allowed: true };
  const allowedRoles = mutationRoles[name] as readonly Role[];
  const role = status.user?.role ?? null;
  return role && allowedRoles.includes(role) ? { allowed: true } : { allowed: false, role, allowedRoles };
}
