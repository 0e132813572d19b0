import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract/ipc-contract';
import { findAccountOverview, findWorkOrderDetail, findWorkOrderId } from '../db/queries/work-order-detail-queries';
import type { ConsoleServices } from '../services';
import { NotFoundError } from './handler-errors';

/** The command palette: records matching a query, grouped by kind, with the stretches to highlight. */
export function search(services: ConsoleServices, request: ParsedRequestOf<'search'>): ResponseOf<'search'> {
  return services.search.search(request.query, request.limit);
}

export function getWorkOrderDetail(services: ConsoleServices, request: ParsedRequestOf<'getWorkOrderDetail'>): ResponseOf<'getWorkOrderDetail'> {
  const id = findWorkOrderId(services.db, request);
  const detail = id ? findWorkOrderDetail(services.db, id) : undefined;
  if (!detail) throw new NotFoundError('workOrderId' in request ? `There is no work order ${request.workOrderId}.` : `There is no work order ${request.number} on this computer.`);
  return detail;
}

export function getAccountOverview(services: ConsoleServices, request: ParsedRequestOf<'getAccountOverview'>): ResponseOf<'getAccountOverview'> {
  const overview = findAccountOverview(services.db, request.accountId);
  if (!overview) throw new NotFoundError(`There is no account ${request.accountId}.`);
  return overview;
}
