import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApiDispatcher } from '../../../electron/main/ipc/register';
import { startConsoleServices } from '../../../electron/main/services';
import { ADMIN } from '../../integration/support/hub-process';

/** A dispatcher's console (its real services and SQLite replica, no window) synced with the hub. */
export async function consoleSyncedWith(hubUrl: string) {
  const services = startConsoleServices({
    dataFile: path.join(mkdtempSync(path.join(tmpdir(), 'dd-portal-console-')), 'replica.sqlite'),
    appVersion: '0.0.0-test',
    runtime: 'browser-host',
    seedDemo: false,
    sync: { pollIntervalMs: 60_000, backoffMinMs: 100, backoffMaxMs: 500, requestTimeoutMs: 10_000 },
  });
  const dispatch = createApiDispatcher(services, () => undefined);
  const call = async <T>(method: string, payload: unknown = {}): Promise<T> => {
    const result = await dispatch(method, payload);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.data as T;
  };
  await call('connectHub', { url: hubUrl, email: ADMIN.email, password: ADMIN.password });
  return { call, close: () => services.close() };
}
