import { Temporal } from 'temporal-polyfill';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract/ipc-contract';
import { mapDay } from '../db/queries/map-queries';
import type { ConsoleServices } from '../services';

/** The map's day: whole local days in the requested zone, like the board's. */
export function getMapDay(services: ConsoleServices, request: ParsedRequestOf<'getMapDay'>): ResponseOf<'getMapDay'> {
  const day = Temporal.PlainDate.from(request.date);
  const rangeStart = day.toZonedDateTime({ timeZone: request.timeZone }).epochMilliseconds;
  const rangeEnd = day.add({ days: 1 }).toZonedDateTime({ timeZone: request.timeZone }).epochMilliseconds;
  return mapDay(services.db, { rangeStart, rangeEnd }, services.now());
}

/** Hands a link to the window, as a second launch does (see RouteInbox). */
export function openLink(services: ConsoleServices, request: ParsedRequestOf<'openLink'>): ResponseOf<'openLink'> {
  return services.routes.open(request.url);
}

export function takeRoutes(services: ConsoleServices, _request: ParsedRequestOf<'takeRoutes'>): ResponseOf<'takeRoutes'> {
  return services.routes.take();
}

/** A native context menu where the shell has them; elsewhere the renderer shows its own. */
export function showContextMenu(services: ConsoleServices, request: ParsedRequestOf<'showContextMenu'>): Promise<ResponseOf<'showContextMenu'>> | ResponseOf<'showContextMenu'> {
  return services.shell.showContextMenu ? services.shell.showContextMenu(request.items) : { shown: false, chosen: null };
}
