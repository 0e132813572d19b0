import { randomUUID } from 'node:crypto';
import type { HubUser, Role } from '../../shared/contract/hub-http';
import { hashPassword } from '../auth/password-hash';
import { publicUser } from '../auth/sign-in';
import type { HubStore } from '../store/hub-store';

export class DuplicateUserError extends Error {
  constructor(email: string) {
    super(`A user with the e-mail ${email} already exists.`);
    this.name = 'DuplicateUserError';
  }
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Creates a console user; the password is hashed before the transaction so the store is not held during scrypt. */
export async function createUser(store: HubStore, input: NewUser, now = Date.now()): Promise<HubUser> {
  const passwordHash = await hashPassword(input.password);
  const user = { id: randomUUID(), email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash, createdAt: now };
  await store.transaction(async (tx) => {
    if (await tx.findUserByEmail(user.email)) throw new DuplicateUserError(user.email);
    await tx.insertUser(user);
  });
  return publicUser(user);
}
