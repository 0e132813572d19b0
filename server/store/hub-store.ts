import type { AttemptTaken } from '../auth/attempt-store';
import type { SqlExecutor } from './sql-executor';
import type { HubIdentity, Role } from '../../shared/contract/hub-http';
import type { DemoDataset } from '../../shared/demo/seed-builder';
import type { MutationEnv, MutationOutcome, MutationTx } from '../../shared/mutations/mutation-context';
import type { EntityName, RowChange } from '../../shared/sync/synced-entities';

/**
 * The hub's store, engine-neutral and async: SQLite (one file, one writer) or PostgreSQL (one
 * database shared by several hub instances). Writes happen inside `transaction`; reads that
 * must not wait for writers (pull, health, session checks) inside `read`.
 */
export interface HubStore {
  readonly engine: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * `env` is who and when audit entries written by this transaction are recorded for.
   */
  transaction<T>(fn: (tx: HubTx) => Promise<T>, env?: MutationEnv): Promise<T>;
  /** Runs `fn` on one consistent snapshot, beside any running write (SQLite: a second connection). */
  read<T>(fn: (tx: HubReadTx) => Promise<T>): Promise<T>;
  /** Like `read`, for a long read (a first-sync snapshot) that must not hold up the short ones. */
  readSnapshot<T>(fn: (tx: HubReadTx) => Promise<T>): Promise<T>;
  /**
   * Called with the newest change number after every commit that changed synced rows — on
   * PostgreSQL also after commits of other hub instances on the same database.
   */
  onChange(listener: (latest: number) => void): () => void;
  /**
   * Runs `hook` inside every write transaction that changed synced rows, after its work and
   * before it commits: what the hook writes (an e-mail in the outbox, a calendar event's new
   * sequence) commits with the change or not at all. Answers a function that removes it.
   */
  addCommitHook(hook: CommitHook): () => void;
  close(): Promise<void>;
}

/** The synced rows a transaction wrote (deleted: a tombstone). */
export interface ChangedRow {
  entity: EntityName;
  id: string;
  deleted: boolean;
}

export type CommitHook = (tx: HubTx, changed: readonly ChangedRow[]) => Promise<void>;

/** What a read-only snapshot offers. */
export type HubReadTx = Pick<
  HubTx,
  | 'get'
  | 'list'
  | 'activeBookingsBetween'
  | 'sitesOf'
  | 'latestChange'
  | 'identity'
  | 'changesAfter'
  | 'snapshotCells'
  | 'countRows'
  | 'findUserByEmail'
  | 'findSession'
  | 'findAppliedMutation'
  | 'sql'
>;

export interface HubTx extends MutationTx {
  /**
   * This transaction's connection, for the store's own query modules (portal, mail, tracking
   * queries in server/store) that keep tables which are not synced entities.
   */
  readonly sql: SqlExecutor;
  /** Deletes the row, leaving a tombstone in row_changes so consoles learn of it. */
  remove(entity: EntityName, id: string): Promise<void>;
  latestChange(): Promise<number>;
  /** The store's id and epoch, sent with every pull. */
  identity(): Promise<HubIdentity>;
  /** Gives the store a new epoch: every console downloads everything again (after a restore). */
  startNewEpoch(): Promise<HubIdentity>;
  /** Tells change listeners after commit even though no row changed (consoles then pull and see a new epoch). */
  announceChange(): Promise<void>;
  /** Row changes with a change number above `cursor`, oldest first, at most `limit`. */
  changesAfter(cursor: number, limit: number): Promise<RowChange[]>;
  /** Every live row of one entity as snapshot cells, `size` at a time (see entity-store.ts). */
  snapshotCells(entity: EntityName, size: number): AsyncIterable<unknown[][]>;
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
  /** Sign-in attempt counts kept in the database (DatabaseAttemptStore): see AttemptStore. */
  takeAttempt(key: string, limit: number, windowMs: number, now: number): Promise<AttemptTaken>;
  giveBackAttempt(key: string, at: number): Promise<void>;
  clearAttempts(key: string): Promise<void>;
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
