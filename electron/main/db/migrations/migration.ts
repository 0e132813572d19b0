import type { Database } from 'better-sqlite3';

/** One schema step. `version` equals the number in the file name; they run in ascending order. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
