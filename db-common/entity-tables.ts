import { syncedEntitySchemas, type EntityName, type EntityRow } from '../shared/sync/synced-entities';

/**
 * Every synced entity ⇄ its relational table(s), once, for the console replica and the hub
 * (SQLite and PostgreSQL alike): table, key, columns with how each field is stored, and child
 * tables for arrays. SQL text is generated from this per dialect (entity-sql.ts); nothing here
 * runs SQL. Booleans come out as JS booleans: each engine's executor binds them its own way.
 */

export type Cell = string | number | boolean | null;
export type Columns = Record<string, Cell>;

/** How a field is stored: as it is, a boolean (0/1 in SQLite, BOOLEAN in PostgreSQL) or JSON text. */
type Codec = 'plain' | 'bool' | 'json';

export interface ColumnSpec {
  column: string;
  field: string;
  codec: Codec;
}

/** An array field stored as rows of a child table, deleted with its parent (ON DELETE CASCADE). */
export interface ChildSpec {
  table: string;
  /** The column naming the parent row. */
  parentColumn: string;
  field: string;
  /** Columns of one item; a single spec with field '' stores scalar items (e.g. territory ids). */
  columns: readonly ColumnSpec[];
  /** A child id column derived from the parent key and the item's position (time off). */
  idColumn?: { column: string; make(parentKey: string, index: number): string };
}

export interface EntityTable<E extends EntityName = EntityName> {
  entity: E;
  table: string;
  key: string;
  /** Whether the table has a `version` column (audit rows do not). */
  versioned: boolean;
  /** Whether the row object itself carries `version` (optimistic concurrency in mutations). */
  versionInRow: boolean;
  columns: readonly ColumnSpec[];
  children: readonly ChildSpec[];
}

const plain = (column: string, field: string): ColumnSpec => ({ column, field, codec: 'plain' });
const bool = (column: string, field: string): ColumnSpec => ({ column, field, codec: 'bool' });
const json = (column: string, field: string): ColumnSpec => ({ column, field, codec: 'json' });
/** Columns whose snake_case name is just the field's camelCase name converted. */
const same = (...fields: string[]): ColumnSpec[] => fields.map((f) => plain(f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), f));

function hasVersionField(entity: EntityName): boolean {
  const schema = syncedEntitySchemas[entity] as unknown as { shape?: Record<string, unknown> };
  return !!schema.shape && Object.hasOwn(schema.shape, 'version');
}

function table<E extends EntityName>(entity: E, name: string, columns: ColumnSpec[], options: { key?: string; versioned?: boolean; children?: ChildSpec[] } = {}): EntityTable<E> {
  return {
    entity,
    table: name,
    key: options.key ?? 'id',
    versioned: options.versioned ?? true,
    versionInRow: hasVersionField(entity),
    columns,
    children: options.children ?? [],
  };
}

export const entityTables: { readonly [E in EntityName]: EntityTable<E> } = {
  territory: table('territory', 'territories', same('id', 'name')),
  characteristic: table('characteristic', 'characteristics', same('id', 'name')),
  incidentType: table(
    'incidentType',
    'incident_types',
    [...same('id', 'name', 'durationMinutes'), bool('portal_bookable', 'portalBookable'), ...same('customerFacingName', 'defaultWorkOrderType', 'customerChangeNoticeHours')],
    { children: [{ table: 'incident_type_characteristics', parentColumn: 'incident_type_id', field: 'requiredCharacteristics', columns: same('characteristicId', 'minRating') }] },
  ),
  account: table('account', 'accounts', same('id', 'name', 'address', 'lat', 'lng', 'territoryId', 'timeZone')),
  contact: table('contact', 'contacts', [...same('id', 'accountId', 'name', 'email'), json('web_roles', 'webRoles'), bool('has_portal_profile', 'hasPortalProfile')]),
  asset: table('asset', 'assets', same('id', 'accountId', 'productName', 'serialNumber')),
  resource: table(
    'resource',
    'resources',
    [...same('id', 'name', 'email', 'phone', 'homeLat', 'homeLng', 'timeZone'), json('weekly_hours', 'weeklyHours'), bool('calendar_publishing', 'calendarPublishing')],
    {
      children: [
        { table: 'resource_territories', parentColumn: 'resource_id', field: 'territoryIds', columns: [plain('territory_id', '')] },
        { table: 'resource_characteristics', parentColumn: 'resource_id', field: 'characteristics', columns: same('characteristicId', 'rating') },
        {
          table: 'resource_time_off',
          parentColumn: 'resource_id',
          field: 'timeOff',
          columns: [plain('start_ms', 'start'), plain('end_ms', 'end')],
          idColumn: { column: 'id', make: (resourceId, index) => `${resourceId}-off-${index + 1}` },
        },
      ],
    },
  ),
  workOrder: table(
    'workOrder',
    'work_orders',
    same(
      'id',
      'number',
      'accountId',
      'assetId',
      'incidentTypeId',
      'primaryContactId',
      'priority',
      'workOrderType',
      'summary',
      'customerComments',
      'source',
      'promisedWindowStart',
      'promisedWindowEnd',
      'status',
    ),
  ),
  booking: table('booking', 'bookings', [
    ...same('id', 'workOrderId', 'resourceId'),
    plain('start_ms', 'start'),
    plain('end_ms', 'end'),
    ...same('travelMinutes', 'status', 'assignmentOrigin', 'explanation', 'reviewState'),
    bool('pinned', 'pinned'),
    ...same('cancellationReasonCode', 'cancellationNote'),
  ]),
  portalRequest: table('portalRequest', 'portal_requests', same('id', 'kind', 'accountId', 'contactId', 'workOrderId', 'message', 'createdAt', 'state', 'handledBy', 'handledAt')),
  reasonCode: table('reasonCode', 'cancellation_reason_codes', [...same('code', 'label'), bool('active', 'active')], { key: 'code' }),
  invitation: table('invitation', 'invitations', same('id', 'contactId', 'email', 'createdAt', 'expiresAt', 'issuedBy', 'state')),
  comment: table('comment', 'comments', same('id', 'workOrderId', 'author', 'at', 'text'), { versioned: false }),
  notification: table('notification', 'notifications', same('id', 'kind', 'workOrderId', 'relatedEntity', 'relatedId', 'recipient', 'subject', 'state', 'attempts', 'lastError', 'createdAt', 'sentAt', 'resendOf')),
  portalSettings: table('portalSettings', 'portal_settings', [plain('id', 'id'), json('settings_json', 'settings')]),
  audit: table('audit', 'audit_log', [...same('id', 'at', 'actor', 'entity', 'entityId', 'action'), plain('before_json', 'before'), plain('after_json', 'after')], {
    versioned: false,
  }),
};

export function entityTable<E extends EntityName>(entity: E): EntityTable<E> {
  return entityTables[entity] as EntityTable<E>;
}

function encode(spec: ColumnSpec, value: unknown): Cell {
  if (value === undefined || value === null) return null;
  return spec.codec === 'json' ? JSON.stringify(value) : (value as Cell);
}

/** A stored cell as the field's value (0/1 → boolean, JSON text → value). */
export function decodeCell(spec: ColumnSpec, cell: unknown): unknown {
  if (cell === undefined || cell === null) return null;
  if (spec.codec === 'bool') return cell === true || cell === 1;
  if (spec.codec === 'json') return JSON.parse(cell as string);
  return cell;
}

/** The row's own columns, in `spec.columns` order (without version or change number). */
export function rowToCells<E extends EntityName>(spec: EntityTable<E>, row: EntityRow<E>): Cell[] {
  const fields = row as Record<string, unknown>;
  return spec.columns.map((c) => encode(c, fields[c.field]));
}

/** Each child table's rows for `row`: cells in [parent key, id column?, ...columns] order. */
export function childCells<E extends EntityName>(spec: EntityTable<E>, child: ChildSpec, parentKey: string, row: EntityRow<E>): Cell[][] {
  const items = ((row as Record<string, unknown>)[child.field] ?? []) as unknown[];
  return items.map((item, index) => [
    parentKey,
    ...(child.idColumn ? [child.idColumn.make(parentKey, index)] : []),
    ...child.columns.map((c) => encode(c, c.field === '' ? item : (item as Record<string, unknown>)[c.field])),
  ]);
}

/** The column names of a child table's rows as `childCells` lays them out. */
export function childColumnNames(child: ChildSpec): string[] {
  return [child.parentColumn, ...(child.idColumn ? [child.idColumn.column] : []), ...child.columns.map((c) => c.column)];
}

/**
 * Builds the domain row from a table row (selected by column name) and its children's rows
 * (each list already in stored order).
 */
export function rowFromColumns<E extends EntityName>(spec: EntityTable<E>, columns: Record<string, unknown>, children: readonly Record<string, unknown>[][] = []): EntityRow<E> {
  const row: Record<string, unknown> = {};
  for (const c of spec.columns) row[c.field] = decodeCell(c, columns[c.column]);
  spec.children.forEach((child, i) => {
    const items = children[i] ?? [];
    row[child.field] =
      child.columns.length === 1 && child.columns[0]!.field === ''
        ? items.map((item) => decodeCell(child.columns[0]!, item[child.columns[0]!.column]))
        : items.map((item) => Object.fromEntries(child.columns.map((c) => [c.field, decodeCell(c, item[c.column])])));
  });
  if (spec.versionInRow) row.version = Number(columns.version);
  return row as EntityRow<E>;
}

/** Entity tables children-first, so deleting in this order never trips a foreign key. */
export const entityTablesChildrenFirst: readonly EntityName[] = [
  'notification',
  'comment',
  'audit',
  'portalSettings',
  'invitation',
  'portalRequest',
  'booking',
  'workOrder',
  'resource',
  'asset',
  'contact',
  'account',
  'incidentType',
  'reasonCode',
  'characteristic',
  'territory',
];
