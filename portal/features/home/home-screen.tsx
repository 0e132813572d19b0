import { Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { AppointmentSummary, HomeResponse, PortalMe } from '../../../shared/contract/portal-http';
import { usePortalClient } from '../../api/portal-client-context';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { ZoneNote } from '../../components/zone-note';
import { useT } from '../../i18n/use-t';
import { AppointmentCard } from './appointment-card';

export const homeQueryKey = ['home'] as const;

/** SPEC "Booking status rules": Active appointment, Upcoming, Past, as the hub sorts them. */
export function HomeScreen({ me }: { me: PortalMe }) {
  const t = useT();
  const client = usePortalClient();
  // A technician may set off any minute: keep the sections current while the page is open.
  const home = useQuery({ queryKey: homeQueryKey, queryFn: () => client.call<HomeResponse>('home'), refetchInterval: 60_000 });
  return (
    <Page title={t('home.title')}>
      <Button component={Link} href="/book" className="book-new" style={{ alignSelf: 'flex-start' }}>
        {t('home.bookNew')}
      </Button>
      <ZoneNote me={me} />
      <QueryState query={home} loadingLabel={t('home.loading')}>
        {(data) => (
          <Stack gap="lg">
            {data.active && (
              <Section title={t('home.active')} id="active">
                <AppointmentCard appointment={data.active} />
              </Section>
            )}
            <Section title={t('home.upcoming')} id="upcoming">
              <Cards appointments={data.upcoming} empty={t('home.noUpcoming')} />
            </Section>
            <Section title={t('home.past')} id="past">
              <Cards appointments={data.past} empty={t('home.noPast')} />
            </Section>
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`section-${id}`}>
      <Title order={2} size="h4" id={`section-${id}`} className="section-title" mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

function Cards({ appointments, empty }: { appointments: readonly AppointmentSummary[]; empty: string }) {
  if (appointments.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Stack gap="sm">
      {appointments.map((appointment) => (
        <AppointmentCard key={appointment.bookingId} appointment={appointment} />
      ))}
    </Stack>
  );
}
