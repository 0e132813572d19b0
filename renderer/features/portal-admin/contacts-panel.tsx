import { Alert, Badge, Button, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { CONTACT_PAGE_SIZE, type ContactListItem } from '../../../shared/contract/portal-admin';
import { useApi } from '../../api/api-context';
import { QueryState } from '../../components/query-state';
import { useNow } from '../../components/relative-time';
import { usePermission } from '../../components/use-permission';
import { useT } from '../../components/use-t';
import { ContactActions } from './contact-actions';
import { InvitationStatus } from './invitation-status';

/** Contacts → search by name, e-mail or account; a page of 50 at a time with each one's portal access and newest invitation. */
export function ContactsPanel() {
  const api = useApi();
  const t = useT();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [query] = useDebouncedValue(typed.trim(), 200);
  const [page, setPage] = useState({ query: '', offset: 0 });
  // A new search starts at its first page.
  const offset = page.query === query ? page.offset : 0;
  const contacts = useQuery({
    queryKey: ['contacts', query, offset],
    queryFn: () => api.listContacts({ query, offset, limit: CONTACT_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const now = useNow(60_000);
  // issueInvitation and setPortalRole are allowed to the same roles: one reason says it for both.
  const permission = usePermission('issueInvitation');
  return (
    <section className="portal-admin-panel" aria-labelledby={`${id}-heading`}>
      <Title order={2} id={`${id}-heading`} className="visually-hidden">{t('portalAdmin.contacts')}</Title>
      {!permission.allowed && <Alert color="warning" mb="sm" data-testid="contacts-permission">{permission.reason}</Alert>}
      <div className="contacts-search">
        <TextInput
          type="search"
          label={t('contacts.search')}
          placeholder={t('contacts.searchPlaceholder')}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          data-testid="contacts-search"
        />
        {contacts.data && (
          <Text c="dimmed" role="status" data-testid="contacts-count">
            {contacts.data.total === 0
              ? t('contacts.none')
              : t('contacts.range', { from: contacts.data.offset + 1, to: contacts.data.offset + contacts.data.contacts.length, total: contacts.data.total })}
          </Text>
        )}
      </div>
      <QueryState query={contacts} loadingLabel={t('contacts.loading')}>
        {(data) => (
          <>
            {data.contacts.length > 0 && (
              <Table className="contacts-table" withTableBorder striped highlightOnHover={false} data-testid="contacts-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('contacts.column.contact')}</Table.Th>
                    <Table.Th>{t('contacts.column.account')}</Table.Th>
                    <Table.Th>{t('contacts.column.access')}</Table.Th>
                    <Table.Th>{t('contacts.column.invitation')}</Table.Th>
                    <Table.Th>{t('contacts.column.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.contacts.map((contact) => (
                    <ContactRow key={contact.id} contact={contact} now={now} />
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Pager total={data.total} offset={data.offset} shown={data.contacts.length} onOffset={(next) => setPage({ query, offset: next })} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function ContactRow({ contact, now }: { contact: ContactListItem; now: number }) {
  const t = useT();
  return (
    <Table.Tr data-testid="contact-row" data-contact-id={contact.id}>
      <Table.Td>
        <bdi className="contact-name">{contact.name}</bdi>
        <Text size="xs" c="dimmed" className="contacts-email" dir="ltr">{contact.email}</Text>
      </Table.Td>
      <Table.Td><bdi>{contact.accountName}</bdi></Table.Td>
      <Table.Td data-testid="portal-access">
        {contact.portalRole ? <Badge variant="light" color="brand">{t('contacts.access.granted')}</Badge> : <Badge variant="default">{t('contacts.access.none')}</Badge>}
        {contact.hasPortalProfile && <Text size="xs" c="dimmed">{t('contacts.hasProfile')}</Text>}
      </Table.Td>
      <Table.Td data-testid="invitation-cell">
        <InvitationStatus invitation={contact.invitation} count={contact.invitationCount} now={now} />
      </Table.Td>
      <Table.Td><ContactActions contact={contact} /></Table.Td>
    </Table.Tr>
  );
}

function Pager({ total, offset, shown, onOffset }: { total: number; offset: number; shown: number; onOffset: (offset: number) => void }) {
  const t = useT();
  if (total <= CONTACT_PAGE_SIZE) return null;
  return (
    <nav className="contacts-pager" aria-label={t('contacts.pages')}>
      <Button variant="default" size="compact-sm" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - CONTACT_PAGE_SIZE))}>
        {t('contacts.previous')}
      </Button>
      <Button variant="default" size="compact-sm" disabled={offset + shown >= total} onClick={() => onOffset(offset + CONTACT_PAGE_SIZE)}>
        {t('contacts.next')}
      </Button>
    </nav>
  );
}
