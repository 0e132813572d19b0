import { useIntl } from 'react-intl';
import { mutationRoles, type Role } from '../../shared/contract/hub-http';
import type { MessageKey } from '../../shared/i18n/catalogues';
import type { MutationName } from '../../shared/mutations/mutation-registry';
import { useSyncStatus } from '../api/use-console-events';

const roleLabels: Record<Role, MessageKey> = {
  dispatcher: 'role.dispatcher',
  back_office: 'role.back_office',
  administrator: 'role.administrator',
};

export interface Permission {
  allowed: boolean;
  /** Why not, in the reader's language: the signed-in role and the roles that may. */
  reason: string | null;
}

/**
 * Whether the signed-in user may make a change, by the same table the hub checks every push
 * against (shared/contract/hub-http.ts mutationRoles). Demo data has no hub and no users:
 * everything is allowed there.
 */
export function usePermission(name: MutationName): Permission {
  const status = useSyncStatus();
  const intl = useIntl();
  const data = status.data;
  if (!data || data.mode === 'demo') return { allowed: true, reason: null };
  const allowedRoles = mutationRoles[name] as readonly Role[];
  const roleList = intl.formatList(allowedRoles.map((r) => intl.formatMessage({ id: roleLabels[r] })), { type: 'disjunction' });
  const role = data.user?.role;
  if (!role) return { allowed: false, reason: intl.formatMessage({ id: 'permission.signIn' }, { roles: roleList }) };
  if (allowedRoles.includes(role)) return { allowed: true, reason: null };
  return { allowed: false, reason: intl.formatMessage({ id: 'permission.role' }, { role: intl.formatMessage({ id: roleLabels[role] }), roles: roleList }) };
}
