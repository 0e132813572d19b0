import type { SqliteMigration } from '../../../../db-common/sqlite-migrate';

/** One schema step. `version` equals the number in the file name; they run in ascending order. */
export type Migration = SqliteMigration;
