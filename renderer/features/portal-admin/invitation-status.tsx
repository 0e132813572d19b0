import { Badge, Text } from '@mantine/core';
import { useIntl } from 'react-intl';
import type { ContactInvitation } from '../../../shared/contract/portal-admin';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { formatInstant } from '../../../shared/i18n/format-instant';
import { useSyncStatus } from '../../api/use-console-events';
import { useT } from '../../components/use-t';

/**
 * What became of a contact's newest invitation. "pending" means two things: still on this
 * computer (the hub has not got it, nobody e-mailed it), or at the hub with its e-mail queued.
 * On demo data (no hub) it is never e-mailed. A pending or sent one past its expiry can no longer be redeemed.
 */
type Shown = 'noHub' | 'awaitingHub' | 'pending' | 'sent' | 'redeemed' | 'revoked' | 'expired';

const labels: Record<Shown, MessageKey> = {
  noHub: 'invitation.state.noHub',
  awaitingHub: 'invitation.state.awaitingHub',
  pending: 'invitation.state.pending',
  sent: 'invitation.state.sent',
  redeemed: 'invitation.state.redeemed',
  revoked: 'invitation.state.revoked',
  expired: 'invitation.state.expired',
};

const colors: Record<Shown, string> = { noHub: 'warning', awaitingHub: 'warning', pending: 'brand', sent: 'brand', redeemed: 'brand', revoked: 'danger', expired: 'danger' };

export function shownState(invitation: ContactInvitation, now: number, demo: boolean): Shown {
  if (invitation.awaitingHub) return 'awaitingHub';
  // Demo data has no hub: an invitation made here is never e-mailed.
  if (demo && invitation.state === 'pending') return 'noHub';
  if ((invitation.state === 'pending' || invitation.state === 'sent') && invitation.expiresAt <= now) return 'expired';
  return invitation.state;
}

export function InvitationStatus({ invitation, count, now }: { invitation: ContactInvitation | null; count: number; now: number }) {
  const t = useT();
  const intl = useIntl();
  const demo = useSyncStatus().data?.mode !== 'hub';
  if (!invitation) return <Text size="sm" c="dimmed">{t('invitation.none')}</Text>;
  const shown = shownState(invitation, now, demo);
  return (
    <div data-state={shown}>
      <Badge variant={shown === 'redeemed' ? 'filled' : 'light'} color={colors[shown]} data-testid="invitation-state">{t(labels[shown])}</Badge>
      {shown === 'awaitingHub' && <Text size="xs">{t('invitation.willBeEmailed')}</Text>}
      <span className="invitation-dates">
        {t('invitation.issued', { when: formatInstant(intl, invitation.createdAt), count })}
      </span>
      {shown !== 'redeemed' && shown !== 'revoked' && (
        <span className="invitation-dates">
          {t(shown === 'expired' ? 'invitation.expired' : 'invitation.expires', { when: formatInstant(intl, invitation.expiresAt) })}
        </span>
      )}
    </div>
  );
}
