import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HealthResponse } from '../../../shared/contract/hub-http';
import { createAdmin, newHubDataDir, runHubCommand, startHub } from '../support/hub-process';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
function hubCommand(args: string[]) {
  return spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'server', 'main.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
}

describe('hub backup and restore commands', () => {
  it('refuses to restore a file that is not a hub store, and leaves the store as it was', () => {
    const data = newHubDataDir();
    createAdmin(data);
    const before = readFileSync(path.join(data, 'hub.sqlite'));
    const junk = path.join(newHubDataDir(), 'junk.sqlite');
    writeFileSync(junk, 'this is not a database');
    const result = hubCommand(['restore', '--from', junk, '--data', data]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is not a readable SQLite hub store .*nothing was restored/);
    expect(readFileSync(path.join(data, 'hub.sqlite')).equals(before)).toBe(true);
  });

  it('refuses to overwrite an existing backup, and names what is missing', () => {
    const data = newHubDataDir();
    createAdmin(data);
    const target = path.join(newHubDataDir(), 'backup.sqlite');
    runHubCommand(['backup', '--to', target, '--data', data]);
    expect(existsSync(target)).toBe(true);
    const again = hubCommand(['backup', '--to', target, '--data', data]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists; choose a new file name/);
    expect(hubCommand(['backup', '--data', data]).stderr).toMatch(/backup needs --to FILE/);
    expect(hubCommand(['restore', '--data', data]).stderr).toMatch(/restore needs --from FILE/);
  });

  it('starts a new epoch with `new-epoch` on a SQLite store, and the next start takes it as it is (no restore detected)', async () => {
    const data = newHubDataDir();
    createAdmin(data);
    const first = await startHub({ dataDir: data });
    const before = (await (await fetch(`${first.url}/api/v1/health`)).json()) as HealthResponse;
    await first.stop();
    const answer = JSON.parse(runHubCommand(['new-epoch', '--data', data]).trim()) as { event: string; storeId: string; epoch: string };
    expect(answer).toMatchObject({ event: 'new-epoch', storeId: before.hub.storeId });
    expect(answer.epoch).not.toBe(before.hub.epoch);
    const again = await startHub({ dataDir: data });
    try {
      const after = (await (await fetch(`${again.url}/api/v1/health`)).json()) as HealthResponse;
      expect(after.hub).toEqual({ storeId: before.hub.storeId, epoch: answer.epoch });
    } finally {
      await again.stop();
    }
    expect(hubCommand(['new-epoch', '--data', newHubDataDir()]).stderr).toMatch(/There is no hub store in .* \(no hub\.sqlite\)/);
  });
});
