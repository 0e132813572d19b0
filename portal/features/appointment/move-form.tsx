import { Button, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AppointmentDetail, BookResponse, FreeTimesResponse } from '../../../shared/contract/portal-http';
import { isPortalApiError } from '../../api/portal-api-error';
import { usePortalClient } from '../../api/portal-client-context';
import { useErrorText } from '../../components/error-text';
import { ErrorAlert, QueryError, QueryState } from '../../components/query-state';
import { clampDay, dayInZone, useFormatTimes } from '../../i18n/format-visit';
import { useT } from '../../i18n/use-t';
import { homeQueryKey } from '../home/home-screen';
import { DayPicker } from '../scheduling/day-picker';
import { FreeTimePicker } from '../scheduling/free-time-picker';
import { useBookingOptions } from '../scheduling/use-booking-options';
import { appointmentQueryKey } from './use-appointment';

/** A new day and time for a Scheduled visit (the hub keeps the same technician when free). */
export function MoveForm({ appointment, onMoved }: { appointment: AppointmentDetail; onMoved: (message: string) => void }) {
  const t = useT();
  const options = useBookingOptions();
  return (
    <section aria-labelledby="move-title">
      <Title order={2} size="h4" id="move-title" mb="sm">{t('move.title')}</Title>
      <QueryState query={options} loadingLabel={t('book.loading')}>
        {(data) => <MoveChooser appointment={appointment} firstDate={data.firstDate} lastDate={data.lastDate} timeZone={data.timeZone} onMoved={onMoved} />}
      </QueryState>
    </section>
  );
}

interface ChooserProps {
  appointment: AppointmentDetail;
  firstDate: string;
  lastDate: string;
  /** The account's zone, the one the bookable days are in. */
  timeZone: string;
  onMoved: (message: string) => void;
}

function MoveChooser({ appointment, firstDate, lastDate, timeZone, onMoved }: ChooserProps) {
  const t = useT();
  const client = usePortalClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { range } = useFormatTimes();
  const bookingId = appointment.bookingId;
  // Opens on the visit's own day (most moves are a few hours or a day or two), when bookable.
  const [date, setDate] = useState(() => clampDay(dayInZone(appointment.start, timeZone), firstDate, lastDate));
  const [start, setStart] = useState<number | null>(null);
  const timesKey = ['move-free-times', bookingId, date];
  const times = useQuery({ queryKey: timesKey, queryFn: () => client.call<FreeTimesResponse>('moveFreeTimes', { params: { bookingId }, query: { date } }), staleTime: 0 });
  const move = useMutation({
    mutationFn: (chosen: number) => client.call<BookResponse>('move', { params: { bookingId }, body: { start: chosen } }),
    onSuccess: (answer) => {
      queryClient.setQueryData(appointmentQueryKey(bookingId), answer.appointment);
      queryClient.removeQueries({ queryKey: ['move-free-times', bookingId] });
      void queryClient.invalidateQueries({ queryKey: homeQueryKey });
      onMoved(t('move.done', { when: range(answer.appointment.start, answer.appointment.end) }));
    },
    onError: (error) => {
      if (isPortalApiError(error, 'slot_taken') && error.body?.freeTimes) queryClient.setQueryData(timesKey, error.body.freeTimes);
      setStart(null);
      // The visit may have changed meanwhile (notice window reached, technician set off): show it as it is.
      if (isPortalApiError(error, 'inside_change_notice') || isPortalApiError(error, 'locked')) void queryClient.invalidateQueries({ queryKey: appointmentQueryKey(bookingId) });
    },
  });
  return (
    <Stack gap="sm">
      <DayPicker firstDate={firstDate} lastDate={lastDate} value={date} onChange={(day) => { setDate(day); setStart(null); move.reset(); }} />
      <fieldset className="plain-fieldset">
        <legend className="field-legend">{t('book.times')}</legend>
        {times.isError ? <QueryError error={times.error} onRetry={() => void times.refetch()} /> : <FreeTimePicker times={times.data?.times} loading={times.isPending} value={start} onChange={setStart} />}
      </fieldset>
      <ErrorAlert message={move.isError ? errorText(move.error) : null} />
      <Button disabled={start === null} loading={move.isPending} onClick={() => start !== null && move.mutate(start)} style={{ alignSelf: 'flex-start' }}>
        {t('move.submit')}
      </Button>
    </Stack>
  );
}
