import type { SearchKind } from '../../../../shared/contract/search';
import { searchIndexes, vocabularyOf } from '../migrations/005-search-comments-and-views';
import type { Replica } from '../open-replica';
import { prepareCached } from '../../../../db-common/sqlite-statement-cache';

/** One record as the palette ranks and shows it. */
export interface SearchDocument {
  kind: SearchKind;
  id: string;
  title: string;
  subtitle: string;
  workOrderNumber?: string;
  accountId?: string;
}

/** How many records of a kind hold the trigram (0 when none does). */
export function trigramFrequency(db: Replica, kind: SearchKind, trigram: string): number {
  const vocabulary = vocabularyOf(searchIndexes[kind]);
  return (prepareCached(db, `SELECT doc FROM ${vocabulary} WHERE term = ?`).pluck().get(trigram) as number | undefined) ?? 0;
}

/** Rowids of the records of a kind holding the trigram, ascending. */
export function trigramPostings(db: Replica, kind: SearchKind, trigram: string): number[] {
  const index = searchIndexes[kind];
  return prepareCached(db, `SELECT rowid FROM ${index} WHERE ${index} MATCH ?`).pluck().all(`"${trigram.replace(/"/g, '""')}"`) as number[];
}

export function countRecords(db: Replica, kind: SearchKind): number {
  return prepareCached(db, `SELECT COUNT(*) FROM ${tableOf[kind]}`).pluck().get() as number;
}

export function maxRowid(db: Replica, kind: SearchKind): number {
  return (prepareCached(db, `SELECT MAX(rowid) FROM ${tableOf[kind]}`).pluck().get() as number | null) ?? 0;
}

const tableOf: Record<SearchKind, string> = {
  workOrder: 'work_orders',
  account: 'accounts',
  contact: 'contacts',
  asset: 'assets',
  technician: 'resources',
};

/** Changes with every write on this connection or another: the key under which index lookups may be cached. */
export function replicaVersion(db: Replica): string {
  const changes = prepareCached(db, 'SELECT total_changes()').pluck().get() as number;
  const others = db.pragma('data_version', { simple: true }) as number;
  return `${changes}:${others}`;
}

const documentSql: Record<SearchKind, string> = {
  workOrder: `SELECT 'workOrder' AS kind, w.id, w.number || ' · ' || w.summary AS title,
      COALESCE(a.name || ' · ' || a.address, '') AS subtitle, w.number AS workOrderNumber, w.account_id AS accountId
    FROM work_orders w LEFT JOIN accounts a ON a.id = w.account_id WHERE w.rowid IN (SELECT value FROM json_each(?))`,
  account: `SELECT 'account' AS kind, id, name AS title, address AS subtitle, id AS accountId
    FROM accounts WHERE rowid IN (SELECT value FROM json_each(?))`,
  contact: `SELECT 'contact' AS kind, c.id, c.name AS title, c.email || COALESCE(' · ' || a.name, '') AS subtitle, c.account_id AS accountId
    FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id WHERE c.rowid IN (SELECT value FROM json_each(?))`,
  asset: `SELECT 'asset' AS kind, s.id, s.product_name || ' · ' || s.serial_number AS title, COALESCE(a.name, '') AS subtitle, s.account_id AS accountId
    FROM assets s LEFT JOIN accounts a ON a.id = s.account_id WHERE s.rowid IN (SELECT value FROM json_each(?))`,
  technician: `SELECT 'technician' AS kind, id, name AS title, email AS subtitle
    FROM resources WHERE rowid IN (SELECT value FROM json_each(?))`,
};

/** The records behind candidate rowids (any order). */
export function loadSearchDocuments(db: Replica, kind: SearchKind, rowids: readonly number[]): SearchDocument[] {
  if (rowids.length === 0) return [];
  const rows = prepareCached(db, documentSql[kind]).all(JSON.stringify(rowids)) as (SearchDocument & { workOrderNumber?: string | null; accountId?: string | null })[];
  return rows.map(({ workOrderNumber, accountId, ...rest }) => ({
    ...rest,
    ...(workOrderNumber ? { workOrderNumber } : {}),
    ...(accountId ? { accountId } : {}),
  }));
}
