import { Text } from '@mantine/core';
import type { PortalMe } from '../../shared/contract/portal-http';
import { useT } from '../i18n/use-t';

/** First-strong isolation: a Latin name inside an Arabic sentence keeps its own direction and leaves the sentence's alone. */
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Says once per screen which zone every time is in (each time also carries the zone's short name). */
export function ZoneNote({ me }: { me: Pick<PortalMe, 'account'> }) {
  const t = useT();
  return (
    <Text size="sm" c="dimmed">
      {t('zone.note', { account: isolate(me.account.name), zone: isolate(me.account.timeZone) })}
    </Text>
  );
}
