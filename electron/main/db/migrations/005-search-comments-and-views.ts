import type { Migration } from './migration';

/** One trigram index per kind of record the command palette finds: its name and the text it holds. */
export const searchIndexes = {
  workOrder: 'search_work_orders',
  account: 'search_accounts',
  contact: 'search_contacts',
  asset: 'search_assets',
  technician: 'search_technicians',
} as const;

/** Trigram statistics of each index (how many records hold a trigram), read through fts5vocab. */
export const vocabularyOf = (index: string) => `${index}_vocab`;

const accountName = (column: string) => `COALESCE((SELECT name FROM accounts WHERE id = ${column}), '')`;
const accountText = (column: string) => `COALESCE((SELECT name || ' ' || address FROM accounts WHERE id = ${column}), '')`;

/** The text each index holds for a row `r` of its table (accounts may be missing mid-pull: empty then). */
const documentText = {
  work_orders: `r.number || ' ' || r.summary || ' ' || ${accountText('r.account_id')}`,
  accounts: `r.name || ' ' || r.address`,
  contacts: `r.name || ' ' || r.email || ' ' || ${accountName('r.account_id')}`,
  assets: `r.product_name || ' ' || r.serial_number || ' ' || ${accountName('r.account_id')}`,
  resources: `r.name || ' ' || r.email`,
} as const;

export type IndexedTable = keyof typeof documentText;
type Table = IndexedTable;
export const indexedTables = Object.keys(documentText) as IndexedTable[];
export const indexOf: Record<IndexedTable, string> = {
  work_orders: searchIndexes.workOrder,
  accounts: searchIndexes.account,
  contacts: searchIndexes.contact,
  assets: searchIndexes.asset,
  resources: searchIndexes.technician,
};
/** The columns whose change changes a row's text (anything else, a status say, leaves the index alone). */
const textColumns: Record<Table, readonly string[]> = {
  work_orders: ['number', 'summary', 'account_id'],
  accounts: ['name', 'address'],
  contacts: ['name', 'email', 'account_id'],
  assets: ['product_name', 'serial_number', 'account_id'],
  resources: ['name', 'email'],
};

/** SQL that (re)fills one table's index for the rows matching `where` (a condition on `r`). */
export function indexRows(table: Table, where: string): string {
  return `INSERT INTO ${indexOf[table]} (rowid, text) SELECT r.rowid, ${documentText[table]} FROM ${table} r WHERE ${where};`;
}

function unindexRows(table: Table, where: string): string {
  return `DELETE FROM ${indexOf[table]} WHERE rowid IN (SELECT rowid FROM ${table} WHERE ${where});`;
}

/**
 * Row by row upkeep is switched off while a bulk write (a full download, the demo seed) replaces
 * everything; that write rebuilds the indexes in one pass before it commits (search-index.ts).
 */
const live = '(SELECT suspended FROM search_state) = 0';

/** Keeps one table's index in step with every write to it, whoever writes (sync, mutations, seed, shadow restore). */
function triggersFor(table: Table): string {
  const index = indexOf[table];
  const changed = textColumns[table].map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');
  return `
    CREATE TRIGGER ${index}_insert AFTER INSERT ON ${table} WHEN ${live} BEGIN
      ${indexRows(table, 'r.rowid = new.rowid')}
    END;
    CREATE TRIGGER ${index}_update AFTER UPDATE ON ${table} WHEN ${live} AND (${changed}) BEGIN
      DELETE FROM ${index} WHERE rowid = old.rowid;
      ${indexRows(table, 'r.rowid = new.rowid')}
    END;
    CREATE TRIGGER ${index}_delete AFTER DELETE ON ${table} WHEN ${live} BEGIN
      DELETE FROM ${index} WHERE rowid = old.rowid;
    END;`;
}

/** Work orders, contacts and assets carry their account's name: they are re-indexed when it arrives or changes. */
function accountDependents(event: 'INSERT' | 'UPDATE'): string {
  const when = event === 'UPDATE' ? `WHEN ${live} AND (old.name IS NOT new.name OR old.address IS NOT new.address)` : `WHEN ${live}`;
  const dependents = (['work_orders', 'contacts', 'assets'] as const)
    .map((table) => `${unindexRows(table, 'account_id = new.id')}\n      ${indexRows(table, 'r.account_id = new.id')}`)
    .join('\n      ');
  return `
    CREATE TRIGGER search_account_dependents_${event.toLowerCase()} AFTER ${event} ON accounts ${when} BEGIN
      ${dependents}
    END;`;
}

/**
 * The command palette's search, comments on work orders, and saved board views.
 *
 * Search: an FTS5 trigram index per kind of record (contentless, so the text is not stored twice;
 * `detail=none`, since the palette only asks which rows hold which trigrams), keyed by the
 * record's rowid and kept current by triggers on every write. A typed query's trigrams narrow
 * 100,000 work orders to a few hundred candidates that fuse.js then ranks.
 *
 * Comments are synced rows like the others (written once, never edited). Saved board views are
 * this computer's, per signed-in user, and never leave it.
 */
export const searchCommentsAndViews: Migration = {
  version: 5,
  name: 'search index, comments and saved board views',
  up(db) {
    const indexes = Object.values(searchIndexes)
      .map((name) => `CREATE VIRTUAL TABLE ${name} USING fts5(text, tokenize = 'trigram remove_diacritics 1', detail = none, content = '', contentless_delete = 1);`)
      .join('\n');
    const tables = indexedTables;
    db.exec(`
      CREATE INDEX work_orders_by_account ON work_orders (account_id);
      CREATE INDEX contacts_by_account ON contacts (account_id);
      CREATE INDEX assets_by_account ON assets (account_id);
      CREATE INDEX bookings_by_work_order ON bookings (work_order_id, start_ms);
      CREATE INDEX portal_requests_by_work_order ON portal_requests (work_order_id);
      ${indexes}
      ${Object.values(searchIndexes).map((name) => `CREATE VIRTUAL TABLE ${vocabularyOf(name)} USING fts5vocab(${name}, row);`).join('\n')}
      CREATE TABLE search_state (only INTEGER PRIMARY KEY CHECK (only = 1), suspended INTEGER NOT NULL CHECK (suspended IN (0, 1)));
      INSERT INTO search_state (only, suspended) VALUES (1, 0);
      ${tables.map(triggersFor).join('\n')}
      ${accountDependents('INSERT')}
      ${accountDependents('UPDATE')}
      ${tables.map((table) => indexRows(table, '1')).join('\n')}

      CREATE TABLE comments (
        id TEXT PRIMARY KEY, work_order_id TEXT NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
        author TEXT NOT NULL, at INTEGER NOT NULL, text TEXT NOT NULL,
        change_number INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX comments_by_work_order ON comments (work_order_id, at);

      CREATE TABLE saved_views (
        id TEXT PRIMARY KEY, user_key TEXT NOT NULL, name TEXT NOT NULL,
        view_json TEXT NOT NULL, updated_at INTEGER NOT NULL,
        UNIQUE (user_key, name));
    `);
  },
};
