import type { DemoDataset } from '../../../../shared/demo/seed-builder';
import type { Replica } from '../open-replica';

const bool = (value: boolean) => (value ? 1 : 0);

/**
 * Writes a complete data set (demo data today, an initial hub snapshot later) in one
 * transaction: either every row is there or none is.
 */
export function insertDataset(db: Replica, data: DemoDataset): void {
  db.transaction(() => {
    insertReference(db, data);
    insertCustomers(db, data);
    insertResources(db, data);
    insertWork(db, data);
  })();
}

function insertReference(db: Replica, data: DemoDataset): void {
  const territory = db.prepare('INSERT INTO territories (id, name, version) VALUES (?, ?, 1)');
  for (const t of data.territories) territory.run(t.id, t.name);
  const characteristic = db.prepare('INSERT INTO characteristics (id, name, version) VALUES (?, ?, 1)');
  for (const c of data.characteristics) characteristic.run(c.id, c.name);
  const incident = db.prepare(
    `INSERT INTO incident_types (id, name, duration_minutes, portal_bookable, customer_facing_name,
       default_work_order_type, customer_change_notice_hours, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const required = db.prepare(
    'INSERT INTO incident_type_characteristics (incident_type_id, characteristic_id, min_rating) VALUES (?, ?, ?)',
  );
  for (const t of data.incidentTypes) {
    incident.run(t.id, t.name, t.durationMinutes, bool(t.portalBookable), t.customerFacingName, t.defaultWorkOrderType, t.customerChangeNoticeHours);
    for (const r of t.requiredCharacteristics) required.run(t.id, r.characteristicId, r.minRating);
  }
  const reason = db.prepare('INSERT INTO cancellation_reason_codes (code, label, active, version) VALUES (?, ?, ?, 1)');
  for (const r of data.reasonCodes) reason.run(r.code, r.label, bool(r.active));
}

function insertCustomers(db: Replica, data: DemoDataset): void {
  const account = db.prepare(
    'INSERT INTO accounts (id, name, address, lat, lng, territory_id, time_zone, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)',
  );
  for (const a of data.accounts) account.run(a.id, a.name, a.address, a.lat, a.lng, a.territoryId, a.timeZone);
  const contact = db.prepare(
    'INSERT INTO contacts (id, account_id, name, email, web_roles, has_portal_profile, version) VALUES (?, ?, ?, ?, ?, ?, 1)',
  );
  for (const c of data.contacts) contact.run(c.id, c.accountId, c.name, c.email, JSON.stringify(c.webRoles), bool(c.hasPortalProfile));
  const asset = db.prepare('INSERT INTO assets (id, account_id, product_name, serial_number, version) VALUES (?, ?, ?, ?, 1)');
  for (const a of data.assets) asset.run(a.id, a.accountId, a.productName, a.serialNumber);
}

function insertResources(db: Replica, data: DemoDataset): void {
  const resource = db.prepare(
    `INSERT INTO resources (id, name, email, phone, home_lat, home_lng, time_zone, weekly_hours, calendar_publishing, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const territory = db.prepare('INSERT INTO resource_territories (resource_id, territory_id) VALUES (?, ?)');
  const skill = db.prepare('INSERT INTO resource_characteristics (resource_id, characteristic_id, rating) VALUES (?, ?, ?)');
  const timeOff = db.prepare('INSERT INTO resource_time_off (id, resource_id, start_ms, end_ms) VALUES (?, ?, ?, ?)');
  for (const r of data.resources) {
    resource.run(r.id, r.name, r.email, r.phone, r.homeLat, r.homeLng, r.timeZone, JSON.stringify(r.weeklyHours), bool(r.calendarPublishing));
    for (const t of r.territoryIds) territory.run(r.id, t);
    for (const c of r.characteristics) skill.run(r.id, c.characteristicId, c.rating);
    r.timeOff.forEach((off, i) => timeOff.run(`${r.id}-off-${i + 1}`, r.id, off.start, off.end));
  }
}

function insertWork(db: Replica, data: DemoDataset): void {
  const workOrder = db.prepare(
    `INSERT INTO work_orders (id, number, account_id, asset_id, incident_type_id, primary_contact_id, priority,
       work_order_type, summary, customer_comments, source, promised_window_start, promised_window_end, status, version)
     VALUES (@id, @number, @accountId, @assetId, @incidentTypeId, @primaryContactId, @priority, @workOrderType, @summary,
       @customerComments, @source, @promisedWindowStart, @promisedWindowEnd, @status, @version)`,
  );
  for (const w of data.workOrders) workOrder.run(w);
  const booking = db.prepare(
    `INSERT INTO bookings (id, work_order_id, resource_id, start_ms, end_ms, travel_minutes, status, assignment_origin,
       explanation, review_state, pinned, cancellation_reason_code, cancellation_note, version)
     VALUES (@id, @workOrderId, @resourceId, @start, @end, @travelMinutes, @status, @assignmentOrigin, @explanation,
       @reviewState, @pinned, @cancellationReasonCode, @cancellationNote, @version)`,
  );
  for (const b of data.bookings) booking.run({ ...b, pinned: bool(b.pinned) });
  const request = db.prepare(
    `INSERT INTO portal_requests (id, kind, account_id, contact_id, work_order_id, message, created_at, state, handled_by, handled_at, version)
     VALUES (@id, @kind, @accountId, @contactId, @workOrderId, @message, @createdAt, @state, @handledBy, @handledAt, 1)`,
  );
  for (const p of data.portalRequests) request.run(p);
}
