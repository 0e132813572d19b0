import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract/ipc-contract';
import type { ConsoleServices } from '../services';

export function getPreferences(services: ConsoleServices, _request: ParsedRequestOf<'getPreferences'>): ResponseOf<'getPreferences'> {
  return services.preferences.get();
}

export function setPreferences(services: ConsoleServices, request: ParsedRequestOf<'setPreferences'>): ResponseOf<'setPreferences'> {
  return services.preferences.update(request);
}
