import { expect } from '@playwright/test';
import { HubClient } from '../../../electron/main/sync/hub-client';
import { hubRoutes } from '../../../shared/contract/hub-http';
import { ADMIN } from '../../integration/support/hub-process';

/** Creates a user at the hub as its first administrator (the one createAdmin made). */
export async function createHubUser(hubUrl: string, user: { email: string; name: string; password: string; role: string }): Promise<void> {
  const { token } = await new HubClient({ baseUrl: hubUrl }).signIn(ADMIN.email, ADMIN.password);
  const created = await fetch(`${hubUrl}${hubRoutes.users}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(user) });
  expect(created.status).toBe(201);
}
