import { Tabs } from '@mantine/core';
import { useNavigation, type PortalTab } from '../../app/navigation';
import { useT } from '../../components/use-t';
import { CalendarsPanel } from '../calendar-publishing/calendars-panel';
import { ContactsPanel } from './contacts-panel';
import { EmailsPanel } from './emails-panel';
import { PortalSettingsPanel } from './portal-settings-panel';
import './portal-admin.css';

/** The console side of the customer portal: who may use it (contacts, invitations, the portal role) and how booking works there (settings), the e-mails the hub sent, and the technicians' calendars (administrators, at the hub). */
export function PortalAdminPage() {
  const t = useT();
  const { portalTab, setPortalTab } = useNavigation();
  return (
    <div className="portal-admin-page" data-testid="portal-admin-page">
      <Tabs value={portalTab} onChange={(value) => value && setPortalTab(value as PortalTab)} keepMounted={false}>
        <Tabs.List aria-label={t('portalAdmin.tabs')}>
          <Tabs.Tab value="contacts">{t('portalAdmin.contacts')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('portalAdmin.settings')}</Tabs.Tab>
          <Tabs.Tab value="emails">{t('portalAdmin.emails')}</Tabs.Tab>
          <Tabs.Tab value="calendars">{t('portalAdmin.calendars')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="contacts"><ContactsPanel /></Tabs.Panel>
        <Tabs.Panel value="settings"><PortalSettingsPanel /></Tabs.Panel>
        <Tabs.Panel value="emails"><EmailsPanel /></Tabs.Panel>
        <Tabs.Panel value="calendars"><CalendarsPanel /></Tabs.Panel>
      </Tabs>
    </div>
  );
}
