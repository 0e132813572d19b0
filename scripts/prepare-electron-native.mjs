// Builds better-sqlite3 for the installed Electron into .cache/electron-native/, apart from the
// Node build in node_modules (tests, hub, browser host use that one). The app passes this file as
// better-sqlite3's `nativeBinding`, so nobody rebuilds node_modules back and forth.
// Needs the internet once (a prebuilt binary from GitHub, or Electron's headers to compile).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const outDir = path.join(root, '.cache', 'electron-native');
const target = path.join(outDir, `electron-${electronVersion}`, 'better_sqlite3.node');
const current = path.join(outDir, 'current', 'better_sqlite3.node');

export function prepareElectronNative() {
  if (!existsSync(target)) build();
  mkdirSync(path.dirname(current), { recursive: true });
  copyFileSync(target, current); // fixed path for electron-builder's extraResources
  return target;
}

function build() {
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const work = path.join(outDir, 'build', 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  const env = { ...process.env };
  delete env.npm_config_nodedir; // a machine-wide nodedir would make node-gyp use Node's headers, not Electron's
  const bin = (name) => path.join(root, 'node_modules', '.bin', name);
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, env, stdio: 'inherit' });
  console.log(`Building better-sqlite3 for Electron ${electronVersion}…`);
  try {
    run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]);
  } catch {
    try {
      run(bin('node-gyp'), ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers']);
    } catch {
      console.error(
        `\nCould not get better-sqlite3 for Electron ${electronVersion}: this step needs the internet once ` +
          '(a prebuilt binary from GitHub, or Electron headers to compile). Tests do not need it: `npm test` runs without Electron.',
      );
      process.exit(1);
    }
  }
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  console.log(`better-sqlite3 for Electron ${electronVersion}: ${path.relative(root, target)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) prepareElectronNative();
