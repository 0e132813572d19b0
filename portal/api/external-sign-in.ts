import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'wouter';
import { OidcResultSchema, type OidcProviderResponse, type OidcResult, type OidcStartResponse, type PortalMe } from '../../shared/contract/portal-http';
import { usePortalClient } from './portal-client-context';
import { externalProviderQueryKey, meQueryKey } from './session';

/** The hub's external sign-in provider, or null when it has none (then nothing about it is shown). */
export function useExternalProvider(): { displayName: string } | null {
  const client = usePortalClient();
  const query = useQuery({ queryKey: externalProviderQueryKey, queryFn: () => client.call<OidcProviderResponse>('oidcProvider'), staleTime: Infinity });
  return query.data?.provider ?? null;
}

/**
 * Starts a sign-in or a link: the hub records the flow and answers the issuer's address, and
 * the whole page goes there (the issuer sends it back to the hub, which sends it back here).
 */
export function useStartExternalSignIn(purpose: 'oidcSignIn' | 'oidcLink') {
  const client = usePortalClient();
  return useMutation({
    mutationFn: () => client.call<OidcStartResponse>(purpose, { body: {} }),
    onSuccess: ({ authorizationUrl }) => location.assign(authorizationUrl),
  });
}

export function useUnlinkExternal() {
  const client = usePortalClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.call<PortalMe>('oidcUnlink', { body: {} }),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}

/**
 * What the hub said on the way back (`?oidc=…` in the app's address), read once when the screen
 * opens; an unknown value is ignored rather than shown.
 */
export function useExternalResult(): OidcResult | null {
  const [search] = useSearchParams();
  const [result] = useState(() => {
    const parsed = OidcResultSchema.safeParse(search.get('oidc'));
    return parsed.success ? parsed.data : null;
  });
  return result;
}
