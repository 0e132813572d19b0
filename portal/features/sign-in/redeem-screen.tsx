import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'wouter';
import { RedeemInvitationRequestSchema, type SignInAnswer } from '../../../shared/contract/portal-http';
import { isPortalApiError } from '../../api/portal-api-error';
import { usePortalClient } from '../../api/portal-client-context';
import { useSignedIn } from '../../api/session';
import { useLocaleChoice } from '../../app/locale-choice';
import { useErrorText } from '../../components/error-text';
import { checkFields, serverFieldErrors } from '../../components/field-errors';
import { useFormFields } from '../../components/use-form-fields';
import { Page } from '../../components/page';
import { ErrorAlert } from '../../components/query-state';
import { useT } from '../../i18n/use-t';

/** Invitation code → name and password → signed in. The e-mailed link fills in e-mail and code. */
export function RedeemScreen() {
  const t = useT();
  const client = usePortalClient();
  const signedIn = useSignedIn();
  const errorText = useErrorText();
  const { locale } = useLocaleChoice();
  const [search] = useSearchParams();
  const { fields, setErrors, bind } = useFormFields({ email: search.get('email') ?? '', code: search.get('code') ?? '', name: '', password: '' });
  const redeem = useMutation({
    mutationFn: (body: unknown) => client.call<SignInAnswer>('redeemInvitation', { body }),
    onSuccess: signedIn,
    onError: (error) => {
      if (isPortalApiError(error, 'invalid_request')) setErrors(serverFieldErrors(error.body?.issues, fields, t));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkFields(RedeemInvitationRequestSchema, { ...fields, email: fields.email.trim(), language: locale }, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) redeem.mutate(checked.value);
  };
  return (
    <Page title={t('redeem.title')}>
      <Text>{t('redeem.intro')}</Text>
      <form onSubmit={submit} noValidate className="narrow-form panel">
        <Stack gap="sm">
          <ErrorAlert message={redeem.isError ? errorText(redeem.error) : null} />
          <TextInput label={t('signIn.email')} type="email" autoComplete="email" required {...bind('email')} />
          <TextInput label={t('redeem.code')} autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} required {...bind('code')} />
          <TextInput label={t('redeem.name')} autoComplete="name" required {...bind('name')} />
          <PasswordInput label={t('redeem.password')} description={t('redeem.passwordHint')} autoComplete="new-password" required {...bind('password')} />
          <Button type="submit" loading={redeem.isPending}>{t('redeem.submit')}</Button>
          <Anchor component={Link} href="/sign-in">{t('redeem.haveProfile')}</Anchor>
        </Stack>
      </form>
    </Page>
  );
}
