import { Alert, Button, Checkbox, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ContactListItem } from '../../../shared/contract/portal-admin';
import { useSyncStatus } from '../../api/use-console-events';
import { mutationCall, useRunMutation } from '../../api/use-run-mutation';
import { usePermission } from '../../components/use-permission';
import { useT } from '../../components/use-t';

/** Invite (or invite again) and grant or revoke portal access; disabled with the reason for a role that may not. */
export function ContactActions({ contact }: { contact: ContactListItem }) {
  const t = useT();
  const invite = usePermission('issueInvitation');
  const role = usePermission('setPortalRole');
  const run = useRunMutation();
  const [inviting, setInviting] = useState(false);
  const refusal = run.data?.outcome.status === 'refused' ? run.data.outcome.reason : null;
  return (
    <div>
      <div className="contact-actions">
        <Button
          size="compact-sm"
          variant="default"
          disabled={!invite.allowed}
          title={invite.reason ?? undefined}
          aria-label={t(contact.invitation ? 'contacts.inviteAgainLabel' : 'contacts.inviteLabel', { name: contact.name })}
          onClick={() => setInviting(true)}
        >
          {t(contact.invitation ? 'contacts.inviteAgain' : 'contacts.invite')}
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          disabled={!role.allowed || run.isPending}
          title={role.reason ?? undefined}
          aria-label={t(contact.portalRole ? 'contacts.revokeLabel' : 'contacts.grantLabel', { name: contact.name })}
          onClick={() => run.mutate(mutationCall('setPortalRole', { contactId: contact.id, granted: !contact.portalRole }))}
        >
          {t(contact.portalRole ? 'contacts.revoke' : 'contacts.grant')}
        </Button>
      </div>
      {refusal && <Alert color="danger" role="alert" mt={4} p={6}>{refusal}</Alert>}
      {run.isError && <Alert color="danger" role="alert" mt={4} p={6}>{run.error.message}</Alert>}
      {inviting && <InviteDialog contact={contact} onClose={() => setInviting(false)} />}
    </div>
  );
}

/** Where the e-mail stands once the invitation is saved: no hub (demo), the hub has it soon, or later. */
function useDeliveryNote(email: string): string {
  const t = useT();
  const status = useSyncStatus().data;
  if (!status || status.mode === 'demo') return t('invite.noHub');
  if (status.connection === 'online') return t('invite.hubEmails', { email });
  return t('invite.offline', { email });
}

const MIN_DAYS = 1;
const MAX_DAYS = 90;

function InviteDialog({ contact, onClose }: { contact: ContactListItem; onClose: () => void }) {
  const t = useT();
  const run = useRunMutation();
  const grantAllowed = usePermission('setPortalRole').allowed;
  const [days, setDays] = useState<number | string>(14);
  const [grant, setGrant] = useState(!contact.portalRole && grantAllowed);
  const [refusal, setRefusal] = useState<string | null>(null);
  const note = useDeliveryNote(contact.email);
  const validDays = typeof days === 'number' && Number.isInteger(days) && days >= MIN_DAYS && days <= MAX_DAYS;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!validDays || run.isPending) return;
    setRefusal(null);
    const issued = await run.mutateAsync(mutationCall('issueInvitation', { invitationId: crypto.randomUUID(), contactId: contact.id, expiresInDays: days }));
    if (issued.outcome.status === 'refused') return setRefusal(issued.outcome.reason);
    // After the invitation: the hub then knows the e-mail was invited and sends no automatic second one for the role.
    if (grant) {
      const granted = await run.mutateAsync(mutationCall('setPortalRole', { contactId: contact.id, granted: true }));
      if (granted.outcome.status === 'refused') return setRefusal(granted.outcome.reason);
    }
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('invite.title', { name: contact.name })} closeButtonProps={{ 'aria-label': t('invite.close') }} data-testid="invite-dialog">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Text>{t('invite.what', { email: contact.email })}</Text>
          {contact.invitation && <Text size="sm">{t('invite.replaces')}</Text>}
          <NumberInput
            label={t('invite.days')}
            min={MIN_DAYS}
            max={MAX_DAYS}
            allowDecimal={false}
            value={days}
            onChange={setDays}
            error={validDays ? undefined : t('invite.daysInvalid', { min: MIN_DAYS, max: MAX_DAYS })}
            data-autofocus
          />
          {!contact.portalRole && (
            <Checkbox
              label={t('invite.alsoGrant')}
              description={t('invite.alsoGrantHelp')}
              checked={grant}
              disabled={!grantAllowed}
              onChange={(event) => setGrant(event.currentTarget.checked)}
            />
          )}
          <Text size="sm" c="dimmed" data-testid="invite-delivery">{note}</Text>
          {refusal && <Alert color="danger" role="alert">{refusal}</Alert>}
          {run.isError && <Alert color="danger" role="alert">{run.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('invite.cancel')}</Button>
            <Button type="submit" disabled={!validDays || run.isPending}>{t('invite.issue')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
