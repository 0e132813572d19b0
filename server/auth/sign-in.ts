import type { HubUser, SignInResponse } from '../../shared/contract/hub-http';
import type { HubStore, StoredUser } from '../store/hub-store';
import { decoyHash, verifyPassword } from './password-hash';
import { hashSessionToken, newSessionToken, SESSION_LIFETIME_MS } from './session-token';

export function publicUser(user: StoredUser): HubUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Checks the password and opens a session; undefined for any bad credential (never says which). */
export async function signIn(store: HubStore, email: string, password: string, now = Date.now()): Promise<SignInResponse | undefined> {
  const user = await store.read((tx) => tx.findUserByEmail(email));
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok) return undefined;
  const token = newSessionToken();
  const expiresAt = now + SESSION_LIFETIME_MS;
  await store.transaction((tx) => tx.insertSession({ tokenHash: hashSessionToken(token), userId: user.id, createdAt: now, expiresAt }));
  return { token, expiresAt, user: publicUser(user) };
}
