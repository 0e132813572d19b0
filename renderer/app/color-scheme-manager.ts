import type { MantineColorSchemeManager } from '@mantine/core';
import type { ColorSchemePreference } from '../../shared/contract/preferences';

/**
 * Mantine's colour scheme kept in the console's preferences (main process, beside the replica)
 * instead of localStorage: the choice belongs to this computer's user and survives a reload or
 * a new replica. `initial` was read before the first render, so the first paint is already right.
 */
export function preferencesColorSchemeManager(
  initial: ColorSchemePreference,
  save: (colorScheme: ColorSchemePreference) => Promise<unknown>,
  onSaveError: (error: Error) => void,
): MantineColorSchemeManager {
  let current = initial;
  return {
    get: () => current,
    set: (value) => {
      current = value;
      save(value).catch((error: unknown) => onSaveError(error instanceof Error ? error : new Error(String(error))));
    },
    // One window per console: no other writer to listen to.
    subscribe: () => undefined,
    unsubscribe: () => undefined,
    clear: () => {
      current = 'auto';
    },
  };
}
