import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import type { BookingOptionsResponse, BookResponse, FreeTimesResponse } from '../../../shared/contract/portal-http';
import { isPortalApiError } from '../../api/portal-api-error';
import { usePortalClient } from '../../api/portal-client-context';
import { useErrorText } from '../../components/error-text';
import { Page } from '../../components/page';
import { ErrorAlert, QueryError, QueryState } from '../../components/query-state';
import { useFormatTimes } from '../../i18n/format-visit';
import { useT } from '../../i18n/use-t';
import { homeQueryKey } from '../home/home-screen';
import { DayPicker } from '../scheduling/day-picker';
import { FreeTimePicker } from '../scheduling/free-time-picker';
import { useBookingOptions } from '../scheduling/use-booking-options';

export function BookScreen() {
  const t = useT();
  const options = useBookingOptions();
  const [booked, setBooked] = useState<BookResponse | null>(null);
  return (
    <Page title={booked ? t('book.confirmedTitle') : t('book.title')}>
      {booked ? (
        <BookConfirmation booked={booked} onAnother={() => setBooked(null)} />
      ) : (
        <QueryState query={options} loadingLabel={t('book.loading')}>
          {(data) => <BookForm options={data} onBooked={setBooked} />}
        </QueryState>
      )}
    </Page>
  );
}

function BookForm({ options, onBooked }: { options: BookingOptionsResponse; onBooked: (booked: BookResponse) => void }) {
  const t = useT();
  const client = usePortalClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [assetId, setAssetId] = useState(options.assets.length === 1 ? options.assets[0]!.id : '');
  const [incidentTypeId, setIncidentTypeId] = useState(options.incidentTypes.length === 1 ? options.incidentTypes[0]!.id : '');
  const [date, setDate] = useState(options.firstDate);
  const [start, setStart] = useState<number | null>(null);
  const [comments, setComments] = useState('');
  const [missingTime, setMissingTime] = useState(false);
  const chosen = assetId !== '' && incidentTypeId !== '';
  const timesKey = ['free-times', assetId, incidentTypeId, date];
  const times = useQuery({
    queryKey: timesKey,
    queryFn: () => client.call<FreeTimesResponse>('freeTimes', { query: { assetId, incidentTypeId, date } }),
    enabled: chosen,
    // Times go as others book: never offer a remembered list.
    staleTime: 0,
  });
  const book = useMutation({
    mutationFn: (body: { assetId: string; incidentTypeId: string; start: number; comments: string }) => client.call<BookResponse>('book', { body }),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: homeQueryKey });
      // The time just booked is no longer free, for this page or the next booking.
      queryClient.removeQueries({ queryKey: ['free-times'] });
      onBooked(answer);
    },
    onError: (error) => {
      // The hub sends the day's times as they are now: show them instead of asking again.
      if (isPortalApiError(error, 'slot_taken') && error.body?.freeTimes) queryClient.setQueryData(timesKey, error.body.freeTimes);
      if (isPortalApiError(error, 'slot_taken') || isPortalApiError(error, 'outside_horizon')) setStart(null);
    },
  });
  if (options.assets.length === 0) return <Alert color="brand">{t('book.noAssets')}</Alert>;
  if (options.incidentTypes.length === 0) return <Alert color="brand">{t('book.noServices')}</Alert>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissingTime(start === null);
    if (start !== null) book.mutate({ assetId, incidentTypeId, start, comments: comments.trim() });
  };
  const choose = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setStart(null);
    book.reset();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <NativeSelect
          label={t('book.asset')}
          required
          value={assetId}
          onChange={(e) => choose(setAssetId)(e.currentTarget.value)}
          data={[{ value: '', label: t('book.choose'), disabled: true }, ...options.assets.map((a) => ({ value: a.id, label: t('book.assetOption', { product: a.productName, serial: a.serialNumber }) }))]}
        />
        <NativeSelect
          label={t('book.service')}
          required
          value={incidentTypeId}
          onChange={(e) => choose(setIncidentTypeId)(e.currentTarget.value)}
          data={[{ value: '', label: t('book.choose'), disabled: true }, ...options.incidentTypes.map((i) => ({ value: i.id, label: t('book.serviceOption', { name: i.name, minutes: i.durationMinutes }) }))]}
        />
        <DayPicker firstDate={options.firstDate} lastDate={options.lastDate} value={date} onChange={choose(setDate)} />
        <fieldset className="plain-fieldset">
          <legend className="field-legend">{t('book.times')}</legend>
          {chosen ? (
            times.isError ? (
              <QueryError error={times.error} onRetry={() => void times.refetch()} />
            ) : (
              <FreeTimePicker times={times.data?.times} loading={times.isPending} value={start} onChange={(value) => { setStart(value); setMissingTime(false); }} />
            )
          ) : (
            <Text c="dimmed">{t('book.chooseFirst')}</Text>
          )}
          {missingTime && <Text c="danger.7" size="sm" role="alert">{t('book.chooseTime')}</Text>}
        </fieldset>
        <Textarea label={t('book.comments')} description={t('common.optional')} autosize minRows={2} maxRows={6} maxLength={4000} value={comments} onChange={(e) => setComments(e.currentTarget.value)} />
        <ErrorAlert message={book.isError ? errorText(book.error) : null} />
        <Button type="submit" loading={book.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('book.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function BookConfirmation({ booked, onAnother }: { booked: BookResponse; onAnother: () => void }) {
  const t = useT();
  const { range } = useFormatTimes();
  const { appointment } = booked;
  return (
    <Alert color="brand" role="status" className="book-confirmation">
      <Stack gap="xs">
        <Text>{t('book.confirmed', { service: appointment.service, when: range(appointment.start, appointment.end) })}</Text>
        <Text size="sm">{t('appointment.workOrder', { number: appointment.workOrderNumber })} · {t('appointment.technician', { name: appointment.technicianName })}</Text>
        <Group gap="md">
          <Anchor component={Link} href={`/appointments/${encodeURIComponent(appointment.bookingId)}`}>{t('book.viewAppointment')}</Anchor>
          <Button variant="default" size="compact-sm" onClick={onAnother}>{t('book.another')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
