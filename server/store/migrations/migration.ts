/** One schema step of the hub store. Versions are consecutive from 1; `PRAGMA user_version` records the last one applied. */
export interface HubMigration {
  version: number;
  name: string;
  sql: string;
}
