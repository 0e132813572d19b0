import { Anchor, Text } from '@mantine/core';
import { Link } from 'wouter';
import { Page } from '../components/page';
import { useT } from '../i18n/use-t';

export function NotFoundScreen() {
  const t = useT();
  return (
    <Page title={t('app.notFound')}>
      <Text>
        <Anchor component={Link} href="/">{t('app.goHome')}</Anchor>
      </Text>
    </Page>
  );
}
