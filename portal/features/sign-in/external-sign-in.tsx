import { Alert, Button, Divider } from '@mantine/core';
import type { OidcResult } from '../../../shared/contract/portal-http';
import { useExternalProvider, useExternalResult, useStartExternalSignIn } from '../../api/external-sign-in';
import { isPortalApiError } from '../../api/portal-api-error';
import { useErrorText } from '../../components/error-text';
import { ErrorAlert } from '../../components/query-state';
import { useT } from '../../i18n/use-t';

/** "or — Sign in with Acme SSO" under the password form, when the hub has external sign-in. */
export function ExternalSignIn() {
  const t = useT();
  const provider = useExternalProvider();
  const start = useStartExternalSignIn('oidcSignIn');
  const startError = useStartErrorText(provider?.displayName ?? '');
  if (!provider) return null;
  return (
    <>
      <Divider label={t('oidc.or')} labelPosition="center" />
      <ErrorAlert message={start.isError ? startError(start.error) : null} />
      <Button variant="default" loading={start.isPending || start.isSuccess} onClick={() => start.mutate()}>
        {t('oidc.signInWith', { provider: provider.displayName })}
      </Button>
    </>
  );
}

/** The message for the `?oidc=` the hub sent the browser back with, above the sign-in form. */
export function ExternalSignInResult() {
  const provider = useExternalProvider();
  const result = useExternalResult();
  if (!provider || !result) return null;
  return <ExternalResultAlert result={result} provider={provider.displayName} />;
}

/** A result from the issuer's round trip: "linked" is good news (a status), anything else a problem (an alert). */
export function ExternalResultAlert({ result, provider }: { result: OidcResult; provider: string }) {
  const t = useT();
  const text = t(`oidc.result.${result}`, { provider });
  if (result === 'linked') {
    return (
      <Alert color="teal" role="status">
        {text}
      </Alert>
    );
  }
  return (
    <Alert color="danger" role="alert">
      {text}
    </Alert>
  );
}

/** The start's failure: an unreachable issuer is named; the rest as any portal error. */
export function useStartErrorText(provider: string): (error: unknown) => string {
  const t = useT();
  const errorText = useErrorText();
  return (error) => (isPortalApiError(error, 'external_sign_in_unavailable') ? t('oidc.result.unreachable', { provider }) : errorText(error));
}
