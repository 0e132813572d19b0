import { readFileSync } from 'node:fs';
import { openHubStore } from '../store/open-hub-store';
import { removeTechnicianPhoto, saveTechnicianPhoto } from '../store/portal/technician-photo-queries';
import { checkTechnicianPhoto } from '../tracking/technician-photo';
import { UsageError, type TechnicianPhotoOptions } from './hub-options';

/** Sets (or removes) the photo customers see of a technician on the live tracking page. */
export async function technicianPhotoCommand(options: TechnicianPhotoOptions): Promise<void> {
  const photo = options.file === null ? null : readPhoto(options.file);
  const store = await openHubStore(options.store);
  try {
    const done = await store.transaction(async (tx) => {
      if (!(await tx.get('resource', options.resource))) throw new UsageError(`There is no technician with resource id "${options.resource}".`);
      if (!photo) return (await removeTechnicianPhoto(tx.sql, options.resource)) ? 'removed' : 'had none';
      await saveTechnicianPhoto(tx.sql, options.resource, photo, Date.now());
      return 'set';
    });
    process.stdout.write(`${JSON.stringify({ event: 'technician-photo', resource: options.resource, photo: done, ...(photo ? { type: photo.contentType, bytes: photo.bytes.length } : {}) })}\n`);
  } finally {
    await store.close();
  }
}

function readPhoto(file: string) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`Cannot read the photo ${file}: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const checked = checkTechnicianPhoto(bytes);
  if (!checked.ok) throw new UsageError(`${file}: ${checked.reason}`);
  return checked.photo;
}
