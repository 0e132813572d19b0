import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiDispatcher } from '../../electron/main/ipc/register';
import { PREFERENCES_FILE_NAME } from '../../electron/main/preferences/preferences-store';
import { startConsoleServices, type ConsoleServices } from '../../electron/main/services';

const started: ConsoleServices[] = [];
afterEach(() => {
  for (const services of started.splice(0)) services.close();
});

function start(dir: string, warnings: string[] = []) {
  const services = startConsoleServices({ dataFile: path.join(dir, 'replica.sqlite'), appVersion: '1.0.0', runtime: 'browser-host', autoSync: false });
  started.push(services);
  const dispatch = createApiDispatcher(services, (message) => warnings.push(message));
  return { services, dispatch };
}

describe('console preferences (theme and language)', () => {
  it('start at the system theme and language, and a change survives a restart of the console', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dd-prefs-'));
    const first = start(dir);
    expect(await first.dispatch('getPreferences', {})).toEqual({ ok: true, data: { colorScheme: 'auto', locale: null, mapTileUrl: null } });
    expect(await first.dispatch('setPreferences', { colorScheme: 'dark' })).toEqual({ ok: true, data: { colorScheme: 'dark', locale: null, mapTileUrl: null } });
    expect(await first.dispatch('setPreferences', { locale: 'ar' })).toEqual({ ok: true, data: { colorScheme: 'dark', locale: 'ar', mapTileUrl: null } });
    const tiles = 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png';
    expect(await first.dispatch('setPreferences', { mapTileUrl: tiles })).toEqual({ ok: true, data: { colorScheme: 'dark', locale: 'ar', mapTileUrl: tiles } });
    expect(await first.dispatch('setPreferences', { mapTileUrl: null })).toMatchObject({ ok: true, data: { mapTileUrl: null } });
    first.services.close();
    started.length = 0;

    const second = start(dir);
    expect(await second.dispatch('getPreferences', {})).toEqual({ ok: true, data: { colorScheme: 'dark', locale: 'ar', mapTileUrl: null } });
    expect(JSON.parse(readFileSync(path.join(dir, PREFERENCES_FILE_NAME), 'utf8'))).toEqual({ colorScheme: 'dark', locale: 'ar', mapTileUrl: null });
  });

  it.each([
    [{ colorScheme: 'sepia' }, /colorScheme/],
    [{ locale: 'fr' }, /locale/],
    [{ locale: 'en', extra: true }, /extra|Unrecognized/i],
    [{ colorScheme: { toString: 'dark' } }, /colorScheme/],
    [{ mapTileUrl: 'javascript:alert(1)/{z}/{x}/{y}' }, /mapTileUrl: must be an http\(s\) address/],
    [{ mapTileUrl: 'https://tiles.example/{z}/{x}.png' }, /mapTileUrl: must contain \{z\}, \{x\} and \{y\}/],
  ])('refuses %j with the field named and changes nothing', async (payload, field) => {
    const { dispatch } = start(mkdtempSync(path.join(tmpdir(), 'dd-prefs-')));
    const result = await dispatch('setPreferences', payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(field);
    expect(await dispatch('getPreferences', {})).toEqual({ ok: true, data: { colorScheme: 'auto', locale: null, mapTileUrl: null } });
  });

  it('reads a damaged file as far as it can: bad JSON gives the defaults, a bad field only that field\'s default', async () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'dd-prefs-'));
    writeFileSync(path.join(broken, PREFERENCES_FILE_NAME), '{"colorScheme": "dark", ');
    const warnings: string[] = [];
    const a = start(broken, warnings);
    expect(a.services.preferences.get()).toEqual({ colorScheme: 'auto', locale: null, mapTileUrl: null });

    const partly = mkdtempSync(path.join(tmpdir(), 'dd-prefs-'));
    writeFileSync(path.join(partly, PREFERENCES_FILE_NAME), JSON.stringify({ colorScheme: 'dark', locale: 'klingon', fromNewerVersion: 1 }));
    const b = start(partly);
    expect(b.services.preferences.get()).toEqual({ colorScheme: 'dark', locale: null, mapTileUrl: null });
    // The next write replaces the damaged file with a whole, valid one.
    b.services.preferences.update({ locale: 'es' });
    expect(JSON.parse(readFileSync(path.join(partly, PREFERENCES_FILE_NAME), 'utf8'))).toEqual({ colorScheme: 'dark', locale: 'es', mapTileUrl: null });
  });
});
