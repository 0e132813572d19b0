import { feedPath } from '../../shared/contract/calendar-http';
import { rotateFeedToken } from '../calendar/technician-feed';
import { openHubStore } from '../store/open-hub-store';
import { UsageError, type CalendarFeedOptions } from './hub-options';

/**
 * Prints a new secret calendar feed address for the technician (their earlier address stops
 * working). Only its hash is stored: this is the one time it can be read. The path goes after
 * the hub's public address, e.g. https://hub.acme.example/calendar/ddc_….ics.
 */
export async function calendarFeedCommand(options: CalendarFeedOptions): Promise<void> {
  const store = await openHubStore(options.store);
  try {
    const token = await store.transaction(async (tx) => {
      if (!(await tx.get('resource', options.resource))) throw new UsageError(`There is no technician with resource id "${options.resource}".`);
      return rotateFeedToken(tx, options.resource, 'hub calendar-feed command', Date.now());
    });
    process.stdout.write(`${JSON.stringify({ event: 'calendar-feed', resource: options.resource, path: feedPath(token) })}\n`);
  } finally {
    await store.close();
  }
}
