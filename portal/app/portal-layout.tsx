import { Anchor, Button, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import type { PortalMe } from '../../shared/contract/portal-http';
import { useSignOut } from '../api/session';
import { useT } from '../i18n/use-t';
import { LanguageSwitch } from './language-switch';

const links = [
  { href: '/', label: 'nav.home' },
  { href: '/book', label: 'nav.book' },
  { href: '/profile', label: 'nav.profile' },
] as const;

/** Header (name, navigation when signed in, language, sign out), then the screen. */
export function PortalLayout({ me, children }: { me: PortalMe | null; children: ReactNode }) {
  const t = useT();
  const [location] = useLocation();
  const signOut = useSignOut();
  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <header className="portal-header">
        <Container size="md" className="portal-header-inner">
          <div className="portal-brand">
            <Text component="span" fw={700} size="lg">{t('app.name')}</Text>
            <Text component="span" size="sm" className="portal-brand-sub">{t('app.portal')}</Text>
          </div>
          <Group gap="sm" wrap="nowrap" className="portal-header-tools">
            <LanguageSwitch className="portal-language" />
            {me && (
              <Button variant="white" size="xs" loading={signOut.isPending} onClick={() => signOut.mutate()}>
                {t('nav.signOut')}
              </Button>
            )}
          </Group>
        </Container>
        {me && (
          <nav aria-label={t('nav.main')} className="portal-nav">
            <Container size="md">
              <Group gap="lg" component="ul" className="portal-nav-list">
                {links.map((link) => (
                  <li key={link.href}>
                    <Anchor component={Link} href={link.href} className="portal-nav-link" aria-current={location === link.href ? 'page' : undefined}>
                      {t(link.label)}
                    </Anchor>
                  </li>
                ))}
              </Group>
            </Container>
          </nav>
        )}
      </header>
      <Container size="md" component="main" id="main" tabIndex={-1} className="portal-main">
        {children}
      </Container>
    </>
  );
}

/** The hash is the router's: move focus to the content without changing the route. */
function skipToMain(event: React.MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
