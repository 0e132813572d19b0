import { Badge, Text } from '@mantine/core';
import { useIntl } from 'react-intl';
import type { ContactInvitation } from '../../../shared/contract/portal-admin';
import type { MessageKey } from '../../../shared/i18n/catalogues';
import { formatInstant } from '../../../shared/i18n/format-instant';
import { useSyncStatus } from '../../api/use-console-events';
import { useT } from '../../components/use-t';
import { shownState, type Shown } from './invitation-shown-state';

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

/** The newest invitation: its state, and when it was issued and expires (in the company zone). */
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
