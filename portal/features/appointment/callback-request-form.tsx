import { Alert, Button, Radio, Stack, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CallbackRequestSchema, type PortalRequestCreated } from '../../../shared/contract/portal-http';
import { usePortalClient } from '../../api/portal-client-context';
import { useErrorText } from '../../components/error-text';
import { checkFields } from '../../components/field-errors';
import { useFormFields } from '../../components/use-form-fields';
import { ErrorAlert } from '../../components/query-state';
import { useT } from '../../i18n/use-t';

/** Inside the change notice: ask back office to move or cancel instead (a portal request for them). */
export function CallbackRequestForm({ bookingId }: { bookingId: string }) {
  const t = useT();
  const client = usePortalClient();
  const errorText = useErrorText();
  const [intent, setIntent] = useState<'reschedule' | 'cancellation'>('reschedule');
  const { fields, setErrors, bind } = useFormFields({ message: '' });
  const send = useMutation({ mutationFn: (body: unknown) => client.call<PortalRequestCreated>('callbackRequest', { params: { bookingId }, body }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkFields(CallbackRequestSchema, { intent, ...fields }, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) send.mutate(checked.value);
  };
  if (send.isSuccess) {
    return (
      <Alert color="brand" role="status">
        {t('callback.sent')}
      </Alert>
    );
  }
  return (
    <section aria-labelledby="callback-title">
      <Title order={2} size="h4" id="callback-title" mb="sm">{t('callback.title')}</Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Radio.Group label={t('callback.intent')} value={intent} onChange={(value) => setIntent(value === 'cancellation' ? 'cancellation' : 'reschedule')}>
            <Stack gap={6} mt={4}>
              <Radio value="reschedule" label={t('callback.reschedule')} />
              <Radio value="cancellation" label={t('callback.cancellation')} />
            </Stack>
          </Radio.Group>
          <Textarea label={t('callback.message')} required autosize minRows={2} maxRows={6} maxLength={2000} {...bind('message')} />
          <ErrorAlert message={send.isError ? errorText(send.error) : null} />
          <Button type="submit" loading={send.isPending} style={{ alignSelf: 'flex-start' }}>{t('callback.submit')}</Button>
        </Stack>
      </form>
    </section>
  );
}
