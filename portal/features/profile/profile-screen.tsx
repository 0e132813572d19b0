import { Stack, Text } from '@mantine/core';
import type { PortalMe } from '../../../shared/contract/portal-http';
import { useChooseLanguage } from '../../api/session';
import { LanguageSwitch } from '../../app/language-switch';
import { useErrorText } from '../../components/error-text';
import { Page } from '../../components/page';
import { ErrorAlert } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { LinkedIdentity } from './linked-identity';

/** Who is signed in, the account's zone, the language of the portal and of our e-mails, and the linked external sign-in. */
export function ProfileScreen({ me }: { me: PortalMe }) {
  const t = useT();
  const errorText = useErrorText();
  const choose = useChooseLanguage();
  return (
    <Page title={t('profile.title')}>
      <dl className="facts">
        <dt>{t('profile.name')}</dt>
        <dd>{me.contact.name}</dd>
        <dt>{t('profile.email')}</dt>
        <dd>{me.contact.email}</dd>
        <dt>{t('profile.account')}</dt>
        <dd>{me.account.name}</dd>
        <dt>{t('profile.zone')}</dt>
        <dd>{me.account.timeZone}</dd>
      </dl>
      <Stack gap="xs" className="narrow-form">
        <LanguageSwitch label={t('profile.language')} size="sm" />
        {choose.isSuccess && <Text size="sm" role="status">{t('profile.saved')}</Text>}
        <ErrorAlert message={choose.isError ? errorText(choose.error) : null} />
      </Stack>
      <LinkedIdentity me={me} />
    </Page>
  );
}
