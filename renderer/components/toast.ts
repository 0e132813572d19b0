import { notifications } from '@mantine/notifications';
import { catalogues } from '../../shared/i18n/catalogues';
import { defaultLocale, isSupportedLocale } from '../../shared/i18n/locales';

/**
 * A short confirmation ("Saved — will sync") at the bottom of the window. Polite: the
 * notifications container is a polite live region, and a confirmation is no alert. Its close
 * button is named in the language on screen (the page's lang), or it would be a nameless button.
 */
export function showToast(message: string): void {
  const lang = document.documentElement.lang;
  const close = catalogues[isSupportedLocale(lang) ? lang : defaultLocale]['toast.close'];
  notifications.show({ message, role: 'status', 'data-testid': 'toast', closeButtonProps: { 'aria-label': close } } as Parameters<typeof notifications.show>[0]);
}
