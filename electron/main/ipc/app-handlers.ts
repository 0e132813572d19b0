import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract/ipc-contract';
import { dataOrigin } from '../db/queries/sync-state-queries';
import { operatingTimeZone } from '../db/queries/work-queue-queries';
import type { ConsoleServices } from '../services';

export const FALLBACK_TIME_ZONE = 'America/Chicago';

export function getAppInfo(services: ConsoleServices, _request: ParsedRequestOf<'getAppInfo'>): ResponseOf<'getAppInfo'> {
  return {
    appVersion: services.appVersion,
    schemaVersion: services.schemaVersion,
    dataFile: services.dataFile,
    dataOrigin: dataOrigin(services.db),
    operatingTimeZone: operatingTimeZone(services.db, FALLBACK_TIME_ZONE),
    runtime: services.runtime,
  };
}
