import type { z } from 'zod';
import type { ApiErrorBody, ApiResult } from '../../../shared/contract/api-result';
import { ipcChannel, ipcMethodNames, type IpcMethodName } from '../../../shared/contract/ipc-channels';
import { ipcContract, type ParsedRequestOf, type ResponseOf } from '../../../shared/contract/ipc-contract';
import type { ConsoleServices } from '../services';
import { getAppInfo } from './app-handlers';
import * as dispatch from './dispatch-handlers';
import { ApiCallError, NotFoundError } from './handler-errors';
import * as calendarPublishing from './calendar-publishing-handlers';
import { listReasonCodes, runMutation } from './mutation-handlers';
import { getPreferences, setPreferences } from './preference-handlers';
import { connectHub, disconnectHub, dismissSyncIssue, getSyncStatus, listSyncIssues, redownloadAll, retrySyncIssue, syncNow } from './sync-handlers';
import { SyncUserError } from '../sync/sync-service';
import { getBoard, getBookingDetail, listBookings } from './schedule-handlers';
import { listPortalRequests, listUnscheduledWorkOrders } from './work-queue-handlers';
import { getAccountOverview, getWorkOrderDetail, search } from './record-handlers';
import { getMapDay, openLink, showContextMenu, takeRoutes } from './shell-handlers';
import { deleteBoardView, listBoardFilterOptions, listBoardViews, saveBoardView } from './view-handlers';
import { InvalidLinkError } from '../links/route-inbox';
import { getPortalSettings, listContacts, listNotifications } from './portal-admin-handlers';

type Handler<M extends IpcMethodName> = (services: ConsoleServices, request: ParsedRequestOf<M>) => ResponseOf<M> | Promise<ResponseOf<M>>;

const handlers: { [M in IpcMethodName]: Handler<M> } = {
  getAppInfo,
  getBoard,
  listBookings,
  getBookingDetail,
  listUnscheduledWorkOrders,
  listPortalRequests,
  listReasonCodes,
  runMutation,
  getSyncStatus,
  connectHub,
  disconnectHub,
  syncNow,
  listSyncIssues,
  dismissSyncIssue,
  retrySyncIssue,
  redownloadAll,
  getPreferences,
  setPreferences,
  ...dispatch,
  search,
  getWorkOrderDetail,
  getAccountOverview,
  listBoardFilterOptions,
  listBoardViews,
  saveBoardView,
  deleteBoardView,
  getMapDay,
  openLink,
  takeRoutes,
  showContextMenu,
  listContacts,
  listNotifications,
  getPortalSettings,
  ...calendarPublishing,
};

export type ApiDispatcher = (method: string, payload: unknown) => Promise<ApiResult<unknown>>;

/**
 * The single entry for every API call, whatever the transport (Electron IPC or the browser
 * host's WebSocket): unknown methods and payloads that fail the contract's schema get an
 * error answer; a handler that throws gets one too. Nothing reaches a handler unparsed.
 */
export function createApiDispatcher(services: ConsoleServices, log: (message: string, error: unknown) => void = console.error): ApiDispatcher {
  return async (method, payload) => {
    if (!isMethod(method)) return failure({ code: 'unknown_method', message: `There is no API method "${String(method)}".` });
    const parsed = ipcContract[method].request.safeParse(payload ?? {});
    if (!parsed.success) return failure(invalidRequest(method, parsed.error));
    try {
      const handler = handlers[method] as Handler<typeof method>;
      return { ok: true, data: await handler(services, parsed.data as never) };
    } catch (error) {
      if (error instanceof NotFoundError) return failure({ code: 'not_found', message: error.message });
      if (error instanceof InvalidLinkError) return failure({ code: 'invalid_request', message: error.message });
      if (error instanceof SyncUserError) return failure({ code: error.code, message: error.message });
      if (error instanceof ApiCallError) return failure({ code: error.code, message: error.message });
      log(`API method ${method} failed`, error);
      return failure({ code: 'internal', message: `The console could not complete ${method}; the details are in the log.` });
    }
  };
}

function isMethod(method: unknown): method is IpcMethodName {
  return typeof method === 'string' && (ipcMethodNames as readonly string[]).includes(method);
}

function failure(error: ApiErrorBody): ApiResult<never> {
  return { ok: false, error };
}

function invalidRequest(method: string, error: z.ZodError): ApiErrorBody {
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.') || '(request)', message: issue.message }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return { code: 'invalid_request', message: `Invalid request to ${method}: ${summary}`, issues };
}

/** The slice of Electron's ipcMain this module needs; typed structurally so this file never imports electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string } | null }, payload: unknown) => Promise<unknown>): void;
}

/** Registers every contract method on ipcMain; calls from frames that are not the console's own page are refused. */
export function registerIpcHandlers(ipcMain: IpcMainLike, dispatch: ApiDispatcher, isTrustedFrameUrl: (url: string) => boolean): void {
  for (const method of ipcMethodNames) {
    ipcMain.handle(ipcChannel(method), async (event, payload) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedFrameUrl(url)) return failure({ code: 'forbidden', message: 'This window may not call the console API.' });
      return dispatch(method, payload);
    });
  }
}
