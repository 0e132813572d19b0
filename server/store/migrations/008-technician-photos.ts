import type { HubMigration } from './migration';

/**
 * technician_photos: the photo customers see on the live tracking page, one per technician,
 * set by the technician's app or by an administrator's command. Kept as base64 text (the same
 * column type on both engines; a photo is at most half a megabyte) with its SHA-256, which
 * names the version in the portal's photo address and is its ETag.
 */
function ddl(t: { int: string }): string {
  return `
    CREATE TABLE technician_photos (
      resource_id TEXT PRIMARY KEY REFERENCES resources (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
      data_base64 TEXT NOT NULL, sha256 TEXT NOT NULL, updated_at ${t.int} NOT NULL);
  `;
}

export const technicianPhotos: HubMigration = {
  version: 8,
  name: 'technician photos for the live tracking page',
  sqlite: ddl({ int: 'INTEGER' }),
  postgres: ddl({ int: 'BIGINT' }),
};
