import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries of ARCHITECTURE.md: renderer → shared, electron → shared, server → shared;
 * shared imports nothing of ours and no package outside `sharedPackages`; only the Electron shell
 * (main/index.ts, windows, shell/desktop-shell.ts, preload) may import 'electron'.
 */
const ours = (...folders) => folders.map((f) => ({ group: [`**/${f}/**`, `**/${f}`], message: `Crosses an architecture boundary (${f}).` }));
/** The only packages shared/ may import: it runs in the hub, the console's main process, the renderer and the portal alike. */
export const sharedPackages = ['zod', 'temporal-polyfill'];
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const onlySharedPackages = {
  // Anything that is neither a relative path nor an allowed package (or one of its subpaths).
  regex: `^(?!\\.{1,2}(/|$)|(${sharedPackages.map(escapeRegex).join('|')})(/|$))`,
  message: `shared/ is pure TypeScript: besides its own files it may import only ${sharedPackages.join(', ')} (no Node built-ins, Electron, DOM or native packages). Extend sharedPackages in eslint.config.js only for a package that runs everywhere.`,
};
const electronOnlyInShell = { name: 'electron', message: 'Only the Electron shell (main/index.ts, main/windows.ts, main/shell/desktop-shell.ts, preload) imports electron.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'dist-portal/**', '.cache/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...ours('electron', 'renderer', 'server', 'test'), onlySharedPackages] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require'],
      // import() would slip past the allow-list above.
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'shared/ loads no code at run time; import it statically.' }],
    },
  },
  {
    // Translations are used by the console, the portal and the hub's e-mails: they need FormatJS and
    // their own files, nothing else (no schemas, no domain, no React), so any of them can load them.
    files: ['shared/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!@formatjs/intl$|\\./)', message: 'shared/i18n imports only @formatjs/intl and its own files (./…).' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: [...ours('electron', 'server'), { group: ['node:*'], message: 'The renderer has no Node.' }] }],
    },
  },
  {
    // The customer portal shares with the console only through shared/ (never renderer/), and runs in a browser.
    files: ['portal/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: [...ours('electron', 'server', 'renderer', 'test'), { group: ['node:*'], message: 'The portal runs in a browser: no Node.' }] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/index.ts', 'electron/main/windows.ts', 'electron/main/shell/desktop-shell.ts', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: ours('renderer', 'server') }] },
  },
  {
    files: ['electron/main/index.ts', 'electron/main/windows.ts', 'electron/main/shell/desktop-shell.ts', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ours('renderer', 'server') }] },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: ours('electron', 'renderer') }] },
  },
  {
    // Node-side database code the hub store and the console replica share: it imports shared/ only.
    files: ['db-common/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: ours('electron', 'renderer', 'server', 'test') }] },
  },
  {
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='only']", message: 'No focused tests.' }] },
  },
  {
    files: ['bench/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
