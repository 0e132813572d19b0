import { useCallback } from 'react';
import { isPortalApiError } from '../api/portal-api-error';
import { useT } from '../i18n/use-t';

/** A failure as a sentence in the language on screen: the hub's code decides, never its English text. */
export function useErrorText(): (error: unknown) => string {
  const t = useT();
  return useCallback(
    (error: unknown) => {
      if (!isPortalApiError(error)) return t('error.server_error');
      if (error.code === 'rate_limited') return t('error.rate_limited', { minutes: Math.max(1, Math.ceil((error.body?.retryAfterSeconds ?? 60) / 60)) });
      return t(`error.${error.code}`);
    },
    [t],
  );
}
