import { useIntl } from 'react-intl';
import type { Role } from '../../shared/contract/hub-http';
import type { MessageKey } from '../../shared/i18n/catalogues';
import type { MutationName } from '../../shared/mutations/mutation-registry';
import { useSyncStatus } from '../api/use-console-events';
import { accessFor } from './access';

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

/** accessFor for the signed-in user, with the reason in the reader's language when not allowed. */
export function usePermission(name: MutationName): Permission {
  const status = useSyncStatus();
  const intl = useIntl();
  const access = accessFor(name, status.data);
  if (access.allowed) return { allowed: true, reason: null };
  const label = (role: Role) => intl.formatMessage({ id: roleLabels[role] });
  const roles = intl.formatList(access.allowedRoles.map(label), { type: 'disjunction' });
  const reason = access.role ? intl.formatMessage({ id: 'permission.role' }, { role: label(access.role), roles }) : intl.formatMessage({ id: 'permission.signIn' }, { roles });
  return { allowed: false, reason };
}
