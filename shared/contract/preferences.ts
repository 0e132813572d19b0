import { z } from 'zod';
import { supportedLocales } from '../i18n/locales';

/** 'auto' follows the operating system's light or dark setting. */
export const ColorSchemePreferenceSchema = z.enum(['auto', 'light', 'dark']);

/** What this computer's user chose for the console's look and language; kept beside the replica, not in it. */
export const PreferencesSchema = z
  .object({
    colorScheme: ColorSchemePreferenceSchema,
    /** null: the operating system's language when supported, else English. */
    locale: z.enum(supportedLocales).nullable(),
  })
  .strict();

export type Preferences = z.infer<typeof PreferencesSchema>;
export type ColorSchemePreference = Preferences['colorScheme'];

export const defaultPreferences: Preferences = { colorScheme: 'auto', locale: null };

/** A change to some preferences; the others keep their value. */
export const PreferencesPatchSchema = PreferencesSchema.partial().strict();
