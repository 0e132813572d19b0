import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { PortalLanguage, PortalMe } from '../../shared/contract/portal-http';
import { navigate } from '../app/hash-location';
import { useLocaleChoice } from '../app/locale-choice';
import { isPortalApiError } from './portal-api-error';
import { usePortalClient } from './portal-client-context';

export const meQueryKey = ['me'] as const;
/** The hub's external sign-in provider: the same for everyone, so it outlives sessions. */
export const externalProviderQueryKey = ['oidc-provider'] as const;
const keptAcrossSessions: ReadonlySet<unknown> = new Set([meQueryKey[0], externalProviderQueryKey[0]]);

/** Who is signed in: the profile, or null when nobody is (no cookie, or the session ended). */
export function useMe() {
  const client = usePortalClient();
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async (): Promise<PortalMe | null> => {
      try {
        return await client.call<PortalMe>('me');
      } catch (error) {
        if (isPortalApiError(error, 'unauthenticated') || isPortalApiError(error, 'portal_role_missing')) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

/**
 * Who is signed in now; everything read for someone else is dropped. The profile query itself
 * stays (it is updated, never removed), so the screens watching it see the change at once; so
 * does the external sign-in provider, which is nobody's.
 */
export function switchSession(queryClient: QueryClient, me: PortalMe | null): void {
  queryClient.removeQueries({ predicate: (query) => !keptAcrossSessions.has(query.queryKey[0]) });
  queryClient.setQueryData(meQueryKey, me);
}

/** Any call answered 401 means the session ended: forget everything and show the sign-in page. */
export function onSessionEnded(queryClient: QueryClient, error: unknown): void {
  if (isPortalApiError(error, 'unauthenticated')) switchSession(queryClient, null);
}

/** After sign-in or redeem: the answer is the profile; the language on screen becomes its language. */
export function useSignedIn(): (me: PortalMe) => void {
  const client = usePortalClient();
  const queryClient = useQueryClient();
  const { setLocale } = useLocaleChoice();
  return useCallback(
    (me: PortalMe) => {
      client.forgetCsrfToken();
      switchSession(queryClient, me);
      setLocale(me.language);
      navigate('/', { replace: true });
    },
    [client, queryClient, setLocale],
  );
}

export function useSignOut() {
  const client = usePortalClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.call<unknown>('signOut', { body: {} }),
    onSettled: () => {
      client.forgetCsrfToken();
      switchSession(queryClient, null);
      navigate('/sign-in', { replace: true });
    },
  });
}

/** The language switch: on screen at once; signed in, also the profile's (and so the e-mails') language. */
export function useChooseLanguage() {
  const client = usePortalClient();
  const queryClient = useQueryClient();
  const { setLocale } = useLocaleChoice();
  const me = useMe().data;
  return useMutation({
    mutationFn: async (language: PortalLanguage) => {
      setLocale(language);
      if (!me) return null;
      return client.call<PortalMe>('profile', { body: { language } });
    },
    onSuccess: (updated) => {
      if (updated) queryClient.setQueryData(meQueryKey, updated);
    },
  });
}
