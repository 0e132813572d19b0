import { Button, Group, Stack, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { CancelRequestSchema } from '../../../shared/contract/portal-http';
import { isPortalApiError } from '../../api/portal-api-error';
import { usePortalClient } from '../../api/portal-client-context';
import { useErrorText } from '../../components/error-text';
import { checkFields } from '../../components/field-errors';
import { useFormFields } from '../../components/use-form-fields';
import { ErrorAlert } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { homeQueryKey } from '../home/home-screen';
import { appointmentQueryKey } from './use-appointment';

/** Cancelling needs a note saying why (back office reads it). */
export function CancelForm({ bookingId, onCanceled, onKeep }: { bookingId: string; onCanceled: (message: string) => void; onKeep: () => void }) {
  const t = useT();
  const client = usePortalClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { fields, setErrors, bind } = useFormFields({ note: '' });
  const cancel = useMutation({
    mutationFn: (body: { note: string }) => client.call<unknown>('cancel', { params: { bookingId }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: appointmentQueryKey(bookingId) });
      void queryClient.invalidateQueries({ queryKey: homeQueryKey });
      onCanceled(t('cancel.done'));
    },
    onError: (error) => {
      if (isPortalApiError(error, 'inside_change_notice') || isPortalApiError(error, 'locked')) void queryClient.invalidateQueries({ queryKey: appointmentQueryKey(bookingId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkFields(CancelRequestSchema, fields, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) cancel.mutate(checked.value);
  };
  return (
    <section aria-labelledby="cancel-title">
      <Title order={2} size="h4" id="cancel-title" mb="sm">{t('cancel.title')}</Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea label={t('cancel.note')} required autosize minRows={2} maxRows={6} maxLength={2000} {...bind('note')} />
          <ErrorAlert message={cancel.isError ? errorText(cancel.error) : null} />
          <Group gap="xs">
            <Button type="submit" color="danger" loading={cancel.isPending}>{t('cancel.submit')}</Button>
            <Button variant="default" onClick={onKeep}>{t('cancel.keep')}</Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
