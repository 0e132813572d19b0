import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'wouter';
import { CompletePasswordResetRequestSchema, PasswordResetRequestSchema } from '../../../shared/contract/portal-http';
import { isPortalApiError } from '../../api/portal-api-error';
import { usePortalClient } from '../../api/portal-client-context';
import { useErrorText } from '../../components/error-text';
import { checkFields, serverFieldErrors } from '../../components/field-errors';
import { useFormFields } from '../../components/use-form-fields';
import { Page } from '../../components/page';
import { ErrorAlert } from '../../components/query-state';
import { useT } from '../../i18n/use-t';

/**
 * Two steps on one screen: ask for the e-mail (the hub answers the same whether a profile
 * exists or not), then the code and a new password. The e-mailed link opens the second step
 * with e-mail and code filled in.
 */
export function PasswordResetScreen() {
  const t = useT();
  const [search] = useSearchParams();
  const [requestedFor, setRequestedFor] = useState<string | null>(null);
  // The e-mailed link carries the address (the code is in the e-mail): it opens the second step.
  const linked = search.has('email') || search.has('code');
  return (
    <Page title={linked ? t('reset.completeTitle') : t('reset.title')}>
      {!linked && <RequestReset onSent={setRequestedFor} />}
      {requestedFor !== null && (
        <Alert color="brand" role="status">
          {t('reset.sent', { email: requestedFor })}
        </Alert>
      )}
      {(linked || requestedFor !== null) && <CompleteReset initialEmail={search.get('email') ?? requestedFor ?? ''} initialCode={search.get('code') ?? ''} />}
    </Page>
  );
}

function RequestReset({ onSent }: { onSent: (email: string) => void }) {
  const t = useT();
  const client = usePortalClient();
  const errorText = useErrorText();
  const { fields, setErrors, bind } = useFormFields({ email: '' });
  const request = useMutation({
    mutationFn: (body: { email: string }) => client.call<unknown>('requestPasswordReset', { body }),
    onSuccess: (_, body) => onSent(body.email),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkFields(PasswordResetRequestSchema, { email: fields.email.trim() }, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) request.mutate(checked.value);
  };
  return (
    <form onSubmit={submit} noValidate className="narrow-form panel">
      <Stack gap="sm">
        <Text>{t('reset.intro')}</Text>
        <ErrorAlert message={request.isError ? errorText(request.error) : null} />
        <TextInput label={t('signIn.email')} type="email" autoComplete="email" required {...bind('email')} />
        <Button type="submit" loading={request.isPending}>{t('reset.submit')}</Button>
        <Anchor component={Link} href="/sign-in">{t('reset.backToSignIn')}</Anchor>
      </Stack>
    </form>
  );
}

function CompleteReset({ initialEmail, initialCode }: { initialEmail: string; initialCode: string }) {
  const t = useT();
  const client = usePortalClient();
  const errorText = useErrorText();
  const { fields, setErrors, bind } = useFormFields({ email: initialEmail, code: initialCode, password: '' });
  const complete = useMutation({
    mutationFn: (body: unknown) => client.call<unknown>('completePasswordReset', { body }),
    onError: (error) => {
      if (isPortalApiError(error, 'invalid_request')) setErrors(serverFieldErrors(error.body?.issues, fields, t));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkFields(CompletePasswordResetRequestSchema, { ...fields, email: fields.email.trim() }, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) complete.mutate(checked.value);
  };
  if (complete.isSuccess) {
    return (
      <Alert color="brand" role="status">
        <Stack gap="xs">
          <Text size="sm">{t('reset.done')}</Text>
          <Anchor component={Link} href="/sign-in">{t('signIn.submit')}</Anchor>
        </Stack>
      </Alert>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="narrow-form panel">
      <Stack gap="sm">
        <ErrorAlert message={complete.isError ? errorText(complete.error) : null} />
        <TextInput label={t('signIn.email')} type="email" autoComplete="email" required {...bind('email')} />
        <TextInput label={t('reset.code')} autoComplete="one-time-code" spellCheck={false} required {...bind('code')} />
        <PasswordInput label={t('reset.newPassword')} description={t('redeem.passwordHint')} autoComplete="new-password" required {...bind('password')} />
        <Button type="submit" loading={complete.isPending}>{t('reset.save')}</Button>
      </Stack>
    </form>
  );
}
