import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ColorSchemePreferenceSchema, PreferencesSchema, defaultPreferences, type Preferences } from '../../../shared/contract/preferences';

export const PREFERENCES_FILE_NAME = 'preferences.json';

/**
 * Read leniently: a field that is missing or unreadable (hand-edited, written by another
 * version) takes its default and the others keep theirs; unknown fields are ignored.
 */
const StoredPreferencesSchema = z.object({
  colorScheme: ColorSchemePreferenceSchema.catch(defaultPreferences.colorScheme),
  locale: PreferencesSchema.shape.locale.catch(defaultPreferences.locale),
  mapTileUrl: PreferencesSchema.shape.mapTileUrl.catch(defaultPreferences.mapTileUrl),
});

/**
 * The console's look-and-language choices in a small JSON file beside the replica: they belong
 * to this computer's user, not to the data, so replacing or re-downloading the replica keeps them.
 * Writes go to a temporary file renamed over the old one, so a crash never leaves half a file.
 */
export class PreferencesStore {
  private current: Preferences;
  private readonly listeners = new Set<(preferences: Preferences) => void>();

  constructor(
    private readonly file: string,
    private readonly log: (message: string, error?: unknown) => void = console.warn,
  ) {
    this.current = this.load();
  }

  get(): Preferences {
    return this.current;
  }

  update(patch: Partial<Preferences>): Preferences {
    const next = PreferencesSchema.parse({ ...this.current, ...patch });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`);
    renameSync(temporary, this.file);
    this.current = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }

  /** Called after every saved change (the desktop shell follows the theme); returns the unsubscribe function. */
  onChange(listener: (preferences: Preferences) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private load(): Preferences {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`Could not read ${this.file}; using the default preferences`, error);
      return defaultPreferences;
    }
    try {
      return StoredPreferencesSchema.parse(JSON.parse(text));
    } catch (error) {
      this.log(`${this.file} is not valid preferences JSON; using the default preferences`, error);
      return defaultPreferences;
    }
  }
}

/** Beside the replica file, whatever folder that is (Electron's user data, the browser host's --data). */
export function preferencesFileFor(dataFile: string): string {
  return path.join(path.dirname(dataFile), PREFERENCES_FILE_NAME);
}
