import { z } from 'zod';
import { supportedLocales } from '../i18n/locales';

/** 'auto' follows the operating system's light or dark setting. */
export const ColorSchemePreferenceSchema = z.enum(['auto', 'light', 'dark']);

/**
 * A slippy-map tile address with {z}, {x} and {y} (and optionally {s}), like
 * https://tile.openstreetmap.org/{z}/{x}/{y}.png. The map works without one: markers on a plain
 * background, with the list of visits beside it.
 */
export const MapTileUrlSchema = z
  .string()
  .trim()
  .max(500, 'is too long')
  .regex(/^https?:\/\/[^\s]+$/i, 'must be an http(s) address')
  .refine((url) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part)), { message: 'must contain {z}, {x} and {y}' });

/** What this computer's user chose for the console's look and language; kept beside the replica, not in it. */
export const PreferencesSchema = z
  .object({
    colorScheme: ColorSchemePreferenceSchema,
    /** null: the operating system's language when supported, else English. */
    locale: z.enum(supportedLocales).nullable(),
    /** null: no tiles (the default; the console never reaches out to a tile server unasked). */
    mapTileUrl: MapTileUrlSchema.nullable(),
  })
  .strict();

export type Preferences = z.infer<typeof PreferencesSchema>;
export type ColorSchemePreference = Preferences['colorScheme'];

export const defaultPreferences: Preferences = { colorScheme: 'auto', locale: null, mapTileUrl: null };

/** A change to some preferences; the others keep their value. */
export const PreferencesPatchSchema = PreferencesSchema.partial().strict();
