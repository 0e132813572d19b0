import { Button, Stack, Text, Title } from '@mantine/core';
import type { PortalMe } from '../../../shared/contract/portal-http';
import { useExternalProvider, useExternalResult, useStartExternalSignIn, useUnlinkExternal } from '../../api/external-sign-in';
import { useErrorText } from '../../components/error-text';
import { ErrorAlert } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { ExternalResultAlert, useStartErrorText } from '../sign-in/external-sign-in';

/** Profile: the identity linked at the hub's external sign-in provider, with Link or Unlink (nothing when the hub has none). */
export function LinkedIdentity({ me }: { me: PortalMe }) {
  const t = useT();
  const provider = useExternalProvider();
  const result = useExternalResult();
  const link = useStartExternalSignIn('oidcLink');
  const unlink = useUnlinkExternal();
  const errorText = useErrorText();
  const startError = useStartErrorText(provider?.displayName ?? '');
  if (!provider) return null;
  const name = provider.displayName;
  const linked = me.linkedIdentity;
  return (
    <section aria-labelledby="linked-identity-title" className="narrow-form panel">
      <Stack gap="sm">
        <Title order={2} size="h4" id="linked-identity-title">
          {t('oidc.sectionTitle', { provider: name })}
        </Title>
        {result && !unlink.isSuccess && <ExternalResultAlert result={result} provider={name} />}
        {unlink.isSuccess && <Text role="status">{t('oidc.unlinked', { provider: name })}</Text>}
        <ErrorAlert message={link.isError ? startError(link.error) : unlink.isError ? errorText(unlink.error) : null} />
        <Text>{linked ? (linked.email ? t('oidc.linkedAs', { provider: name, email: linked.email }) : t('oidc.linked', { provider: name })) : t('oidc.notLinked', { provider: name })}</Text>
        {linked ? (
          <Button variant="default" loading={unlink.isPending} onClick={() => unlink.mutate()}>
            {t('oidc.unlink', { provider: name })}
          </Button>
        ) : (
          <Button loading={link.isPending || link.isSuccess} onClick={() => link.mutate()}>
            {t('oidc.link', { provider: name })}
          </Button>
        )}
      </Stack>
    </section>
  );
}
