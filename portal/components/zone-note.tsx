import { Text } from '@mantine/core';
import type { PortalMe } from '../../shared/contract/portal-http';
import { useT } from '../i18n/use-t';

/** Says once per screen which zone every time is in (each time also carries the zone's short name). */
export function ZoneNote({ me }: { me: Pick<PortalMe, 'account'> }) {
  const t = useT();
  return (
    <Text size="sm" c="dimmed">
      {t('zone.note', { account: me.account.name, zone: me.account.timeZone })}
    </Text>
  );
}
