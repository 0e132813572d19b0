import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract/ipc-contract';
import { listReasonCodes as queryReasonCodes } from '../db/queries/work-queue-queries';
import type { ConsoleServices } from '../services';

/**
 * Runs a named mutation on the replica through the shared mutation code. Refused locally → the
 * refusal is the answer and nothing is queued; applied → queued for the hub when one is set.
 */
export function runMutation(services: ConsoleServices, request: ParsedRequestOf<'runMutation'>): Promise<ResponseOf<'runMutation'>> {
  return services.sync.runMutation(request.name, request.args);
}

export function listReasonCodes(services: ConsoleServices, _request: ParsedRequestOf<'listReasonCodes'>): ResponseOf<'listReasonCodes'> {
  return queryReasonCodes(services.db);
}
