import { notifications } from '@mantine/notifications';

/**
 * A short confirmation ("Saved — will sync") at the bottom of the window. Polite: the
 * notifications container is a polite live region, and a confirmation is no alert.
 */
export function showToast(message: string): void {
  notifications.show({ message, role: 'status', 'data-testid': 'toast' } as Parameters<typeof notifications.show>[0]);
}
