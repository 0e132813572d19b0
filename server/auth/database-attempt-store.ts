import type { HubStore } from '../store/hub-store';
import type { AttemptStore, AttemptTaken } from './attempt-store';

/**
 * Sign-in attempts counted in the store's database, so several hub instances behind one load
 * balancer share one count (each `take` locks its key for its transaction). Aged-out attempts
 * are deleted as new ones are taken, so the table stays as small as the live windows.
 */
export class DatabaseAttemptStore implements AttemptStore {
  constructor(private readonly store: HubStore) {}

  take(key: string, limit: number, windowMs: number, now: number): Promise<AttemptTaken> {
    return this.store.transaction((tx) => tx.takeAttempt(key, limit, windowMs, now));
  }

  giveBack(key: string, at: number): Promise<void> {
    return this.store.transaction((tx) => tx.giveBackAttempt(key, at));
  }

  clear(key: string): Promise<void> {
    return this.store.transaction((tx) => tx.clearAttempts(key));
  }
}
