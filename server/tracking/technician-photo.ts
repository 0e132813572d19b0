import { createHash } from 'node:crypto';
import { MAX_TECHNICIAN_PHOTO_BYTES, type TechnicianPhotoType } from '../../shared/contract/portal-http';
import type { StoredPhoto } from '../store/portal/technician-photo-queries';

/** The image formats every browser shows, recognised by their first bytes (a declared type is not trusted). */
const signatures: { type: TechnicianPhotoType; matches: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', matches: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/webp', matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

export type PhotoCheck = { ok: true; photo: StoredPhoto } | { ok: false; reason: string };

/** A technician photo as given (request body or file): a JPEG, PNG or WebP image of at most 512 KB. */
export function checkTechnicianPhoto(bytes: Buffer): PhotoCheck {
  if (bytes.length === 0) return { ok: false, reason: 'The photo is empty.' };
  if (bytes.length > MAX_TECHNICIAN_PHOTO_BYTES) {
    return { ok: false, reason: `The photo is ${Math.ceil(bytes.length / 1024)} KB; at most ${MAX_TECHNICIAN_PHOTO_BYTES / 1024} KB is accepted (a 400 × 400 pixel JPEG is plenty).` };
  }
  const format = signatures.find((s) => s.matches(bytes));
  if (!format) return { ok: false, reason: 'The photo must be a JPEG, PNG or WebP image; these bytes are none of them.' };
  return { ok: true, photo: { contentType: format.type, bytes, sha256: createHash('sha256').update(bytes).digest('base64url') } };
}
