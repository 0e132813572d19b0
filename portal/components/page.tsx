import { Stack, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

/** The first screen after the page loads keeps the browser's focus where it is (the top); later ones move it. */
let firstScreen = true;

/**
 * One screen: its heading takes focus when the screen opens, so keyboard and screen-reader users
 * land on the new content (a hash route change does not move focus by itself), and the
 * document's title says where they are.
 */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (firstScreen) firstScreen = false;
    else heading.current?.focus();
  }, []);
  return (
    <Stack gap="md">
      <Title order={1} size="h2" ref={heading} tabIndex={-1} className="page-title">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
