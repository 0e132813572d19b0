import { CreateUserRequestSchema } from '../../shared/contract/hub-http';
import { openHubStore } from '../store/open-hub-store';
import { createUser } from '../users/create-user';
import type { CreateAdminOptions } from './hub-options';
import { UsageError } from './hub-options';
import { readAdminPassword } from './read-password';

/** Creates the first administrator; later users are created by an administrator over the API. */
export async function createAdminCommand(options: CreateAdminOptions): Promise<void> {
  const password = await readAdminPassword();
  const parsed = CreateUserRequestSchema.safeParse({ email: options.email, name: options.name, role: 'administrator', password });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const store = await openHubStore(options.store);
  try {
    const admins = await store.transaction((tx) => tx.countUsersWithRole('administrator'));
    if (admins > 0) throw new UsageError(`${options.store.engine === 'postgres' ? 'The database' : options.data} already has an administrator; sign in as them and create users with POST /api/v1/users.`);
    const user = await createUser(store, parsed.data);
    process.stdout.write(`${JSON.stringify({ event: 'administrator-created', id: user.id, email: user.email })}\n`);
  } finally {
    await store.close();
  }
}
