import { openHubStore } from '../store/open-hub-store';
import { issueTechnicianToken } from '../tracking/technician-tokens';
import { UsageError, type TechnicianTokenOptions } from './hub-options';

/**
 * Prints a new technician API token (the technician's earlier token stops working). Only its
 * hash is stored, so this is the one time it can be read: hand it to the technician's app.
 */
export async function technicianTokenCommand(options: TechnicianTokenOptions): Promise<void> {
  const store = await openHubStore(options.store);
  try {
    const token = await store.transaction(async (tx) => {
      if (!(await tx.get('resource', options.resource))) throw new UsageError(`There is no technician with resource id "${options.resource}".`);
      return issueTechnicianToken(tx, options.resource, 'hub technician-token command', Date.now());
    });
    process.stdout.write(`${JSON.stringify({ event: 'technician-token', resource: options.resource, token })}\n`);
  } finally {
    await store.close();
  }
}
