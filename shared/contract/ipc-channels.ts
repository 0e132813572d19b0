/**
 * The names of every console API method. Kept free of imports so the sandboxed preload can
 * bundle it without pulling in schemas; `ipc-contract.ts` checks it lists exactly its keys.
 */
export const ipcMethodNames = [
  'getAppInfo',
  'getBoard',
  'listBookings',
  'getBookingDetail',
  'listUnscheduledWorkOrders',
  'listPortalRequests',
  'listReasonCodes',
  'runMutation',
  'getSyncStatus',
  'connectHub',
  'disconnectHub',
  'syncNow',
  'listSyncIssues',
  'dismissSyncIssue',
  'retrySyncIssue',
  'redownloadAll',
  'getPreferences',
  'setPreferences',
  // The dispatcher's actions on the board (dispatch-contract.ts).
  'getSchedulingContext',
  'getPlacementJob',
  'findAvailability',
  'listReviewQueue',
  'proposeFitIn',
  'getRowVersions',
  'startPlan',
  'cancelPlan',
  'getPlanRun',
  'resubmitSyncIssue',
  'search',
  'getWorkOrderDetail',
  'getAccountOverview',
  'listBoardFilterOptions',
  'listBoardViews',
  'saveBoardView',
  'deleteBoardView',
  'getMapDay',
  'openLink',
  'takeRoutes',
  'showContextMenu',
  // The console side of the customer portal (portal-admin.ts).
  'listContacts',
  'getPortalSettings',
  'listNotifications',
  // Technicians' calendar publishing, straight from the hub (calendar-publishing.ts).
  'getCalendarPublishing',
  'rotateCalendarFeed',
  'saveCaldavTarget',
  'pushCaldavNow',
] as const;

export type IpcMethodName = (typeof ipcMethodNames)[number];

/** Electron channel for a method; prefixed so no other ipcMain handler can collide. */
export function ipcChannel(method: IpcMethodName): string {
  return `dispatch-desk:${method}`;
}

/** Main → renderer notifications (sync status, data changed) travel on this one channel. */
export const IPC_EVENT_CHANNEL = 'dispatch-desk:event';
