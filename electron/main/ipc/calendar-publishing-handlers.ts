import { calendarRouteRoles } from '../../../shared/contract/calendar-http';
import type { Role } from '../../../shared/contract/hub-http';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract/ipc-contract';
import { techniciansWithoutPublishing } from '../db/queries/technician-queries';
import { HubError, type HubClient } from '../sync/hub-client';
import type { ConsoleServices } from '../services';
import { ApiCallError } from './handler-errors';

/**
 * Portal → Calendars: passed straight on to the hub over the console's session (the request was
 * checked against the IPC contract, the hub's answer is checked by HubClient). Nothing here is
 * kept in the replica: without the hub there is nothing to show, and the screen says so.
 */

export async function getCalendarPublishing(services: ConsoleServices, _request: ParsedRequestOf<'getCalendarPublishing'>): Promise<ResponseOf<'getCalendarPublishing'>> {
  const answer = await callHub(services, calendarRouteRoles.publishing, (client) => client.calendarPublishing());
  const at = services.now();
  if (answer) return { support: 'full', technicians: answer.technicians, at };
  return { support: 'feeds_only', technicians: techniciansWithoutPublishing(services.db), at };
}

export function rotateCalendarFeed(services: ConsoleServices, request: ParsedRequestOf<'rotateCalendarFeed'>): Promise<ResponseOf<'rotateCalendarFeed'>> {
  return callHub(services, calendarRouteRoles.rotateFeed, (client) => client.rotateCalendarFeed(request.resourceId));
}

export function saveCaldavTarget(services: ConsoleServices, request: ParsedRequestOf<'saveCaldavTarget'>): Promise<ResponseOf<'saveCaldavTarget'>> {
  return callHub(services, calendarRouteRoles.caldavTarget, (client) => client.saveCaldavTarget(request.resourceId, request.target));
}

export function pushCaldavNow(services: ConsoleServices, request: ParsedRequestOf<'pushCaldavNow'>): Promise<ResponseOf<'pushCaldavNow'>> {
  return callHub(services, calendarRouteRoles.caldavPushNow, (client) => client.pushCaldavNow(request.resourceId));
}

/** Runs `call` with the hub session, refusing at once what the hub would refuse anyway; the hub's failures become answers with its reason. */
async function callHub<T>(services: ConsoleServices, roles: readonly Role[], call: (client: HubClient) => Promise<T>): Promise<T> {
  const session = services.sync.hubSession();
  if (!session) throw new ApiCallError('not_connected', 'Calendars are managed at the hub: connect to it and sign in (Settings). This screen does not work offline or on demo data.');
  if (session.user && !roles.includes(session.user.role)) {
    throw new ApiCallError('forbidden', `Calendars are managed by ${roles.join(' or ')}s; you are signed in as ${session.user.role.replace('_', ' ')}.`);
  }
  try {
    return await call(session.client);
  } catch (error) {
    if (error instanceof HubError) throw answerFor(error);
    throw error;
  }
}

function answerFor(error: HubError): ApiCallError {
  switch (error.kind) {
    case 'unreachable':
      return new ApiCallError('hub_unreachable', `${error.message} Calendars need the hub; try again when it answers.`);
    case 'unauthorized':
      return new ApiCallError('not_connected', `The hub no longer accepts this session (${error.message}) Sign in again in Settings.`);
    case 'rejected':
      if (error.status === 403) return new ApiCallError('forbidden', error.message);
      if (error.status === 404) return new ApiCallError('not_found', error.message);
      return new ApiCallError('invalid_request', error.message);
    case 'server':
    case 'malformed':
      return new ApiCallError('hub_error', error.status ? `The hub failed (HTTP ${error.status}): ${error.message}` : error.message);
  }
}
