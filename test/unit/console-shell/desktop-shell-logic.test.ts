import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceleratorsOf, buildMenuTemplate, type MenuEntry } from '../../../electron/main/shell/menu-template';
import { PortalRequestWatch } from '../../../electron/main/shell/portal-request-watch';
import { shellLocale, themeSourceFor } from '../../../electron/main/shell/shell-intl';
import { placeWindow, WindowStateStore, type Rectangle } from '../../../electron/main/shell/window-state';
import { contentSecurityPolicy, tileSource } from '../../../electron/main/security-policy';
import { createTokenCipher, type SafeStorageLike } from '../../../electron/main/sync/token-cipher';
import { catalogues } from '../../../shared/i18n/catalogues';
import type { PortalRequestSummary } from '../../../shared/contract/ipc-contract';
import { defaultPreferences } from '../../../shared/contract/preferences';

const english = (key: keyof (typeof catalogues)['en']) => catalogues.en[key];
const labels = (entries: readonly MenuEntry[]) => entries.map((e) => e.label ?? e.role);
const find = (entries: readonly MenuEntry[], label: string) => entries.find((e) => e.label === label)!;

describe('application menu', () => {
  it('has File, Edit, View, Window and Help with the standard roles and the console commands', () => {
    const menu = buildMenuTemplate({ platform: 'linux', appName: 'Dispatch Desk', translate: english, development: false });
    expect(labels(menu)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(find(menu, 'Edit').submenu!.map((e) => e.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    const file = find(menu, 'File').submenu!;
    expect(file.find((e) => e.command === 'open-palette')).toMatchObject({ label: 'Search and commands…', accelerator: 'CmdOrCtrl+K', registerAccelerator: false });
    expect(file.find((e) => e.command === 'sync-now')).toMatchObject({ accelerator: 'F5' });
    expect(file.at(-1)).toEqual({ role: 'quit' });
    expect(find(menu, 'View').submenu!.map((e) => e.command).filter(Boolean)).toEqual(['view-board', 'view-calendar', 'view-map', 'view-contacts', 'go-today']);
    expect(find(menu, 'View').submenu!.some((e) => e.role === 'toggleDevTools')).toBe(false);
    expect(find(menu, 'Window')).toMatchObject({ role: 'windowMenu' });
  });

  it('puts About, Settings and Quit in the app menu on macOS, and offers developer tools in development', () => {
    const menu = buildMenuTemplate({ platform: 'darwin', appName: 'Dispatch Desk', translate: english, development: true });
    expect(labels(menu)).toEqual(['Dispatch Desk', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(menu[0]!.submenu!.map((e) => e.role ?? e.command).filter(Boolean)).toEqual(['about', 'open-settings', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(find(menu, 'File').submenu!.some((e) => e.role === 'quit' || e.command === 'open-settings')).toBe(false);
    expect(find(menu, 'View').submenu!.some((e) => e.role === 'toggleDevTools')).toBe(true);
  });

  it('gives no two items the same shortcut, in any language', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const shortcuts = acceleratorsOf(buildMenuTemplate({ platform, appName: 'Dispatch Desk', translate: english, development: true }));
      expect(new Set(shortcuts).size).toBe(shortcuts.length);
    }
    const arabic = buildMenuTemplate({ platform: 'linux', appName: 'Dispatch Desk', translate: (key) => catalogues.ar[key], development: false });
    expect(labels(arabic)).toEqual(['ملف', 'تحرير', 'عرض', 'نافذة', 'مساعدة']);
  });
});

describe('window placement', () => {
  const laptop: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };
  const monitor: Rectangle = { x: 1920, y: 0, width: 2560, height: 1400 };

  it('opens centred on the primary display the first time', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({ bounds: { x: 240, y: 70, width: 1440, height: 900 }, maximized: false });
  });

  it('comes back where it was, maximized or not', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(placeWindow(saved, [laptop, monitor], laptop)).toEqual(saved);
  });

  it('moves back to the primary display when its monitor is gone, keeping maximized', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ bounds: { x: 240, y: 70, width: 1440, height: 900 }, maximized: true });
  });

  it('shrinks and pulls a window hanging off its display back onto it', () => {
    const saved = { bounds: { x: 1500, y: -50, width: 2500, height: 1200 }, maximized: false };
    const placed = placeWindow(saved, [laptop], laptop);
    expect(placed.bounds).toEqual({ x: 240, y: 70, width: 1440, height: 900 });
    const partly = placeWindow({ bounds: { x: 1200, y: 300, width: 1000, height: 700 }, maximized: false }, [laptop], laptop);
    expect(partly.bounds).toEqual({ x: 920, y: 300, width: 1000, height: 700 });
  });

  it('reads a missing or damaged file as no saved state, and writes one that reads back', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dd-window-'));
    const store = WindowStateStore.beside(path.join(dir, 'replica.sqlite'));
    expect(store.read()).toBeNull();
    writeFileSync(path.join(dir, 'window-state.json'), '{"bounds": {"x": "left"}}');
    expect(store.read()).toBeNull();
    store.write({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: false });
    expect(store.read()).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: false });
  });
});

describe('session token in the replica', () => {
  const keychain = (available = true): SafeStorageLike & { sealed: string[] } => {
    const sealed: string[] = [];
    return {
      sealed,
      isEncryptionAvailable: () => available,
      encryptString: (text) => {
        sealed.push(text);
        return Buffer.from(`enc(${text})`);
      },
      decryptString: (buffer) => {
        const text = buffer.toString();
        if (!text.startsWith('enc(')) throw new Error('not ours');
        return text.slice(4, -1);
      },
    };
  };

  it('is stored encrypted where the system keychain is available, and read back', () => {
    const safe = keychain();
    const cipher = createTokenCipher(safe);
    const stored = cipher.seal('secret-token');
    expect(cipher.protection).toBe('os');
    expect(stored).not.toContain('secret-token');
    expect(stored.startsWith('os:v1:')).toBe(true);
    expect(cipher.open(stored)).toBe('secret-token');
  });

  it('is stored as it is without a keychain, and says so', () => {
    const cipher = createTokenCipher(keychain(false));
    expect(cipher.protection).toBe('plain');
    expect(cipher.seal('secret-token')).toBe('secret-token');
    expect(cipher.open(cipher.seal('secret-token'))).toBe('secret-token');
    expect(createTokenCipher().protection).toBe('plain');
  });

  it('reads a token stored before encryption, and asks for a new sign-in when an encrypted one cannot be read', () => {
    const warnings: string[] = [];
    const cipher = createTokenCipher(keychain(), (m) => warnings.push(m));
    expect(cipher.open('legacy-token')).toBe('legacy-token');
    expect(cipher.open(`os:v1:${Buffer.from('garbage').toString('base64')}`)).toBeNull();
    const sealedElsewhere = createTokenCipher(keychain()).seal('t');
    expect(createTokenCipher(keychain(false), (m) => warnings.push(m)).open(sealedElsewhere)).toBeNull();
    expect(warnings).toHaveLength(2);
  });

  it('treats a keychain that throws when asked as unavailable', () => {
    const broken = { ...keychain(), isEncryptionAvailable: () => { throw new Error('no dbus'); } };
    expect(createTokenCipher(broken).protection).toBe('plain');
  });
});

describe('theme, language and tiles of the desktop shell', () => {
  it('follows the saved theme with nativeTheme, System following the OS', () => {
    expect(themeSourceFor('auto')).toBe('system');
    expect(themeSourceFor('dark')).toBe('dark');
    expect(themeSourceFor('light')).toBe('light');
  });

  it('speaks the chosen language, else the system one if supported, else English', () => {
    expect(shellLocale({ ...defaultPreferences, locale: 'ar' }, 'es-MX')).toBe('ar');
    expect(shellLocale(defaultPreferences, 'es-MX')).toBe('es');
    expect(shellLocale(defaultPreferences, 'fr-FR')).toBe('en');
  });

  it('lets images come from the configured tile server and nowhere else', () => {
    expect(contentSecurityPolicy()).toContain("img-src 'self' data:;");
    expect(contentSecurityPolicy('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toContain("img-src 'self' data: https://*.tile.openstreetmap.org;");
    expect(tileSource('http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8080');
    expect(tileSource("https://evil.example;script-src 'unsafe-eval'/{z}/{x}/{y}")).toBeUndefined();
    expect(tileSource('https://a{s}b.example/{z}/{x}/{y}')).toBeUndefined();
  });
});

describe('portal request notifications', () => {
  const request = (id: string) => ({ id }) as PortalRequestSummary;

  it('announces only requests that arrived after the first look', () => {
    const watch = new PortalRequestWatch();
    expect(watch.update([request('a'), request('b')])).toEqual([]);
    expect(watch.update([request('a'), request('b')])).toEqual([]);
    expect(watch.update([request('b'), request('c')]).map((r) => r.id)).toEqual(['c']);
    expect(watch.update([request('a'), request('c')]).map((r) => r.id)).toEqual(['a']);
  });
});
