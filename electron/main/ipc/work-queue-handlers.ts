import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract/ipc-contract';
import { listPortalRequests as queryPortalRequests, listUnscheduledWorkOrders as queryUnscheduled } from '../db/queries/work-queue-queries';
import type { ConsoleServices } from '../services';

export function listUnscheduledWorkOrders(
  services: ConsoleServices,
  _request: ParsedRequestOf<'listUnscheduledWorkOrders'>,
): ResponseOf<'listUnscheduledWorkOrders'> {
  return queryUnscheduled(services.db);
}

export function listPortalRequests(
  services: ConsoleServices,
  request: ParsedRequestOf<'listPortalRequests'>,
): ResponseOf<'listPortalRequests'> {
  return queryPortalRequests(services.db, request.state);
}
