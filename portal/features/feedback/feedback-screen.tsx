import { Alert, Anchor, Button, Rating, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { FeedbackRequestSchema, type AppointmentDetail } from '../../../shared/contract/portal-http';
import { usePortalClient } from '../../api/portal-client-context';
import { useErrorText } from '../../components/error-text';
import { Page } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useFormatTimes } from '../../i18n/format-visit';
import { useT } from '../../i18n/use-t';
import { appointmentQueryKey, useAppointment } from '../appointment/use-appointment';
import { homeQueryKey } from '../home/home-screen';

/** Rating and comment on a completed visit (the survey); a low rating reaches back office as a request. */
export function FeedbackScreen({ bookingId }: { bookingId: string }) {
  const t = useT();
  const appointment = useAppointment(bookingId);
  return (
    <Page title={t('feedback.title')}>
      <QueryState query={appointment} loadingLabel={t('appointment.loading')}>
        {(data) => <FeedbackForm appointment={data} />}
      </QueryState>
    </Page>
  );
}

function FeedbackForm({ appointment }: { appointment: AppointmentDetail }) {
  const t = useT();
  const client = usePortalClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { range } = useFormatTimes();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [missingRating, setMissingRating] = useState(false);
  const send = useMutation({
    mutationFn: (body: unknown) => client.call<unknown>('feedback', { params: { bookingId: appointment.bookingId }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: appointmentQueryKey(appointment.bookingId) });
      void queryClient.invalidateQueries({ queryKey: homeQueryKey });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = FeedbackRequestSchema.safeParse({ rating, comment });
    setMissingRating(!checked.success);
    if (checked.success) send.mutate(checked.data);
  };
  const summary = (
    <Text>
      {appointment.service} · {range(appointment.start, appointment.end)}
    </Text>
  );
  if (send.isSuccess) {
    return (
      <Stack gap="sm">
        {summary}
        <Alert color="brand" role="status">{t('feedback.thanks')}</Alert>
        <Anchor component={Link} href="/">{t('nav.back')}</Anchor>
      </Stack>
    );
  }
  if (!appointment.feedbackAllowed) {
    return (
      <Stack gap="sm">
        {summary}
        <Alert color="gray" role="note">{appointment.feedback ? t('home.feedbackSent', { rating: appointment.feedback.rating }) : t('error.feedback_not_allowed')}</Alert>
        <Anchor component={Link} href="/">{t('nav.back')}</Anchor>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {summary}
        <div role="group" aria-labelledby="rating-label">
          <div id="rating-label" className="field-legend">{t('feedback.rating')}</div>
          <Rating value={rating} onChange={(value) => { setRating(value); setMissingRating(false); }} size="lg" getSymbolLabel={(value) => t('feedback.stars', { rating: value })} />
          {missingRating && <Text c="danger.7" size="sm" role="alert">{t('feedback.chooseRating')}</Text>}
        </div>
        <Textarea label={t('feedback.comment')} description={t('common.optional')} autosize minRows={3} maxRows={8} maxLength={2000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
        <ErrorAlert message={send.isError ? errorText(send.error) : null} />
        <Button type="submit" loading={send.isPending} style={{ alignSelf: 'flex-start' }}>{t('feedback.submit')}</Button>
      </Stack>
    </form>
  );
}
