import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link } from 'wouter';
import { PortalSignInRequestSchema, type SignInAnswer } from '../../../shared/contract/portal-http';
import { usePortalClient } from '../../api/portal-client-context';
import { useSignedIn } from '../../api/session';
import { useErrorText } from '../../components/error-text';
import { checkFields } from '../../components/field-errors';
import { useFormFields } from '../../components/use-form-fields';
import { Page } from '../../components/page';
import { ErrorAlert } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { ExternalSignIn, ExternalSignInResult } from './external-sign-in';

export function SignInScreen() {
  const t = useT();
  const client = usePortalClient();
  const signedIn = useSignedIn();
  const errorText = useErrorText();
  const { fields, setErrors, bind } = useFormFields({ email: '', password: '' });
  const signIn = useMutation({
    mutationFn: (body: unknown) => client.call<SignInAnswer>('signIn', { body }),
    onSuccess: signedIn,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkFields(PortalSignInRequestSchema, { ...fields, email: fields.email.trim() }, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) signIn.mutate(checked.value);
  };
  return (
    <Page title={t('signIn.title')}>
      <form onSubmit={submit} noValidate className="narrow-form panel">
        <Stack gap="sm">
          <ExternalSignInResult />
          <ErrorAlert message={signIn.isError ? errorText(signIn.error) : null} />
          <TextInput label={t('signIn.email')} type="email" autoComplete="email" required {...bind('email')} />
          <PasswordInput label={t('signIn.password')} autoComplete="current-password" required {...bind('password')} />
          <Button type="submit" loading={signIn.isPending}>{t('signIn.submit')}</Button>
          <ExternalSignIn />
          <Anchor component={Link} href="/reset">{t('signIn.forgot')}</Anchor>
          <Anchor component={Link} href="/redeem">{t('signIn.redeem')}</Anchor>
        </Stack>
      </form>
    </Page>
  );
}
