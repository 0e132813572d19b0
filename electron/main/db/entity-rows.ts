import type { AuditEntry, Booking, CancellationReasonCode, IncidentType, Resource, WorkOrderComment } from '../../../shared/domain/entities';
import type { EntityName, EntityRow } from '../../../shared/sync/synced-entities';
import type { Replica } from './open-replica';
import { prepareCached } from './statement-cache';

/**
 * Every synced entity ↔ the replica's relational tables (migrations 001, 003 and 005): read a row
 * back as its domain object, write one (upsert, children replaced), delete one. Pull, the
 * replica's MutationTx and the shadow table all go through here, so the mapping lives once.
 */

const bool = (value: boolean) => (value ? 1 : 0);
type Sql = Record<string, unknown>;

interface EntityTable<E extends EntityName> {
  table: string;
  key: string;
  /** Whether the table has a `version` column (audit rows do not). */
  versioned: boolean;
  read(db: Replica, id: string): EntityRow<E> | undefined;
  write(db: Replica, row: EntityRow<E>, version: number, changeNumber: number): void;
}

/** Each table's columns come from a fixed mapping, so its upsert text is built once. */
const upsertSql = new Map<string, string>();

function upsert(db: Replica, table: string, key: string, columns: Sql): void {
  let sql = upsertSql.get(table);
  if (!sql) {
    const names = Object.keys(columns);
    const updates = names.filter((n) => n !== key).map((n) => `${n} = excluded.${n}`);
    sql = `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})
     ON CONFLICT(${key}) DO UPDATE SET ${updates.join(', ')}`;
    upsertSql.set(table, sql);
  }
  prepareCached(db, sql).run(columns);
}

function simple<E extends EntityName>(
  table: string,
  toRow: (sql: Sql) => EntityRow<E>,
  toSql: (row: EntityRow<E>) => Sql,
  options: { key?: string; versioned?: boolean } = {},
): EntityTable<E> {
  const key = options.key ?? 'id';
  const versioned = options.versioned ?? true;
  return {
    table,
    key,
    versioned,
    read(db, id) {
      const sql = prepareCached(db, `SELECT * FROM ${table} WHERE ${key} = ?`).get(id) as Sql | undefined;
      return sql ? toRow(sql) : undefined;
    },
    write(db, row, version, changeNumber) {
      upsert(db, table, key, { ...toSql(row), ...(versioned ? { version } : {}), change_number: changeNumber });
    },
  };
}

const s = (v: unknown) => v as string;
const n = (v: unknown) => v as number;
const ns = (v: unknown) => (v ?? null) as string | null;
const nn = (v: unknown) => (v ?? null) as number | null;

function readIncidentType(db: Replica, id: string): IncidentType | undefined {
  const t = prepareCached(db, 'SELECT * FROM incident_types WHERE id = ?').get(id) as Sql | undefined;
  if (!t) return undefined;
  const required = prepareCached(db, 'SELECT characteristic_id AS characteristicId, min_rating AS minRating FROM incident_type_characteristics WHERE incident_type_id = ? ORDER BY rowid')
    .all(id) as IncidentType['requiredCharacteristics'];
  return {
    id: s(t.id),
    name: s(t.name),
    durationMinutes: n(t.duration_minutes),
    requiredCharacteristics: required,
    portalBookable: t.portal_bookable === 1,
    customerFacingName: ns(t.customer_facing_name),
    defaultWorkOrderType: ns(t.default_work_order_type),
    customerChangeNoticeHours: nn(t.customer_change_notice_hours),
  };
}

function readResource(db: Replica, id: string): Resource | undefined {
  const r = prepareCached(db, 'SELECT * FROM resources WHERE id = ?').get(id) as Sql | undefined;
  if (!r) return undefined;
  const territoryIds = prepareCached(db, 'SELECT territory_id FROM resource_territories WHERE resource_id = ? ORDER BY rowid').pluck().all(id) as string[];
  const characteristics = prepareCached(db, 'SELECT characteristic_id AS characteristicId, rating FROM resource_characteristics WHERE resource_id = ? ORDER BY rowid')
    .all(id) as Resource['characteristics'];
  const timeOff = prepareCached(db, 'SELECT start_ms AS start, end_ms AS end FROM resource_time_off WHERE resource_id = ? ORDER BY rowid').all(id) as Resource['timeOff'];
  return {
    id: s(r.id),
    name: s(r.name),
    email: s(r.email),
    phone: ns(r.phone),
    homeLat: n(r.home_lat),
    homeLng: n(r.home_lng),
    timeZone: s(r.time_zone),
    territoryIds,
    characteristics,
    weeklyHours: JSON.parse(s(r.weekly_hours)) as Resource['weeklyHours'],
    timeOff,
    calendarPublishing: r.calendar_publishing === 1,
  };
}

export function bookingFromSql(b: Sql): Booking {
  return {
    id: s(b.id),
    workOrderId: s(b.work_order_id),
    resourceId: s(b.resource_id),
    start: n(b.start_ms),
    end: n(b.end_ms),
    travelMinutes: n(b.travel_minutes),
    status: b.status as Booking['status'],
    assignmentOrigin: b.assignment_origin as Booking['assignmentOrigin'],
    explanation: ns(b.explanation),
    reviewState: b.review_state as Booking['reviewState'],
    pinned: b.pinned === 1,
    cancellationReasonCode: ns(b.cancellation_reason_code),
    cancellationNote: ns(b.cancellation_note),
    version: n(b.version),
  };
}

export function reasonCodeFromSql(r: Sql): CancellationReasonCode {
  return { code: s(r.code), label: s(r.label), active: r.active === 1 };
}

const tables: { [E in EntityName]: EntityTable<E> } = {
  territory: simple('territories', (t) => ({ id: s(t.id), name: s(t.name) }), (t) => ({ id: t.id, name: t.name })),
  characteristic: simple('characteristics', (c) => ({ id: s(c.id), name: s(c.name) }), (c) => ({ id: c.id, name: c.name })),
  incidentType: {
    table: 'incident_types',
    key: 'id',
    versioned: true,
    read: readIncidentType,
    write(db, t, version, changeNumber) {
      upsert(db, 'incident_types', 'id', {
        id: t.id,
        name: t.name,
        duration_minutes: t.durationMinutes,
        portal_bookable: bool(t.portalBookable),
        customer_facing_name: t.customerFacingName,
        default_work_order_type: t.defaultWorkOrderType,
        customer_change_notice_hours: t.customerChangeNoticeHours,
        version,
        change_number: changeNumber,
      });
      prepareCached(db, 'DELETE FROM incident_type_characteristics WHERE incident_type_id = ?').run(t.id);
      const insert = prepareCached(db, 'INSERT INTO incident_type_characteristics (incident_type_id, characteristic_id, min_rating) VALUES (?, ?, ?)');
      for (const r of t.requiredCharacteristics) insert.run(t.id, r.characteristicId, r.minRating);
    },
  },
  account: simple(
    'accounts',
    (a) => ({ id: s(a.id), name: s(a.name), address: s(a.address), lat: n(a.lat), lng: n(a.lng), territoryId: s(a.territory_id), timeZone: s(a.time_zone) }),
    (a) => ({ id: a.id, name: a.name, address: a.address, lat: a.lat, lng: a.lng, territory_id: a.territoryId, time_zone: a.timeZone }),
  ),
  contact: simple(
    'contacts',
    (c) => ({
      id: s(c.id),
      accountId: s(c.account_id),
      name: s(c.name),
      email: s(c.email),
      webRoles: JSON.parse(s(c.web_roles)) as string[],
      hasPortalProfile: c.has_portal_profile === 1,
    }),
    (c) => ({ id: c.id, account_id: c.accountId, name: c.name, email: c.email, web_roles: JSON.stringify(c.webRoles), has_portal_profile: bool(c.hasPortalProfile) }),
  ),
  asset: simple(
    'assets',
    (a) => ({ id: s(a.id), accountId: s(a.account_id), productName: s(a.product_name), serialNumber: s(a.serial_number) }),
    (a) => ({ id: a.id, account_id: a.accountId, product_name: a.productName, serial_number: a.serialNumber }),
  ),
  resource: {
    table: 'resources',
    key: 'id',
    versioned: true,
    read: readResource,
    write(db, r, version, changeNumber) {
      upsert(db, 'resources', 'id', {
        id: r.id,
        name: r.name,
        email: r.email,
        phone: r.phone,
        home_lat: r.homeLat,
        home_lng: r.homeLng,
        time_zone: r.timeZone,
        weekly_hours: JSON.stringify(r.weeklyHours),
        calendar_publishing: bool(r.calendarPublishing),
        version,
        change_number: changeNumber,
      });
      for (const child of ['resource_territories', 'resource_characteristics', 'resource_time_off']) {
        prepareCached(db, `DELETE FROM ${child} WHERE resource_id = ?`).run(r.id);
      }
      const territory = prepareCached(db, 'INSERT INTO resource_territories (resource_id, territory_id) VALUES (?, ?)');
      for (const t of r.territoryIds) territory.run(r.id, t);
      const skill = prepareCached(db, 'INSERT INTO resource_characteristics (resource_id, characteristic_id, rating) VALUES (?, ?, ?)');
      for (const c of r.characteristics) skill.run(r.id, c.characteristicId, c.rating);
      const off = prepareCached(db, 'INSERT INTO resource_time_off (id, resource_id, start_ms, end_ms) VALUES (?, ?, ?, ?)');
      r.timeOff.forEach((t, i) => off.run(`${r.id}-off-${i + 1}`, r.id, t.start, t.end));
    },
  },
  workOrder: simple(
    'work_orders',
    (w) => ({
      id: s(w.id),
      number: s(w.number),
      accountId: s(w.account_id),
      assetId: ns(w.asset_id),
      incidentTypeId: s(w.incident_type_id),
      primaryContactId: ns(w.primary_contact_id),
      priority: w.priority as EntityRow<'workOrder'>['priority'],
      workOrderType: ns(w.work_order_type),
      summary: s(w.summary),
      customerComments: s(w.customer_comments),
      source: w.source as EntityRow<'workOrder'>['source'],
      promisedWindowStart: nn(w.promised_window_start),
      promisedWindowEnd: nn(w.promised_window_end),
      status: w.status as EntityRow<'workOrder'>['status'],
      version: n(w.version),
    }),
    (w) => ({
      id: w.id,
      number: w.number,
      account_id: w.accountId,
      asset_id: w.assetId,
      incident_type_id: w.incidentTypeId,
      primary_contact_id: w.primaryContactId,
      priority: w.priority,
      work_order_type: w.workOrderType,
      summary: w.summary,
      customer_comments: w.customerComments,
      source: w.source,
      promised_window_start: w.promisedWindowStart,
      promised_window_end: w.promisedWindowEnd,
      status: w.status,
    }),
  ),
  booking: simple('bookings', bookingFromSql, (b) => ({
    id: b.id,
    work_order_id: b.workOrderId,
    resource_id: b.resourceId,
    start_ms: b.start,
    end_ms: b.end,
    travel_minutes: b.travelMinutes,
    status: b.status,
    assignment_origin: b.assignmentOrigin,
    explanation: b.explanation,
    review_state: b.reviewState,
    pinned: bool(b.pinned),
    cancellation_reason_code: b.cancellationReasonCode,
    cancellation_note: b.cancellationNote,
  })),
  portalRequest: simple(
    'portal_requests',
    (p) => ({
      id: s(p.id),
      kind: p.kind as EntityRow<'portalRequest'>['kind'],
      accountId: s(p.account_id),
      contactId: ns(p.contact_id),
      workOrderId: ns(p.work_order_id),
      message: s(p.message),
      createdAt: n(p.created_at),
      state: p.state as EntityRow<'portalRequest'>['state'],
      handledBy: ns(p.handled_by),
      handledAt: nn(p.handled_at),
    }),
    (p) => ({
      id: p.id,
      kind: p.kind,
      account_id: p.accountId,
      contact_id: p.contactId,
      work_order_id: p.workOrderId,
      message: p.message,
      created_at: p.createdAt,
      state: p.state,
      handled_by: p.handledBy,
      handled_at: p.handledAt,
    }),
  ),
  reasonCode: simple('cancellation_reason_codes', reasonCodeFromSql, (r) => ({ code: r.code, label: r.label, active: bool(r.active) }), { key: 'code' }),
  invitation: simple(
    'invitations',
    (i) => ({
      id: s(i.id),
      contactId: s(i.contact_id),
      email: s(i.email),
      createdAt: n(i.created_at),
      expiresAt: n(i.expires_at),
      issuedBy: s(i.issued_by),
      state: i.state as EntityRow<'invitation'>['state'],
    }),
    (i) => ({ id: i.id, contact_id: i.contactId, email: i.email, created_at: i.createdAt, expires_at: i.expiresAt, issued_by: i.issuedBy, state: i.state }),
  ),
  audit: simple(
    'audit_log',
    (a): AuditEntry => ({
      id: s(a.id),
      at: n(a.at),
      actor: s(a.actor),
      entity: s(a.entity),
      entityId: s(a.entity_id),
      action: s(a.action),
      before: ns(a.before_json),
      after: ns(a.after_json),
    }),
    (a) => ({ id: a.id, at: a.at, actor: a.actor, entity: a.entity, entity_id: a.entityId, action: a.action, before_json: a.before, after_json: a.after }),
    { versioned: false },
  ),
  comment: simple(
    'comments',
    (c): WorkOrderComment => ({ id: s(c.id), workOrderId: s(c.work_order_id), author: s(c.author), at: n(c.at), text: s(c.text) }),
    (c) => ({ id: c.id, work_order_id: c.workOrderId, author: c.author, at: c.at, text: c.text }),
    { versioned: false },
  ),
};

function entityTable<E extends EntityName>(entity: E): EntityTable<E> {
  return tables[entity] as EntityTable<E>;
}

export function readEntity<E extends EntityName>(db: Replica, entity: E, id: string): EntityRow<E> | undefined {
  return entityTable(entity).read(db, id);
}

export function writeEntity<E extends EntityName>(db: Replica, entity: E, row: EntityRow<E>, version: number, changeNumber: number): void {
  entityTable(entity).write(db, row, version, changeNumber);
}

/** Children go with their parent (ON DELETE CASCADE). */
export function deleteEntity(db: Replica, entity: EntityName, id: string): void {
  const t = tables[entity];
  prepareCached(db, `DELETE FROM ${t.table} WHERE ${t.key} = ?`).run(id);
}

/** The stored version and change number of a row, or undefined when it does not exist. */
export function rowStamp(db: Replica, entity: EntityName, id: string): { version: number; changeNumber: number } | undefined {
  const t = tables[entity];
  const columns = t.versioned ? 'version, change_number AS changeNumber' : '0 AS version, change_number AS changeNumber';
  return prepareCached(db, `SELECT ${columns} FROM ${t.table} WHERE ${t.key} = ?`).get(id) as { version: number; changeNumber: number } | undefined;
}

/** Entity tables children-first, so clearing them never trips a foreign key. */
const clearOrder: readonly string[] = [
  'comments',
  'audit_log',
  'invitations',
  'portal_requests',
  'bookings',
  'work_orders',
  'resource_time_off',
  'resource_characteristics',
  'resource_territories',
  'resources',
  'assets',
  'contacts',
  'accounts',
  'incident_type_characteristics',
  'incident_types',
  'cancellation_reason_codes',
  'characteristics',
  'territories',
];

/** Empties every entity table (not the outbox, shadow or sync state). */
export function clearEntities(db: Replica): void {
  for (const table of clearOrder) prepareCached(db, `DELETE FROM ${table}`).run();
}

export function countRows(db: Replica, entity: EntityName): number {
  return prepareCached(db, `SELECT COUNT(*) FROM ${tables[entity].table}`).pluck().get() as number;
}
