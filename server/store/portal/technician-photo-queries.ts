import type { TechnicianPhotoType } from '../../../shared/contract/portal-http';
import type { SqlExecutor } from '../sql-executor';
import { placeholders } from './sql-params';

export interface StoredPhoto {
  contentType: TechnicianPhotoType;
  bytes: Buffer;
  sha256: string;
}

export async function saveTechnicianPhoto(ex: SqlExecutor, resourceId: string, photo: StoredPhoto, now: number): Promise<void> {
  await ex.run(
    `INSERT INTO technician_photos (resource_id, content_type, data_base64, sha256, updated_at) VALUES (${placeholders(ex, 5)})
     ON CONFLICT (resource_id) DO UPDATE SET content_type = excluded.content_type, data_base64 = excluded.data_base64, sha256 = excluded.sha256, updated_at = excluded.updated_at`,
    [resourceId, photo.contentType, photo.bytes.toString('base64'), photo.sha256, now],
  );
}

/** Whether there was a photo to remove. */
export async function removeTechnicianPhoto(ex: SqlExecutor, resourceId: string): Promise<boolean> {
  return (await ex.run(`DELETE FROM technician_photos WHERE resource_id = ${ex.dialect.param(1)}`, [resourceId])) > 0;
}

export async function technicianPhoto(ex: SqlExecutor, resourceId: string): Promise<StoredPhoto | undefined> {
  const [row] = await ex.all<{ content_type: TechnicianPhotoType; data_base64: string; sha256: string }>(
    `SELECT content_type, data_base64, sha256 FROM technician_photos WHERE resource_id = ${ex.dialect.param(1)}`,
    [resourceId],
  );
  return row && { contentType: row.content_type, bytes: Buffer.from(row.data_base64, 'base64'), sha256: row.sha256 };
}

/** The photo's version only (the tracking answer links to it without reading the image). */
export async function technicianPhotoVersion(ex: SqlExecutor, resourceId: string): Promise<string | undefined> {
  const [row] = await ex.all<{ sha256: string }>(`SELECT sha256 FROM technician_photos WHERE resource_id = ${ex.dialect.param(1)}`, [resourceId]);
  return row?.sha256;
}
