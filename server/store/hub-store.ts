import type { HubIdentity, Role } from '../../shared/contract/hub-http';
import type { DemoDataset } from '../../shared/demo/seed-builder';
import type { MutationEnv, MutationOutcome, MutationTx } from '../../shared/mutations/mutation-context';
import type { EntityName, RowChange } from '../../shared/sync/synced-entities';

/**
 * The hub's store, engine-neutral and async so that a PostgreSQL implementation can follow
 * without touching routes or mutations. All reads and writes happen inside `transaction`.
 */
export interface HubStore {
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * `env` is who and when audit entries written by this transaction are recorded for.
   */
  transaction<T>(fn: (tx: HubTx) => Promise<T>, env?: MutationEnv): Promise<T>;
  /** Called with the newest change number after every commit that changed synced rows. */
  onChange(listener: (latest: number) => void): () => void;
  close(): Promise<void>;
}

export interface HubTx extends MutationTx {
  /** Writes a tombstone (the row stays, with `deleted` set and no data). */
  remove(entity: EntityName, id: string): Promise<void>;
  latestChange(): Promise<number>;
  /** The store's id and epoch, sent with every pull. */
  identity(): Promise<HubIdentity>;
  /** Row changes with a change number above `cursor`, oldest first, at most `limit`. */
  changesAfter(cursor: number, limit: number): Promise<RowChange[]>;
  countRows(): Promise<number>;
  /**
   * Runs `fn` so that its writes can be undone without ending the transaction (a savepoint):
   * kept when `fn` answers `keep: true`, rolled back otherwise or when it throws.
   */
  nested<T>(fn: () => Promise<{ keep: boolean; value: T }>): Promise<T>;
  findAppliedMutation(id: string): Promise<AppliedMutationRecord | undefined>;
  recordAppliedMutation(record: AppliedMutationRecord): Promise<void>;
  /** Writes every row of the dataset (each one validated and stamped like any other write). */
  insertDataset(dataset: DemoDataset): Promise<void>;
  findUserByEmail(email: string): Promise<StoredUser | undefined>;
  insertUser(user: StoredUser): Promise<void>;
  countUsersWithRole(role: Role): Promise<number>;
  insertSession(session: StoredSession): Promise<void>;
  /** The session and its user, when the session exists and has not expired at `now`. */
  findSession(tokenHash: string, now: number): Promise<ActiveSession | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
}

export interface AppliedMutationRecord {
  id: string;
  name: string;
  argsHash: string;
  outcome: MutationOutcome;
  userId: string;
  appliedAt: number;
}

export interface StoredUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: number;
}

export interface ActiveSession {
  user: StoredUser;
  expiresAt: number;
}

export interface StoredSession {
  tokenHash: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
}
